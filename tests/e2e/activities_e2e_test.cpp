// activities_e2e_test — 活动 end to end: the real kiosk under Xvfb against the
// real district server. Sign up for the last seat, the next elder joins the
// waitlist explicitly, the first cancels (the district gives the seat to the
// waiting elder); and an op the district rejects: the same elder signs up for
// a district-wide lecture at two stations, the second station's op comes back
// `rejected` and the elder's list there says so in words.
#include <filesystem>

#include "meals_activities_e2e.h"

namespace {

using e2e::query;

TEST(ActivitiesE2E, SignUpWaitlistCancelRejected) {
    // setup.sh installs xvfb and the kiosk always builds with sync: missing either is a failure, not a skip.
    ASSERT_TRUE(e2e::haveDisplayAndSync()) << "needs xvfb-run and a kiosk with the sync client";
    const std::string d0 = e2e::shenzhenDate(0), d1 = e2e::shenzhenDate(1), d2 = e2e::shenzhenDate(2);
    testsupport::DistrictServerOptions opts;
    opts.members = 100;
    opts.today = d0;
    opts.stations = {{"st-changcheng", "长城长者服务站"}, {"st-meilinyicun", "梅林一村长者服务站"}};
    opts.start = false;
    testsupport::DistrictServer server(opts);
    server.cli({"activity", "add", "晨练太极拳", "--starts", d1 + " 06:00", "--ends", d1 + " 07:00", "--capacity", "1",
                "--station", "st-changcheng", "--category", "太极拳", "--place", "一楼活动室", "--description",
                "杨式太极二十四式，穿平底鞋。", "--id", "act-e2e-one"});
    server.cli({"activity", "add", "防诈骗讲座", "--starts", d2 + " 06:00", "--ends", d2 + " 07:00", "--capacity",
                "20", "--category", "健康讲座", "--place", "区文化中心", "--id", "act-e2e-wide"});
    server.start();
    const std::string districtDb = server.dataDir() + "/district.db";
    const std::string out = std::string(E2E_OUT) + "/activities";
    std::filesystem::remove_all(out);
    e2e::Kiosk a(server, "st-changcheng", out + "/changcheng");
    e2e::Kiosk b(server, "st-meilinyicun", out + "/meilinyicun");
    ASSERT_TRUE(a.syncOnce());
    ASSERT_TRUE(b.syncOnce());

    // The last seat, then the waitlist offered explicitly to the next elder.
    a.script("signup", R"(type 8801000001
tap home.activities
expect_screen activities
tap activities.day.1
expect_screen activities.list
expect_text 晨练太极拳
screenshot list.png
tap activities.item.0
expect_screen activities.detail
expect_text 一楼活动室
tap activities.signup
expect_screen activities.confirm
tap activities.confirm.yes
tap result.ok
expect_screen activities.detail
expect_text 已报名
type 8801000003
tap home.activities
tap activities.day.1
tap activities.item.0
expect_text 名额已满
tap activities.waitlist
expect_text 候补
tap activities.confirm.yes
tap result.ok
expect_screen activities.detail
expect_text 候补中)");
    ASSERT_TRUE(a.syncOnce());
    const std::string one = "FROM signups WHERE activity_id='act-e2e-one' AND member_id=";
    EXPECT_EQ(query(districtDb, "SELECT status " + one + "'m-000001'"), "signed_up");
    EXPECT_EQ(query(districtDb, "SELECT status " + one + "'m-000003'"), "waitlisted");

    // Cancel with its confirmation; the district moves the waiting elder up.
    a.script("cancel", R"(type 8801000001
tap home.activities
tap activities.mine
expect_text 已报名
tap activities.item.0
tap activities.cancel
expect_screen activities.confirm
tap activities.confirm.yes
tap result.ok
expect_screen activities.detail)");
    ASSERT_TRUE(a.syncOnce());
    EXPECT_EQ(query(districtDb, "SELECT status " + one + "'m-000001'"), "cancelled");
    EXPECT_EQ(query(districtDb, "SELECT status " + one + "'m-000003'"), "signed_up");

    // Two stations: the lecture at 长城 (applied), then at 梅林一村, which has
    // not heard of it yet: the district rejects the second.
    const std::string lecture = R"(type 8801000001
tap home.activities
tap activities.day.2
expect_text 防诈骗讲座
tap activities.item.0
tap activities.signup
tap activities.confirm.yes
tap result.ok
expect_text 已报名)";
    a.script("lecture", lecture);
    ASSERT_TRUE(a.syncOnce());
    server.stop();  // 梅林一村 is offline while the elder signs up there
    b.script("lecture", lecture);
    server.start();
    ASSERT_TRUE(b.syncOnce());
    EXPECT_EQ(query(b.db(), "SELECT local_state FROM signups WHERE activity_id='act-e2e-wide' AND "
                            "member_id='m-000001' ORDER BY created_at DESC LIMIT 1"),
              "rejected");
    EXPECT_EQ(query(b.db(), "SELECT state FROM op_log WHERE kind='activity_signup'"), "rejected");
    EXPECT_EQ(query(districtDb, "SELECT count(*) FROM signups WHERE activity_id='act-e2e-wide' AND "
                                "member_id='m-000001' AND status='signed_up'"),
              "1");
    // Next visit: the shell tells the elder first (notices), then 我的报名 says so too.
    b.script("rejected", R"(type 8801000001
expect_screen notices
screenshot notice.png
tap notices.ok
wait_for home.activities
tap home.activities
tap activities.mine
expect_text 没有报上
screenshot rejected.png)");
}

}  // namespace
