"""extract_many and concurrent use: same results as one thread, input order."""
import threading

import pytest

import facta


def test_extract_many_threads_equal_single(ex, texts):
    docs = texts * 4
    one = ex.extract_many(docs, threads=1)
    four = ex.extract_many(docs, threads=4)
    assert four == one
    assert one == [ex.extract(t) for t in docs]
    assert ex.extract_many([]) == []
    assert ex.extract_many(iter(docs[:3]), threads=8) == one[:3]


def test_to_json_many_threads_equal_single(ex, texts):
    ids = ["doc-%d" % i for i in range(len(texts))]
    one = ex.to_json_many(texts, ids, threads=1)
    assert ex.to_json_many(texts, ids, threads=4) == one
    assert one == [ex.to_json(t, i) for t, i in zip(texts, ids)]
    with pytest.raises(ValueError):
        ex.to_json_many(texts, ids[:-1])


def test_extract_many_reports_first_failure(tiny):
    docs = ["Paris"] * 50 + [b"\xff"] + ["Paris"] * 20 + [b"ok \xfe"] + ["Paris"] * 30
    for threads in (1, 4):
        with pytest.raises(facta.FactaError) as ei:
            tiny.extract_many(docs, threads=threads)
        assert "byte 0" in ei.value.message  # the first bad document, not the second
    with pytest.raises(ValueError):
        tiny.extract_many(docs, threads=0)
    ok = tiny.extract_many(docs, threads=4, replace_invalid=True)
    assert len(ok) == len(docs) and ok[0][0].text == "Paris"


def test_one_extractor_from_many_threads(ex, texts):
    expected = [ex.extract(t) for t in texts]
    errors = []

    def work():
        try:
            for _ in range(3):
                assert [ex.extract(t) for t in texts] == expected
        except BaseException as e:  # pragma: no cover - reported below
            errors.append(e)

    threads = [threading.Thread(target=work) for _ in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert not errors
    assert len(ex._pool) <= 5  # one C extractor per concurrent caller, reused


def test_shared_rules_many_extractors(rules, texts):
    expected = [facta.Extractor(rules).extract(t) for t in texts]
    out = {}

    def work(k):
        with facta.Extractor(rules) as e:
            out[k] = [e.extract(t) for t in texts]

    threads = [threading.Thread(target=work, args=(k,)) for k in range(4)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    assert all(v == expected for v in out.values()) and len(out) == 4
