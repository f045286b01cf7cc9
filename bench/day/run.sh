#!/usr/bin/env bash
# run.sh [BUILD_DIR] [ELDERS] — a day at the station (issue 13): ELDERS (1,000)
# different elders with realistic names (names.py) check in by card, one
# after another, on an enrolled kiosk of the demo district whose server is up
# (the kiosk syncs each check-in). Prints what the glyph cache did with their
# names, the longest frame, and how the kiosk's memory grew.
#   bash bench/day/run.sh build 1000
# Budgets (issue 13): the page <= 2048x2048, never rebuilt on the frame that
# answers a card, the longest frame <= 50 ms on this machine, memory growth <= 15 MB.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-build}
elders=${2:-1000}
kiosk=$root/$build/kiosk/shell/kiosk
server=$root/$build/server/district-server
for b in "$kiosk" "$server"; do
  [ -x "$b" ] || { echo "build it first: cmake --build $build --target kiosk district-server" >&2; exit 1; }
done
command -v xvfb-run >/dev/null || { echo "bench: xvfb-run not found (Debian: xvfb xauth)" >&2; exit 1; }
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT

D=$work/district
"$server" --data-dir "$D" demo --today "$(TZ=Asia/Shanghai date +%F)" > /dev/null
python3 "$root/bench/day/names.py" "$elders" 13 > "$work/elders.csv"
"$server" --data-dir "$D" member import "$work/elders.csv" > /dev/null
# Open all day: outside opening_hours the welcome screen is the closed screen.
python3 "$root/scripts/open_all_day.py" "$root/config/example-station.json" > "$work/station.json"
"$server" --data-dir "$D" config push "$work/station.json" --station st-changcheng > /dev/null
"$server" --data-dir "$D" serve --listen 127.0.0.1:0 --admin-listen off > "$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \(https:[^ ]*\).*/\1/p' "$work/serve.log" | head -1)
"$server" --data-dir "$D" station add 长城长者服务站 --bundle "$work/bundle.json" --url "$url" > /dev/null
env -u DISPLAY "$kiosk" --data-dir "$work/kiosk" --enroll "$work/bundle.json" > /dev/null
env -u DISPLAY "$kiosk" --data-dir "$work/kiosk" --sync-once > /dev/null

distinct=$(python3 - "$work/elders.csv" <<'PY'
import csv, sys
names = [r["name"] for r in csv.DictReader(open(sys.argv[1], encoding="utf-8"))]
shown = {c for n in names for c in (n[0], n[-1])}   # masked on screen: 张*明
print(len({c for n in names for c in n}), len(shown))
PY
)
# The day: the first ten elders settle the kiosk in, then memory is noted;
# every card is one elder (tap-to-check-in: the answer shows at once).
{
  echo "wait_for welcome.start"
  i=0
  tail -n +2 "$work/elders.csv" | while IFS=, read -r id card rest; do
    echo "type $card"
    echo "expect_string checkin.done.title"
    i=$((i + 1))
    if [ "$i" -eq 10 ]; then echo "memory start"; fi
  done
  echo "memory end"
  echo "quit"
} > "$work/day.script"
t0=$(date +%s.%N)
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --data-dir "$work/kiosk" --checkin-mode tap --idle-seconds 3600 \
  --script "$work/day.script" --state-out "$work/state.json" > "$work/kiosk.log" 2>&1 ||
  { tail -20 "$work/kiosk.log" >&2; echo "bench: the kiosk failed" >&2; exit 1; }
t1=$(date +%s.%N)
# Frames over 50 ms say where their time went (kiosk: slow frame ...).
slow=$(grep -c "slow frame" "$work/kiosk.log" || true)
worst=$(grep "slow frame" "$work/kiosk.log" | sort -t: -k3 -g | tail -1 || true)
checked=$(sqlite3 "$work/kiosk/kiosk.db" "SELECT count(*) FROM checkins WHERE member_id LIKE 'm-day%'")
python3 - "$work/state.json" "$elders" "$checked" "$distinct" "$(echo "$t1 - $t0" | bc)" "$slow" "$worst" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
elders, checked, (chars, shown), secs = sys.argv[2], sys.argv[3], sys.argv[4].split(), float(sys.argv[5])
a, m = s["atlas"], s["memory_kb"]
print(f"day at the station: {elders} different elders checked in by card ({checked} check-ins stored) in {secs:.0f} s")
print(f"  their names: {chars} distinct characters, {shown} of them shown (names are masked: 张*明)")
print(f"  glyph page: {a['width']}x{a['height']} (budget <= 2048x2048), {a['glyphs']} glyphs in it at the end, "
      f"{a['evicted']} evicted to make room, {a['builds']} whole rebuilds (the start and text sizes only)")
print(f"  longest frame after start-up: {s['frame_ms_max']:.1f} ms (budget <= 50 ms); "
      f"longest atlas work in a frame: {s['atlas_rebuild_ms_max']:.1f} ms")
f, w = s["frame_ms"], s["swap_ms"]
print(f"  the {f['count']} frames after start-up: median {f['p50']:.1f} ms, p95 {f['p95']:.1f}, p99 {f['p99']:.1f}, "
      f"longest {f['max']:.1f}; their display swap alone: median {w['p50']:.1f} ms, p95 {w['p95']:.1f}, "
      f"p99 {w['p99']:.1f}, longest {w['max']:.1f}")
print(f"  frames over 50 ms: {sys.argv[6]}{'; the longest: ' + sys.argv[7].split('kiosk: ', 1)[-1] if sys.argv[7] else ''}")
grow = (m["end"] - m["start"]) / 1024
print(f"  resident memory: {m['start'] / 1024:.1f} MB after 10 elders, {m['end'] / 1024:.1f} MB after {elders}: "
      f"{grow:+.1f} MB (budget <= +15 MB)")
PY
