"""Score facta-extract on the seed articles in ../shared (others' text, read in place, never
copied) with their scorer; skipped when ../shared is absent. The bars are regression guards
set just under the measured scores."""
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]
SHARED = Path(os.environ.get("FACTA_SHARED", ROOT.parent / "shared"))
SEEDS = SHARED / "corpus" / "seeds"
CLI = Path(os.environ.get("FACTA_EXTRACT", ROOT / "build" / "bin" / "facta-extract"))


@pytest.mark.skipif(not (SEEDS / "score.py").exists(), reason="../shared/corpus/seeds absent")
def test_seed_scores(tmp_path):
    out = tmp_path / "seeds.jsonl"
    files = sorted(str(p) for p in SEEDS.glob("*.txt"))
    with open(out, "w", encoding="utf-8") as f:
        subprocess.run([str(CLI), "-j", "1", "--format", "jsonl", *files], stdout=f, check=True)
    r = subprocess.run([sys.executable, str(SEEDS / "score.py"), str(out),
                        "--min-recall", "0.93", "--min-precision", "0.85", "-v"],
                       capture_output=True, text=True)
    print(r.stdout)
    assert "FORBIDDEN" not in r.stdout
    assert r.returncode == 0, r.stdout
