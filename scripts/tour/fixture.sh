#!/usr/bin/env bash
# fixture.sh DISTRICT_DIR SERVER — long content in a demo district, the
# content that broke the screens (issue 13): a 200-character announcement for
# 长城, four-character names for its first elders (欧阳淑珍 ...), a dish list of
# 40 characters on every 长城 meal, and a 30-character place for every 长城
# activity. Run it on a fresh `district-server demo` before the station syncs;
# it changes the district through the admin commands, as an admin would.
set -euo pipefail
dir=$1 server=$2
here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
root=$(cd "$here/../.." && pwd)
db=$dir/district.db
command -v sqlite3 >/dev/null || { echo "fixture: sqlite3 not found" >&2; exit 1; }
ds() { "$server" --data-dir "$dir" "$@" >/dev/null; }
q() { sqlite3 -batch -noheader -separator '|' "$db" "$1"; }

announcement='本周五上午九点在二楼活动室举办防诈骗讲座，请带好颐年卡准时参加。讲座后免费测量血压和血糖，名额有限，先到先得。下周一起长者饭堂午餐增加软烂易嚼的菜式，需要送餐上门的长者请提前一天在自助终端预订或者致电服务站登记。本月二十日上午在一楼大厅举行长者生日会，当月过生日的长者请带上颐年卡到前台登记领取小礼物。天气转凉，请注意保暖，出门记得带好雨具和常用药品，如有不适请及时告诉工作人员，我们会尽快为您安排。'
place='福田区长城社区长者服务中心三楼东侧一号多功能活动室（近电梯）'
dishes='清蒸鲈鱼配姜葱豉汁|香菇滑鸡焖土豆胡萝卜|蒜蓉炒时令有机菜心|冬瓜薏米排骨玉米汤'

# Four-character names for the elders the tours use (same cards, phones,
# birthdays; the columns left out keep what the district has: 户籍, categories,
# care level, address).
{
  echo "id,card_no,phone,name,birth_date"
  q "SELECT id, card_no, phone, birth_date FROM members
     WHERE id IN ('m-000001','m-000002','m-000003','m-000300')" |
  while IFS='|' read -r id card phone born; do
    case $id in
      m-000001) name=欧阳淑珍 ;; m-000002) name=司马秀英 ;; m-000003) name=上官美玲 ;; *) name=诸葛建国 ;;
    esac
    echo "$id,$card,$phone,$name,$born"
  done
} > "$dir/fixture-members.csv"
ds member import "$dir/fixture-members.csv"

# Every 长城 meal gets the long dish list (price, seats and cut-off unchanged).
q "SELECT id, date, slot, price_cents, capacity, cutoff FROM meal_slots WHERE canteen_id = 'ct-changcheng'" |
while IFS='|' read -r id date slot price capacity cutoff; do
  ds menu add --canteen ct-changcheng --date "$date" --slot "$slot" --dishes "$dishes" --price "$price" \
     --capacity "$capacity" --cutoff "${cutoff:11:5}" --id "$id"
done

# Every 长城 activity takes place somewhere with a long name.
q "SELECT id, title, category, starts_at, ends_at, capacity, description FROM activities WHERE station_id = 'st-changcheng'" |
while IFS='|' read -r id title category starts ends capacity description; do
  ds activity add "$title" --starts "$starts" --ends "$ends" --capacity "$capacity" --station st-changcheng \
     --category "$category" --place "$place" --description "$description" --id "$id"
done

# The station's configuration (its staff PINs) with the long announcement.
python3 - "$root/config/example-station.json" "$dir/fixture-config.json" "$announcement" <<'PY'
import json, sys
doc = json.load(open(sys.argv[1], encoding="utf-8"))
doc.pop("version", None)  # the district gives the next one
doc["announcement"] = sys.argv[3]
# Open all day: the tour runs at any hour (outside opening_hours: the closed screen).
doc["opening_hours"] = {d: {"open": "00:00", "close": "23:59"} for d in ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]}
doc["languages"] = ["zh-CN", "en", "zh-HK"]  # the language switch
json.dump(doc, open(sys.argv[2], "w", encoding="utf-8"), ensure_ascii=False, indent=2)
PY
ds config push "$dir/fixture-config.json" --station st-changcheng
echo "fixture: 长城 has the long announcement, names, dishes and places"
