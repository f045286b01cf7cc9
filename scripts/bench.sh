#!/usr/bin/env bash
# Runs every benchmark in bench/ and prints their figures (DESIGN.md budgets).
# Benchmarks are not tests: they print, a person reads. About 3-4 minutes.
#   bash scripts/bench.sh            all
#   bash scripts/bench.sh store      one of: store sync server abuse startup day
# (server also compares SQLite with PostgreSQL on a throwaway cluster: a few minutes more)
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
build=${BUILD_DIR:-build}
only=${1:-all}
bash scripts/setup.sh > /dev/null
bash scripts/build.sh > /dev/null

run() { [ "$only" = all ] || [ "$only" = "$1" ]; }

if run store; then
  echo "== store: check-in commit and card lookup (bench_store)"
  "$build/bench/store/bench_store"
fi
if run sync; then
  echo "== sync: push 10,000 ops + pull 150,000 members over loopback HTTPS (bench_sync)"
  "$build/bench/sync/bench_sync" --members 150000 --ops 10000
fi
if run server; then
  echo "== server: 50 stations syncing at once (bench_server_throughput)"
  "$build/bench/server/bench_server_throughput" --members 20000 --stations 50 --rounds 10
  echo "== server: 1,000 stations on SQLite/1, PostgreSQL/1, PostgreSQL/4 processes (private cluster)"
  "$build/bench/server/bench_server_throughput" --database private --processes 4 --members 20000 \
    --stations 1000 --rounds 2 --clients 64 --seconds 60
fi
if run abuse; then
  echo "== server under abuse: 500 slow connections and floods while a good station syncs (bench_abuse)"
  "$build/bench/server/bench_abuse" --seconds 60
fi
if run startup; then
  echo "== kiosk: cold start, glyph page, idle CPU, memory against a bare SDL + GL window (bench_startup under Xvfb)"
  bash bench/startup/run.sh "$build" --runs 7 --idle-seconds 30
fi
if run day; then
  echo "== a day at the station: 1,000 elders with realistic names check in by card (bench/day)"
  bash bench/day/run.sh "$build" 1000
fi
