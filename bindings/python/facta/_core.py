"""The Pythonic API over :mod:`facta._native`: Rules, Extractor, Entity, Token."""
from __future__ import annotations

import codecs
import ctypes
import datetime as _dt
import enum
import itertools
import math
import os
import struct
import threading
import weakref
from ctypes import POINTER, byref, c_size_t, c_void_p
from dataclasses import dataclass, field
from typing import (
    Any,
    Callable,
    Dict,
    Iterable,
    List,
    Optional,
    Sequence,
    Tuple,
    TypeVar,
    Union,
)

from . import _native as N

__all__ = [
    "ErrorCode",
    "FactaError",
    "Rules",
    "SelfTest",
    "Extractor",
    "Entity",
    "Rejected",
    "Explanation",
    "Token",
    "library_version",
    "utf8_valid",
]

_lib = N.lib

#: What :meth:`Extractor.extract` and friends accept as a document.
Text = Union[str, bytes, bytearray, memoryview]
#: What ``doc_date=`` accepts: "YYYY-MM-DD", "YYYY-MM", "YYYY" or a date.
DocDate = Union[str, _dt.date, None]
PathLike = Union[str, "os.PathLike[str]"]


class ErrorCode(enum.IntEnum):
    """The status codes of ``facta_error_code``."""

    OK = N.FACTA_OK
    ERROR = N.FACTA_ERROR
    ENOMEM = N.FACTA_ENOMEM
    EINVAL = N.FACTA_EINVAL
    EUTF8 = N.FACTA_EUTF8
    ESYNTAX = N.FACTA_ESYNTAX
    EREGEX = N.FACTA_EREGEX
    EIO = N.FACTA_EIO
    ELIMIT = N.FACTA_ELIMIT


class FactaError(Exception):
    """An error reported by the C library.

    ``code`` is the ``facta_error_code`` (an :class:`ErrorCode` when known) and
    ``message`` the library's own message.  Rule compile errors also carry
    ``file``, ``line``, ``column`` (1-based, in code points) and ``byte_offset``
    from ``facta_diag``; their ``message`` reads ``"file:line:column: ..."``.
    """

    def __init__(
        self,
        code: int,
        message: str,
        *,
        file: Optional[str] = None,
        line: Optional[int] = None,
        column: Optional[int] = None,
        byte_offset: Optional[int] = None,
    ) -> None:
        try:
            code = ErrorCode(code)
        except ValueError:
            pass
        super().__init__(code, message)
        self.code: int = code
        self.message: str = message
        self.file = file
        self.line = line
        self.column = column
        self.byte_offset = byte_offset

    def __str__(self) -> str:
        return self.message

    def __reduce__(self) -> Any:  # picklable across dask workers
        return (
            _rebuild_error,
            (int(self.code), self.message, self.file, self.line, self.column, self.byte_offset),
        )


def _rebuild_error(code: int, message: str, file: Any, line: Any, column: Any, off: Any) -> FactaError:
    return FactaError(code, message, file=file, line=line, column=column, byte_offset=off)


def _strerror(code: int) -> str:
    return _lib.facta_strerror(code).decode("utf-8", "replace")


def _diag_error(rc: int, diag: N.facta_diag) -> FactaError:
    msg = diag.message.decode("utf-8", "replace") or _strerror(rc)
    line = int(diag.line)
    return FactaError(
        rc,
        msg,
        file=diag.file.decode("utf-8", "replace") or None,
        line=line or None,
        column=int(diag.column) or None,
        byte_offset=int(diag.byte_offset) if line else None,
    )


def library_version() -> str:
    """The C library's version, ``facta_version()``."""
    return _lib.facta_version().decode()


def utf8_valid(data: Union[bytes, bytearray, memoryview]) -> Tuple[bool, Optional[int]]:
    """``(True, None)`` if ``data`` is valid UTF-8 by facta's rules, else ``(False, offset)``
    with the offset of the first bad byte."""
    b = _as_bytes(data)
    bad = c_size_t(0)
    ok = _lib.facta_utf8_valid(b, len(b), byref(bad))
    return (True, None) if ok else (False, int(bad.value))


# ---- text handling ----------------------------------------------------------------


