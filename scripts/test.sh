#!/usr/bin/env bash
# The second README command: installs what is missing, builds, runs every test
# (unit, integration against the real district server over TLS, and the real
# kiosk under Xvfb) and prints ctest's summary, then fuzzes the parsers.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)" --timeout 600
# The parsers under libFuzzer (clang, its own build in build-fuzz/): 25 s a
# target; ELDER_SKIP_FUZZ=1 skips it, FUZZ_SECONDS sets the time.
if [ "${ELDER_SKIP_FUZZ:-0}" != 1 ]; then
  bash fuzz/run.sh
fi
