// meals_e2e_test — 订餐 end to end: the real kiosk under Xvfb, driven by
// scripts, against the real district server (demo district, today's date).
//   online booking (subsidy in kiosk.db and on the server), today's lunch past
//   its cut-off, an offline booking within the quota (pending, then applied
//   exactly once), the station's quota used up (Full), cancel.
#include <filesystem>

#include "meals_activities_e2e.h"

namespace {

using e2e::query;

std::string compact(const std::string& date) {
    std::string s;
    for (char c : date)
        if (c != '-') s += c;
    return s;
}

TEST(MealsE2E, BookOfflineFullCancel) {
    // setup.sh installs xvfb and the kiosk always builds with sync: missing either is a failure, not a skip.
    ASSERT_TRUE(e2e::haveDisplayAndSync()) << "needs xvfb-run and a kiosk with the sync client";
    const std::string d0 = e2e::shenzhenDate(0), d1 = e2e::shenzhenDate(1), d2 = e2e::shenzhenDate(2);
    testsupport::DistrictServerOptions opts;
    opts.members = 100;
    opts.today = d0;
    opts.stations = {{"st-changcheng", "长城长者服务站"}};
    opts.start = false;
    testsupport::DistrictServer server(opts);
    // Today's lunch and dinner closed at 00:00 (dishes 40 characters long, as
    // the tour's long fixture has); a second canteen with one seat for the Full case.
    for (const char* slot : {"lunch", "dinner"})
        server.cli({"menu", "add", "--canteen", "ct-changcheng", "--date", d0, "--slot", slot, "--dishes",
                    "清蒸鲈鱼配姜葱豉汁|香菇滑鸡焖土豆胡萝卜|蒜蓉炒时令有机菜心|冬瓜薏米排骨玉米汤", "--price", "1800",
                    "--capacity", "300", "--cutoff", "00:00"});
    server.cli({"canteen", "add", "长城长者饭堂二号", "--station", "st-changcheng", "--id", "ct-changcheng-2"});
    server.cli({"menu", "add", "--canteen", "ct-changcheng-2", "--date", d2, "--slot", "lunch", "--dishes",
                "白切鸡|炒菜心|蒸水蛋|冬瓜汤", "--price", "1600", "--capacity", "1", "--id", "slot-e2e-one"});
    // Tomorrow's lunch is subsidised (a working day under the pushed calendar).
    e2e::makeWorkingDays(server, {d1});
    server.start();
    const std::string districtDb = server.dataDir() + "/district.db";

    const std::string out = std::string(E2E_OUT) + "/meals";
    std::filesystem::remove_all(out);
    e2e::Kiosk kiosk(server, "st-changcheng", out);
    ASSERT_TRUE(kiosk.syncOnce());
    const std::string lunch1 = "slot-ct-changcheng-" + compact(d1) + "-lunch";

    // 1. Online: today's lunch is past its cut-off; tomorrow's lunch with the 5 yuan subsidy.
    kiosk.script("online", R"(type 8801000001
tap home.meals
expect_screen meals
tap meals.day.0
expect_screen meals.slots
expect_text 已截止
expect_text 每天0:00前订午餐
tap nav.back
tap meals.day.1
expect_text 补贴5元
screenshot slots.png
tap meals.book.lunch
expect_screen meals.book
expect_text 您要付
tap meals.confirm
tap result.ok
expect_screen meals.voucher
expect_text 把这个码给饭堂工作人员看
screenshot voucher.png)");
    // 1b. A day whose meals are all closed, at 大 in both languages and
    //     orientations: each card says why on its first row, so both show
    //     whole (--strict-layout exits 3 on an overflow). The reason on a line
    //     of its own made two closed cards 740 px where 711 were left: the
    //     tour failed from 15:00 Shanghai time on.
    for (const char* lang : {"zh-CN", "en"})
        for (const char* size : {"1920x1080", "1080x1920"})
            kiosk.script(std::string("closed_") + lang + "_" + size, R"(type 8801000001
tap home.meals
tap meals.day.0
expect_screen meals.slots
expect_string meals.state.closed)",
                         size, std::string("--strict-layout --text-size large --lang ") + lang);
    const std::string mine1 = "FROM bookings WHERE member_id='m-000001' AND slot_id='" + lunch1 + "'";
    EXPECT_EQ(query(kiosk.db(), "SELECT subsidy_cents " + mine1), "500");
    // The kiosk's own background sync may already have pushed it; one more cycle.
    ASSERT_TRUE(kiosk.syncOnce());
    EXPECT_EQ(query(kiosk.db(), "SELECT local_state " + mine1), "synced");
    EXPECT_EQ(query(districtDb, "SELECT subsidy_cents || '/' || (pay_cents + subsidy_cents) || '/' || station_id " +
                                    mine1),
              "500/" + query(districtDb, "SELECT price_cents FROM meal_slots WHERE id='" + lunch1 + "'") +
                  "/st-changcheng");

