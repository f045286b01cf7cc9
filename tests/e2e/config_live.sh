#!/usr/bin/env bash
# config_live.sh KIOSK DISTRICT_SERVER SCRIPTDIR OUTDIR
# A configuration pushed by the district changes the RUNNING kiosk, without a
# restart: the real server (demo district, TLS on 127.0.0.1), the real kiosk
# under Xvfb. The kiosk starts on the built-in config (meals on, idle 60 s);
# once it shows Home the admin pushes meals off, idle 30 s and a banner; the
# kiosk syncs and must show the banner, hide the meals tile, and go idle after
# 30 s instead of 60. Restarted, it syncs at the pushed interval (15 s) from
# its first cycle on, not at the built-in 60 s until the next push.
set -euo pipefail
kiosk=$1 server=$2 dir=$3 out=$4
command -v xvfb-run >/dev/null || { echo "e2e: xvfb-run not found" >&2; exit 1; }
"$kiosk" --help | grep -q -- --enroll || { echo "e2e: kiosk built without the sync client"; exit 77; }
rm -rf "$out"; mkdir -p "$out"; cd "$out"
today=$(TZ=Asia/Shanghai date +%F)
"$server" --data-dir district demo --members 100 --today "$today" >demo.txt
"$server" --data-dir district serve --listen 127.0.0.1:0 --admin-listen off >serve.txt 2>serve.log &
pid=$!
trap 'kill $pid 2>/dev/null || true' EXIT
for _ in $(seq 100); do grep -q "listening on" serve.txt 2>/dev/null && break; sleep 0.05; done
url=$(grep -o 'https://[0-9.:]*' serve.txt | head -1)
"$server" --data-dir district station add 长城长者服务站 --id st-changcheng --bundle cc.json --url "$url" >/dev/null
"$kiosk" --data-dir kd --enroll cc.json >/dev/null
"$kiosk" --data-dir kd --sync-once >/dev/null

expires=$(TZ=Asia/Shanghai date -d "+2 days" +%Y-%m-%dT%H:%M:%S+08:00)
cat > push.json <<JSON
{ "expires_at": "$expires", "idle_timeout_seconds": 30, "sync_interval_seconds": 15,
  "flows": {"checkin": true, "meals": false, "activities": true, "timebank": true, "help": true},
  "announcement": "今天下午三点有健康讲座",
  "opening_hours": {"mon": {"open": "00:00", "close": "23:59"}, "tue": {"open": "00:00", "close": "23:59"},
    "wed": {"open": "00:00", "close": "23:59"}, "thu": {"open": "00:00", "close": "23:59"},
    "fri": {"open": "00:00", "close": "23:59"}, "sat": {"open": "00:00", "close": "23:59"},
    "sun": {"open": "00:00", "close": "23:59"}} }
JSON

xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --data-dir kd --script "$dir/config_live.script" \
  --state-out state.json >kiosk.out 2>kiosk.err &
kpid=$!
for _ in $(seq 400); do [ -f before.png ] && break; kill -0 $kpid 2>/dev/null || break; sleep 0.05; done
[ -f before.png ] || { cat kiosk.err >&2; echo "e2e: the kiosk never showed Home" >&2; exit 1; }
"$server" --data-dir district config push push.json >push.txt
if ! wait $kpid; then cat kiosk.err >&2; echo "e2e: the running kiosk did not take the pushed config" >&2; exit 1; fi

# The kiosk judged and applied it, and says so to the district.
running=$(sqlite3 kd/kiosk.db "SELECT version FROM config WHERE id='current'")
[ "$running" -ge 1 ] || { echo "e2e: kiosk runs config version '$running'" >&2; exit 1; }
"$kiosk" --data-dir kd --sync-once >/dev/null
"$server" --data-dir district config status | tee status.txt | grep st-changcheng | grep -qw "$running" \
  || { cat status.txt >&2; echo "e2e: the district does not see version $running running" >&2; exit 1; }
echo "e2e: config v$running applied live: banner shown, meals off, idle after 30 s"

# Restarted with that config stored: the first cycle at once, the next 15 s
# later (the kiosk quits after about 19 s on the welcome screen).
pulls() { cat serve.txt serve.log | grep -c 'GET /api/v1/changes' || true; }
before=$(pulls)
xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --data-dir kd --script "$dir/config_restart.script" \
  >restart.out 2>restart.err || { cat restart.err >&2; echo "e2e: the restarted kiosk failed" >&2; exit 1; }
during=$(( $(pulls) - before ))
[ "$during" -ge 2 ] || { echo "e2e: the restarted kiosk pulled $during time(s) in 19 s; the pushed interval is 15 s" >&2; exit 1; }
echo "e2e: restarted, the kiosk pulled $during times in 19 s (sync_interval_seconds 15)"
