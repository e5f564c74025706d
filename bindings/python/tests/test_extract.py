"""Extraction through the binding: offsets, round trips, JSON, options, errors."""
import datetime
import json
import pickle

import pytest
from conftest import EN_TEXT, MIXED_TEXT, RU_TEXT

import facta


def check_offsets(text, ents):
    data = text.encode("utf-8")
    for e in ents:
        assert text[e.start : e.end] == e.text, e
        assert data[e.byte_start : e.byte_end].decode("utf-8") == e.text, e
        assert 0 <= e.start < e.end <= len(text)
        assert e.type and isinstance(e.norm, str) and isinstance(e.attrs, dict)
        for k, v in e.attrs.items():
            assert isinstance(k, str)
            assert v is None or isinstance(v, (str, int, float))
            if isinstance(v, float):
                assert not v.is_integer()
    # sorted by start, then longer first
    keys = [(e.byte_start, -e.byte_end) for e in ents]
    assert keys == sorted(keys)


def test_version():
    v = facta.library_version()
    assert v.count(".") == 2 and all(p.isdigit() for p in v.split("."))
    assert facta.__version__


@pytest.mark.parametrize("text", [RU_TEXT, EN_TEXT, MIXED_TEXT], ids=["ru", "en", "mixed"])
def test_round_trip(ex, text):
    ents = ex.extract(text)
    check_offsets(text, ents)
    assert ex.extract(text.encode("utf-8")) == ents
    assert ex.extract(bytearray(text.encode("utf-8"))) == ents
    assert ex.extract(memoryview(text.encode("utf-8"))) == ents


def test_round_trip_corpus(ex, texts):
    for text in texts:
        check_offsets(text, ex.extract(text))


def test_entities_match_json(ex, texts):
    for text in texts:
        ents = ex.extract(text)
        doc = json.loads(ex.to_json(text))
        assert doc["entities"] == [e.to_dict() for e in ents]


def test_cyrillic_offsets_exact(tiny):
    text = "В Москве заплатили 100 рублей, а в Москва 😀 — 7 рублей."
    ents = tiny.extract(text)
    check_offsets(text, ents)
    got = [(e.type, e.text, e.start, e.end, e.byte_start, e.byte_end) for e in ents]
    s1 = text.index("100 рублей")
    s2 = text.index("Москва ")
    s3 = text.index("7 рублей")
    b = lambda i: len(text[:i].encode("utf-8"))  # noqa: E731
    assert ("FIGURE", "100 рублей", s1, s1 + 10, b(s1), b(s1) + len("100 рублей".encode())) in got
    assert ("PLACE", "Москва", s2, s2 + 6, b(s2), b(s2) + 12) in got
    assert ("FIGURE", "7 рублей", s3, s3 + 8, b(s3), b(s3 + 8)) in got
    fig = next(e for e in ents if e.text == "100 рублей")
    assert fig.attrs == {"value": 100, "unit": "RUB"}
    assert isinstance(fig.attrs["value"], int)
    assert fig.rule.startswith("tiny.facta:") and fig.rule.endswith(" amount")


def test_english_and_float_attr(tiny):
    text = "In Paris he paid 5.5 dollars."
    ents = tiny.extract(text, lang="en")
    check_offsets(text, ents)
    fig = next(e for e in ents if e.type == "FIGURE")
    assert fig.attrs["value"] == 5.5 and isinstance(fig.attrs["value"], float)
    assert [e.text for e in ents if e.type == "PLACE"] == ["Paris"]


def test_bom_counts_in_offsets(tiny):
    text = "\ufeffМосква, 3 рублей"
    ents = tiny.extract(text)
    assert ents and ents[0].start == 1 and ents[0].byte_start == 3
    check_offsets(text, ents)


def test_entity_is_frozen_and_hashable(tiny):
    e = tiny.extract("Paris")[0]
    with pytest.raises(Exception):
        e.text = "x"
    assert hash(e) == hash(tiny.extract("Paris")[0])
    assert e.to_dict()["text"] == "Paris" and "rule" in e.to_dict(with_rule=True)


