// meal_rules_e2e_test — Shenzhen's meal rules at the real kiosk under Xvfb,
// against the real district server:
//   the confirmation says which rule pays and why, in the configuration's
//   words and amounts (a 户籍 centenarian with delivery, a 户籍 76-year-old, a
//   non-户籍 75-year-old, 户籍 65-year-olds with 低保 and without a category,
//   a dinner, a day off, the daily cap); delivery is offered only to the
//   eligible; a delivery voucher says it will be delivered; the district
//   books the same figures; staff open today's delivery round (names,
//   addresses, phones from the district), mark deliveries done and failed,
//   save the list (CSV + A4 page); staff scan vouchers at the lunch pickup:
//   picked up, a delivery, another day's meal.
// Screenshots land in E2E_OUT/meal-rules (copied to docs/screenshots/meals).
#include <filesystem>
#include <fstream>
#include <sstream>

#include <nlohmann/json.hpp>

#include "config/meal_voucher.h"
#include "meals_activities_e2e.h"

namespace {

using e2e::query;

std::string compact(const std::string& date) {
    std::string s;
    for (char c : date)
        if (c != '-') s += c;
    return s;
}

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

TEST(MealRulesE2E, TheWhyDeliveryTheRoundAndPickupByVoucher) {
    ASSERT_TRUE(e2e::haveDisplayAndSync()) << "needs xvfb-run and a kiosk with the sync client";
    const std::string d0 = e2e::shenzhenDate(0), d1 = e2e::shenzhenDate(1), d2 = e2e::shenzhenDate(2),
                      d3 = e2e::shenzhenDate(3);
    testsupport::DistrictServerOptions opts;
    opts.members = 100;
    opts.today = d0;
    opts.stations = {{"st-changcheng", "长城长者服务站"}};
    opts.start = false;
    testsupport::DistrictServer server(opts);
    // Today's lunch open until late: the delivery round and the pickup are today's.
    // Known prices; a second canteen's lunch in three days (the daily cap).
    auto menu = [&](const std::string& canteen, const std::string& date, const std::string& slot,
                    const std::string& price, const std::string& cutoff) {
        server.cli({"menu", "add", "--canteen", canteen, "--date", date, "--slot", slot, "--dishes",
                    "清蒸鲈鱼|蒜蓉菜心|番茄炒蛋|冬瓜排骨汤", "--price", price, "--capacity", "200", "--cutoff", cutoff});
    };
    menu("ct-changcheng", d0, "lunch", "1800", "23:59");
    menu("ct-changcheng", d1, "lunch", "1800", "09:30");
    menu("ct-changcheng", d1, "dinner", "1600", "14:30");
    menu("ct-changcheng", d2, "lunch", "1800", "09:30");
    server.cli({"canteen", "add", "长城长者饭堂二号", "--station", "st-changcheng", "--id", "ct-changcheng-2"});
    menu("ct-changcheng", d3, "lunch", "1800", "09:30");
    menu("ct-changcheng-2", d3, "lunch", "1500", "09:30");
    // Today, tomorrow and d3 are working days, d2 a day off, whatever day it is.
    e2e::makeWorkingDays(server, {d0, d1, d3}, {d2});
    // Two 65-year-olds of 长城 the demo has not: 户籍 低保, and 户籍 without a category.
    const std::string born65 = std::to_string(std::stoi(d1.substr(0, 4)) - 65) + "-01-01";
    const std::string members = server.dataDir() + "/../members-65.csv";
    std::ofstream(members) << "id,card_no,phone,name,birth_date,hukou,categories,living_alone,care_level,address\n"
                           << "m-65dibao,8801999901,13801999901,郑桂兰," << born65 << ",1,dibao,0,0,\n"
                           << "m-65,8801999902,13801999902,冯志强," << born65 << ",1,,0,0,\n";
    server.cli({"member", "import", members});
    // The station's own document (staff PINs); its meal rules are the district's.
    nlohmann::json station = nlohmann::json::parse(slurp(CONFIG_SOURCE_DIR "/example-station.json"));
    // Cards go to the home screen (not tap-to-check-in), on any day and hour.
    // No announcement: its banner would take the room of the meals' list.
    for (const char* k : {"version", "subsidy", "calendar", "checkin_mode", "announcement"}) station.erase(k);
    // Open all day: the test runs at any hour (outside opening_hours the
    // welcome screen is the closed screen, issue 9).
    for (const char* d : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        station["opening_hours"][d] = {{"open", "00:00"}, {"close", "23:59"}};
    const std::string stationDoc = server.dataDir() + "/../station.json";
    std::ofstream(stationDoc) << station.dump(2);
    server.cli({"config", "push", stationDoc, "--station", "st-changcheng"});
    server.start();
    const std::string districtDb = server.dataDir() + "/district.db";

    const std::string out = std::string(E2E_OUT) + "/meal-rules";
    std::filesystem::remove_all(out);
    e2e::Kiosk kiosk(server, "st-changcheng", out);
    ASSERT_TRUE(kiosk.syncOnce());
    const std::string lunch1 = "slot-ct-changcheng-" + compact(d1) + "-lunch";
    const std::string lunch0 = "slot-ct-changcheng-" + compact(d0) + "-lunch";
    const std::string dinner1 = "slot-ct-changcheng-" + compact(d1) + "-dinner";
    const std::string lunch3 = "slot-ct-changcheng-" + compact(d3) + "-lunch";
    const std::string lunch3b = "slot-ct-changcheng-2-" + compact(d3) + "-lunch";
    const std::string lunch2 = "slot-ct-changcheng-" + compact(d2) + "-lunch";

    // 1. Each kind of elder at tomorrow's lunch, and a dinner.
    const std::string tiers = R"(wait_for welcome.start
type 8801000004
tap home.meals
tap meals.day.1
tap meals.book.lunch
expect_screen meals.how
screenshot meals-how.png
tap meals.delivery
expect_screen meals.book
expect_text 户籍百岁以上，每餐补贴15元
expect_text 送餐费5元，其中补贴2元
screenshot meals-confirm-delivery.png
tap meals.confirm
tap result.ok
expect_screen meals.voucher
expect_string meals.voucher.title_delivery
expect_string meals.voucher.delivery
screenshot meals-voucher-delivery.png
type 8801000001
tap home.meals
tap meals.day.1
tap meals.book.lunch
expect_screen meals.book
expect_text 户籍70岁以上，每餐补贴5元
screenshot meals-confirm-rule.png
tap meals.confirm
tap result.ok
expect_screen meals.voucher
expect_string meals.voucher.show
type 8801000005
tap home.meals
tap meals.day.1
tap meals.book.lunch
expect_screen meals.book
expect_string meals.rule.none
tap meals.confirm
tap result.ok
type 8801999901
tap home.meals
tap meals.day.1
tap meals.book.lunch
expect_screen meals.book
expect_text 重点保障对象，每餐补贴15元
tap meals.confirm
tap result.ok
type 8801999902
tap home.meals
tap meals.day.1
tap meals.book.lunch
expect_screen meals.book
expect_string meals.rule.none
tap meals.confirm
tap result.ok
type 8801000001
tap home.meals
tap meals.day.2
tap meals.book.lunch
expect_screen meals.book
expect_text 户籍70岁以上，每餐补贴5元；周末和节假日没有补贴
tap meals.confirm
tap result.ok
type 8801000001
tap home.meals
tap meals.day.0
tap meals.book.lunch
expect_screen meals.book
tap meals.confirm
tap result.ok
type 8801000002
tap home.meals
tap meals.day.0
tap meals.book.lunch
expect_screen meals.how
tap meals.delivery
tap meals.confirm
tap result.ok
type 8801000004
tap home.meals
tap meals.day.0
tap meals.book.lunch
tap meals.delivery
tap meals.confirm
tap result.ok)";
    // Issue 13's layout audit holds on these screens at 大 in both orientations.
    const std::string strict = "--strict-layout --text-size large";
    kiosk.script("tiers", tiers, "1920x1080", strict);
    kiosk.script("tiers-portrait", R"(wait_for welcome.start
type 8801000002
tap home.meals
tap meals.day.1
tap meals.book.lunch
expect_screen meals.how
tap meals.pickup
expect_screen meals.book
expect_text 重点保障对象，每餐补贴15元
screenshot meals-confirm-rule-portrait.png
tap meals.confirm
tap result.ok
type 8801000001
tap home.meals
tap meals.day.1
tap meals.book.dinner
expect_screen meals.book
expect_text 户籍70岁以上，每餐补贴5元；只有午餐有补贴
screenshot meals-confirm-dinner-portrait.png
tap meals.confirm
tap result.ok
type 8801000001
tap home.meals
tap meals.day.3
tap meals.book.lunch
expect_screen meals.book
tap meals.confirm
tap result.ok
type 8801000001
tap home.meals
tap meals.day.3
tap meals.book.lunch.1
expect_screen meals.book
expect_text 户籍70岁以上；每天最多1餐有补贴，这一天的已经用完
screenshot meals-confirm-daily-cap-portrait.png
tap meals.confirm
tap result.ok)", "1080x1920", strict);
    ASSERT_TRUE(kiosk.syncOnce());
    ASSERT_TRUE(kiosk.syncOnce());

    // The district booked what the kiosk showed.
    auto booked = [&](const std::string& member, const std::string& slot) {
        return query(districtDb, "SELECT rule || '/' || subsidy_cents || '/' || delivery_fee_cents || '/' || "
                                 "delivery_subsidy_cents || '/' || pay_cents FROM bookings WHERE member_id='" +
                                     member + "' AND slot_id='" + slot + "' AND status<>'cancelled'");
    };
    EXPECT_EQ(booked("m-000004", lunch1), "centenarian/1500/500/200/600");
    EXPECT_EQ(booked("m-000001", lunch1), "age70/500/0/0/1300");
    EXPECT_EQ(booked("m-000005", lunch1), "none/0/0/0/1800");
    EXPECT_EQ(booked("m-65dibao", lunch1), "priority/1500/0/0/300");
    EXPECT_EQ(booked("m-65", lunch1), "none/0/0/0/1800");
    EXPECT_EQ(booked("m-000002", lunch1), "priority/1500/0/0/300");
    EXPECT_EQ(booked("m-000001", dinner1), "none/0/0/0/1600");
    EXPECT_EQ(booked("m-000001", lunch3), "age70/500/0/0/1300");
    EXPECT_EQ(booked("m-000001", lunch3b), "none/0/0/0/1500");  // the daily cap
    EXPECT_EQ(booked("m-000001", lunch2), "none/0/0/0/1800");   // a day off
    EXPECT_EQ(booked("m-000001", lunch0), "age70/500/0/0/1300");
    EXPECT_EQ(booked("m-000002", lunch0), "priority/1500/500/200/600");
    EXPECT_EQ(booked("m-000004", lunch0), "centenarian/1500/500/200/600");
    EXPECT_EQ(query(kiosk.db(), "SELECT rule FROM bookings WHERE member_id='m-000004' AND slot_id='" + lunch1 + "'"),
              "centenarian");
    // The delivery list reached this station only, with address and phone.
    EXPECT_EQ(query(kiosk.db(), "SELECT count(*) FROM deliveries WHERE slot_id='" + lunch0 + "' AND address<>''"), "2");

    // 2. Staff: today's delivery round, marked and saved; vouchers at the lunch pickup.
    const std::string key = query(kiosk.db(), "SELECT member_key FROM enrollment");
    auto voucher = [&](const std::string& member, const std::string& slot, const std::string& date,
                       const std::string& meal) {
        const std::string id = query(kiosk.db(), "SELECT id FROM bookings WHERE member_id='" + member +
                                                     "' AND slot_id='" + slot + "'");
        return config::signMealVoucher({id, member, date, meal}, key);
    };
    const int activities = std::stoi(query(kiosk.db(), "SELECT count(*) FROM activities WHERE substr(starts_at,1,10)='" +
                                                           d0 + "' AND (station_id='st-changcheng' OR "
                                                                "coalesce(station_id,'')='')"));
    // Activities first, then the meals: today's lunch at 长城 is the first meal.
    const std::string lunchTarget = "staff.target." + std::to_string(activities);
    const std::string login = R"(wait_for welcome.start
hold staff.corner 3200
expect_screen staff_login
tap staff.name.s-chen
expect_screen staff_pin
tap staff.pin.2
tap staff.pin.4
tap staff.pin.6
tap staff.pin.8
tap staff.pin.1
tap staff.pin.0
tap staff.pin.ok
wait_for staff.rosters 10000)";
    const std::string staff = login + R"(
tap staff.rosters
expect_screen staff_roster_targets
screenshot staff-targets-deliveries.png
tap staff.delivery_round.0
expect_screen staff_deliveries
expect_text 福田区
expect_text 电话 1380100000
screenshot staff-deliveries.png
tap staff.delivery.done.0
expect_string staff.deliveries.state.done
tap staff.delivery.failed.1
expect_string staff.deliveries.state.failed
tap staff.delivery_export
expect_string staff.deliveries.saved
screenshot staff-deliveries-marked.png)";
    kiosk.script("staff", staff, "1920x1080", strict);
    // The round again and the pickup in portrait, where today's list of pickups has room for all.
    const std::string pickup = login + R"(
