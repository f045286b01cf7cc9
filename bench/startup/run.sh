#!/usr/bin/env bash
# run.sh [BUILD_DIR] [bench_startup options] — the kiosk's start-up, atlas,
# idle CPU and memory figures on a 1920x1080 Xvfb display (DESIGN.md budgets).
#   bench/startup/run.sh build-shell --runs 7 --idle-seconds 30
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-build}
[ $# -gt 0 ] && shift
bin=$root/$build/bench/startup/bench_startup
[ -x "$bin" ] || { echo "build it first: cmake --build $build --target bench_startup kiosk" >&2; exit 1; }
exec xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" "$@"
