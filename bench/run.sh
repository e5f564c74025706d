#!/usr/bin/env bash
# bench/run.sh: build facta-bench (Release), measure the peers on slices of the corpus, then run
# facta-bench over the bundled corpus; prints a Markdown report (docs/bench.md explains it).
#
#   bench/run.sh [facta-bench options]      e.g. bench/run.sh --mb 20 --reps 5
#
# Environment:
#   FACTA_BENCH_FULL=1     also compile a 1 000 000-entry generated lexicon (--big-lexicon)
#   FACTA_BENCH_BUILD=DIR  build directory (default: build)
#   FACTA_BENCH_OUT=DIR    where report.md, results.json and the peers' lines go
#                          (default: <build dir>/bench)
#   FACTA_BENCH_PEERS=0    skip the peers (no npm, no apt-get)
#
# Peers: compromise (npm, installed into bench/peers/node, which git ignores) and Debian's
# python3-dateparser. Each is installed when missing and skipped with a message when it cannot be.
set -euo pipefail

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"
BUILD="${FACTA_BENCH_BUILD:-build}"
OUT="${FACTA_BENCH_OUT:-$BUILD/bench}"
REPS=3
for ((i = 1; i <= $#; i++)); do # the peers use the same repetition count
    if [[ "${!i}" == --reps ]]; then j=$((i + 1)); REPS="${!j}"; fi
    if [[ "${!i}" == --quick ]]; then REPS=1; fi
done

say() { printf '# %s\n' "$*" >&2; }

# ---- build -------------------------------------------------------------------------------
say "building facta-bench (Release) in $BUILD"
scripts/deps.sh # the build dependencies (ICU, PCRE2, libstemmer, cmake), when missing
CONF=(-DCMAKE_BUILD_TYPE=Release)
# a new build directory gets no tests, so that cmocka is not needed for the benchmark
[[ -f "$BUILD/CMakeCache.txt" ]] || CONF+=(-DFACTA_BUILD_TESTS=OFF)
cmake -S . -B "$BUILD" "${CONF[@]}" >/dev/null
cmake --build "$BUILD" --target facta-bench -j "$(nproc)" >/dev/null
BENCH="$BUILD/bin/facta-bench"
mkdir -p "$OUT"

EN_FILES=(bench/corpus/en_*.txt)
RU_FILES=(bench/corpus/ru_*.txt)
PEER_ARGS=()

# ---- peers -------------------------------------------------------------------------------
if [[ "${FACTA_BENCH_PEERS:-1}" != 0 ]]; then
    # compromise (English: people, places, organizations, numbers; dates with compromise-dates)
    LINE="$OUT/peer-compromise.txt"
    if ! command -v node >/dev/null || ! command -v npm >/dev/null; then
        echo "tool=compromise lang=en reason=node or npm is not installed" >"$LINE"
    else
        if [[ ! -d bench/peers/node/node_modules/compromise ]]; then
            say "installing compromise into bench/peers/node (npm)"
            npm install --prefix bench/peers/node --no-audit --no-fund --loglevel=error \
                compromise@14 compromise-dates@3 >&2 ||
                npm install --prefix bench/peers/node --no-audit --no-fund --loglevel=error \
                    compromise@14 >&2 || true
        fi
        say "compromise on ${#EN_FILES[@]} English files"
        node bench/peers/compromise_bench.js --reps "$REPS" "${EN_FILES[@]}" >"$LINE" ||
            echo "tool=compromise lang=en reason=the driver failed" >"$LINE"
    fi
    PEER_ARGS+=(--peer "$LINE")

    # dateparser (dates, English and Russian), Debian's python3-dateparser under /usr/bin/python3
    PY=/usr/bin/python3
    if [[ -x $PY ]] && ! $PY -c 'import dateparser' 2>/dev/null && command -v apt-get >/dev/null &&
        [[ $(id -u) == 0 ]]; then
        say "installing python3-dateparser (apt-get)"
        DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-dateparser >&2 ||
            { apt-get update -qq >&2 &&
                DEBIAN_FRONTEND=noninteractive apt-get install -y -qq python3-dateparser >&2; } ||
            true
    fi
    for lang in en ru; do
        LINE="$OUT/peer-dateparser-$lang.txt"
        if [[ $lang == en ]]; then FILES=("${EN_FILES[@]}"); else FILES=("${RU_FILES[@]}"); fi
        if [[ -x $PY ]] && $PY -c 'import dateparser' 2>/dev/null; then
            say "dateparser on ${#FILES[@]} $lang files"
            $PY bench/peers/dateparser_bench.py --lang "$lang" --reps "$REPS" "${FILES[@]}" \
                >"$LINE" || echo "tool=dateparser lang=$lang reason=the driver failed" >"$LINE"
        else
            echo "tool=dateparser lang=$lang reason=python3-dateparser is not installed" >"$LINE"
        fi
        PEER_ARGS+=(--peer "$LINE")
    done
    for f in "$OUT"/peer-*.txt; do
        if grep -q reason= "$f"; then say "peer skipped: $(sed 's/.*reason=//' "$f")"; fi
    done
fi

# ---- facta -------------------------------------------------------------------------------
LABEL="$(git rev-parse --short HEAD 2>/dev/null || echo unknown)"
if ! git diff --quiet HEAD -- lib include rules CMakeLists.txt 2>/dev/null; then
    LABEL="$LABEL + uncommitted changes to the library"
fi
LABEL="commit $LABEL, $(cc --version 2>/dev/null | head -n1), CMAKE_BUILD_TYPE=Release"
ARGS=(--corpus bench/corpus --json "$OUT/results.json" --label "$LABEL")
if [[ -d ../shared/corpus/seeds ]] && compgen -G '../shared/corpus/seeds/*.txt' >/dev/null; then
    ARGS+=(--seeds ../shared/corpus/seeds)
fi
if [[ "${FACTA_BENCH_FULL:-0}" == 1 ]]; then
    ARGS+=(--big-lexicon 1000000)
fi
say "$BENCH ${ARGS[*]} ${PEER_ARGS[*]} $*"
"$BENCH" "${ARGS[@]}" "${PEER_ARGS[@]}" "$@" | tee "$OUT/report.md"
say "report: $OUT/report.md, numbers: $OUT/results.json"