def test_to_json_shape(tiny):
    text = 'Paris "q" \\ Москва'
    js = tiny.to_json(text, id='doc "1" ё')
    assert "\n" not in js
    doc = json.loads(js)
    assert doc["id"] == 'doc "1" ё'
    assert [e["text"] for e in doc["entities"]] == ["Paris", "Москва"]
    assert "id" not in json.loads(tiny.to_json(text))
    assert json.loads(tiny.to_json(text, lang="ru"))["lang"] == "ru"
    expl = json.loads(tiny.to_json(text, explain=True))
    assert "rejected" in expl and all("rule" in e for e in expl["entities"])


def test_explain(ex):
    res = ex.explain(RU_TEXT)
    assert isinstance(res, facta.Explanation)
    assert res.entities == ex.extract(RU_TEXT)
    for r in res.rejected:
        assert RU_TEXT[r.start : r.end] == r.text and r.rule and r.reason
    assert res.dropped == 0


def test_options(tiny):
    text = "Paris, 3 dollars"
    assert tiny.extract(text, doc_date="2024-03-05") == tiny.extract(text, doc_date=datetime.date(2024, 3, 5))
    with pytest.raises(facta.FactaError) as ei:
        tiny.extract(text, doc_date="5 March")
    assert ei.value.code == facta.ErrorCode.EINVAL and "date" in ei.value.message
    with pytest.raises(facta.FactaError) as ei:
        tiny.extract(text, lang="de")
    assert ei.value.code == facta.ErrorCode.EINVAL
    with pytest.raises(TypeError):
        tiny.extract(text, lang=5)


def test_tokens(tiny):
    text = "Привет, Мир! См. https://example.com 42\n\nNew para"
    toks = tiny.tokens(text)
    for t in toks:
        assert text[t.start : t.end] == t.text
        assert t.kind in ("word", "number", "punct", "symbol", "url")
        assert t.script in ("other", "latin", "cyrillic", "mixed")
    first = toks[0]
    assert (first.text, first.kind, first.script, first.shape, first.folded) == (
        "Привет", "word", "cyrillic", "Xxx", "привет")
    assert first.sent_start
    assert any(t.kind == "number" and t.text == "42" for t in toks)
    assert next(t for t in toks if t.text == "New").para_start
    assert tiny.tokens(text.encode()) == toks


# ---- invalid input -------------------------------------------------------------


def test_invalid_utf8_bytes(tiny):
    bad = b"Paris \xff\xfe Moscow"
    with pytest.raises(facta.FactaError) as ei:
        tiny.extract(bad)
    assert ei.value.code == facta.ErrorCode.EUTF8
    assert "6" in ei.value.message  # names the byte offset
    for fn in (tiny.to_json, tiny.tokens):
        with pytest.raises(facta.FactaError):
            fn(bad)
    ents = tiny.extract(b"\xff\xfe Paris \xc3 3 dollars", replace_invalid=True)
    assert [e.text for e in ents] == ["Paris", "3 dollars"]
    assert ents[0].byte_start == 3 and ents[0].start == 3
    doc = json.loads(tiny.to_json(b"\xff\xfe Paris", replace_invalid=True))
    assert doc["entities"][0]["text"] == "Paris"
    assert facta.utf8_valid(bad) == (False, 6)
    assert facta.utf8_valid("ё".encode()) == (True, None)


def test_replace_invalid_matches_json(ex, tiny):
    data = "Москва\xff, 3 dollars in Paris".encode("utf-8").replace(b"\xc3\xbf", b"\xff\xe2\x82")
    data = b"\xed\xa0\x80" + data + b"\xf4\x90\x80\x80 Paris \xc0\xaf"
    for e_ in (ex, tiny):
        ents = e_.extract(data, replace_invalid=True)
        doc = json.loads(e_.to_json(data, replace_invalid=True))
        assert doc["entities"] == [e.to_dict() for e in ents]
        clean = data.decode("utf-8", "facta.replace")  # one U+FFFD per bad byte, as the library
        for e in ents:
            assert clean[e.start : e.end] == e.text
    assert [e.text for e in tiny.extract(data, replace_invalid=True)] == ["Москва", "3 dollars", "Paris", "Paris"]


