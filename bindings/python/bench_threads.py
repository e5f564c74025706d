#!/usr/bin/env python3
"""Print the speed-up of Extractor.extract_many on 4 threads over 1 thread.

    bench_threads.py CORPUS_DIR [--threads 4] [--repeat 5] [--min-docs 400] [--rules PATH]

CORPUS_DIR holds .txt documents (the project's is bench/corpus).  The corpus is
repeated until it has at least --min-docs documents; each configuration runs
--repeat times (the two interleaved) and the best time counts.  Also checks that both runs give the
same records.  Run from the repository: the package in this directory and the
library in build/lib are used unless facta is installed or FACTA_LIBRARY is set.
"""
import argparse
import glob
import os
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))


def main(argv=None):
    ap = argparse.ArgumentParser(description="extract_many speed-up, N threads vs 1")
    ap.add_argument("corpus", help="directory of .txt files")
    ap.add_argument("--threads", type=int, default=4, help="threads to compare with 1 (default 4)")
    ap.add_argument("--repeat", type=int, default=5, help="runs per configuration, interleaved, best counts (default 5)")
    ap.add_argument("--min-docs", type=int, default=400, help="repeat the corpus up to this many documents")
    ap.add_argument("--rules", default=None, help="rule file or directory (default: built-in rules)")
    args = ap.parse_args(argv)

    sys.path.insert(0, HERE)
    repo_lib = os.path.join(os.path.dirname(os.path.dirname(HERE)), "build", "lib", "libfacta.so")
    if not os.environ.get("FACTA_LIBRARY") and os.path.exists(repo_lib):
        os.environ["FACTA_LIBRARY"] = repo_lib
    import facta

    paths = sorted(glob.glob(os.path.join(args.corpus, "**", "*.txt"), recursive=True))
    if not paths:
        ap.error("no .txt files in %s" % args.corpus)
    docs = []
    for p in paths:
        with open(p, "rb") as f:
            docs.append(f.read().decode("utf-8", "replace"))
    base = list(docs)
    while len(docs) < args.min_docs:
        docs += base
    size = sum(len(d.encode("utf-8")) for d in docs)

    with facta.Extractor(args.rules) as ex:
        ex.extract_many(docs[: len(base)], threads=args.threads)  # warm up every C extractor

        # interleave the two configurations so that a busy moment on a shared machine
        # hits both alike; the best run of each counts
        t1 = tn = float("inf")
        r1 = rn = None
        for _ in range(args.repeat):
            for threads in (1, args.threads):
                t0 = time.perf_counter()
                res = ex.extract_many(docs, threads=threads)
                dt = time.perf_counter() - t0
                if threads == 1:
                    t1, r1 = min(t1, dt), res
                else:
                    tn, rn = min(tn, dt), res
    if r1 != rn:
        print("ERROR: %d threads gave other records than 1 thread" % args.threads, file=sys.stderr)
        return 1
    records = sum(len(r) for r in r1)
    print("facta %s, library %s" % (facta.library_version(), facta.library_path))
    print("corpus: %d documents (%d files), %.2f MB, %d records" % (len(docs), len(base), size / 1e6, records))
    print("CPUs: %s" % (os.cpu_count(),))
    print("1 thread:   %.3f s  (%.2f MB/s, %.0f docs/s)" % (t1, size / 1e6 / t1, len(docs) / t1))
    print("%d threads:  %.3f s  (%.2f MB/s, %.0f docs/s)" % (args.threads, tn, size / 1e6 / tn, len(docs) / tn))
    print("speedup %d threads vs 1: %.2fx" % (args.threads, t1 / tn))
    return 0


if __name__ == "__main__":
    sys.exit(main())
