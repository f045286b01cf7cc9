#!/usr/bin/env bash
# timebank_e2e.sh KIOSK SERVER OUTDIR — issue 4, the time bank end to end: the
# real kiosk under Xvfb against the real district server (demo district).
#   redeem online: pending on the kiosk → after sync confirmed, the server's
#     balance down by the item's minutes, the ledger still sums to zero, a voucher
#   redeem offline: pending while the server is down; applied once when it is back
#   not enough hours: refused on the confirmation step, nothing recorded
#   record a service: the recipient's card confirms (the volunteer's own card
#     is refused); pending on the server; approved there → balance up after sync
kiosk=$1 server=$2 OUT=$3
here=$(cd "$(dirname "$0")" && pwd)
source "$here/timebank_lib.sh"
rm -rf "$OUT"; mkdir -p "$OUT"; cd "$OUT"
district_up "$OUT"
K=$OUT/kiosk
kiosk_enroll "$K"
KDB=$K/kiosk.db DDB=$D/district.db
expect_eq "kiosk balance of m-000001 after the first sync" "$(q "$KDB" "SELECT minutes FROM balances WHERE member_id='m-000001'")" 180

# ---- redeem online
cat > redeem.script <<'S'
wait_for welcome.start
type 8801000001
expect_screen home
tap home.timebank
expect_screen timebank
expect_text 3 小时
screenshot tb_overview.png
tap timebank.redeem
expect_screen timebank_catalog
tap timebank.item.ci-haircut
expect_screen timebank_confirm
expect_text 将用去 1 小时，剩余 2 小时
tap timebank.confirm
expect_text 已提交，等待区里确认。
tap result.ok
expect_screen timebank
expect_text 2 小时
quit
S
kiosk_run "$K" redeem.script state1.json
rid=$(q "$KDB" "SELECT id FROM redemptions WHERE member_id='m-000001' AND item_id='ci-haircut' ORDER BY created_at DESC LIMIT 1")
[ -n "$rid" ] || { echo "FAIL: no redemption on the kiosk" >&2; exit 1; }
# Online, the kiosk's own background sync may have had the answer already.
st=$(q "$KDB" "SELECT status FROM redemptions WHERE id='$rid'")
case "$st" in pending|confirmed) echo "ok: kiosk redemption before --sync-once = $st";; *) echo "FAIL: kiosk redemption $st" >&2; exit 1;; esac
env -u DISPLAY "$kiosk" --data-dir "$K" --sync-once >/dev/null
expect_eq "server redemption" "$(q "$DDB" "SELECT status FROM redemptions WHERE id='$rid'")" confirmed
expect_eq "server balance after redeeming 60 min" "$(q "$DDB" "SELECT minutes FROM accounts WHERE id='m-000001'")" 120
expect_eq "ledger sums to zero" "$(q "$DDB" "SELECT sum(minutes) FROM movements")" 0
expect_eq "transfer movements sum to zero" "$(q "$DDB" "SELECT count(*) FROM (SELECT transfer_id FROM movements GROUP BY transfer_id HAVING sum(minutes)<>0)")" 0
expect_eq "kiosk redemption after sync" "$(q "$KDB" "SELECT status FROM redemptions WHERE id='$rid'")" confirmed
voucher=$(q "$KDB" "SELECT voucher FROM redemptions WHERE id='$rid'")
[ -n "$voucher" ] || { echo "FAIL: no voucher on the kiosk" >&2; exit 1; }
expect_eq "kiosk balance after sync" "$(q "$KDB" "SELECT minutes FROM balances WHERE member_id='m-000001'")" 120

# The voucher shows as a QR code.
cat > voucher.script <<S
wait_for welcome.start
type 8801000001
tap home.timebank
expect_text 2 小时
tap timebank.redemptions
expect_screen timebank_redemptions
expect_text 已确认
tap timebank.voucher.$rid
expect_screen timebank_voucher
expect_text $voucher
screenshot tb_voucher.png
quit
S
kiosk_run "$K" voucher.script state2.json

# ---- not enough hours (member 3 has none)
cat > poor.script <<'S'
wait_for welcome.start
type 8801000003
tap home.timebank
expect_text 0 小时
tap timebank.redeem
tap timebank.item.ci-haircut
expect_screen timebank_confirm
expect_text 不够兑换这一项
screenshot tb_not_enough.png
tap timebank.cancel
expect_screen timebank_catalog
quit
S
kiosk_run "$K" poor.script state3.json
expect_eq "no redemption for member 3" "$(q "$KDB" "SELECT count(*) FROM redemptions WHERE member_id='m-000003'")" 0

