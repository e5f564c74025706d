"""dateparser_bench.py: the dateparser peer of facta-bench (dates in English or Russian).

    /usr/bin/python3 bench/peers/dateparser_bench.py --lang en|ru [--reps N] FILE...

Reads each FILE as one document, runs dateparser.search.search_dates(text, languages=[lang])
over every document `reps` times, keeps the fastest pass and prints one line of key=value
pairs that facta-bench --peer reads:
    tool=dateparser lang=en reps=3 bytes=.. docs=.. seconds=.. mb_s=.. counts=dates:.. files=a,b
Debian's python3-dateparser is installed by bench/run.sh.
"""
import datetime
import os
import sys
import time
import warnings

warnings.filterwarnings("ignore")  # PytzUsageWarning on every relative date


def main():
    args = sys.argv[1:]
    lang, reps, files = "en", 3, []
    i = 0
    while i < len(args):
        if args[i] == "--lang":
            lang = args[i + 1]
            i += 2
        elif args[i] == "--reps":
            reps = int(args[i + 1])
            i += 2
        else:
            files.append(os.path.abspath(args[i]))
            i += 1
    try:
        import dateparser
        from dateparser.search import search_dates
    except ImportError:
        print("tool=dateparser lang=%s reason=python3-dateparser is not installed" % lang)
        return
    docs = []
    for f in files:
        with open(f, encoding="utf-8") as fh:
            docs.append(fh.read())
    nbytes = sum(os.path.getsize(f) for f in files)
    settings = {"RELATIVE_BASE": datetime.datetime(2025, 1, 1)}  # fixed, for repeatable counts

    def one_pass():
        n = 0
        for text in docs:
            found = search_dates(text, languages=[lang], settings=settings)
            n += len(found or [])
        return n

    search_dates("1 January 2020", languages=[lang])  # warm-up: loads the language data
    best, count = float("inf"), 0
    for _ in range(reps):
        t0 = time.perf_counter()
        count = one_pass()
        best = min(best, time.perf_counter() - t0)
    print("tool=dateparser-%s lang=%s reps=%d bytes=%d docs=%d seconds=%.6f mb_s=%.4f "
          "counts=dates:%d files=%s"
          % (dateparser.__version__, lang, reps, nbytes, len(docs), best, nbytes / 1e6 / best,
             count, ",".join(files)))


if __name__ == "__main__":
    main()