def _facta_replace(err: UnicodeError) -> Tuple[str, int]:
    # one U+FFFD per invalid byte, as the C library does with FACTA_EXTRACT_REPLACE_INVALID
    if isinstance(err, UnicodeDecodeError):
        return "\ufffd", err.start + 1
    raise err


codecs.register_error("facta.replace", _facta_replace)


def _as_bytes(data: Any) -> bytes:
    if isinstance(data, bytes):
        return data
    if isinstance(data, (bytearray, memoryview)):
        return bytes(data)
    if data is None:
        raise TypeError("expected str or bytes, not None")
    raise TypeError("expected str or bytes, not %s" % type(data).__name__)


class _Doc:
    """A document ready for the C call: its UTF-8 bytes and how to slice its text."""

    __slots__ = ("data", "text", "raw")

    def __init__(self, text: Any, replace_invalid: bool) -> None:
        self.text: Optional[str] = None  # str input: sliced by code points
        self.raw: Optional[bytes] = None  # bytes input: sliced by bytes
        if isinstance(text, str):
            try:
                self.data = text.encode("utf-8")
            except UnicodeEncodeError as e:
                # lone surrogates: not encodable as UTF-8
                if not replace_invalid:
                    raise FactaError(
                        ErrorCode.EUTF8,
                        "invalid text: lone surrogate U+%04X at code point %d" % (ord(text[e.start]), e.start),
                    ) from None
                text = "".join("\ufffd" if 0xD800 <= ord(c) <= 0xDFFF else c for c in text)
                self.data = text.encode("utf-8")
            self.text = text
        else:
            self.data = _as_bytes(text)
            self.raw = self.data

    def slice(self, bs: int, be: int, cs: int, ce: int) -> str:
        """The text of a span: by code points for str input, by bytes otherwise."""
        if self.text is not None:
            return self.text[cs:ce]
        return self.slice_bytes(bs, be)

    def slice_bytes(self, bs: int, be: int) -> str:
        # invalid bytes (replace_invalid) read as one U+FFFD each, as in the C library
        assert self.raw is not None
        return self.raw[bs:be].decode("utf-8", "facta.replace")


def _enc_opt(value: Optional[str], what: str) -> Optional[bytes]:
    if value is None:
        return None
    if not isinstance(value, str):
        raise TypeError("%s must be a str or None, not %s" % (what, type(value).__name__))
    if "\0" in value:
        raise ValueError("%s must not contain NUL" % what)
    return value.encode("utf-8")


def _options(
    lang: Optional[str], doc_date: DocDate, explain: bool, replace_invalid: bool
) -> N.facta_extract_options:
    if isinstance(doc_date, (_dt.date, _dt.datetime)):
        doc_date = doc_date.strftime("%Y-%m-%d")
    flags = (N.FACTA_EXTRACT_EXPLAIN if explain else 0) | (
        N.FACTA_EXTRACT_REPLACE_INVALID if replace_invalid else 0
    )
    return N.new_extract_options(_enc_opt(lang, "lang"), _enc_opt(doc_date, "doc_date"), flags)


# ---- results ----------------------------------------------------------------------

Number = Union[int, float, None]


def _number(d: float) -> Number:
    """A number attribute as JSON writes it: int when integral (|d| < 2**53), else float;
    None for NaN/infinity (JSON null)."""
    if not math.isfinite(d):
        return None
    if d == math.floor(d) and abs(d) < 9007199254740992.0:
        return int(d)
    return d


def _s(p: Optional[bytes]) -> str:
    return p.decode("utf-8", "replace") if p is not None else ""


@dataclass(frozen=True)
class Entity:
    """One extracted record.

    ``start``/``end`` are code-point offsets (``text[e.start:e.end] == e.text`` for
    a ``str`` input), ``byte_start``/``byte_end`` offsets in the UTF-8 input.
    ``attrs`` maps attribute names to strings, or to numbers (``int`` when
    integral, else ``float``).  ``rule`` is ``"file:line name"`` of the rule that
    produced the record.
    """

    type: str
    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    norm: str
    attrs: Dict[str, Any] = field(default_factory=dict, hash=False)
    rule: str = ""

    def to_dict(self, *, with_rule: bool = False) -> Dict[str, Any]:
        """The record as in the JSON output (``rule`` only when ``with_rule``)."""
        d: Dict[str, Any] = {
            "type": self.type,
            "text": self.text,
            "start": self.start,
            "end": self.end,
            "byte_start": self.byte_start,
            "byte_end": self.byte_end,
            "norm": self.norm,
            "attrs": dict(self.attrs),
        }
        if with_rule:
            d["rule"] = self.rule
        return d


