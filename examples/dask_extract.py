#!/usr/bin/env python3
"""Extract a corpus with facta on a local Dask cluster of worker processes.

    dask_extract.py INPUT OUT_DIR [--workers 2] [--partitions N] [--rules PATH]

INPUT is a directory of .txt files (read recursively; id = INPUT/relative/path,
as facta-extract names them) or a JSON Lines file of {"id", "text", "date"}
objects.  OUT_DIR receives part-00000.jsonl, part-00001.jsonl...: one JSON
object per document, in input order, each line exactly what facta's to_json()
writes; for a directory, the parts concatenated equal `facta-extract INPUT`.

Runs dask.bag on a distributed LocalCluster (processes=True); each worker
loads the rules once.  Needs the Debian packages python3-dask and
python3-distributed, and the facta package (pip install ./bindings/python, or
run from the repository: bindings/python is added to the path).
"""
import argparse
import logging
import os
import sys
import time


def _import_facta():
    try:
        import facta  # noqa: F401
    except ImportError:
        here = os.path.dirname(os.path.abspath(__file__))
        src = os.path.join(os.path.dirname(here), "bindings", "python")
        if not os.path.isdir(os.path.join(src, "facta")):
            raise
        sys.path.insert(0, src)
        # the worker processes need it too
        os.environ["PYTHONPATH"] = os.pathsep.join(p for p in (src, os.environ.get("PYTHONPATH")) if p)
    import facta.dask

    return facta.dask


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("input", help="a directory of .txt files or a JSON Lines file")
    ap.add_argument("out_dir", help="where to write part-NNNNN.jsonl")
    ap.add_argument("--workers", type=int, default=2, help="worker processes (default 2)")
    ap.add_argument("--threads-per-worker", type=int, default=1, help="threads per worker (default 1)")
    ap.add_argument("--partitions", type=int, default=None, help="partitions (default: 2 per worker thread)")
    ap.add_argument("--rules", default=None, help="a rule file or directory (default: the built-in rules)")
    ap.add_argument("--with-defaults", action="store_true", help="load the built-in rules before --rules")
    ap.add_argument("--explain", action="store_true", help="add rule names and rejected candidates")
    ap.add_argument("--replace-invalid", action="store_true", help="read invalid UTF-8 as U+FFFD")
    ap.add_argument("--skip-errors", action="store_true", help="leave out documents that fail (else stop)")
    args = ap.parse_args(argv)
    if args.workers < 1:
        ap.error("--workers must be >= 1")
    if not os.path.exists(args.input):
        ap.error("%s: no such file or directory" % args.input)
    if args.rules and not os.path.exists(args.rules):
        ap.error("%s: no such rule file or directory" % args.rules)

    fdask = _import_facta()
    import facta
    from distributed import Client, LocalCluster

    if args.rules:  # report rule errors here, with file:line:column, before starting workers
        try:
            facta.Rules.load(args.rules, with_defaults=args.with_defaults).close()
        except facta.FactaError as e:
            print("dask_extract.py: %s" % e, file=sys.stderr)
            return 2

    t0 = time.perf_counter()
    with LocalCluster(
        n_workers=args.workers,
        threads_per_worker=args.threads_per_worker,
        processes=True,
        dashboard_address=None,
        silence_logs=logging.ERROR,
    ) as cluster, Client(cluster) as client:
        paths = fdask.run_corpus(
            args.input,
            args.out_dir,
            client=client,
            partitions=args.partitions,
            rules=args.rules,
            with_defaults=args.with_defaults,
            explain=args.explain,
            replace_invalid=args.replace_invalid,
            errors="skip" if args.skip_errors else "raise",
        )
    docs = 0
    for p in paths:
        with open(p, "rb") as f:
            docs += sum(1 for _ in f)
    print(
        "%d documents in %d partitions written to %s in %.2f s"
        % (docs, len(paths), args.out_dir, time.perf_counter() - t0),
        file=sys.stderr,
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
