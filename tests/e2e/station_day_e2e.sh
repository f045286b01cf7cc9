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
#   enrol    staff enrol a new elder (登记): pending at the district
#            (`member pending`), checks in meanwhile, `member approve` makes
#            the kiosk's row active after a sync
#   card     staff replace a lost card (补卡) at 长城: the old card is refused
#            at ANOTHER kiosk (梅河's) with a clear answer, and its alert
#            reaches `district-server alerts`
#   urgent   the 紧急 button shows the station's number and raises an urgent
#            alert that reaches `district-server alerts`
#   lang     the welcome screen's language switch (繁體中文) and the
#            Cantonese read-aloud voice for the session
#   closed   outside opening_hours the welcome screen is a closed screen with
#            the next opening time, and a card does not check in
# SHOTS: a folder for the screenshots (docs/screenshots/landscape); SIZE=1080x1920
# (environment) runs the kiosk in portrait (docs/screenshots/portrait).
kiosk=$1 server=$2 SRC=$3 OUT=$4 SHOTS=${5:-} SIZE=${SIZE:-1920x1080}
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
doc["languages"] = ["zh-CN", "en", "zh-HK"]
doc["emergency"] = {"button": True, "number": "0755-83000000"}
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
  # Staff see where the call was made by the screen's title, not its id ("help").
  echo "tap alert.open"
  echo "tap staff.name.s-chen"
  for d in 2 4 6 8 1 0; do echo "tap staff.pin.$d"; done
  echo "tap staff.pin.ok"
  echo "expect_screen staff_help"
  echo "expect_text 在“帮助”"
  echo "quit"
} > help.script
kiosk_run "$K" help.script help_state.json "$SIZE"
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
  echo "tap meals.voucher.cancel"
  echo "tap meals.cancel.yes"
  echo "tap result.ok"
  echo "tap nav.home"
  echo "tap act.end"
  echo "expect_screen staff"
  echo "quit"
} > act.script
kiosk_run "$K" act.script act_state.json "$SIZE"
expect_eq "meal_book by staff in kiosk.db" \
  "$(q "$KDB" "SELECT json_extract(payload,'\$.staff_id') FROM op_log WHERE kind='meal_book' ORDER BY seq DESC LIMIT 1")" s-chen
expect_eq "meal_cancel by staff in kiosk.db" \
  "$(q "$KDB" "SELECT json_extract(payload,'\$.staff_id') FROM op_log WHERE kind='meal_cancel' ORDER BY seq DESC LIMIT 1")" s-chen
sync_kiosk
expect_eq "staff_id at the district" "$(q "$DDB" "SELECT staff_id FROM ops WHERE kind='meal_book' AND status='applied'")" s-chen
expect_eq "staff_id of the cancel at the district" "$(q "$DDB" "SELECT staff_id FROM ops WHERE kind='meal_cancel' AND status='applied'")" s-chen
today=$(TZ=Asia/Shanghai date +%F)
"$server" --data-dir "$D" report staff --from "$today" --to "$today" --out staff.csv >/dev/null
grep -q "st-changcheng,s-chen,$today,meal_book,1" staff.csv || { echo "FAIL: report staff" >&2; cat staff.csv >&2; exit 1; }
grep -q "st-changcheng,s-chen,$today,meal_cancel,1" staff.csv || { echo "FAIL: report staff (cancel)" >&2; cat staff.csv >&2; exit 1; }

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
kiosk_run "$K" care.script care_state.json "$SIZE"
expect_eq "visits recorded" "$(q "$KDB" "SELECT count(*) FROM care_visits WHERE outcome='reached' AND staff_id='s-chen'")" "$n"
sync_kiosk
"$server" --data-dir "$D" report care --days 3 --out care-after.csv >/dev/null
expect_eq "长城 on the district's care list after the visits" "$(grep -c ",st-changcheng," care-after.csv || true)" 0