@dataclass(frozen=True)
class Rejected:
    """A candidate that matched but lost a conflict (``explain`` only)."""

    type: str
    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    rule: str
    reason: str


@dataclass(frozen=True)
class Explanation:
    """The result of :meth:`Extractor.explain`."""

    entities: List[Entity]
    rejected: List[Rejected]
    dropped: int = 0


@dataclass(frozen=True)
class SelfTest:
    """The result of :meth:`Rules.self_test`: ``failures`` of ``total`` examples
    failed; ``report`` has one ``"file:line: ..."`` line per failure (possibly
    truncated)."""

    failures: int
    total: int
    report: List[str]

    def __bool__(self) -> bool:
        return self.failures == 0


@dataclass(frozen=True)
class Token:
    """One token, as the first stage of extraction sees it."""

    text: str
    start: int
    end: int
    byte_start: int
    byte_end: int
    kind: str  # "word", "number", "punct", "symbol", "url"
    script: str  # "other", "latin", "cyrillic", "mixed"
    shape: str  # "none", "xxx", "XXX", "Xxx", "xXx", "X"
    flags: int
    folded: str
    stem: str

    @property
    def sent_start(self) -> bool:
        """First token of a sentence."""
        return bool(self.flags & N.FACTA_TOKEN_SENT_START)

    @property
    def para_start(self) -> bool:
        """First token of a paragraph (after a blank line)."""
        return bool(self.flags & N.FACTA_TOKEN_PARA_START)

    @property
    def space_before(self) -> bool:
        """Whitespace precedes the token."""
        return bool(self.flags & N.FACTA_TOKEN_SPACE_BEFORE)


# ---- rules ------------------------------------------------------------------------


def _free_rules(ptr: int) -> None:
    _lib.facta_rules_free(ptr)


