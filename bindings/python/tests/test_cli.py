"""to_json equals `facta-extract --format jsonl FILE` (skipped while the CLI is
missing or does not run)."""
import json
import os
import subprocess

import pytest
from conftest import EN_TEXT, MIXED_TEXT, REPO, RU_TEXT

import facta

CLI = REPO / "build" / "bin" / "facta-extract"


def run_cli(*args):
    if not (CLI.exists() and os.access(CLI, os.X_OK)):
        pytest.skip("build/bin/facta-extract is missing")
    try:
        r = subprocess.run([str(CLI), *map(str, args)], capture_output=True, timeout=120)
    except OSError as e:
        pytest.skip("facta-extract does not run: %s" % e)
    if r.returncode not in (0, 1) or not r.stdout.strip():  # 1: some inputs failed
        pytest.skip("facta-extract failed or printed nothing (rc=%d): %s" % (r.returncode, r.stderr[-300:]))
    return r.stdout.decode("utf-8").splitlines()


@pytest.mark.parametrize("text", [RU_TEXT, EN_TEXT, MIXED_TEXT], ids=["ru", "en", "mixed"])
def test_to_json_equals_cli(tmp_path, text):
    f = tmp_path / "doc.txt"
    f.write_bytes(text.encode("utf-8"))
    lines = run_cli("--format", "jsonl", f)
    assert len(lines) == 1
    doc = json.loads(lines[0])
    try:
        ex = facta.Extractor()
    except facta.FactaError as e:
        pytest.skip("the built-in rules do not compile: %s" % e)
    with ex:
        assert ex.to_json(f.read_bytes(), doc.get("id")) == lines[0]
        assert ex.to_json(text, doc.get("id")) == lines[0]


def test_to_json_equals_cli_with_rules(tmp_path, tiny_rules):
    from conftest import TINY_RULES

    rules = tmp_path / "tiny.facta"
    rules.write_text(TINY_RULES, encoding="utf-8")
    f = tmp_path / "doc.txt"
    f.write_bytes(MIXED_TEXT.encode("utf-8"))
    lines = run_cli("--format", "jsonl", "--rules", rules, f)
    doc = json.loads(lines[0])
    with facta.Extractor(rules) as ex:
        assert ex.to_json(MIXED_TEXT, doc.get("id")) == lines[0]
