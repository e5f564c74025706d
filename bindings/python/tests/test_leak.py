"""No leak: resident memory stays flat over 100 000 calls."""
import gc
import os

import facta
from conftest import EN_TEXT, RU_TEXT

PAGE = os.sysconf("SC_PAGE_SIZE")


def rss() -> int:
    with open("/proc/self/statm") as f:
        return int(f.read().split()[1]) * PAGE


def test_no_leak_over_100000_calls(rules, tiny_rules):
    ex = facta.Extractor(rules)
    tiny = facta.Extractor(tiny_rules)
    docs = [RU_TEXT, EN_TEXT, RU_TEXT.encode(), b"bad \xff utf-8", "Paris, 3 dollars"]

    def call(i):
        k = i % 10
        if k < 5:
            d = docs[k]
            if k == 3:
                try:
                    ex.extract(d)
                except facta.FactaError:
                    pass
                return
            ex.extract(d)
        elif k == 5:
            ex.to_json(RU_TEXT, id="x", explain=True)
        elif k == 6:
            ex.tokens(EN_TEXT)
        elif k == 7:
            ex.explain(EN_TEXT)
        elif k == 8:
            tiny.extract(docs[4], replace_invalid=True)
        else:
            with facta.Extractor(tiny_rules) as e:  # create and free C extractors too
                e.extract(docs[4])

    for i in range(5000):  # warm up: caches, arenas, pymalloc pools
        call(i)
    gc.collect()
    before = rss()
    for i in range(100_000):
        call(i)
    gc.collect()
    after = rss()
    grown = after - before
    # a leak of even 64 bytes per call would be 6 MB
    assert grown < 3 * 1024 * 1024, "RSS grew by %d KB over 100 000 calls" % (grown // 1024)


def test_no_leak_rules_create_free():
    src = 'lexicon c { Paris\nМосква\n};\nrule c: @c => PLACE;'
    for _ in range(200):
        facta.Rules.compile(src)
    gc.collect()
    before = rss()
    for _ in range(2000):
        r = facta.Rules.compile(src)
        with facta.Extractor(r) as e:
            e.extract("Paris")
        del r
    gc.collect()
    grown = rss() - before
    assert grown < 2 * 1024 * 1024, "RSS grew by %d KB over 2000 rule compiles" % (grown // 1024)