class Rules:
    """Compiled rules: immutable, shared by any number of extractors and threads.

    Create them with :meth:`default`, :meth:`load` or :meth:`compile`.  The C
    handle is freed when the object and every :class:`Extractor` made from it
    are gone (or at :meth:`close`, deferred until the last extractor is closed).
    A Rules object pickles as the recipe that made it (it is recompiled on
    unpickling), so it can be sent to Dask or multiprocessing workers.
    """

    __slots__ = ("_ptr", "_finalizer", "_recipe", "_lock", "_users", "_closed", "_types", "__weakref__")
    _ptr: int
    _finalizer: weakref.finalize
    _recipe: Tuple[Any, ...]
    _lock: threading.Lock
    _users: int
    _closed: bool
    _types: Dict[int, str]

    def __init__(self) -> None:  # use the class methods
        raise TypeError("use Rules.default(), Rules.load(path) or Rules.compile(text)")

    @classmethod
    def _wrap(cls, ptr: c_void_p, recipe: Tuple[Any, ...]) -> "Rules":
        self = object.__new__(cls)
        self._ptr = int(ptr.value or 0)
        self._recipe = recipe
        self._lock = threading.Lock()
        self._users = 0
        self._closed = False
        self._types = {}
        self._finalizer = weakref.finalize(self, _free_rules, self._ptr)
        if recipe[0] != "default":
            _by_recipe[recipe] = self
        return self

    @classmethod
    def default(cls) -> "Rules":
        """Compile the rule set built into the library."""
        ptr = c_void_p()
        diag = N.facta_diag()
        rc = _lib.facta_rules_default(byref(ptr), byref(diag))
        if rc != N.FACTA_OK:
            raise _diag_error(rc, diag)
        return cls._wrap(ptr, ("default",))

    @classmethod
    def load(
        cls,
        path: PathLike,
        *,
        with_defaults: bool = False,
        jit: bool = True,
        verify: bool = False,
    ) -> "Rules":
        """Load a rule file (``*.facta``), a directory of them (read recursively in
        name order) or a rule pack written by :meth:`save` (memory-mapped; ``verify``
        checks its checksum).  With ``with_defaults`` the built-in rules come first
        (not for a pack).  Errors raise :class:`FactaError` with file, line and column."""
        p = os.fspath(path)
        if not isinstance(p, str):
            p = os.fsdecode(p)
        ptr = c_void_p()
        diag = N.facta_diag()
        flags = cls._flags(with_defaults, jit) | (N.FACTA_COMPILE_VERIFY_PACK if verify else 0)
        opts = N.new_compile_options(flags)
        rc = _lib.facta_rules_load(byref(ptr), os.fsencode(p), byref(opts), byref(diag))
        if rc != N.FACTA_OK:
            raise _diag_error(rc, diag)
        return cls._wrap(ptr, ("load", os.path.abspath(p), with_defaults, jit, verify))

    @classmethod
    def compile(
        cls,
        text: Union[str, bytes],
        *,
        name: Optional[str] = None,
        with_defaults: bool = False,
        jit: bool = True,
    ) -> "Rules":
        """Compile rules from a string.  ``name`` is used in diagnostics
        (default ``"<string>"``); lexicon files the source names are resolved
        relative to the current directory."""
        if text is None:
            raise TypeError("rule text must be str or bytes, not None")
        src = text.encode("utf-8") if isinstance(text, str) else _as_bytes(text)
        ptr = c_void_p()
        diag = N.facta_diag()
        opts = N.new_compile_options(cls._flags(with_defaults, jit))
        rc = _lib.facta_rules_compile(
            byref(ptr), src, len(src), _enc_opt(name, "name"), byref(opts), byref(diag)
        )
        if rc != N.FACTA_OK:
            raise _diag_error(rc, diag)
        return cls._wrap(ptr, ("compile", src, name, with_defaults, jit, os.getcwd()))

    @staticmethod
    def _flags(with_defaults: bool, jit: bool) -> int:
        return (N.FACTA_COMPILE_WITH_DEFAULTS if with_defaults else 0) | (
            0 if jit else N.FACTA_COMPILE_NO_JIT
        )

    # -- pickling: rebuild from the recipe
    def __reduce__(self) -> Any:
        return (_rebuild_rules, (self._recipe,))

    def _handle(self) -> int:
        if self._closed or not self._finalizer.alive:
            raise ValueError("the rules are closed")
        return self._ptr

    def __len__(self) -> int:
        """Number of rules (patterns) compiled in."""
        return int(_lib.facta_rules_count(self._handle()))

    @property
    def count(self) -> int:
        """Number of rules (patterns) compiled in; same as ``len(rules)``."""
        return len(self)

    @property
    def warnings(self) -> List[str]:
        """The compiler's warnings, each ``"file:line:column: message"``."""
        h = self._handle()
        n = _lib.facta_rules_warning_count(h)
        return [_s(_lib.facta_rules_warning(h, i)) for i in range(n)]

    @property
    def stamp(self) -> str:
        """Content stamp: 16 hex digits hashed from every input the rules were compiled
        from (a pack keeps the stamp of its sources)."""
        return _s(_lib.facta_rules_stamp(self._handle()))

    def save(self, path: PathLike) -> None:
        """Write these rules as a binary rule pack (``facta_rules_save``), which
        :meth:`load` maps in milliseconds however big its lexicons are."""
        p = os.fspath(path)
        if not isinstance(p, str):
            p = os.fsdecode(p)
        diag = N.facta_diag()
        rc = _lib.facta_rules_save(self._handle(), os.fsencode(p), byref(diag))
        if rc != N.FACTA_OK:
            raise _diag_error(rc, diag)

    def self_test(self, report_size: int = 1 << 20) -> "SelfTest":
        """Run the ``example``/``counter`` statements the rule files carry
        (``facta_rules_self_test``) and return the failures and their report."""
        h = self._handle()
        buf = ctypes.create_string_buffer(max(1, report_size))
        total = c_size_t()
        failed = _lib.facta_rules_self_test(h, buf, len(buf), byref(total))
        if failed == ctypes.c_size_t(-1).value:
            raise FactaError(ErrorCode.ENOMEM, "out of memory in the rule self-test")
        report = buf.value.decode("utf-8", "replace")
        return SelfTest(int(failed), int(total.value), [l for l in report.split("\n") if l])

    # -- lifetime
    def _acquire(self) -> int:
        with self._lock:
            h = self._handle()
            self._users += 1
            return h

    def _release(self) -> None:
        with self._lock:
            self._users -= 1
            if self._closed and self._users == 0:
                self._finalizer()

    def close(self) -> None:
        """Free the compiled rules now, or as soon as the last extractor using them
        is closed.  Further use raises ValueError.  Idempotent."""
        with self._lock:
            self._closed = True
            if self._users == 0:
                self._finalizer()

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._closed

    def __enter__(self) -> "Rules":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        if self._closed:
            return "<facta.Rules closed>"
        return "<facta.Rules %s: %d rules>" % (self._recipe[0], len(self))


