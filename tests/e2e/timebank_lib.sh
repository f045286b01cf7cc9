# timebank_lib.sh — shared by timebank_e2e.sh and staff_e2e.sh (sourced).
# A real district server (demo district, real TLS on 127.0.0.1) and a real
# kiosk enrolled as 长城 and synced once. Needs xvfb-run and sqlite3.
#   district_up OUT        demo + serve + bundle; sets D, PORT, SERVER_PID
#   district_restart       serve again on the same port (after district_down)
#   district_down          stop the server (SIGTERM)
#   kiosk_enroll K         --enroll + --sync-once into data dir K
#   kiosk_run K SCRIPT STATE [WxH]   the windowed kiosk under Xvfb
#   q DB SQL               one value from sqlite3
set -euo pipefail

need() { command -v "$1" >/dev/null || { echo "e2e: $1 not found" >&2; exit 1; }; }
need xvfb-run
need sqlite3

q() { sqlite3 -batch -noheader "$1" "$2"; }

expect_eq() {  # expect_eq WHAT ACTUAL EXPECTED
    if [ "$2" != "$3" ]; then echo "FAIL: $1: got '$2', expected '$3'" >&2; exit 1; fi
    echo "ok: $1 = $2"
}

serve_() {
    "$server" --data-dir "$D" serve --listen "127.0.0.1:$1" --admin-listen off >"$OUT/serve.out" 2>>"$OUT/serve.err" &
    SERVER_PID=$!
    for _ in $(seq 1 400); do
        if grep -q "listening on" "$OUT/serve.out" 2>/dev/null; then break; fi
        sleep 0.05
    done
    grep -q "listening on" "$OUT/serve.out" || { tail -5 "$OUT/serve.err"; kill -0 $SERVER_PID 2>/dev/null && echo "(still running)"; echo "e2e: server did not start on port $1" >&2; exit 1; }
    PORT=$(sed -n 's/.*listening on https:\/\/127.0.0.1:\([0-9]*\).*/\1/p' "$OUT/serve.out" | head -1)
}

district_up() {
    OUT=$1
    D=$OUT/district
    # DEMO_ARGS: e.g. --members 260 for a small district.
    "$server" --data-dir "$D" demo --today "$(TZ=Asia/Shanghai date +%F)" ${DEMO_ARGS:-} >"$OUT/demo.txt"
    serve_ 0
    trap 'district_down' EXIT
    "$server" --data-dir "$D" station add 长城长者服务站 --bundle "$OUT/bundle.json" --url "https://127.0.0.1:$PORT" >/dev/null
}

district_down() {
    if [ -n "${SERVER_PID:-}" ]; then
        kill "$SERVER_PID" 2>/dev/null || true
        wait "$SERVER_PID" 2>/dev/null || true
        SERVER_PID=
    fi
}

district_restart() { serve_ "$PORT"; }

kiosk_enroll() {
    env -u DISPLAY "$kiosk" --data-dir "$1" --enroll "$OUT/bundle.json" >/dev/null
    env -u DISPLAY "$kiosk" --data-dir "$1" --sync-once >/dev/null
}

kiosk_run() {  # kiosk_run DATADIR SCRIPT STATE [WxH]
    local size=${4:-1920x1080}
    xvfb-run -a -s "-screen 0 ${size}x24" "$kiosk" --data-dir "$1" --script "$2" --state-out "$3" --idle-seconds 600
}
