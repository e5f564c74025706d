"""Scale extraction out with ``dask.bag`` (and ``distributed``, optionally).

* :func:`extract_bag` maps a bag of records (``{"id", "text", "date"}`` dicts, or
  plain strings) to a bag of JSON lines, exactly :meth:`facta.Extractor.to_json`
  of each record; every worker process loads the rules once and reuses one
  :class:`facta.Extractor` for all its partitions.
* :func:`run_corpus` reads a directory of ``.txt`` files or a JSON Lines file of
  ``{"id", "text", "date"}`` objects, runs :func:`extract_bag` and writes
  ``part-00000.jsonl``, ``part-00001.jsonl``... into an output directory, in input
  order (concatenating the parts gives the single-process output).

``dask`` is imported lazily, so ``import facta.dask`` works without it; the
functions raise ImportError when it is missing.
"""
from __future__ import annotations

import fnmatch
import glob
import json
import os
import sys
import threading
from typing import Any, Dict, Hashable, Iterable, List, Optional, Sequence, Tuple, Union

from ._core import Extractor, FactaError, Rules, _rebuild_rules

__all__ = ["extract_bag", "extract_partition", "run_corpus", "worker_extractor", "read_corpus", "list_txt"]

#: None (built-in rules), a rule file or directory, a Rules object, or (internal)
#: the recipe tuple of a Rules object.
RulesSpec = Union[None, str, "os.PathLike[str]", Rules, Tuple[Any, ...]]
Record = Union[Dict[str, Any], str, bytes]

# ---- one Extractor per worker process --------------------------------------------

_lock = threading.Lock()
_extractors: Dict[Hashable, Extractor] = {}


def _recipe(rules: RulesSpec, with_defaults: bool = False) -> Tuple[Any, ...]:
    """A small picklable, hashable description of the rules: what the workers get."""
    if rules is None:
        if with_defaults:
            raise ValueError("with_defaults applies to a rule path")
        return ("default",)
    if isinstance(rules, Rules):
        if with_defaults:
            raise ValueError("with_defaults applies to a rule path, not to a Rules object")
        return rules._recipe
    if isinstance(rules, tuple):  # already a recipe
        return rules
    return ("load", os.path.abspath(os.fsdecode(rules)), bool(with_defaults), True, False)


def worker_extractor(rules: RulesSpec = None, *, with_defaults: bool = False) -> Extractor:
    """The process-wide :class:`facta.Extractor` for ``rules``, created on first use.

    In a Dask worker this loads the rules once per worker process; the Extractor
    gives each worker thread its own C extractor.
    """
    key = _recipe(rules, with_defaults)
    ex = _extractors.get(key)
    if ex is not None and (ex.closed or ex.rules.closed):
        ex = None
    if ex is None:
        with _lock:
            ex = _extractors.get(key)
            if ex is None or ex.closed or ex.rules.closed:
                if isinstance(rules, Rules) and not rules.closed:
                    r = rules
                else:
                    r = _rebuild_rules(key)
                ex = _extractors[key] = Extractor(r)
    return ex


def _record_args(rec: Record) -> Tuple[Any, Optional[str], Optional[str], Optional[str]]:
    if isinstance(rec, (str, bytes)):
        return rec, None, None, None
    text = rec.get("text")
    rid = rec.get("id")
    date = rec.get("date")
    lang = rec.get("lang")
    return (
        text,
        None if rid is None else str(rid),
        None if date is None else str(date),
        lang,
    )


