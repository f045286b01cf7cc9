#!/usr/bin/env bash
# tour.sh [OUTDIR] — screenshots of every screen of the kiosk at 1920x1080
# (landscape) and 1080x1920 (portrait), through every flow: the shell's
# screens (tour.script), identify and check-in, meals, activities, time bank
# and staff mode (scripts/tour/*.script). Pictures go to OUTDIR/landscape and
# OUTDIR/portrait (default docs/screenshots/).
#
# Each flow runs the real kiosk full screen on an Xvfb display against a live
# district server (the status bar shows it online), each on a fresh copy of
# the kiosk's and the district's data: the flows book, sign up and check in.
#
# Environment:
#   KIOSK=path            the kiosk binary (default: build/ under the repo)
#   SERVER=path           the district-server binary (default: next to it)
#   KIOSK_LANG=en         tour in another language of the string tables
#   KIOSK_ARGS="..."      extra kiosk flags, e.g. "--strict-layout --text-size large":
#                         the tour fails at the first layout violation
#   TOUR_FIXTURE=long     the district gets the long content (scripts/tour/fixture.sh)
#   TOUR_ORIENTATIONS     default "landscape portrait"
#   TOUR_SCRIPTS          default "tour identify meals activities timebank staff"
#   KIOSK_DATA=dir        tour this enrolled, synced kiosk instead of a new demo
#   DISTRICT_DATA=dir     ... and serve this district data to it (its copies);
#                         without it the kiosk tours offline
#
# A script's @QR:<member id>@ becomes that elder's QR code, signed by the
# district (`district-server member qr`): a flow that scans one needs a district.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
out=$(realpath -m "${1:-$root/docs/screenshots}")
kiosk=${KIOSK:-$root/build/kiosk/shell/kiosk}
server=${SERVER:-$(dirname "$kiosk")/../../server/district-server}
lang=${KIOSK_LANG:-zh-CN}
read -r -a extra <<< "${KIOSK_ARGS:-}"
orientations=${TOUR_ORIENTATIONS:-landscape portrait}
scripts=${TOUR_SCRIPTS:-tour identify meals activities timebank staff}
[ -x "$kiosk" ] || { echo "tour: no kiosk binary at $kiosk; build it: cmake --build build --target kiosk" >&2; exit 1; }
command -v xvfb-run >/dev/null || { echo "tour: xvfb-run not found (Debian: xvfb xauth)" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "tour: sqlite3 not found" >&2; exit 1; }

work=$(mktemp -d)
server_pid=
stop_server() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  server_pid=
}
trap 'stop_server; rm -rf "$work"' EXIT