def test_lone_surrogate(tiny):
    with pytest.raises(facta.FactaError) as ei:
        tiny.extract("\ud800 Paris")
    assert ei.value.code == facta.ErrorCode.EUTF8
    ents = tiny.extract("\ud800 Paris", replace_invalid=True)
    assert [(e.text, e.start) for e in ents] == [("Paris", 2)]


@pytest.mark.parametrize("bad", [None, 42, ["x"]])
def test_wrong_types(tiny, bad):
    with pytest.raises(TypeError):
        tiny.extract(bad)
    with pytest.raises(TypeError):
        tiny.to_json(bad)
    with pytest.raises(TypeError):
        tiny.tokens(bad)
    with pytest.raises(TypeError):
        tiny.extract_many(["Paris", bad], threads=2)


def test_empty_and_nul(tiny):
    assert tiny.extract("") == []
    assert tiny.extract(b"") == []
    ents = tiny.extract("a\x00Paris\x00")
    assert [(e.text, e.start) for e in ents] == [("Paris", 2)]
    with pytest.raises(ValueError):
        tiny.to_json("Paris", id="a\x00b")


def test_20_megabyte_string(tiny):
    chunk = "В Москве заплатили 100 рублей. In Paris: 5 dollars. Обычный текст без фактов. " * 8 + "\n"
    text = chunk * (20 * 1024 * 1024 // len(chunk.encode("utf-8")) + 1)
    assert len(text.encode("utf-8")) >= 20 * 1024 * 1024
    ents = tiny.extract(text)
    assert len(ents) > 1000
    for e in ents[:50] + ents[-50:]:
        assert text[e.start : e.end] == e.text
    last = ents[-1]
    assert last.end > len(text) - len(chunk) or json.loads(tiny.to_json(text)).get("truncated")


# ---- rules ----------------------------------------------------------------------


def test_rules_objects(tmp_path, tiny_rules):
    assert len(tiny_rules) == tiny_rules.count == 2
    assert isinstance(tiny_rules.warnings, list)
    f = tmp_path / "r.facta"
    f.write_text("rule city: \"Paris\" => PLACE;\n", encoding="utf-8")
    r = facta.Rules.load(f)
    assert len(r) == 1
    with facta.Extractor(str(f)) as e1, facta.Extractor(r) as e2, facta.Extractor(tmp_path) as e3:
        assert [x.text for x in e1.extract("Paris!")] == ["Paris"]
        assert e1.extract("Paris!") == e2.extract("Paris!") == e3.extract("Paris!")
    with pytest.raises(ValueError):
        facta.Extractor(r, with_defaults=True)
    with pytest.raises(TypeError):
        facta.Extractor(42)


def test_rule_pack(tmp_path, default_rules):
    pack = tmp_path / "rules.pack"
    default_rules.save(pack)
    r = facta.Rules.load(pack, verify=True)
    assert len(r) == len(default_rules) and r.stamp == default_rules.stamp
    assert len(r.stamp) == 16 and int(r.stamp, 16) >= 0
    text = "Министр Ерлан Сагадиев прибыл в Астану 21 ноября 2016 г. Paris, 6.8 mn children."
    with facta.Extractor(r) as e1, facta.Extractor(default_rules) as e2:
        assert e1.to_json(text) == e2.to_json(text)
    assert pickle.loads(pickle.dumps(r)).stamp == r.stamp
    with pytest.raises(facta.FactaError) as ei:
        facta.Rules.load(pack, with_defaults=True)
    assert ei.value.code == facta.ErrorCode.EINVAL
    pack.write_bytes(pack.read_bytes()[:1000])
    with pytest.raises(facta.FactaError) as ei:
        facta.Rules.load(pack)
    assert ei.value.code == facta.ErrorCode.ESYNTAX and "truncated" in str(ei.value)
    with pytest.raises(facta.FactaError) as ei:
        default_rules.save(tmp_path / "no" / "such" / "dir.pack")
    assert ei.value.code == facta.ErrorCode.EIO


def test_default_rules(default_rules):
    assert len(default_rules) > 0 and repr(default_rules).startswith("<facta.Rules default")
    with facta.Extractor() as e:
        assert e.rules is facta.Extractor().rules  # compiled once per process
        assert e.extract("Москва") == facta.Extractor(default_rules).extract("Москва")


@pytest.mark.parametrize("via", ["file", "string"])
def test_rule_error_has_file_line_column(tmp_path, via):
    src = "# a comment\nrule ok: \"Paris\" => PLACE;\nrule bad: [title] [nonsense=1] => PLACE;\n"
    col = src.splitlines()[2].index("nonsense") + 1
    if via == "file":
        f = tmp_path / "broken.facta"
        f.write_text(src, encoding="utf-8")
        name = str(f)
        with pytest.raises(facta.FactaError) as ei:
            facta.Rules.load(f)
    else:
        name = "mine.facta"
        with pytest.raises(facta.FactaError) as ei:
            facta.Rules.compile(src, name=name)
    e = ei.value
    assert e.code == facta.ErrorCode.ESYNTAX
    assert (e.file, e.line, e.column) == (name, 3, col)
    assert str(e).startswith("%s:3:%d: " % (name, col))


def test_rule_error_column_counts_code_points():
    src = 'rule r: "Москва" [zzz=1] => PLACE;'
    with pytest.raises(facta.FactaError) as ei:
        facta.Rules.compile(src)
    assert ei.value.line == 1 and ei.value.column == src.index("zzz") + 1
    assert ei.value.file == "<string>"


def test_missing_rule_path(tmp_path):
    with pytest.raises(facta.FactaError) as ei:
        facta.Extractor(tmp_path / "nope.facta")
    assert ei.value.code == facta.ErrorCode.EIO
    assert "nope.facta" in str(ei.value)


def test_error_pickles():
    e = facta.FactaError(facta.ErrorCode.ESYNTAX, "f:1:2: x", file="f", line=1, column=2, byte_offset=1)
    e2 = pickle.loads(pickle.dumps(e))
    assert (e2.code, e2.message, e2.file, e2.line, e2.column) == (e.code, e.message, "f", 1, 2)


def test_rules_pickle(tiny_rules, tmp_path):
    r2 = pickle.loads(pickle.dumps(tiny_rules))
    assert r2 is tiny_rules  # the live one is reused in the same process
    f = tmp_path / "p.facta"
    f.write_text("rule city: \"Paris\" => PLACE;\n", encoding="utf-8")
    blob = pickle.dumps(facta.Rules.load(f))  # the object is gone after this line
    r3 = pickle.loads(blob)
    with facta.Extractor(r3) as e:
        assert [x.text for x in e.extract("Paris")] == ["Paris"]


# ---- lifetime ---------------------------------------------------------------------


def test_extractor_keeps_rules_alive():
    import gc

    def make():
        return facta.Extractor(facta.Rules.compile('rule c: "Paris" => PLACE;'))

    e = make()
    gc.collect()
    assert [x.text for x in e.extract("Paris")] == ["Paris"]
    e.close()
    e.close()  # idempotent
    with pytest.raises(ValueError):
        e.extract("Paris")


def test_rules_close_is_deferred_until_extractors_close():
    r = facta.Rules.compile('rule c: "Paris" => PLACE;')
    e = facta.Extractor(r)
    r.close()
    assert r.closed and r._finalizer.alive  # still used by e
    assert [x.text for x in e.extract("Paris")] == ["Paris"]
    with pytest.raises(ValueError):
        facta.Extractor(r)
    e.close()
    assert not r._finalizer.alive


def test_context_manager_frees():
    with facta.Extractor(facta.Rules.compile('rule c: "Paris" => PLACE;')) as e:
        e.extract_many(["Paris"] * 10, threads=3)
        nats = list(e._pool)
        assert nats
    assert all(not n.finalizer.alive for n in nats)


def test_self_test():
    r = facta.Rules.compile(
        'rule city: "Paris" => PLACE;\nexample "in Paris" => PLACE "Paris";\n'
        'example "in London" => PLACE;\ncounter "paris hilton" => ORG;\n',
        name="st.facta",
    )
    st = r.self_test()
    assert (st.failures, st.total) == (1, 3) and not st
    assert len(st.report) == 1 and st.report[0].startswith("st.facta:3: example")
    assert facta.Rules.compile('rule c: "Paris" => PLACE;').self_test() == facta.SelfTest(0, 0, [])


def test_default_rules_self_test(default_rules):
    st = default_rules.self_test()
    assert st.total >= 0 and st.failures <= st.total