tap staff.rosters
tap staff.delivery_round.0
expect_screen staff_deliveries
expect_string staff.deliveries.state.done
expect_string staff.deliveries.state.failed
screenshot staff-deliveries-portrait.png
tap nav.back
tap nav.back
tap staff.rapid
tap )" + lunchTarget + R"(
expect_screen staff_rapid
expect_string staff.rapid.ready_detail_meal
type )" + voucher("m-000001", lunch0, d0, "lunch") + R"(
expect_string staff.rapid.ok_meal
screenshot staff-scan-ok.png
type )" + voucher("m-000004", lunch0, d0, "lunch") + R"(
expect_string staff.scan.delivery
type )" + voucher("m-000001", lunch1, d1, "lunch") + R"(
expect_string staff.scan.other_meal
screenshot staff-scan-other-meal.png)";
    kiosk.script("pickup", pickup, "1080x1920", strict);
    EXPECT_EQ(query(kiosk.db(), "SELECT status FROM bookings WHERE member_id='m-000001' AND slot_id='" + lunch0 + "'"),
              "picked_up");
    // The round's files: CSV with a BOM, and the page to print.
    std::string csv, page;
    for (const auto& e : std::filesystem::directory_iterator(out + "/exports")) {
        if (e.path().extension() == ".csv") csv = slurp(e.path());
        if (e.path().extension() == ".html") page = slurp(e.path());
    }
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u) << csv;
    EXPECT_NE(csv.find("已送达"), std::string::npos) << csv;
    EXPECT_NE(page.find("size:A4"), std::string::npos);
    std::ofstream(out + "/deliveries-print.html") << page;

    ASSERT_TRUE(kiosk.syncOnce());
    EXPECT_EQ(query(districtDb, "SELECT count(*) FROM bookings WHERE slot_id='" + lunch0 +
                                    "' AND delivery=1 AND delivery_status IN ('delivered','failed')"),
              "2");
    EXPECT_EQ(query(districtDb, "SELECT status FROM bookings WHERE member_id='m-000001' AND slot_id='" + lunch0 + "'"),
              "picked_up");

    // 3. The district's reports of it, for the report screenshot (tests/e2e/report_table.py).
    server.cli({"report", "subsidy", "--month", d0.substr(0, 7), "--out", out + "/subsidy.csv"});
    server.cli({"report", "deliveries", "--from", d0, "--to", d1, "--out", out + "/deliveries.csv"});
    EXPECT_NE(slurp(out + "/deliveries.csv").find("已送达"), std::string::npos);
}

}  // namespace
