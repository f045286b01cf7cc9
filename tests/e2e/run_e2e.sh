#!/usr/bin/env bash
# run_e2e.sh KIOSK CHECK SCRIPT WxH OUTDIR [KEY=VALUE...]
# Runs the real kiosk full screen on an Xvfb display of WxH, driven by SCRIPT
# (screenshots are written into OUTDIR), then checks every PNG (size WxH, not
# blank) and the state file against KEY=VALUE.
set -euo pipefail
kiosk=$1 check=$2 script=$3 size=$4 out=$5
shift 5
w=${size%x*}
h=${size#*x}
if ! command -v xvfb-run >/dev/null; then
  echo "e2e: xvfb-run not found; install the Debian packages xvfb and xauth" >&2
  exit 1
fi
rm -rf "$out"
mkdir -p "$out"
cd "$out"
rc=0
xvfb-run -a -s "-screen 0 ${w}x${h}x24" \
  "$kiosk" --data-dir "$out/data" --script "$script" --state-out "$out/state.json" || rc=$?
if [ "$rc" -ne 0 ]; then
  echo "e2e: the kiosk exited with $rc" >&2
  exit 1
fi
shots=0
for png in "$out"/*.png; do
  [ -e "$png" ] || continue
  "$check" png "$png" "$w" "$h" 40
  shots=$((shots + 1))
done
if [ "$shots" -eq 0 ]; then
  echo "e2e: the script wrote no screenshot" >&2
  exit 1
fi
"$check" state "$out/state.json" "$@"
