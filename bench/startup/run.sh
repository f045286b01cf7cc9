#!/usr/bin/env bash
# run.sh [BUILD_DIR] [bench_startup options] — the kiosk's start-up, glyph
# page, idle CPU and memory against a bare SDL + GL window, on a 1920x1080
# Xvfb display (DESIGN.md budgets), with an enrolled kiosk holding a synced
# demo district whose server keeps running (the kiosk syncs as it would).
#   bench/startup/run.sh build --runs 7 --idle-seconds 30
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
build=${1:-build}
[ $# -gt 0 ] && shift
bin=$root/$build/bench/startup/bench_startup
kiosk=$root/$build/kiosk/shell/kiosk
server=$root/$build/server/district-server
for b in "$bin" "$kiosk" "$server"; do
  [ -x "$b" ] || { echo "build it first: cmake --build $build --target bench_startup kiosk district-server" >&2; exit 1; }
done
work=$(mktemp -d)
pid=
trap '[ -n "$pid" ] && kill $pid 2>/dev/null; wait 2>/dev/null; rm -rf "$work"' EXIT
"$server" --data-dir "$work/district" demo --today "$(TZ=Asia/Shanghai date +%F)" > /dev/null
# Open all day: outside opening_hours the welcome screen is the closed screen.
python3 "$root/scripts/open_all_day.py" "$root/config/example-station.json" > "$work/station.json"
"$server" --data-dir "$work/district" config push "$work/station.json" --station st-changcheng > /dev/null
"$server" --data-dir "$work/district" serve --listen 127.0.0.1:0 --admin-listen off > "$work/serve.log" 2>&1 &
pid=$!
for _ in $(seq 1 100); do grep -q "listening on" "$work/serve.log" && break; sleep 0.1; done
url=$(sed -n 's/.*listening on \(https:[^ ]*\).*/\1/p' "$work/serve.log" | head -1)
"$server" --data-dir "$work/district" station add 长城长者服务站 --bundle "$work/bundle.json" --url "$url" > /dev/null
env -u DISPLAY "$kiosk" --data-dir "$work/kiosk" --enroll "$work/bundle.json" > /dev/null
env -u DISPLAY "$kiosk" --data-dir "$work/kiosk" --sync-once > /dev/null
echo "bench: an enrolled kiosk with the demo district ($(sqlite3 "$work/kiosk/kiosk.db" 'SELECT count(*) FROM members') members), its district serving at $url"
xvfb-run -a -s "-screen 0 1920x1080x24" "$bin" --data "$work/kiosk" "$@"