# Live Rules by recipe: unpickling a Rules (e.g. in a Dask or multiprocessing
# worker) reuses one that is still alive instead of compiling again.
_by_recipe: "weakref.WeakValueDictionary[Tuple[Any, ...], Rules]" = weakref.WeakValueDictionary()


def _rebuild_rules(recipe: Tuple[Any, ...]) -> Rules:
    """The Rules a recipe describes: a live one if any, else compiled anew."""
    kind = recipe[0]
    if kind == "default":
        return _shared_default()
    r = _by_recipe.get(recipe)
    if r is not None and not r.closed:
        return r
    if kind == "load":
        _, path, with_defaults, jit, verify = recipe
        return Rules.load(path, with_defaults=with_defaults, jit=jit, verify=verify)
    if kind == "compile":
        _, src, name, with_defaults, jit, _cwd = recipe
        return Rules.compile(src, name=name, with_defaults=with_defaults, jit=jit)
    raise ValueError("unknown rules recipe %r" % (kind,))


_default_lock = threading.Lock()
_default_rules: Optional[Rules] = None


def _shared_default() -> Rules:
    """The process-wide default Rules used by ``Extractor()`` (compiled once)."""
    global _default_rules
    with _default_lock:
        if _default_rules is None or _default_rules.closed:
            _default_rules = Rules.default()
        return _default_rules


# ---- extractor --------------------------------------------------------------------


def _free_native(ptr: int, rules: Rules) -> None:
    # `rules` is held here so the C rules outlive this extractor whatever the GC order
    _lib.facta_extractor_free(ptr)
    rules._release()


# Raw layouts of the result arrays, read in bulk with struct (much faster than
# ctypes attribute access); checked against the ctypes Structures at import.
_ENTITY = struct.Struct("@4N3PNP")  # span, type, norm, attrs, n_attrs, rule
_ATTR = struct.Struct("@PPid")  # key, value, is_number, number
_EXPLAIN = struct.Struct("@4N3P")  # span, type, rule, reason
_TOKEN = struct.Struct("@4N3iI2P")  # span, kind, script, shape, flags, folded, stem
assert _ENTITY.size == ctypes.sizeof(N.facta_entity)
assert _ATTR.size == ctypes.sizeof(N.facta_attr)
assert _EXPLAIN.size == ctypes.sizeof(N.facta_explain)
assert _TOKEN.size == ctypes.sizeof(N.facta_token)

_string_at = ctypes.string_at
_new = object.__new__
_setattr = object.__setattr__


def _cstr(p: int) -> str:
    return _string_at(p).decode("utf-8", "replace") if p else ""


