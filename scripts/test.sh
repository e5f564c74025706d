#!/usr/bin/env bash
# test.sh: install what is missing, build with warnings as errors, and run every test:
# C units (cmocka), rule self-tests, the Python binding (pytest) and the CLI (pytest).
#   scripts/test.sh              the whole suite
#   scripts/test.sh --sanitize   the C tests again under AddressSanitizer + UBSan
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/deps.sh --test
jobs=$(nproc)
if [[ "${1:-}" == "--sanitize" ]]; then
  cmake -S . -B build-asan -DCMAKE_BUILD_TYPE=Debug -DFACTA_ENABLE_WERROR=ON -DFACTA_SANITIZE=ON \
        -DFACTA_BUILD_BENCH=OFF >/dev/null
  cmake --build build-asan -j"$jobs" >/dev/null
  ASAN_OPTIONS=detect_leaks=1 UBSAN_OPTIONS=print_stacktrace=1:halt_on_error=1 \
    ctest --test-dir build-asan --output-on-failure -j"$jobs" -L '^(c|cli)$'
  exit 0
fi
cmake -S . -B build -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFACTA_ENABLE_WERROR=ON >/dev/null
cmake --build build -j"$jobs" >/dev/null
ctest --test-dir build --output-on-failure -j"$jobs"
