#!/usr/bin/env bash
# fuzz.sh [SECONDS]: build the libFuzzer targets (tests/fuzz/fuzz_*.c) with clang, ASan and
# UBSan in build-fuzz/, then fuzz each target for SECONDS (default 60), one after another.
#
#   scripts/fuzz.sh            60 s per target (5 targets: about 6 minutes plus the build)
#   scripts/fuzz.sh 30         a CI budget
#   FUZZ_TARGETS="rules json" scripts/fuzz.sh 120
#
# Each run starts from the seed corpus tests/fuzz/corpus/<target>/ (read only); new corpus
# entries go to a scratch directory (FUZZ_SCRATCH, default a new /tmp/facta-fuzz.XXXXXX),
# never into the repository. Crashes, leaks, timeouts (-timeout=10) and out-of-memory
# (-rss_limit_mb=2048) are saved to build-fuzz/artifacts/<target>/ and make the script fail
# after every target has run. To keep a finding: copy the artifact into
# tests/fuzz/corpus/<target>/ (named crash_*), fix it, and the replay test fuzz_replay_<target>
# guards it from then on. Runs from the repository root: rule files may name files under
# rules/.
set -euo pipefail
cd "$(dirname "$0")/.."

secs=${1:-60}
if ! [[ "$secs" =~ ^[0-9]+$ ]] || (( secs < 1 )); then
  echo "usage: $0 [SECONDS]" >&2
  exit 2
fi
read -r -a targets <<< "${FUZZ_TARGETS:-rules extract json norm pack}"
cc=${FUZZ_CC:-clang}
if ! command -v "$cc" >/dev/null; then
  echo "fuzz.sh: $cc not found (install clang; FUZZ_CC names another)" >&2
  exit 2
fi

echo "== building the fuzz targets in build-fuzz/ ($cc)"
cmake -S . -B build-fuzz -DCMAKE_C_COMPILER="$cc" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
      -DFACTA_BUILD_FUZZERS=ON -DFACTA_BUILD_TESTS=OFF -DFACTA_BUILD_EXAMPLES=OFF \
      -DFACTA_BUILD_BENCH=OFF >/dev/null
build_targets=()
for t in "${targets[@]}"; do build_targets+=("fuzz_$t"); done
cmake --build build-fuzz -j"$(nproc)" --target "${build_targets[@]}" >/dev/null

scratch=${FUZZ_SCRATCH:-$(mktemp -d /tmp/facta-fuzz.XXXXXX)}
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-halt_on_error=1:print_stacktrace=1}
failed=()
summary=()
for t in "${targets[@]}"; do
  bin=build-fuzz/fuzz/fuzz_$t
  art=build-fuzz/artifacts/$t
  mkdir -p "$scratch/$t" "$art"
  log="$scratch/$t.log"
  dict=()
  [[ -f tests/fuzz/fuzz_$t.dict ]] && dict=(-dict="tests/fuzz/fuzz_$t.dict")
  echo "== fuzz_$t: ${secs}s, new inputs in $scratch/$t, log $log"
  maxlen=8192
  [[ $t == pack ]] && maxlen=65536 # a pack holds its rule sources and endings table
  rc=0
  "$bin" -max_total_time="$secs" -timeout=10 -rss_limit_mb=2048 -max_len="$maxlen" \
         -print_final_stats=1 -artifact_prefix="$art/" "${dict[@]}" \
         "$scratch/$t" "tests/fuzz/corpus/$t" >"$log" 2>&1 || rc=$?
  execs=$(awk '/stat::number_of_executed_units/ {n = $2} END {print n}' "$log")
  rate=$(awk '/stat::average_exec_per_sec/ {n = $2} END {print n}' "$log")
  cov=$(awk '{for (i = 1; i < NF; i++) if ($i == "cov:") n = $(i + 1)} END {print n}' "$log")
  new=$(find "$scratch/$t" -type f | wc -l)
  line=$(printf 'fuzz_%-8s %10s executions  %6s exec/s  cov %6s  %5s new inputs' \
         "$t" "${execs:-?}" "${rate:-?}" "${cov:-?}" "$new")
  if (( rc != 0 )); then
    line="$line  FAILED (exit $rc)"
    failed+=("$t")
    grep -m1 -E 'ERROR: (AddressSanitizer|LeakSanitizer|libFuzzer)|runtime error|check failed' \
      "$log" | sed 's/^/    /' || true
    ls -1 "$art" | sed "s|^|    artifact: $art/|" || true
  fi
  echo "$line"
  summary+=("$line")
done

echo
echo "== summary (${secs}s per target)"
printf '%s\n' "${summary[@]}"
if (( ${#failed[@]} )); then
  echo "fuzz.sh: findings in: ${failed[*]} (artifacts in build-fuzz/artifacts/, logs in $scratch)" >&2
  exit 1
fi
echo "fuzz.sh: no findings"