class _Native:
    """One C ``facta_extractor``: used by one thread at a time."""

    __slots__ = ("ptr", "finalizer", "types", "__weakref__")

    def __init__(self, rules: Rules) -> None:
        h = rules._acquire()
        ptr = c_void_p()
        rc = _lib.facta_extractor_new(byref(ptr), h)
        if rc != N.FACTA_OK:
            rules._release()
            raise FactaError(rc, "cannot create an extractor: " + _strerror(rc))
        self.ptr: int = int(ptr.value or 0)
        # record types point into the immutable rules: cache their str by address
        self.types: Dict[int, str] = rules._types
        self.finalizer = weakref.finalize(self, _free_native, self.ptr, rules)

    def error(self, rc: int) -> FactaError:
        msg = _lib.facta_extractor_last_error(self.ptr)
        return FactaError(rc, _s(msg) or _strerror(rc))

    def _type(self, p: int) -> str:
        # types, rule labels and attribute names point into the immutable rules (or the
        # library's constants): decode each address once
        t = self.types.get(p)
        if t is None:
            t = self.types[p] = _cstr(p)
        return t

    # The C calls run with the GIL released (ctypes.CDLL); converting the results
    # to Python objects holds it, so that part is kept lean.

    def extract(self, doc: _Doc, opts: N.facta_extract_options) -> List[Entity]:
        out = POINTER(N.facta_entity)()
        n = c_size_t()
        data = doc.data
        rc = _lib.facta_extract(byref(out), byref(n), self.ptr, data, len(data), byref(opts))
        if rc != N.FACTA_OK:
            raise self.error(rc)
        count = n.value
        if not count:
            return []
        addr = c_void_p.from_buffer(out).value or 0
        ents: List[Entity] = []
        text = doc.text
        for bs, be, cs, ce, tp, normp, attrp, na, rulep in _ENTITY.iter_unpack(
            _string_at(addr, count * _ENTITY.size)
        ):
            attrs: Dict[str, Any] = {}
            if na:
                for kp, vp, isnum, num in _ATTR.iter_unpack(_string_at(attrp, na * _ATTR.size)):
                    attrs[self._type(kp)] = _number(num) if isnum else _cstr(vp)
            e = _new(Entity)
            _setattr(
                e,
                "__dict__",
                {
                    "type": self._type(tp),
                    "text": text[cs:ce] if text is not None else doc.slice_bytes(bs, be),
                    "start": cs,
                    "end": ce,
                    "byte_start": bs,
                    "byte_end": be,
                    "norm": _cstr(normp),
                    "attrs": attrs,
                    "rule": self._type(rulep),
                },
            )
            ents.append(e)
        return ents

    def explain(self, doc: _Doc) -> Tuple[List[Rejected], int]:
        out = POINTER(N.facta_explain)()
        n = _lib.facta_extractor_explain(byref(out), self.ptr)
        rej: List[Rejected] = []
        if n:
            addr = c_void_p.from_buffer(out).value or 0
            for bs, be, cs, ce, tp, rulep, reasonp in _EXPLAIN.iter_unpack(
                _string_at(addr, n * _EXPLAIN.size)
            ):
                rej.append(
                    Rejected(
                        self._type(tp), doc.slice(bs, be, cs, ce), cs, ce, bs, be, _cstr(rulep), _cstr(reasonp)
                    )
                )
        return rej, int(_lib.facta_extractor_dropped(self.ptr))

    def to_json(self, doc: _Doc, id: Optional[bytes], opts: N.facta_extract_options) -> str:
        out = c_void_p()
        n = c_size_t()
        data = doc.data
        rc = _lib.facta_extract_json(byref(out), byref(n), self.ptr, id, data, len(data), byref(opts))
        if rc != N.FACTA_OK:
            raise self.error(rc)
        return _string_at(out.value or 0, n.value).decode("utf-8")

    def tokens(self, doc: _Doc, opts: N.facta_extract_options) -> List[Token]:
        out = POINTER(N.facta_token)()
        n = c_size_t()
        data = doc.data
        rc = _lib.facta_tokenize(byref(out), byref(n), self.ptr, data, len(data), byref(opts))
        if rc != N.FACTA_OK:
            raise self.error(rc)
        count = n.value
        if not count:
            return []
        addr = c_void_p.from_buffer(out).value or 0
        kind, script, shape = _lib.facta_token_kind_name, _lib.facta_script_name, _lib.facta_shape_name
        toks: List[Token] = []
        for bs, be, cs, ce, k, sc, sh, fl, fp, sp in _TOKEN.iter_unpack(
            _string_at(addr, count * _TOKEN.size)
        ):
            t = _new(Token)
            _setattr(
                t,
                "__dict__",
                {
                    "text": doc.slice(bs, be, cs, ce),
                    "start": cs,
                    "end": ce,
                    "byte_start": bs,
                    "byte_end": be,
                    "kind": _name(kind, k),
                    "script": _name(script, sc),
                    "shape": _name(shape, sh),
                    "flags": fl,
                    "folded": _cstr(fp),
                    "stem": _cstr(sp),
                },
            )
            toks.append(t)
        return toks


