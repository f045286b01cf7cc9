#!/usr/bin/env bash
# The second README command: installs what is missing, builds, runs every test
# (unit, integration against the real district server over TLS, and the real
# kiosk under Xvfb) and prints ctest's summary.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
bash scripts/build.sh
ctest --test-dir "${BUILD_DIR:-build}" --output-on-failure -j"$(nproc)" --timeout 600
