#!/usr/bin/env bash
# identify_checkin.sh KIOSK CHECK DISTRICT_SERVER SCRIPTDIR OUTDIR
# Identify, check-in and help against the REAL district server (demo district,
# real TLS on 127.0.0.1): enroll as 长城, pull the members, then drive the kiosk
# under Xvfb and check the screen (state file), kiosk.db and district.db:
#   online   phone + birthday (a wrong code first), check in, 已经签过到了, help
#            call, unknown card; after --sync-once the server has both
#   offline  server stopped: a check-in still succeeds, its op is pending;
#            server up again, --sync-once applies it exactly once
#   tap      --checkin-mode tap: a card on the welcome screen checks in
#   notices  a rejected op is told on the next identification (QR scan)
set -euo pipefail
kiosk=$1 check=$2 server=$3 dir=$4 out=$5
command -v xvfb-run >/dev/null || { echo "e2e: xvfb-run not found" >&2; exit 1; }
command -v sqlite3 >/dev/null || { echo "e2e: sqlite3 not found; skipped"; exit 77; }
"$kiosk" --help | grep -q -- --enroll || { echo "e2e: kiosk built without the sync client"; exit 77; }
rm -rf "$out"; mkdir -p "$out"; cd "$out"
today=$(TZ=Asia/Shanghai date +%F)  # the station's day (Shenzhen)
"$server" --data-dir district demo --members 300 --today "$today" >demo.txt
pid=
serve() {
  "$server" --data-dir district serve --listen "127.0.0.1:${port:-0}" --admin-listen off >serve.txt 2>serve.log &
  pid=$!
  for _ in $(seq 100); do grep -q "listening on" serve.txt 2>/dev/null && break; sleep 0.05; done
  url=$(grep -o 'https://[0-9.:]*' serve.txt | head -1)
  port=${url##*:}
}
stop() { kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null || true; : >serve.txt; }
trap 'kill $pid 2>/dev/null || true' EXIT
serve
"$server" --data-dir district station add 长城长者服务站 --id st-changcheng --bundle cc.json --url "$url" >/dev/null
stop; serve   # knows the new token
run() {  # run NAME SCRIPT [kiosk args...]
  local name=$1 script=$2; shift 2
  [[ $script == /* ]] || script="$dir/$script"
  xvfb-run -a -s "-screen 0 1920x1080x24" "$kiosk" --data-dir "$out/kd" --script "$script" \
    --state-out "$out/$name.json" "$@" 2>"$name.err" || { cat "$name.err" >&2; echo "e2e: $name failed" >&2; exit 1; }
}
kdb() { sqlite3 "$out/kd/kiosk.db" "$1"; }
ddb() { sqlite3 "$out/district/district.db" "$1"; }
expect() { [ "$2" = "$3" ] || { echo "e2e: $1: got '$2', expected '$3'" >&2; exit 1; }; }

"$kiosk" --data-dir kd --enroll cc.json >/dev/null
"$kiosk" --data-dir kd --sync-once >/dev/null

# -- online
run online identify_checkin.script
"$check" state online.json screen=home member_id=m-000002
python3 - online.json <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
assert s["sounds"][:1] == ["failure"], s["sounds"]          # the wrong birthday
assert "success" in s["sounds"] and "info" in s["sounds"], s["sounds"]
assert s["last_result"]["title"] == "已通知工作人员，请稍等", s["last_result"]
assert len(s["reads"]) == 1 and s["reads"][0].startswith("帮助"), s["reads"]
PY
expect "local check-ins" "$(kdb "SELECT count(*) FROM checkins WHERE member_id='m-000001'")" 1
expect "local help calls" "$(kdb "SELECT count(*) FROM help_calls WHERE screen='help'")" 1
"$kiosk" --data-dir kd --sync-once >/dev/null
expect "ops applied" "$(kdb "SELECT group_concat(kind || ':' || state) FROM op_log ORDER BY seq")" "checkin:applied,help_call:applied"
expect "server check-in" "$(ddb "SELECT count(*) FROM checkins WHERE member_id='m-000001' AND station_id='st-changcheng'")" 1
expect "server help call" "$(ddb "SELECT count(*) FROM help_calls WHERE station_id='st-changcheng'")" 1
"$server" --data-dir district station list | grep st-changcheng | tee stations.txt
"$server" --data-dir district report checkins --from "$(date -d "$today -1 day" +%F)" --to "$(date -d "$today +1 day" +%F)" \
  --out report.csv >/dev/null
grep -q "st-changcheng" report.csv || { cat report.csv; echo "e2e: report has no check-in" >&2; exit 1; }

# -- offline: the district is down
stop
run offline identify_offline.script
"$check" state offline.json screen=home member_id=m-000003
expect "offline op pending" "$(kdb "SELECT state FROM op_log WHERE kind='checkin' AND member_id='m-000003'")" pending
if "$kiosk" --data-dir kd --sync-once >/dev/null 2>&1; then echo "e2e: sync succeeded with the server down" >&2; exit 1; fi
serve
"$kiosk" --data-dir kd --sync-once >/dev/null
"$kiosk" --data-dir kd --sync-once >/dev/null   # twice: still exactly once
expect "offline op applied" "$(kdb "SELECT state FROM op_log WHERE kind='checkin' AND member_id='m-000003'")" applied
expect "server check-in once" "$(ddb "SELECT count(*) FROM checkins WHERE member_id='m-000003'")" 1

# -- tap-to-check-in on the welcome screen
run tap checkin_tap.script --checkin-mode tap
"$check" state tap.json screen=welcome member_id=null
expect "tap check-in" "$(kdb "SELECT count(*) FROM checkins WHERE member_id='m-000002'")" 1

# -- a rejected op is told on the next visit. The district's answer is put in
# the op log as sync would store it (a booking turned down as full); it is
# added last, so no later push has to skip it.
slot=$(kdb "SELECT id FROM meal_slots WHERE slot='lunch' ORDER BY date LIMIT 1")
kdb "INSERT INTO op_log(uuid, kind, payload, created_at, member_id, state, reason, answered_at)
     VALUES ('e2e-rejected', 'meal_book', json_object('slot_id', '$slot', 'member_id', 'm-000001'),
             '${today}T08:00:00+08:00', 'm-000001', 'rejected', 'full', '${today}T08:01:00+08:00')"
# The elder's code is signed by the district (`member qr`); the script gets
# the real one, and an unsigned "ELDER:<id>" is refused as forged.
qr=$("$server" --data-dir district member qr m-000001)
sed "s|@QR_M000001@|$qr|" "$dir/identify_notices.script" >"$out/notices.script"
run notices "$out/notices.script"
"$check" state notices.json screen=home member_id=m-000001
expect "notice acknowledged" "$(kdb "SELECT notified FROM op_log WHERE uuid='e2e-rejected'")" 1
for png in *.png; do "$check" png "$png" 1920 1080 40; done
echo "e2e: identify / check-in / help: all passed"
