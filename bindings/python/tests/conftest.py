"""Shared fixtures.  The tests use the package from this source tree and the
library from $FACTA_LIBRARY, else the repository's build/lib/libfacta.so."""
import glob
import os
import sys
from pathlib import Path

import pytest

PKG_ROOT = Path(__file__).resolve().parents[1]  # bindings/python
REPO = PKG_ROOT.parents[1]
BUILD_LIB = REPO / "build" / "lib" / "libfacta.so"

if not os.environ.get("FACTA_LIBRARY") and BUILD_LIB.exists():
    os.environ["FACTA_LIBRARY"] = str(BUILD_LIB)
sys.path.insert(0, str(PKG_ROOT))
# worker processes (dask, subprocess) import the same package
os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (str(PKG_ROOT), os.environ.get("PYTHONPATH")) if p)

import facta  # noqa: E402

# A tiny rule file: the tests that check exact records use it, not the default
# rules (which change as they are written).
TINY_RULES = """\
# tiny rules for the binding's tests
lexicon cities { Москва
Paris
Нью-Йорк
};
rule city: @cities => PLACE;
rule amount: n:[number] ("рублей" | "dollars") => FIGURE { value = number($n), unit = "RUB" };
"""

RU_TEXT = (
    "Президент России Владимир Путин 5 марта 2024 года посетил Москву.\n"
    "«Газпром» заплатил 100 рублей; в Москва-Сити прошла встреча.\n"
)
EN_TEXT = (
    "On 9 April 2024 Apple paid $5 million to Tim Cook in Paris, "
    "the Minister of Finance of France said.\n"
)
MIXED_TEXT = "Ёлка 🎄 в Paris: 3 dollars, «Москва» — 12.5 рублей.\ttab\r\nCRLF line"


def corpus_texts():
    """Real-looking documents: the bench corpus and examples, else built-ins."""
    paths = sorted(glob.glob(str(REPO / "bench" / "corpus" / "*.txt")))
    paths += sorted(glob.glob(str(REPO / "examples" / "samples" / "*.txt")))
    texts = []
    for p in paths:
        with open(p, "rb") as f:
            data = f.read()
        try:
            texts.append(data.decode("utf-8"))
        except UnicodeDecodeError:
            continue
    return texts + [RU_TEXT, EN_TEXT, MIXED_TEXT]


@pytest.fixture(scope="session")
def texts():
    return corpus_texts()


_default = []


def default_or_none():
    """The built-in rules, or None if they do not compile right now (they are
    being written concurrently)."""
    if not _default:
        try:
            _default.append(facta.Rules.default())
        except facta.FactaError as e:
            _default.append(None)
            print("note: the built-in rules do not compile: %s" % e, file=sys.stderr)
    return _default[0]


@pytest.fixture(scope="session")
def default_rules():
    r = default_or_none()
    if r is None:
        pytest.skip("the built-in rules do not compile right now")
    return r


@pytest.fixture(scope="session")
def tiny_rules():
    return facta.Rules.compile(TINY_RULES, name="tiny.facta")


@pytest.fixture(scope="session")
def rules(tiny_rules):
    """The built-in rules if they compile, else the tiny ones."""
    return default_or_none() or tiny_rules


@pytest.fixture
def ex(rules):
    with facta.Extractor(rules) as e:
        yield e


@pytest.fixture
def tiny(tiny_rules):
    with facta.Extractor(tiny_rules) as e:
        yield e
