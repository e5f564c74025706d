#!/usr/bin/env bash
# tsan.sh: build the library and test_threads with ThreadSanitizer (gcc -fsanitize=thread) in
# build-tsan/ and run it: 8 threads share one facta_rules, each with its own extractor, over
# the sample corpus; 4 threads compile rule sets at the same time. Any data race fails the
# run (halt_on_error=1).
#
#   scripts/tsan.sh              build and run test_threads
#   scripts/tsan.sh --all        also run every other C unit test under TSan
#
# No suppressions are used: ICU, PCRE2 and libstemmer are not instrumented, and the run is
# clean without any (docs/hardening.md). TSan needs the address space layout it expects; on
# kernels with high mmap randomization (vm.mmap_rnd_bits > 28) it aborts with "unexpected
# memory mapping" before main: the script then re-runs the test under `setarch -R`.
set -euo pipefail
cd "$(dirname "$0")/.."

cmake -S . -B build-tsan -DCMAKE_BUILD_TYPE=RelWithDebInfo -DFACTA_TSAN=ON -DFACTA_BUILD_TESTS=ON \
      -DFACTA_BUILD_BENCH=OFF -DFACTA_ENABLE_WERROR=ON >/dev/null
tests=(test_threads)
if [[ "${1:-}" == "--all" ]]; then
  tests=(test_threads test_api test_alloc test_tokenize test_rules test_limits)
fi
cmake --build build-tsan -j"$(nproc)" --target "${tests[@]}" >/dev/null

export TSAN_OPTIONS="halt_on_error=1 second_deadlock_stack=1 history_size=4 ${TSAN_OPTIONS:-}"
status=0
for t in "${tests[@]}"; do
  bin=build-tsan/bin/$t
  [[ -x "$bin" ]] || { echo "tsan.sh: $bin was not built" >&2; exit 1; }
  echo "== $t under ThreadSanitizer"
  rc=0
  out=$("$bin" 2>&1) || rc=$?
  if (( rc != 0 )) && grep -q "unexpected memory mapping" <<< "$out"; then
    echo "   (re-running without address space randomization)"
    rc=0
    out=$(setarch "$(uname -m)" -R "$bin" 2>&1) || rc=$?
  fi
  echo "$out" | grep -E '^\[ *(PASSED|FAILED|SKIPPED) *\]|WARNING: ThreadSanitizer|SUMMARY' || true
  if (( rc != 0 )); then
    echo "$out" | sed -n '/WARNING: ThreadSanitizer/,/SUMMARY/p' | head -60
    echo "tsan.sh: $t failed (exit $rc)" >&2
    status=1
  fi
done
(( status == 0 )) && echo "tsan.sh: clean"
exit $status
