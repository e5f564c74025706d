"""Private: load libfacta and declare every prototype of ``include/facta.h``.

The library is looked for, in this order:

1. the path in the ``FACTA_LIBRARY`` environment variable (used as given);
2. a ``libfacta.so*`` shipped next to this package (``pip install`` copies it here);
3. ``ctypes.util.find_library("facta")`` (an installed library);
4. the repository's ``build/lib/libfacta.so`` relative to this source tree.

If none loads, importing :mod:`facta` raises :class:`ImportError` naming every
place that was tried and why it failed.

Everything here mirrors the C header exactly; the public, Pythonic API lives in
:mod:`facta._core`.  Structures are declared with the same field order and C types
as ``facta.h``; option structures are filled through ``facta_*_options_init`` so the
version field always matches the library.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import glob
import os
import warnings
from ctypes import (
    CFUNCTYPE,
    POINTER,
    Structure,
    c_char,
    c_char_p,
    c_double,
    c_int,
    c_size_t,
    c_uint,
    c_uint32,
    c_void_p,
)
from pathlib import Path
from typing import Any, List, Optional, Sequence, Tuple

__all__ = [
    "lib",
    "library_path",
    "PROTOTYPES",
    "facta_span",
    "facta_attr",
    "facta_entity",
    "facta_explain",
    "facta_token",
    "facta_diag",
    "facta_allocator",
    "facta_compile_options",
    "facta_extract_options",
    "new_compile_options",
    "new_extract_options",
]

# ---- constants of facta.h ----------------------------------------------------

FACTA_OK = 0
FACTA_ERROR = -1
FACTA_ENOMEM = -2
FACTA_EINVAL = -3
FACTA_EUTF8 = -4
FACTA_ESYNTAX = -5
FACTA_EREGEX = -6
FACTA_EIO = -7
FACTA_ELIMIT = -8

FACTA_COMPILE_OPTIONS_VERSION = 1
FACTA_COMPILE_WITH_DEFAULTS = 0x1
FACTA_COMPILE_NO_JIT = 0x2
FACTA_COMPILE_VERIFY_PACK = 0x4

FACTA_EXTRACT_OPTIONS_VERSION = 1
FACTA_EXTRACT_REPLACE_INVALID = 0x1
FACTA_EXTRACT_EXPLAIN = 0x2

FACTA_TOK_WORD = 0
FACTA_TOK_NUMBER = 1
FACTA_TOK_PUNCT = 2
FACTA_TOK_SYMBOL = 3
FACTA_TOK_URL = 4
FACTA_TOK_SPACE = 5

FACTA_SCRIPT_OTHER = 0
FACTA_SCRIPT_LATIN = 1
FACTA_SCRIPT_CYRILLIC = 2
FACTA_SCRIPT_MIXED = 3

FACTA_SHAPE_NONE = 0
FACTA_SHAPE_LOWER = 1
FACTA_SHAPE_UPPER = 2
FACTA_SHAPE_TITLE = 3
FACTA_SHAPE_MIXED = 4
FACTA_SHAPE_INITIAL = 5

FACTA_TOKEN_SENT_START = 0x1
FACTA_TOKEN_PARA_START = 0x2
FACTA_TOKEN_SPACE_BEFORE = 0x4

# ---- structures ----------------------------------------------------------------


class facta_span(Structure):
    """``facta_span``: [start, end) in UTF-8 bytes and in code points."""

    _fields_ = [
        ("byte_start", c_size_t),
        ("byte_end", c_size_t),
        ("cp_start", c_size_t),
        ("cp_end", c_size_t),
    ]


class facta_attr(Structure):
    """``facta_attr``: one attribute; numbers also carry their text in ``value``."""

    _fields_ = [
        ("key", c_char_p),
        ("value", c_char_p),
        ("is_number", c_int),
        ("number", c_double),
    ]


class facta_entity(Structure):
    """``facta_entity``: one extracted record, owned by the extractor."""

    _fields_ = [
        ("span", facta_span),
        ("type", c_char_p),
        ("norm", c_char_p),
        ("attrs", POINTER(facta_attr)),
        ("n_attrs", c_size_t),
        ("rule", c_char_p),
    ]


class facta_explain(Structure):
    """``facta_explain``: a candidate that lost a conflict."""

    _fields_ = [
        ("span", facta_span),
        ("type", c_char_p),
        ("rule", c_char_p),
        ("reason", c_char_p),
    ]


class facta_token(Structure):
    """``facta_token``: one token; strings owned by the extractor."""

    _fields_ = [
        ("span", facta_span),
        ("kind", c_int),
        ("script", c_int),
        ("shape", c_int),
        ("flags", c_uint),
        ("folded", c_char_p),
        ("stem", c_char_p),
    ]


class facta_diag(Structure):
    """``facta_diag``: where and why a rule compile failed."""

    _fields_ = [
        ("code", c_int),
        ("file", c_char * 256),
        ("line", c_size_t),
        ("column", c_size_t),
        ("byte_offset", c_size_t),
        ("message", c_char * 512),
    ]


MALLOC_FN = CFUNCTYPE(c_void_p, c_size_t, c_void_p)
REALLOC_FN = CFUNCTYPE(c_void_p, c_void_p, c_size_t, c_void_p)
FREE_FN = CFUNCTYPE(None, c_void_p, c_void_p)


class facta_allocator(Structure):
    """``facta_allocator``: allocation hooks (not used by the Python API)."""

    _fields_ = [
        ("malloc_fn", MALLOC_FN),
        ("realloc_fn", REALLOC_FN),
        ("free_fn", FREE_FN),
        ("ctx", c_void_p),
    ]


class facta_compile_options(Structure):
    """``facta_compile_options``; create with :func:`new_compile_options`."""

    _fields_ = [
        ("version", c_uint),
        ("flags", c_uint32),
        ("allocator", POINTER(facta_allocator)),
    ]


class facta_extract_options(Structure):
    """``facta_extract_options``; create with :func:`new_extract_options`."""

    _fields_ = [
        ("version", c_uint),
        ("lang", c_char_p),
        ("doc_date", c_char_p),
        ("flags", c_uint32),
    ]


# ---- prototypes: every function of facta.h, in header order --------------------

_rules_p = c_void_p  # facta_rules *
_extractor_p = c_void_p  # facta_extractor *

PROTOTYPES: List[Tuple[str, List[Any], Any]] = [
    # name, argtypes, restype
    ("facta_strerror", [c_int], c_char_p),
    ("facta_version", [], c_char_p),
    ("facta_compile_options_init", [POINTER(facta_compile_options), c_uint], c_int),
    ("facta_rules_default", [POINTER(_rules_p), POINTER(facta_diag)], c_int),
    (
        "facta_rules_load",
        [POINTER(_rules_p), c_char_p, POINTER(facta_compile_options), POINTER(facta_diag)],
        c_int,
    ),
    (
        "facta_rules_compile",
        [
            POINTER(_rules_p),
            c_char_p,
            c_size_t,
            c_char_p,
            POINTER(facta_compile_options),
            POINTER(facta_diag),
        ],
        c_int,
    ),
    ("facta_rules_free", [_rules_p], None),
    ("facta_rules_count", [_rules_p], c_size_t),
    ("facta_rules_warning_count", [_rules_p], c_size_t),
    ("facta_rules_warning", [_rules_p, c_size_t], c_char_p),
    ("facta_rules_save", [_rules_p, c_char_p, POINTER(facta_diag)], c_int),
    ("facta_rules_stamp", [_rules_p], c_char_p),
    (
        "facta_rules_self_test",
        [_rules_p, POINTER(c_char), c_size_t, POINTER(c_size_t)],
        c_size_t,
    ),
    ("facta_extractor_new", [POINTER(_extractor_p), _rules_p], c_int),
    ("facta_extractor_free", [_extractor_p], None),
    ("facta_extractor_last_error", [_extractor_p], c_char_p),
    ("facta_extract_options_init", [POINTER(facta_extract_options), c_uint], c_int),
    (
        "facta_extract",
        [
            POINTER(POINTER(facta_entity)),
            POINTER(c_size_t),
            _extractor_p,
            c_char_p,
            c_size_t,
            POINTER(facta_extract_options),
        ],
        c_int,
    ),
    (
        "facta_extract_json",
        [
            POINTER(c_void_p),
            POINTER(c_size_t),
            _extractor_p,
            c_char_p,
            c_char_p,
            c_size_t,
            POINTER(facta_extract_options),
        ],
        c_int,
    ),
    ("facta_extractor_explain", [POINTER(POINTER(facta_explain)), _extractor_p], c_size_t),
    ("facta_extractor_dropped", [_extractor_p], c_size_t),
    (
        "facta_tokenize",
        [
            POINTER(POINTER(facta_token)),
            POINTER(c_size_t),
            _extractor_p,
            c_char_p,
            c_size_t,
            POINTER(facta_extract_options),
        ],
        c_int,
    ),
    ("facta_token_kind_name", [c_int], c_char_p),
    ("facta_script_name", [c_int], c_char_p),
    ("facta_shape_name", [c_int], c_char_p),
    ("facta_utf8_valid", [c_char_p, c_size_t, POINTER(c_size_t)], c_int),
]

# ---- loading --------------------------------------------------------------------

_PKG_DIR = Path(__file__).resolve().parent


def _candidates() -> List[Tuple[str, Optional[str]]]:
    """(label, path) pairs in search order; path None means "nothing to try"."""
    out: List[Tuple[str, Optional[str]]] = []
    env = os.environ.get("FACTA_LIBRARY")
    out.append(("FACTA_LIBRARY", env or None))
    shipped = sorted(glob.glob(str(_PKG_DIR / "libfacta.so*")), key=len)
    out.append(("shipped with the package (%s/libfacta.so*)" % _PKG_DIR, shipped[0] if shipped else None))
    out.append(('ctypes.util.find_library("facta")', ctypes.util.find_library("facta")))
    repo_lib = _PKG_DIR.parents[2] / "build" / "lib" / "libfacta.so" if len(_PKG_DIR.parents) > 2 else None
    out.append(
        (
            "the repository build (%s)" % repo_lib,
            str(repo_lib) if repo_lib is not None and repo_lib.exists() else None,
        )
    )
    return out


def _declare(dll: ctypes.CDLL, table: Sequence[Tuple[str, List[Any], Any]]) -> None:
    for name, argtypes, restype in table:
        fn = getattr(dll, name)  # AttributeError: the library lacks a function of facta.h
        fn.argtypes = argtypes
        fn.restype = restype


def _load() -> Tuple[ctypes.CDLL, str]:
    tried: List[str] = []
    for label, path in _candidates():
        if not path:
            tried.append("%s: not set / not found" % label)
            continue
        try:
            dll = ctypes.CDLL(path)
        except OSError as e:
            tried.append("%s: %s: %s" % (label, path, e))
            if label == "FACTA_LIBRARY":
                warnings.warn("facta: FACTA_LIBRARY=%s cannot be loaded (%s); trying elsewhere" % (path, e))
            continue
        try:
            _declare(dll, PROTOTYPES)
        except AttributeError as e:
            tried.append("%s: %s: not a matching libfacta (%s)" % (label, path, e))
            continue
        return dll, path
    raise ImportError(
        "facta: cannot load the C library libfacta; tried, in order:\n  - "
        + "\n  - ".join(tried)
        + "\nBuild it (cmake -S . -B build && cmake --build build) or set FACTA_LIBRARY "
        "to the path of libfacta.so."
    )


lib, library_path = _load()


def new_compile_options(flags: int = 0) -> facta_compile_options:
    """A ``facta_compile_options`` initialized by ``facta_compile_options_init``."""
    opts = facta_compile_options()
    rc = lib.facta_compile_options_init(ctypes.byref(opts), FACTA_COMPILE_OPTIONS_VERSION)
    if rc != FACTA_OK:
        raise RuntimeError("facta_compile_options_init failed: %d" % rc)
    opts.flags = flags
    return opts


def new_extract_options(
    lang: Optional[bytes] = None, doc_date: Optional[bytes] = None, flags: int = 0
) -> facta_extract_options:
    """A ``facta_extract_options`` initialized by ``facta_extract_options_init``.

    The ``bytes`` given for ``lang`` and ``doc_date`` stay alive as long as the
    structure does (ctypes keeps a reference to what is assigned to a
    ``c_char_p`` field).
    """
    opts = facta_extract_options()
    rc = lib.facta_extract_options_init(ctypes.byref(opts), FACTA_EXTRACT_OPTIONS_VERSION)
    if rc != FACTA_OK:
        raise RuntimeError("facta_extract_options_init failed: %d" % rc)
    opts.lang = lang
    opts.doc_date = doc_date
    opts.flags = flags
    return opts