# ---- redeem offline: the server is down
district_down
cat > offline.script <<'S'
wait_for welcome.start
type 8801000001
tap home.timebank
tap timebank.redeem
tap timebank.item.ci-shopping
expect_text 将用去 0.5 小时，剩余 1.5 小时
tap timebank.confirm
expect_text 已提交，等待区里确认。
tap result.ok
expect_text 另有 0.5 小时正在兑换
quit
S
kiosk_run "$K" offline.script state4.json
oid=$(q "$KDB" "SELECT id FROM redemptions WHERE member_id='m-000001' AND item_id='ci-shopping' ORDER BY created_at DESC LIMIT 1")
rc=0; env -u DISPLAY "$kiosk" --data-dir "$K" --sync-once >/dev/null 2>&1 || rc=$?
expect_eq "sync while the server is down" "$rc" 1
expect_eq "offline redemption on the kiosk" "$(q "$KDB" "SELECT status FROM redemptions WHERE id='$oid'")" pending
expect_eq "server balance unchanged while offline" "$(q "$DDB" "SELECT minutes FROM accounts WHERE id='m-000001'")" 120
district_restart
env -u DISPLAY "$kiosk" --data-dir "$K" --sync-once >/dev/null
env -u DISPLAY "$kiosk" --data-dir "$K" --sync-once >/dev/null
expect_eq "offline redemption applied once" "$(q "$DDB" "SELECT count(*) FROM redemptions WHERE id='$oid' AND status='confirmed'")" 1
expect_eq "server balance after the offline redemption" "$(q "$DDB" "SELECT minutes FROM accounts WHERE id='m-000001'")" 90
expect_eq "transfers for it" "$(q "$DDB" "SELECT count(*) FROM transfers WHERE ref='$oid'")" 1
expect_eq "ledger sums to zero" "$(q "$DDB" "SELECT sum(minutes) FROM movements")" 0
expect_eq "kiosk redemption confirmed" "$(q "$KDB" "SELECT status FROM redemptions WHERE id='$oid'")" confirmed

# ---- record a service: 1 volunteer (member 1) chats 1.5 h with member 2
cat > service.script <<'S'
wait_for welcome.start
type 8801000001
tap home.timebank
tap timebank.record
expect_screen timebank_service
tap timebank.item.ci-chat
expect_screen timebank_service_hours
expect_text 1 小时
tap timebank.hours_plus
expect_text 1.5 小时
tap timebank.hours_next
expect_screen timebank_service_card
screenshot tb_service_card.png
type 8801000001
expect_text 不能给自己记录服务
tap result.ok
expect_screen timebank_service_card
type 8801000002
expect_text 已记录，等待审核
tap result.ok
expect_screen timebank
quit
S
before=$(q "$KDB" "SELECT count(*) FROM services")
kiosk_run "$K" service.script state5.json
expect_eq "services recorded (the refused same-person tap is not one)" "$(q "$KDB" "SELECT count(*) FROM services")" $((before + 1))
sid=$(q "$KDB" "SELECT id FROM services WHERE volunteer_id='m-000001' AND recipient_id='m-000002' AND minutes=90 ORDER BY created_at DESC LIMIT 1")
[ -n "$sid" ] || { echo "FAIL: no service on the kiosk" >&2; exit 1; }
env -u DISPLAY "$kiosk" --data-dir "$K" --sync-once >/dev/null
expect_eq "server service" "$(q "$DDB" "SELECT status||' '||minutes FROM services WHERE id='$sid'")" "pending 90"
"$server" --data-dir "$D" timebank approve "$sid" >/dev/null
env -u DISPLAY "$kiosk" --data-dir "$K" --sync-once >/dev/null
expect_eq "server balance after approval" "$(q "$DDB" "SELECT minutes FROM accounts WHERE id='m-000001'")" 180
expect_eq "kiosk balance after approval" "$(q "$KDB" "SELECT minutes FROM balances WHERE member_id='m-000001'")" 180
expect_eq "ledger sums to zero" "$(q "$DDB" "SELECT sum(minutes) FROM movements")" 0
echo "timebank e2e: all passed"