# ---- enrol: pending at the district, checks in meanwhile, then approved
{
  unlock
  echo "tap staff.more"
  echo "tap staff.enrol"
  echo "expect_screen staff_enrol"
  echo "tap staff.enrol.field.name"
  echo "type 王秀英"
  echo "tap staff.enrol.field.phone"
  for d in 1 3 9 0 0 0 0 0 0 0 9; do echo "tap staff.enrol.key.$d"; done
  echo "tap staff.enrol.field.birth"
  for d in 1 9 5 0 0 3 0 2; do echo "tap staff.enrol.key.$d"; done
  echo "tap staff.enrol.field.card"
  echo "type 7700000001"
  echo "tap staff.enrol.hukou"
  echo "tap staff.enrol.cat.dibao"
  echo "tap staff.enrol.field.address"
  echo "expect_text 王秀英"
  echo "expect_text 1950-03-02"
  shot staff-enrol
  echo "tap staff.enrol.submit"
  echo "wait_string staff.enrol.done"
  echo "tap result.ok"
  echo "expect_screen staff_more"
  echo "quit"
} > enrol.script
kiosk_run "$K" enrol.script enrol_state.json "$SIZE"
expect_eq "enrolled here, pending" "$(q "$KDB" "SELECT status FROM members WHERE masked_name LIKE '王%英' AND birth_ym='1950-03'")" pending
{
  echo "wait_for welcome.start"
  echo "tap welcome.start"
  echo "tap home.checkin"
  echo "expect_screen identify"
  echo "type 7700000001"
  echo "wait_for checkin.go"
  echo "tap checkin.go"
  echo "tap result.ok"
  echo "quit"
} > enrol_checkin.script
kiosk_run "$K" enrol_checkin.script enrol_checkin_state.json "$SIZE"
new_id=$(q "$KDB" "SELECT id FROM members WHERE masked_name LIKE '王%英' AND birth_ym='1950-03'")
expect_eq "the pending elder checked in" "$(q "$KDB" "SELECT count(*) FROM checkins WHERE member_id='$new_id'")" 1
sync_kiosk
pending=$("$server" --data-dir "$D" member pending)
echo "$pending"
echo "$pending" | grep -q "$new_id  王秀英  born 1950-03-02  card 7700000001  phone 13900000009  station st-changcheng  hukou yes  categories dibao" \
  || { echo "FAIL: the enrolment is not pending at the district" >&2; exit 1; }
"$server" --data-dir "$D" member approve "$new_id"
expect_eq "pending after approve" "$("$server" --data-dir "$D" member pending | tail -1)" "0 pending"
sync_kiosk
expect_eq "approved at the kiosk after a sync" "$(q "$KDB" "SELECT status FROM members WHERE id='$new_id'")" active

# ---- card: replaced at 长城, the old card refused at 梅河's kiosk
old_card=$(q "$DDB" "SELECT card_no FROM members WHERE home_station_id='st-changcheng' AND status='active' AND id<>'$new_id' ORDER BY id LIMIT 1 OFFSET 5")
old_member=$(q "$DDB" "SELECT id FROM members WHERE card_no='$old_card'")
"$server" --data-dir "$D" station add 梅河长者服务站 --bundle "$OUT/bundle2.json" --url "https://127.0.0.1:$PORT" >/dev/null
K2=$OUT/kiosk2
env -u DISPLAY "$kiosk" --data-dir "$K2" --enroll "$OUT/bundle2.json" >/dev/null
# 梅河 open all day too (its own document: the built-in hours would close it at night).
config 102 open | sed 's/"scope": "st-changcheng"/"scope": "st-meihe"/' > cfg-102.json
"$server" --data-dir "$D" config push cfg-102.json --station st-meihe >/dev/null
env -u DISPLAY "$kiosk" --data-dir "$K2" --sync-once >/dev/null
{
  unlock
  echo "tap staff.more"
  echo "tap staff.card"
  echo "expect_screen staff_card"
  for d in $(echo "$old_card" | grep -o .); do echo "tap staff.key.$d"; done
  echo "wait_for staff.card.member.0"
  echo "tap staff.card.member.0"
  echo "expect_string staff.card.tap_new"
  shot staff-card
  echo "type 7700000002"
  echo "wait_string staff.card.done"
  echo "tap result.ok"
  echo "quit"
} > card.script
kiosk_run "$K" card.script card_state.json "$SIZE"
sync_kiosk
expect_eq "the new card at the district" "$(q "$DDB" "SELECT card_no FROM members WHERE id='$old_member'")" 7700000002
expect_eq "the old card blocked at the district" "$(q "$DDB" "SELECT member_id FROM blocked_cards WHERE card_no='$old_card'")" "$old_member"
env -u DISPLAY "$kiosk" --data-dir "$K2" --sync-once >/dev/null
{
  echo "wait_for welcome.start"
  echo "tap welcome.start"
  echo "tap home.checkin"
  echo "expect_screen identify"
  echo "type $old_card"
  echo "wait_string identify.blocked_card.title"
  echo "wait_for alert.open 6000"
  shot blocked-card-elsewhere
  echo "quit"
} > blocked.script
kiosk_run "$K2" blocked.script blocked_state.json "$SIZE"
expect_eq "blocked-card alert at 梅河's kiosk" "$(q "$K2/kiosk.db" "SELECT count(*) FROM help_calls WHERE kind='blocked_card' AND handled=0")" 1
expect_eq "no check-in with the old card" "$(q "$K2/kiosk.db" "SELECT count(*) FROM checkins")" 0
env -u DISPLAY "$kiosk" --data-dir "$K2" --sync-once >/dev/null
alerts=$("$server" --data-dir "$D" alerts)
echo "$alerts"
echo "$alerts" | grep -q "挂失卡.*st-meihe" || { echo "FAIL: the blocked card is not in district-server alerts" >&2; exit 1; }