_names: Dict[Tuple[str, int], str] = {}


def _name(fn: Any, v: int) -> str:
    """facta_token_kind_name & co., cached (they return static strings)."""
    k = (fn.__name__, v)
    s = _names.get(k)
    if s is None:
        s = _names[k] = fn(v).decode()
    return s


T = TypeVar("T")


class Extractor:
    """Extracts records from documents with one set of :class:`Rules`.

    ``rules`` is ``None`` (the rules built into the library, compiled once per
    process and shared), a path to a rule file or directory, or a
    :class:`Rules` object.  With ``with_defaults`` a rule path is loaded after
    the built-in rules.

    An Extractor may be used from several threads: each call borrows a C
    extractor from a small pool (one per concurrent caller), and the C call runs
    without the GIL.  Use it as a context manager, or call :meth:`close`; what is
    left open is freed by the garbage collector.  The Extractor keeps its Rules
    alive.

    Documents are ``str`` (encoded to UTF-8 once) or UTF-8 ``bytes``; invalid
    UTF-8 raises :class:`FactaError` unless ``replace_invalid=True`` (each bad
    byte then reads as U+FFFD).
    """

    def __init__(
        self, rules: Union[None, PathLike, Rules] = None, *, with_defaults: bool = False
    ) -> None:
        if rules is None:
            r = _shared_default()
        elif isinstance(rules, Rules):
            if with_defaults:
                raise ValueError("with_defaults applies to a rule path, not to a Rules object")
            r = rules
        elif isinstance(rules, (str, bytes, os.PathLike)):
            r = Rules.load(os.fsdecode(rules), with_defaults=with_defaults)
        else:
            raise TypeError("rules must be None, a path or a facta.Rules, not %s" % type(rules).__name__)
        self._rules: Rules = r
        self._pool: List[_Native] = [_Native(r)]
        self._closed = False

    # -- properties
    @property
    def rules(self) -> Rules:
        """The :class:`Rules` this extractor uses."""
        return self._rules

    @property
    def closed(self) -> bool:
        """True once :meth:`close` was called."""
        return self._closed

    # -- pool of C extractors
    def _borrow(self) -> _Native:
        if self._closed:
            raise ValueError("the extractor is closed")
        try:
            return self._pool.pop()  # atomic under the GIL
        except IndexError:
            return _Native(self._rules)

    def _give_back(self, nat: _Native) -> None:
        if self._closed:
            nat.finalizer()
        else:
            self._pool.append(nat)

    def _run(self, fn: Callable[[_Native], T]) -> T:
        nat = self._borrow()
        try:
            return fn(nat)
        finally:
            self._give_back(nat)

    # -- extraction
    def extract(
        self,
        text: Text,
        *,
        lang: Optional[str] = None,
        doc_date: DocDate = None,
        explain: bool = False,
        replace_invalid: bool = False,
    ) -> List[Entity]:
        """Extract the records of one document, sorted by start, longer first.

        ``lang`` ("ru", "en" or None) is a hint; ``doc_date`` ("YYYY-MM-DD" or a
        :class:`datetime.date`) anchors years and relative dates; ``explain``
        records losing candidates (see :meth:`explain`).
        """
        doc = _Doc(text, replace_invalid)
        opts = _options(lang, doc_date, explain, replace_invalid)
        return self._run(lambda nat: nat.extract(doc, opts))

    def explain(
        self,
        text: Text,
        *,
        lang: Optional[str] = None,
        doc_date: DocDate = None,
        replace_invalid: bool = False,
    ) -> Explanation:
        """Extract with ``explain`` on: the records, the candidates that lost a
        conflict and why, and how many records a limit dropped."""
        doc = _Doc(text, replace_invalid)
        opts = _options(lang, doc_date, True, replace_invalid)

        def go(nat: _Native) -> Explanation:
            ents = nat.extract(doc, opts)
            rej, dropped = nat.explain(doc)
            return Explanation(ents, rej, dropped)

        return self._run(go)

    def to_json(
        self,
        text: Text,
        id: Optional[str] = None,
        *,
        lang: Optional[str] = None,
        doc_date: DocDate = None,
        explain: bool = False,
        replace_invalid: bool = False,
    ) -> str:
        """The document as one JSON object (no newline), exactly as the C library's
        ``facta_extract_json`` writes it (and ``facta-extract --format jsonl`` prints):
        ``{"id":..,"lang":..,"entities":[..]}``; ``id`` is omitted when None."""
        doc = _Doc(text, replace_invalid)
        opts = _options(lang, doc_date, explain, replace_invalid)
        bid = _enc_opt(id, "id")
        return self._run(lambda nat: nat.to_json(doc, bid, opts))

    def tokens(self, text: Text, *, replace_invalid: bool = False) -> List[Token]:
        """Tokenize one document (the first stage of extraction)."""
        doc = _Doc(text, replace_invalid)
        opts = _options(None, None, False, replace_invalid)
        return self._run(lambda nat: nat.tokens(doc, opts))

    def extract_many(
        self,
        texts: Iterable[Text],
        *,
        threads: Optional[int] = None,
        lang: Optional[str] = None,
        doc_date: DocDate = None,
        replace_invalid: bool = False,
    ) -> List[List[Entity]]:
        """Extract many documents on ``threads`` threads (default: the number of
        CPUs), one C extractor per thread; results come in input order.  The C
        work runs without the GIL, so this scales with cores.  If documents fail,
        the error of the first one in input order is raised (:class:`FactaError`,
        TypeError...), after every document was tried."""
        opts = _options(lang, doc_date, False, replace_invalid)
        return self._map(
            texts, threads, lambda nat, t: nat.extract(_Doc(t, replace_invalid), opts)
        )

    def to_json_many(
        self,
        texts: Iterable[Text],
        ids: Optional[Sequence[Optional[str]]] = None,
        *,
        threads: Optional[int] = None,
        lang: Optional[str] = None,
        doc_date: DocDate = None,
        replace_invalid: bool = False,
    ) -> List[str]:
        """:meth:`to_json` of many documents on ``threads`` threads, in input order."""
        items = list(texts)
        id_list: List[Optional[str]] = [None] * len(items) if ids is None else list(ids)
        if len(id_list) != len(items):
            raise ValueError("ids and texts differ in length")
        opts = _options(lang, doc_date, False, replace_invalid)
        pairs = [(_enc_opt(i, "id"), t) for i, t in zip(id_list, items)]
        return self._map(
            pairs, threads, lambda nat, p: nat.to_json(_Doc(p[1], replace_invalid), p[0], opts)
        )

    def _map(self, items: Iterable[Any], threads: Optional[int], fn: Callable[[_Native, Any], T]) -> List[T]:
        seq = list(items)
        n = len(seq)
        if threads is None:
            threads = os.cpu_count() or 1
        if threads < 1:
            raise ValueError("threads must be >= 1")
        threads = min(threads, n) or 1
        results: List[Any] = [None] * n
        if threads == 1:
            nat = self._borrow()
            try:
                for i, t in enumerate(seq):
                    results[i] = fn(nat, t)
            finally:
                self._give_back(nat)
            return results
        counter = itertools.count()
        chunk = max(1, min(64, n // (threads * 8)))
        errors: List[Tuple[int, BaseException]] = []

        def work(nat: _Native) -> None:
            try:
                while True:
                    lo = next(counter) * chunk  # itertools.count is atomic under the GIL
                    if lo >= n:
                        return
                    for i in range(lo, min(lo + chunk, n)):
                        try:
                            results[i] = fn(nat, seq[i])
                        except Exception as e:  # re-raised in the caller, first in input order
                            errors.append((i, e))
            finally:
                self._give_back(nat)

        natives = [self._borrow() for _ in range(threads)]
        workers = [threading.Thread(target=work, args=(nat,), daemon=True) for nat in natives]
        for w in workers:
            w.start()
        for w in workers:
            w.join()
        if errors:
            raise min(errors, key=lambda x: x[0])[1]
        return results

    # -- lifetime
    def close(self) -> None:
        """Free the C extractors now (idempotent).  The Rules stay usable."""
        if self._closed:
            return
        self._closed = True
        pool, self._pool = self._pool, []
        for nat in pool:
            nat.finalizer()

    def __enter__(self) -> "Extractor":
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()

    def __repr__(self) -> str:
        return "<facta.Extractor%s %r>" % (" closed" if self._closed else "", self._rules)
