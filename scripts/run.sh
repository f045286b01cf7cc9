#!/usr/bin/env bash
# The first README command: installs what is missing, builds, starts a local
# district server with a demo Futian district, enrolls a station, syncs, and
# runs the kiosk against it. With a display the kiosk opens (full screen, or
# ELDER_WINDOWED=WxH for a window); without one it tours every screen under
# Xvfb against the live district (scripts/tour.sh: each flow on copies of the
# station's and the district's data) and writes the pictures under .data/.
#
# Environment: ELDER_DATA (default .data/), ELDER_PORT (default 8443),
# ELDER_STATION (default 长城长者服务站), ELDER_WINDOWED=WxH.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
cd "$root"
bash scripts/setup.sh
bash scripts/build.sh

build=${BUILD_DIR:-build}
server="$root/$build/server/district-server"
kiosk="$root/$build/kiosk/shell/kiosk"
data=$(realpath -m "${ELDER_DATA:-$root/.data}")
port=${ELDER_PORT:-8443}
station=${ELDER_STATION:-长城长者服务站}
district="$data/district"
kiosk_data="$data/kiosk"
mkdir -p "$data"

if [ ! -f "$district/district.db" ]; then
  echo "run: creating the demo district in $district"
  "$server" --data-dir "$district" demo
fi

log="$data/server.log"
"$server" --data-dir "$district" serve --listen "127.0.0.1:$port" > "$log" 2>&1 &
server_pid=$!
trap 'kill $server_pid 2>/dev/null || true; wait $server_pid 2>/dev/null || true' EXIT
for _ in $(seq 1 100); do
  grep -q "listening on" "$log" 2>/dev/null && break
  kill -0 $server_pid 2>/dev/null || { cat "$log"; echo "run: the district server did not start" >&2; exit 1; }
  sleep 0.1
done
echo "run: district server on https://127.0.0.1:$port (log: $log)"
# The admin console (server/README.md) with a demo admin, made once.
if ! "$server" --data-dir "$district" admin list 2>/dev/null | grep -q '^demo '; then
  admin_pw=$(head -c 12 /dev/urandom | base64 | tr -d '+/=' | head -c 14)
  printf '%s\n' "$admin_pw" | "$server" --data-dir "$district" admin add demo --role admin --password-stdin >/dev/null
  (umask 077; echo "$admin_pw" > "$data/console-admin.txt")
fi
console="$(grep -o 'console on https://[0-9.:]*' "$log" | head -1 | cut -d' ' -f3) (user demo, password $(cat "$data/console-admin.txt" 2>/dev/null || echo "as set with admin add"); the browser will ask to trust the demo CA, $district/tls/ca.pem)"
echo "run: admin console on $console"

if [ ! -f "$kiosk_data/kiosk.db" ] || \
   [ -z "$(sqlite3 "$kiosk_data/kiosk.db" "SELECT station_id FROM enrollment" 2>/dev/null)" ]; then
  "$server" --data-dir "$district" station add "$station" --bundle "$data/station-bundle.json" \
    --url "https://127.0.0.1:$port"
  "$kiosk" --data-dir "$kiosk_data" --enroll "$data/station-bundle.json"
fi
# The demo station runs the example configuration (its staff PINs:
# config/README.md), pushed and signed like any admin's.
if ! "$server" --data-dir "$district" config list 2>/dev/null | grep -q st-changcheng; then
  "$server" --data-dir "$district" config push config/example-station.json --station st-changcheng
fi
"$kiosk" --data-dir "$kiosk_data" --sync-once

if [ -n "${DISPLAY:-}" ] && [ -z "${CI:-}" ]; then
  args=(--data-dir "$kiosk_data")
  [ -n "${ELDER_WINDOWED:-}" ] && args+=(--windowed "$ELDER_WINDOWED")
  echo "run: starting the kiosk (staff mode: hold the top-left corner 3 s)"
  "$kiosk" "${args[@]}"
else
  # The tour runs each flow on copies of the station's data and of the
  # district's, serving each district copy on the station's port: the screens
  # show the district online, and what the tour books never reaches the
  # district in .data/district.
  kill $server_pid 2>/dev/null; wait $server_pid 2>/dev/null || true
  echo "run: no display; touring the kiosk under Xvfb against the live district"
  KIOSK="$kiosk" SERVER="$server" KIOSK_DATA="$kiosk_data" DISTRICT_DATA="$district" \
    bash scripts/tour.sh "$data/screenshots"
  echo "run: screenshots in $data/screenshots (scripts/tour.sh docs/screenshots regenerates the README's)"
  echo "run: the admin console runs with the server: $server --data-dir $district serve, then $console"
fi