# ---- urgent: the 紧急 button
{
  echo "wait_for welcome.start"
  echo "tap emergency.open"
  echo "expect_screen emergency"
  echo "expect_text 0755-83000000"
  shot emergency
  echo "wait_for alert.open 6000"
  echo "quit"
} > urgent.script
kiosk_run "$K" urgent.script urgent_state.json "$SIZE"
expect_eq "urgent alert in kiosk.db" "$(q "$KDB" "SELECT count(*) FROM help_calls WHERE kind='urgent' AND handled=0")" 1
sync_kiosk
"$server" --data-dir "$D" alerts | grep -q "紧急.*st-changcheng" || { echo "FAIL: the urgent alert is not in district-server alerts" >&2; exit 1; }

# ---- lang: 繁體中文 and Cantonese read-aloud for the session
{
  echo "wait_for welcome.lang.zh-HK"
  shot language-switch
  echo "tap welcome.lang.zh-HK"
  echo "expect_text 請刷頤年卡"
  echo "expect_text 粵語"
  echo "tap welcome.start"
  echo "wait_for home.help"
  echo "expect_text 簽到"
  echo "tap nav.read"
  echo "tap nav.home"
  echo "quit"
} > lang.script
kiosk_run "$K" lang.script lang_state.json "$SIZE"
python3 - lang_state.json <<'PY'
import json, sys
st = json.load(open(sys.argv[1]))
assert st["lang"] == "zh-HK", st["lang"]
assert st["read_voices"] and st["read_voices"][-1] == "yue", st["read_voices"]
print("ok: zh-HK screens, read aloud in Cantonese:", st["reads"][-1][:20])
PY
{
  echo "wait_for welcome.lang.zh-HK"
  echo "tap welcome.voice.yue"
  echo "tap welcome.start"
  echo "wait_for home.help"
  echo "tap nav.read"
  echo "quit"
} > voice.script
kiosk_run "$K" voice.script voice_state.json "$SIZE"
python3 - voice_state.json <<'PY'
import json, sys
st = json.load(open(sys.argv[1]))
assert st["lang"] == "zh-CN", st["lang"]
assert st["read_voices"][-1] == "yue", st["read_voices"]
print("ok: Mandarin screens, Cantonese read-aloud chosen beside the language")
PY

# ---- closed: outside opening_hours
push_config 103 closed
{
  echo "wait_string closed.title"
  echo "expect_string closed.next"
  echo "expect_absent welcome.start"
  shot closed
  echo "type 8801000001"
  echo "tap result.ok"
  echo "quit"
} > closed.script
kiosk_run "$K" closed.script closed_state.json "$SIZE"
expect_eq "check-ins while closed" "$(q "$KDB" "SELECT count(*) FROM checkins WHERE day='$today' AND member_id='m-000001'")" 0
echo "station day e2e: ok"