# serve DIR PORT: the district server on 127.0.0.1:PORT (0: any free port; the
# port it got is in $port afterwards).
serve() {
  local log=$work/serve.$RANDOM.log
  "$server" --data-dir "$1" serve --listen "127.0.0.1:$2" --admin-listen off > "$log" 2>&1 &
  server_pid=$!
  for _ in $(seq 1 200); do
    grep -q "listening on" "$log" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$log" >&2; echo "tour: the district server did not start" >&2; exit 1; }
    sleep 0.05
  done
  port=$(sed -n 's/.*listening on https:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$log" | head -1)
  [ -n "$port" ] || { cat "$log" >&2; echo "tour: the district server did not start" >&2; exit 1; }
}

# The kiosk and district to tour.
if [ -n "${KIOSK_DATA:-}" ]; then
  kdata=$KIOSK_DATA
  district=${DISTRICT_DATA:-}
else
  [ -x "$server" ] || { echo "tour: no district-server at $server (SERVER=...)" >&2; exit 1; }
  district=$work/district
  kdata=$work/kiosk
  "$server" --data-dir "$district" demo --today "$(TZ=Asia/Shanghai date +%F)" > /dev/null
  if [ "${TOUR_FIXTURE:-}" = long ]; then
    bash "$root/scripts/tour/fixture.sh" "$district" "$server" > /dev/null
  else
    # Open all day, so that the tour sees the welcome screen at any hour
    # (outside opening_hours it is the closed screen), in all three languages.
    python3 "$root/scripts/open_all_day.py" "$root/config/example-station.json" zh-CN en zh-HK \
      > "$work/station-config.json"
    "$server" --data-dir "$district" config push "$work/station-config.json" --station st-changcheng > /dev/null
  fi
  serve "$district" 0
  "$server" --data-dir "$district" station add 长城长者服务站 --bundle "$work/bundle.json" \
    --url "https://127.0.0.1:$port" > /dev/null
  env -u DISPLAY "$kiosk" --data-dir "$kdata" --enroll "$work/bundle.json" > /dev/null
  env -u DISPLAY "$kiosk" --data-dir "$kdata" --sync-once > /dev/null
  stop_server
fi
port=
if [ -n "$district" ]; then
  port=$(sqlite3 -batch -noheader "$kdata/kiosk.db" "SELECT server_url FROM enrollment" | sed -n 's/.*:\([0-9][0-9]*\)$/\1/p')
  [ -n "$port" ] || { echo "tour: $kdata is not enrolled with a district on a port" >&2; exit 1; }
fi

for orientation in $orientations; do
  case $orientation in
    landscape) size=1920x1080 ;;
    portrait) size=1080x1920 ;;
    *) echo "tour: unknown orientation $orientation" >&2; exit 1 ;;
  esac
  dir=$out/$orientation
  mkdir -p "$dir"
  # The pictures these scripts take, not others' in the folder
  # (tests/e2e/station_day_e2e.sh adds the station's day to docs/screenshots).
  for script in $scripts; do
    for f in $(sed -n 's/^screenshot \([^ ]*\.png\)$/\1/p' "$root/scripts/tour/$script.script"); do rm -f "$dir/$f"; done
  done
  for script in $scripts; do
    run=$work/$orientation-$script
    mkdir -p "$run"
    cp -a "$kdata" "$run/kiosk"
    if [ -n "$district" ]; then
      cp -a "$district" "$run/district"
      serve "$run/district" "$port"
    fi
    # The elders' signed QR codes into a copy of the script.
    src=$root/scripts/tour/$script.script
    cp "$src" "$run/$script.script"
    for id in $(grep -o '@QR:[^@]*@' "$src" | sed 's/^@QR://; s/@$//' | sort -u); do
      [ -n "$district" ] || { echo "tour: $script.script scans $id's QR code: it needs a district to sign it (DISTRICT_DATA)" >&2; exit 1; }
      qr=$("$server" --data-dir "$run/district" member qr "$id")
      sed -i "s|@QR:$id@|$qr|g" "$run/$script.script"
    done
    idle=600
    [ "$script" = tour ] && idle=60  # tour.script brings up the idle overlay
    rc=0
    t0=$(date +%s%N)
    (cd "$dir" && xvfb-run -a -s "-screen 0 ${size}x24 -nolisten tcp" \
      "$kiosk" --data-dir "$run/kiosk" --lang "$lang" --idle-seconds "$idle" "${extra[@]}" \
      --script "$run/$script.script" --state-out "$run/state.json" > "$run.log" 2>&1) || rc=$?
    stop_server
    [ -n "${TOUR_VERBOSE:-}" ] && echo "tour: $orientation $script: $(( ($(date +%s%N) - t0) / 1000000 )) ms, $(sed -n 's/.*"frames": \([0-9]*\).*/\1/p' "$run/state.json" 2>/dev/null) frames, longest $(sed -n 's/.*"frame_ms_max": \([0-9.]*\).*/\1/p' "$run/state.json" 2>/dev/null) ms"
    if [ "$rc" -ne 0 ]; then
      cat "$run.log" >&2
      echo "tour: $orientation $script failed (exit $rc)" >&2
      exit 1
    fi
  done
  echo "tour: $orientation ($size, $lang${KIOSK_ARGS:+, $KIOSK_ARGS}): $(ls "$dir"/*.png | wc -l) screenshots in $dir"
done