    // 2. Offline: the server is down; the priority elder (低保, 中度失能, an
    //    address) books tomorrow's lunch, delivered, within the station's
    //    quota: booked at once, op pending.
    server.stop();
    kiosk.script("offline", R"(type 8801000002
tap home.meals
tap meals.day.1
expect_text 补贴15元
tap meals.book.lunch
expect_screen meals.how
tap meals.delivery
expect_screen meals.book
expect_text 送餐上门
tap meals.confirm
tap result.ok
expect_screen meals.voucher
expect_text 等待区里确认)");
    const std::string mine2 = "FROM bookings WHERE member_id='m-000002' AND slot_id='" + lunch1 + "'";
    EXPECT_EQ(query(kiosk.db(), "SELECT status || '/' || local_state || '/' || delivery " + mine2), "booked/pending/1");
    EXPECT_EQ(query(kiosk.db(), "SELECT state FROM op_log WHERE kind='meal_book' AND member_id='m-000002'"), "pending");
    EXPECT_FALSE(kiosk.syncOnce());
    server.start();
    ASSERT_TRUE(kiosk.syncOnce());
    ASSERT_TRUE(kiosk.syncOnce());  // pushed again or not: applied once
    EXPECT_EQ(query(districtDb, "SELECT count(*) || '/' || subsidy_cents || '/' || delivery " + mine2), "1/1500/1");
    EXPECT_EQ(query(kiosk.db(), "SELECT state FROM op_log WHERE kind='meal_book' AND member_id='m-000002'"), "applied");

    // 3. The one seat of the second canteen's lunch: the first elder gets it,
    //    the next is told plainly that the station's places are gone.
    kiosk.script("full", R"(type 8801000001
tap home.meals
tap meals.day.2
tap meals.book.lunch.1
tap meals.confirm
tap result.ok
expect_screen meals.voucher
type 8801000003
tap home.meals
tap meals.day.2
expect_string meals.state.full
expect_string meals.full.card
screenshot full.png)");
    EXPECT_EQ(query(kiosk.db(), "SELECT count(*) FROM bookings WHERE slot_id='slot-e2e-one'"), "1");

    // 4. Cancel tomorrow's lunch from 我的订餐, with the confirmation step.
    kiosk.script("cancel", R"(type 8801000001
tap home.meals
tap meals.mine
expect_screen meals.mine
expect_text 已订好
screenshot mine.png
tap meals.mine.cancel.0
expect_screen meals.cancel
tap meals.cancel.yes
tap result.ok
expect_screen meals.mine)");
    EXPECT_EQ(query(kiosk.db(), "SELECT status " + mine1), "cancelled");
    ASSERT_TRUE(kiosk.syncOnce());
    EXPECT_EQ(query(districtDb, "SELECT status " + mine1), "cancelled");
    EXPECT_EQ(query(districtDb, "SELECT status FROM bookings WHERE slot_id='slot-e2e-one'"), "booked");
}

}  // namespace
