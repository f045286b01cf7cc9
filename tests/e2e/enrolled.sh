#!/usr/bin/env bash
# enrolled.sh KIOSK CHECK SCRIPT OUTDIR
# The sync flags and the status bar of an enrolled kiosk whose district server
# cannot be reached (127.0.0.1:9, nothing listens there):
#   --enroll BUNDLE stores the station (exit 0); a bad bundle is refused (exit 1)
#   --sync-once fails with a clear message (exit 1), without a window
#   the windowed kiosk shows the station's name and "离线" (SCRIPT checks)
# Skipped (77) in a build without the sync client or without openssl.
set -euo pipefail
kiosk=$1 check=$2 script=$3 out=$4
"$kiosk" --help | grep -q -- --enroll || { echo "enrolled: kiosk built without the sync client"; exit 77; }
command -v openssl >/dev/null || { echo "enrolled: openssl not found"; exit 77; }
command -v xvfb-run >/dev/null || { echo "e2e: xvfb-run not found; install xvfb and xauth" >&2; exit 1; }
rm -rf "$out"
mkdir -p "$out"
cd "$out"
openssl req -x509 -newkey ed25519 -keyout ca.key -out ca.pem -days 2 -nodes -subj "/CN=e2e district CA" 2>/dev/null
openssl genpkey -algorithm ed25519 -out config.key 2>/dev/null
openssl pkey -in config.key -pubout -out config.pub
"$check" bundle bundle.json ca.pem config.pub https://127.0.0.1:9 "长城长者服务站"
echo '{"station_id": "st-x"}' > bad.json

rc=0
"$kiosk" --data-dir "$out/bad" --enroll bad.json 2>err.txt || rc=$?
[ "$rc" -eq 1 ] && grep -q "enrollment failed" err.txt || { cat err.txt; echo "enrolled: a bad bundle was not refused" >&2; exit 1; }

env -u DISPLAY "$kiosk" --data-dir "$out/data" --enroll bundle.json | tee enroll.txt
grep -q "enrolled as station st-e2e" enroll.txt

rc=0
env -u DISPLAY "$kiosk" --data-dir "$out/data" --sync-once 2>sync.txt || rc=$?
cat sync.txt
[ "$rc" -eq 1 ] && grep -q "sync failed" sync.txt || { echo "enrolled: --sync-once did not fail clearly" >&2; exit 1; }

xvfb-run -a -s "-screen 0 1920x1080x24" \
  "$kiosk" --data-dir "$out/data" --script "$script" --state-out state.json
"$check" png enrolled.png 1920 1080 40
"$check" state state.json screen=welcome