def extract_partition(
    records: Iterable[Record],
    rules: RulesSpec = None,
    *,
    explain: bool = False,
    replace_invalid: bool = False,
    errors: str = "raise",
) -> List[str]:
    """JSON lines (without newline) for one partition of records, with this
    process's shared Extractor.  A record is ``{"text": ..., "id": ...,
    "date": "YYYY-MM-DD", "lang": "ru"|"en"}`` (only ``text`` is required; a
    non-string id is written as its ``str``) or a plain string.

    ``errors="raise"`` (default) raises the :class:`facta.FactaError` of a bad
    document (e.g. invalid UTF-8); ``errors="skip"`` leaves it out, with a
    message on stderr, as ``facta-extract`` does.
    """
    if errors not in ("raise", "skip"):
        raise ValueError("errors must be 'raise' or 'skip'")
    ex = worker_extractor(rules)
    out = []
    for rec in records:
        text, rid, date, lang = _record_args(rec)
        try:
            out.append(
                ex.to_json(text, rid, doc_date=date, lang=lang, explain=explain, replace_invalid=replace_invalid)
            )
        except FactaError as e:
            if errors == "raise":
                raise
            print("facta: %s: %s" % (rid if rid is not None else "<document>", e), file=sys.stderr)
    return out


def extract_bag(
    bag: Any,
    rules: RulesSpec = None,
    *,
    with_defaults: bool = False,
    explain: bool = False,
    replace_invalid: bool = False,
    errors: str = "raise",
) -> Any:
    """Map a ``dask.bag.Bag`` of records to a bag of JSON lines (str, no newline),
    each equal to :meth:`facta.Extractor.to_json` of the record.

    ``rules`` is None (built-in rules), a rule file/directory path (as seen by
    the workers) or a :class:`facta.Rules` (sent as the recipe that built it).
    Partitions are mapped with one Extractor per worker process, rules loaded
    once.  ``errors`` is as in :func:`extract_partition`.
    """
    if errors not in ("raise", "skip"):
        raise ValueError("errors must be 'raise' or 'skip'")
    return bag.map_partitions(
        extract_partition,
        rules=_recipe(rules, with_defaults),
        explain=explain,
        replace_invalid=replace_invalid,
        errors=errors,
    )


# ---- reading a corpus -------------------------------------------------------------


def _read_txt(path: str) -> Dict[str, Any]:
    with open(path, "rb") as f:  # bytes: no newline translation, offsets as the CLI's
        data = f.read()
    return {"id": path, "text": data}


def list_txt(root: str, pattern: str = "*.txt") -> List[str]:
    """The files under ``root`` whose base name matches ``pattern``, as
    ``facta-extract DIR`` lists them: recursively (symbolic links to
    directories are not followed), as ``root/relative/path``, sorted bytewise."""
    out: List[str] = []

    def walk(d: str) -> None:
        with os.scandir(d) as it:
            for de in it:
                p = d + de.name if d.endswith("/") else d + "/" + de.name
                if de.is_dir(follow_symlinks=False):
                    walk(p)
                elif fnmatch.fnmatchcase(de.name, pattern) and os.path.isfile(p):
                    out.append(p)

    walk(root)
    out.sort(key=os.fsencode)
    return out


def _read_jsonl_range(path: str, start: int, end: int) -> List[Dict[str, Any]]:
    """The records of the lines that start in [start, end) of a JSON Lines file."""
    out = []
    with open(path, "rb") as f:
        f.seek(start)
        pos = start
        while pos < end:
            line = f.readline()
            if not line:
                break
            pos += len(line)
            if line.strip():
                rec = json.loads(line)
                if not isinstance(rec, dict) or "text" not in rec:
                    raise ValueError("%s: a record without \"text\" near byte %d" % (path, pos - len(line)))
                out.append(rec)
    return out


def _jsonl_ranges(path: str, parts: int) -> List[Tuple[int, int]]:
    """Split a JSON Lines file into about ``parts`` byte ranges on line boundaries."""
    size = os.path.getsize(path)
    bounds = [0]
    with open(path, "rb") as f:
        for i in range(1, parts):
            target = size * i // parts
            if target <= bounds[-1]:
                continue
            f.seek(target - 1)
            f.readline()  # to the start of the next line
            pos = f.tell()
            if bounds[-1] < pos < size:
                bounds.append(pos)
    bounds.append(size)
    return [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1)]


