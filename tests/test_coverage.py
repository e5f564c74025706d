"""The number words and date forms issue #4 lists, in both languages, through the default
rules: each phrase must give a record with the expected attributes. Prints the share
normalized per language and kind (run: python3 tests/test_coverage.py)."""
import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bindings" / "python"))
import facta  # noqa: E402

# (lang, kind, text, type, attrs that must be present)
CASES = [
    # numbers: digits as each script writes them
    ("en", "number", "1,300 schools", "FIGURE", {"value": 1300}),
    ("ru", "number", "1 300 школ", "FIGURE", {"value": 1300}),
    ("ru", "number", "1\u00a0300 школ", "FIGURE", {"value": 1300}),
    ("en", "number", "6.8 million children", "FIGURE", {"value": 6800000}),
    ("ru", "number", "1,5 млн тенге", "FIGURE", {"value": 1500000, "unit": "KZT"}),
    ("ru", "number", "2 134 472,44 тенге", "FIGURE", {"value": 2134472.44}),
    # number words, English
    ("en", "number", "seven schools", "FIGURE", {"value": 7}),
    ("en", "number", "twenty-five schools", "FIGURE", {"value": 25}),
    ("en", "number", "one hundred and twelve schools", "FIGURE", {"value": 112}),
    ("en", "number", "a third of the schools", "FIGURE", {"value": 1 / 3}),
    ("en", "number", "a dozen schools", "FIGURE", {"value": 12}),
    ("en", "number", "two-thirds of the voters", "FIGURE", {"value": 2 / 3}),
    # number words, Russian, in several cases
    ("ru", "number", "семь школ", "FIGURE", {"value": 7}),
    ("ru", "number", "семи школ", "FIGURE", {"value": 7}),
    ("ru", "number", "двадцать пять школ", "FIGURE", {"value": 25}),
    ("ru", "number", "двадцати пяти школ", "FIGURE", {"value": 25}),
    ("ru", "number", "полтора года", "FIGURE", {"value": 1.5}),
    ("ru", "number", "полторы тысячи участников", "FIGURE", {"value": 1500}),
    ("ru", "number", "тысяча участников", "FIGURE", {"value": 1000}),
    # multipliers
    ("en", "number", "5 thousand people", "FIGURE", {"value": 5000}),
    ("en", "number", "6.8 mn children", "FIGURE", {"value": 6800000}),
    ("en", "number", "$5 bn", "FIGURE", {"value": 5e9, "unit": "USD"}),
    ("en", "number", "3 billion dollars", "FIGURE", {"value": 3e9, "unit": "USD"}),
    ("en", "number", "2 trillion tenge", "FIGURE", {"value": 2e12, "unit": "KZT"}),
    ("ru", "number", "2 тыс. участников", "FIGURE", {"value": 2000}),
    ("ru", "number", "5 млн тенге", "FIGURE", {"value": 5e6, "unit": "KZT"}),
    ("ru", "number", "3 млрд долларов", "FIGURE", {"value": 3e9, "unit": "USD"}),
    ("ru", "number", "1 трлн рублей", "FIGURE", {"value": 1e12, "unit": "RUB"}),
    # percentages, qualifiers, ranges
    ("en", "number", "5% of voters", "FIGURE", {"value": 5, "unit": "percent"}),
    ("ru", "number", "5 процентов", "FIGURE", {"value": 5, "unit": "percent"}),
    ("en", "number", "more than 50 positions", "FIGURE", {"value": 50, "qualifier": "more"}),
    ("en", "number", "over 50 positions", "FIGURE", {"qualifier": "more"}),
    ("en", "number", "nearly 50 positions", "FIGURE", {"qualifier": "about"}),
    ("en", "number", "about 50 positions", "FIGURE", {"qualifier": "about"}),
    ("en", "number", "up to 50 positions", "FIGURE", {"qualifier": "at_most"}),
    ("en", "number", "at least 50 positions", "FIGURE", {"qualifier": "at_least"}),
    ("ru", "number", "более 1300 участников", "FIGURE", {"qualifier": "more"}),
    ("ru", "number", "свыше 1300 участников", "FIGURE", {"qualifier": "more"}),
    ("ru", "number", "около 40 стран", "FIGURE", {"qualifier": "about"}),
    ("ru", "number", "почти 40 стран", "FIGURE", {"qualifier": "about"}),
    ("ru", "number", "не менее 40 стран", "FIGURE", {"qualifier": "at_least"}),
    ("en", "number", "10-15 schools", "FIGURE", {"value": 10, "end_value": 15}),
    ("ru", "number", "от 10 до 15 школ", "FIGURE", {"value": 10, "end_value": 15}),
    # dates, English
    ("en", "date", "on 1 November", "DATE", {"month": 11, "day": 1}),
    ("en", "date", "on November 1", "DATE", {"month": 11, "day": 1}),
    ("en", "date", "on Feb. 22", "DATE", {"month": 2, "day": 22}),
    ("en", "date", "on 6-7 December", "DATE", {"month": 12, "day": 6, "end_day": 7}),
    ("en", "date", "on 17 December 2006", "DATE", {"year": 2006, "month": 12, "day": 17}),
    ("en", "date", "on December 17, 2006", "DATE", {"year": 2006, "month": 12, "day": 17}),
    ("en", "date", "in June", "DATE", {"month": 6}),
    ("en", "date", "in 2023", "DATE", {"year": 2023}),
    ("en", "date", "the plan for 2023-2024", "DATE", {"year": 2023, "end_year": 2024}),
    ("en", "date", "in the 1990s", "DATE", {"year": 1990}),
    ("en", "date", "on 2016-11-23", "DATE", {"year": 2016, "month": 11, "day": 23}),
    # dates, Russian
    ("ru", "date", "23 ноября 2016", "DATE", {"year": 2016, "month": 11, "day": 23}),
    ("ru", "date", "21 и 22 ноября 2016 г.", "DATE", {"year": 2016, "month": 11, "day": 22}),
    ("ru", "date", "с 6 по 7 декабря", "DATE", {"month": 12, "day": 6, "end_day": 7}),
    ("ru", "date", "в 2015 году", "DATE", {"year": 2015}),
    ("ru", "date", "2023-2024 годы", "DATE", {"year": 2023, "end_year": 2024}),
    ("ru", "date", "в июне", "DATE", {"month": 6}),
    ("ru", "date", "23.11.2016", "DATE", {"year": 2016, "month": 11, "day": 23}),
]


def found(ents, typ, attrs):
    for e in ents:
        if e.type != typ:
            continue
        ok = True
        for k, v in attrs.items():
            got = e.attrs.get(k)
            if isinstance(v, (int, float)):
                ok = ok and got is not None and abs(float(got) - v) <= 1e-6 * max(1.0, abs(v))
            else:
                ok = ok and got == v
        if ok:
            return True
    return False


def run():
    rows = {}
    misses = []
    with facta.Extractor() as ex:
        for lang, kind, text, typ, attrs in CASES:
            ok = found(ex.extract(text), typ, attrs)
            r = rows.setdefault((lang, kind), [0, 0])
            r[0] += ok
            r[1] += 1
            if not ok:
                misses.append((text, typ, attrs, [(e.type, e.norm, e.attrs) for e in ex.extract(text)]))
    return rows, misses


def test_listed_forms_normalized():
    rows, misses = run()
    assert not misses, "\n".join(map(str, misses))


if __name__ == "__main__":
    rows, misses = run()
    for (lang, kind), (ok, n) in sorted(rows.items()):
        print(f"{lang} {kind:6} {ok}/{n} = {ok / n:.0%}")
    for m in misses:
        print("missed:", m)
