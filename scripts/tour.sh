#!/usr/bin/env bash
# tour.sh [OUTDIR] — screenshots of every screen of the kiosk at 1920x1080
# (landscape) and 1080x1920 (portrait): welcome → home → each tile's screen →
# text size 大 and 特大 → the idle overlay → welcome again.
#
# Runs the real kiosk full screen on an Xvfb display of each size, driven by
# scripts/tour/tour.script. OUTDIR defaults to docs/screenshots/; pictures go
# to OUTDIR/landscape and OUTDIR/portrait. Environment:
#   KIOSK=path      the kiosk binary (default: build-shell/ or build/ under the repo)
#   KIOSK_LANG=en   tour the English screens
#   KIOSK_DATA=dir  an enrolled, synced kiosk data dir to tour with (copied:
#                   the tour's taps never change it); default: an empty kiosk
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(realpath -m "${1:-$root/docs/screenshots}")
kiosk=${KIOSK:-}
if [ -z "$kiosk" ]; then
  for b in build-shell build; do
    [ -x "$root/$b/kiosk/shell/kiosk" ] && { kiosk=$root/$b/kiosk/shell/kiosk; break; }
  done
fi
if [ -z "$kiosk" ] || [ ! -x "$kiosk" ]; then
  echo "tour: no kiosk binary; build it: cmake -S . -B build && cmake --build build --target kiosk" >&2
  exit 1
fi
command -v xvfb-run >/dev/null || { echo "tour: xvfb-run not found (Debian: xvfb xauth)" >&2; exit 1; }

data=$(mktemp -d)
trap 'rm -rf "$data"' EXIT
for orientation in 1920x1080:landscape 1080x1920:portrait; do
  size=${orientation%%:*}
  name=${orientation##*:}
  dir=$out/$name
  mkdir -p "$dir"
  rm -f "$dir"/*.png
  # tour.script: the shell's screens. With an enrolled, synced data dir the
  # flow tours too (identify, meals, activities, time bank, staff): each on a
  # fresh copy, since they book, redeem and check in.
  scripts=(tour)
  [ -n "${KIOSK_DATA:-}" ] && scripts+=(identify meals activities timebank staff)
  for script in "${scripts[@]}"; do
    run_dir="$data/$name-$script"
    mkdir -p "$run_dir"
    [ -n "${KIOSK_DATA:-}" ] && cp -a "$KIOSK_DATA"/. "$run_dir"/
    (cd "$dir" && xvfb-run -a -s "-screen 0 ${size}x24 -nolisten tcp" \
      "$kiosk" --data-dir "$run_dir" --lang "${KIOSK_LANG:-zh-CN}" --idle-seconds 60 --script "$root/scripts/tour/$script.script" \
      > "$data/$name-$script.log" 2>&1) || { cat "$data/$name-$script.log" >&2; echo "tour: $script failed" >&2; exit 1; }
  done
  echo "tour: $name ($size): $(ls "$dir"/*.png | wc -l) screenshots in $dir"
done
