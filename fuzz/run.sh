#!/usr/bin/env bash
# Builds the libFuzzer targets with clang in build-fuzz/ and runs each for a
# bounded time on its seed corpus (fuzz/corpus/<target>, in the repository;
# what the fuzzer finds new goes to build-fuzz/corpus/<target>). Prints the
# executions and crashes of each; exits 1 when any target crashed (the input
# is kept in build-fuzz/artifacts/).
#
#   bash fuzz/run.sh                   # 25 s a target (what CI runs)
#   FUZZ_SECONDS=600 bash fuzz/run.sh  # a longer run
#   FUZZ_TARGETS="fuzz_push_body" bash fuzz/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${FUZZ_SECONDS:-25}
targets=${FUZZ_TARGETS:-"fuzz_push_body fuzz_changes_page fuzz_config_document"}
build=${FUZZ_BUILD_DIR:-build-fuzz}

if ! command -v clang++ >/dev/null; then
  echo "fuzz: clang++ is missing (scripts/setup.sh installs clang and libclang-rt-14-dev)" >&2
  exit 1
fi
launcher=()
if command -v ccache >/dev/null; then launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache -DCMAKE_C_COMPILER_LAUNCHER=ccache); fi
export CCACHE_NOHASHDIR=1 CCACHE_BASEDIR="$PWD"
mkdir -p "$build"
CC=clang CXX=clang++ cmake -S . -B "$build" -DELDER_FUZZ=ON -DCMAKE_BUILD_TYPE=RelWithDebInfo "${launcher[@]}" \
  > "$build/configure.log" 2>&1 || { cat "$build/configure.log"; exit 1; }
# shellcheck disable=SC2086
cmake --build "$build" -j"$(nproc)" --target $targets

failed=0
for t in $targets; do
  name=${t#fuzz_}
  rm -rf "$build/artifacts/$name"
  mkdir -p "$build/corpus/$name" "$build/artifacts/$name"
  log="$build/$t.log"
  set +e
  ASAN_OPTIONS=detect_leaks=1:abort_on_error=1 UBSAN_OPTIONS=print_stacktrace=1 \
    "$build/fuzz/$t" -max_total_time="$seconds" -print_final_stats=1 -timeout=10 -rss_limit_mb=2048 \
      -artifact_prefix="$build/artifacts/$name/" "$build/corpus/$name" "fuzz/corpus/$name" > "$log" 2>&1
  rc=$?
  set -e
  execs=$(sed -n 's/^stat::number_of_executed_units: *//p' "$log" | tail -1)
  crashes=$(find "$build/artifacts/$name" -type f | wc -l)
  echo "fuzz: $t ${seconds}s: ${execs:-?} executions, $crashes crashes (exit $rc; log $log)"
  if [ "$rc" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    failed=1
    grep -E "ERROR|SUMMARY|==[0-9]+==|runtime error|terminate|what\(\)" "$log" | head -20 >&2 || true
  fi
done
exit $failed
