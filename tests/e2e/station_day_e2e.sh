#!/usr/bin/env bash
# station_day_e2e.sh KIOSK SERVER SRCDIR OUTDIR [SHOTS] — issue 9, a station's
# working day end to end: the real kiosk under Xvfb against the real district
# server (demo district, real TLS on 127.0.0.1), checked in kiosk.db, in
# district.db and with the district's own commands.
#   help     a 帮助 call puts the alert strip on the screen (with a chime) and
#            reaches `district-server alerts` within one sync
#   act      staff unlock staff mode, act for an elder (代办) and book a meal:
#            the op carries staff_id, which `report staff` counts
#   care     the care list (关爱名单) has this station's elders not seen for
#            3 days; reaching each one empties it, and the district's
#            `report care` follows after a sync
#   closed   outside opening_hours the welcome screen is a closed screen with
#            the next opening time, and a card does not check in
# SHOTS: a folder for the screenshots (docs/screenshots/landscape).
kiosk=$1 server=$2 SRC=$3 OUT=$4 SHOTS=${5:-}
here=$(cd "$(dirname "$0")" && pwd)
source "$here/timebank_lib.sh"
rm -rf "$OUT"; mkdir -p "$OUT"; cd "$OUT"
# 20 elders a station: a care list staff can work through in the test.
DEMO_ARGS="--members 260" district_up "$OUT"
K=$OUT/kiosk
kiosk_enroll "$K"
KDB=$K/kiosk.db DDB=$D/district.db
shot() { [ -n "$SHOTS" ] && echo "screenshot $SHOTS/$1.png" || true; }

# The example station's configuration (staff PINs: 陈丽华 246810), open all
# day (or, for `closed`, one minute after midnight only).
config() {  # config VERSION open|closed
    python3 - "$SRC/config/example-station.json" "$1" "$2" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1]))
doc["version"] = int(sys.argv[2])
hours = {"open": "00:00", "close": "23:59"} if sys.argv[3] == "open" else {"open": "00:00", "close": "00:01"}
doc["opening_hours"] = {d: hours for d in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}
doc["when_closed"] = {"staff_mode": True, "card_checkin": False}
doc["checkin_mode"] = "menu"
print(json.dumps(doc, ensure_ascii=False))
PY
}
push_config() {
    config "$1" "$2" > "cfg-$1.json"
    "$server" --data-dir "$D" config push "cfg-$1.json" --station st-changcheng >/dev/null
    env -u DISPLAY "$kiosk" --data-dir "$K" --sync-once >/dev/null
}
sync_kiosk() { env -u DISPLAY "$kiosk" --data-dir "$K" --sync-once >/dev/null; }
unlock() {
    echo "wait_for welcome.start"
    echo "hold staff.corner 3200"
    echo "tap staff.name.s-chen"
    for d in 2 4 6 8 1 0; do echo "tap staff.pin.$d"; done
    echo "tap staff.pin.ok"
}
push_config 100 open

# ---- help: the strip on every screen, a chime, the district's alerts
{
  echo "wait_for welcome.start"
  echo "tap welcome.start"
  echo "wait_for home.help"
  echo "type 8801000001"
  echo "wait_for home.help"
  echo "tap home.help"
  echo "tap help.call_staff"
  echo "tap result.ok"
  echo "wait_for alert.open 6000"
  echo "tap nav.home"
  echo "wait_for alert.open"
  shot alert-banner
  echo "quit"
} > help.script
kiosk_run "$K" help.script help_state.json
grep -q '"info"' help_state.json || { echo "FAIL: no chime (sounds in the state file)" >&2; cat help_state.json >&2; exit 1; }
expect_eq "open help call in kiosk.db" "$(q "$KDB" "SELECT count(*) FROM help_calls WHERE handled=0 AND kind='help'")" 1
sync_kiosk
alerts=$("$server" --data-dir "$D" alerts)
echo "$alerts"
echo "$alerts" | grep -q "求助.*st-changcheng.*screen help.*elder" || { echo "FAIL: the help call is not in district-server alerts" >&2; exit 1; }
alert_id=$(echo "$alerts" | grep "求助" | head -1 | cut -d' ' -f1)
"$server" --data-dir "$D" alerts ack "$alert_id"
expect_eq "open alerts after ack" "$("$server" --data-dir "$D" alerts | tail -1)" "0 open"

# ---- act: staff book a meal for an elder
{
  unlock
  echo "expect_screen staff"
  shot staff-home-day
  echo "tap staff.act"
  echo "expect_screen staff_act"
  echo "type 8801000003"
  echo "wait_for act.end"
  shot staff-acting
  echo "tap home.meals"
  echo "tap meals.day.1"
  echo "tap meals.book.lunch"
  echo "tap meals.confirm"
  echo "tap result.ok"
  echo "expect_screen meals.voucher"
  echo "tap nav.home"
  echo "tap act.end"
  echo "expect_screen staff"
  echo "quit"
} > act.script
kiosk_run "$K" act.script act_state.json
expect_eq "meal_book by staff in kiosk.db" \
  "$(q "$KDB" "SELECT json_extract(payload,'\$.staff_id') FROM op_log WHERE kind='meal_book' ORDER BY seq DESC LIMIT 1")" s-chen
sync_kiosk
expect_eq "staff_id at the district" "$(q "$DDB" "SELECT staff_id FROM ops WHERE kind='meal_book' AND status='applied'")" s-chen
today=$(TZ=Asia/Shanghai date +%F)
"$server" --data-dir "$D" report staff --from "$today" --to "$today" --out staff.csv >/dev/null
grep -q "st-changcheng,s-chen,$today,meal_book,1" staff.csv || { echo "FAIL: report staff" >&2; cat staff.csv >&2; exit 1; }

# ---- care: fills, then empties as staff reach each elder
"$server" --data-dir "$D" report care --days 3 --out care-before.csv >/dev/null
n=$(grep -c ",st-changcheng," care-before.csv || true)
echo "care list of 长城 at the district: $n"
[ "$n" -ge 1 ] || { echo "FAIL: the demo's care list of 长城 is empty" >&2; exit 1; }
{
  unlock
  echo "tap staff.care"
  echo "expect_screen staff_care"
  echo "expect_whole staff.care.reached. 1"
  shot staff-care
  for _ in $(seq 1 "$n"); do echo "tap staff.care.reached.0"; done
  echo "expect_string staff.care.none"
  echo "quit"
} > care.script
kiosk_run "$K" care.script care_state.json
expect_eq "visits recorded" "$(q "$KDB" "SELECT count(*) FROM care_visits WHERE outcome='reached' AND staff_id='s-chen'")" "$n"
sync_kiosk
"$server" --data-dir "$D" report care --days 3 --out care-after.csv >/dev/null
expect_eq "长城 on the district's care list after the visits" "$(grep -c ",st-changcheng," care-after.csv || true)" 0

# ---- closed: outside opening_hours
push_config 101 closed
{
  echo "wait_string closed.title"
  echo "expect_string closed.next"
  echo "expect_absent welcome.start"
  shot closed
  echo "type 8801000001"
  echo "tap result.ok"
  echo "quit"
} > closed.script
kiosk_run "$K" closed.script closed_state.json
expect_eq "check-ins while closed" "$(q "$KDB" "SELECT count(*) FROM checkins WHERE day='$today' AND member_id='m-000001'")" 0
echo "station day e2e: ok"