def _default_partitions(client: Any) -> int:
    if client is not None:
        try:
            return max(1, 2 * sum(client.nthreads().values()))
        except Exception:
            pass
    return max(1, 2 * (os.cpu_count() or 1))


def read_corpus(path: Union[str, "os.PathLike[str]"], partitions: int) -> Any:
    """A ``dask.bag`` of records from a directory of ``*.txt`` files or from a
    JSON Lines file of ``{"id", "text", "date"}`` objects.

    Files are listed as ``facta-extract DIR`` does (:func:`list_txt`): the id
    of a file is its path (``DIR/sub/name.txt``), its text the file's bytes, so
    the output equals the CLI's line for line."""
    import dask.bag as db

    p = os.fspath(path)
    if os.path.isdir(p):
        files = list_txt(p)
        if not files:
            return db.from_sequence([], npartitions=1)
        return db.from_sequence(files, npartitions=min(partitions, len(files))).map(_read_txt)
    ranges = _jsonl_ranges(p, max(1, partitions))
    return db.from_sequence(ranges, npartitions=len(ranges)).map_partitions(_read_jsonl_ranges, p)


def _read_jsonl_ranges(ranges: Iterable[Tuple[int, int]], path: str) -> List[Dict[str, Any]]:
    return [rec for a, b in ranges for rec in _read_jsonl_range(path, a, b)]


def _write_part(lines: Sequence[str], path: str) -> Tuple[str, int]:
    tmp = path + ".tmp"
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for line in lines:
            f.write(line)
            f.write("\n")
    os.replace(tmp, path)
    return path, len(lines)


def _warm(recipe: Tuple[Any, ...]) -> int:
    return len(worker_extractor(recipe).rules)


def run_corpus(
    path: Union[str, "os.PathLike[str]"],
    out_dir: Union[str, "os.PathLike[str]"],
    client: Any = None,
    partitions: Optional[int] = None,
    *,
    rules: RulesSpec = None,
    with_defaults: bool = False,
    explain: bool = False,
    replace_invalid: bool = False,
    errors: str = "raise",
) -> List[str]:
    """Extract a corpus with dask and write JSON Lines partitions.

    ``path`` is a directory of ``.txt`` files or a JSON Lines file; ``out_dir``
    receives ``part-00000.jsonl``, ``part-00001.jsonl``... (older ``part-*.jsonl``
    files there are removed first), whose lines in order equal
    :meth:`facta.Extractor.to_json` of each document in input order.  With a
    ``distributed.Client`` the work runs on its cluster and each worker loads
    the rules once up front; otherwise on dask's default scheduler.
    ``partitions`` defaults to twice the number of worker threads.
    ``errors="skip"`` leaves out documents that fail (see
    :func:`extract_partition`).  Returns the paths written.
    """
    import dask

    recipe = _recipe(rules, with_defaults)
    if partitions is None:
        partitions = _default_partitions(client)
    if partitions < 1:
        raise ValueError("partitions must be >= 1")
    out = os.fspath(out_dir)
    os.makedirs(out, exist_ok=True)
    for old in glob.glob(os.path.join(glob.escape(out), "part-*.jsonl")):
        os.remove(old)
    if client is not None:
        client.run(_warm, recipe)  # load the rules once on every worker
    bag = extract_bag(
        read_corpus(path, partitions), recipe, explain=explain, replace_invalid=replace_invalid, errors=errors
    )
    write = dask.delayed(_write_part, pure=False)
    tasks = [
        write(part, os.path.join(os.path.abspath(out), "part-%05d.jsonl" % i))
        for i, part in enumerate(bag.to_delayed())
    ]
    done = dask.compute(*tasks, scheduler=client) if client is not None else dask.compute(*tasks)
    return [p for p, _ in done]
