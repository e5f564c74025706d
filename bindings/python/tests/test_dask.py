"""facta.dask and examples/dask_extract.py: same JSON lines as one process."""
import json
import os
import subprocess
import sys

import pytest
from conftest import REPO, TINY_RULES

import facta

dask = pytest.importorskip("dask")
db = pytest.importorskip("dask.bag")
distributed = pytest.importorskip("distributed")
import facta.dask as fdask  # noqa: E402


def make_corpus(root, texts):
    """A directory of .txt files (one in a subdirectory, one with CRLF and a BOM)
    and the (id, bytes) of each, in the order run_corpus reads them: the ids are
    the paths as facta-extract names them."""
    files = {}
    for i, t in enumerate(texts):
        files["doc_%03d.txt" % i] = t.encode("utf-8")
    files["sub/crlf.txt"] = "\ufeffМосква,\r\n3 dollars in Paris\r\n".encode("utf-8")
    files["sub.txt"] = "Paris".encode("utf-8")  # sorts before sub/ bytewise
    files["zz_empty.txt"] = b""
    for rel, data in files.items():
        p = root / rel
        p.parent.mkdir(parents=True, exist_ok=True)
        p.write_bytes(data)
    (root / "ignored.md").write_text("not a .txt file")
    return sorted(((str(root) + "/" + rel, data) for rel, data in files.items()), key=lambda x: x[0].encode())


def read_parts(out_dir):
    names = sorted(n for n in os.listdir(out_dir) if n.startswith("part-"))
    assert names and names[0] == "part-00000.jsonl"
    assert all(n.endswith(".jsonl") for n in names)
    lines = []
    for n in names:
        with open(os.path.join(out_dir, n), encoding="utf-8", newline="") as f:
            data = f.read()
        assert data == "" or data.endswith("\n")
        lines += data.splitlines()
    return lines


@pytest.fixture(scope="module")
def cluster_client():
    from distributed import Client, LocalCluster

    cluster = LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, silence_logs=40
    )
    client = Client(cluster)
    yield client
    client.close()
    cluster.close()


def test_extract_bag_sync(tmp_path, rules, texts):
    records = [{"id": "d%d" % i, "text": t, "date": "2024-03-0%d" % (1 + i % 9)} for i, t in enumerate(texts)]
    bag = db.from_sequence(records, npartitions=3)
    got = fdask.extract_bag(bag, rules).compute(scheduler="sync")
    with facta.Extractor(rules) as ex:
        assert got == [ex.to_json(r["text"], r["id"], doc_date=r["date"]) for r in records]


def test_run_corpus_local_cluster(tmp_path, cluster_client, rules, texts):
    expected_files = make_corpus(tmp_path / "in", texts)
    with facta.Extractor(rules) as ex:
        expected = [ex.to_json(data, rel) for rel, data in expected_files]
    out = tmp_path / "out"
    (out).mkdir()
    (out / "part-00099.jsonl").write_text("stale\n")
    paths = fdask.run_corpus(tmp_path / "in", out, client=cluster_client, partitions=5, rules=rules)
    assert len(paths) == 5
    assert read_parts(out) == expected
    # two worker processes, each with one Extractor (rules loaded once)
    pids = cluster_client.run(os.getpid)
    assert len(set(pids.values())) == 2 and os.getpid() not in pids.values()
    cached = cluster_client.run(lambda: len(fdask._extractors))
    assert set(cached.values()) == {1}


def test_run_corpus_jsonl_local_cluster(tmp_path, cluster_client, texts):
    rule_file = tmp_path / "tiny.facta"
    rule_file.write_text(TINY_RULES, encoding="utf-8")
    src = tmp_path / "in.jsonl"
    records = [{"id": "r%d" % i, "text": t, "date": "2024-01-31"} for i, t in enumerate(texts)]
    records.append({"id": 7, "text": "Москва 😀, 12 рублей"})  # non-str id, no date
    with open(src, "w", encoding="utf-8") as f:
        for r in records:
            f.write(json.dumps(r, ensure_ascii=bool(len(r["text"]) % 2)) + "\n")
        f.write("\n")  # blank lines are skipped
    with facta.Extractor(rule_file) as ex:
        expected = [ex.to_json(r["text"], str(r["id"]), doc_date=r.get("date")) for r in records]
    out = tmp_path / "out"
    fdask.run_corpus(src, out, client=cluster_client, partitions=4, rules=str(rule_file))
    assert read_parts(out) == expected


def test_run_corpus_equals_cli(tmp_path, cluster_client, texts):
    """For a directory, the parts concatenated equal `facta-extract DIR`."""
    from test_cli import run_cli

    make_corpus(tmp_path / "in", texts[:5])
    bad = tmp_path / "in" / "bad.txt"
    bad.write_bytes(b"invalid \xff")
    rule_file = tmp_path / "tiny.facta"
    rule_file.write_text(TINY_RULES, encoding="utf-8")
    cli = run_cli("--rules", rule_file, "-q", tmp_path / "in")
    out = tmp_path / "out"
    fdask.run_corpus(tmp_path / "in", out, client=cluster_client, partitions=3, rules=rule_file, errors="skip")
    assert read_parts(out) == cli
    with pytest.raises(facta.FactaError):
        fdask.run_corpus(tmp_path / "in", out, client=cluster_client, partitions=3, rules=rule_file)


def test_example_script(tmp_path, texts):
    """examples/dask_extract.py: a LocalCluster of 2 worker processes."""
    from conftest import default_or_none

    script = REPO / "examples" / "dask_extract.py"
    if not script.exists():
        pytest.skip("examples/dask_extract.py is missing")
    expected_files = make_corpus(tmp_path / "in", texts)
    args = [sys.executable, str(script), str(tmp_path / "in"), str(tmp_path / "out"), "--workers", "2"]
    if default_or_none() is None:  # the built-in rules are broken right now: use the tiny ones
        rule_file = tmp_path / "tiny.facta"
        rule_file.write_text(TINY_RULES, encoding="utf-8")
        args += ["--rules", str(rule_file)]
        ex = facta.Extractor(rule_file)
    else:
        ex = facta.Extractor()
    with ex:
        expected = [ex.to_json(data, rel) for rel, data in expected_files]
    r = subprocess.run(args, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr
    assert read_parts(tmp_path / "out") == expected
