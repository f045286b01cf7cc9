// Offline without overbooking: two stations book offline, each within its
// quota (and a little beyond, as a stale kiosk might); after both sync, the
// seats applied never exceed the capacity.
#include <gtest/gtest.h>

#include "store/oplog.h"
#include "sync_fixture.h"

using namespace synctest;
using testsupport::DistrictServer;

namespace {

std::int64_t quota(Kiosk& k, const std::string& kind, const std::string& target) {
    return k.count("SELECT coalesce(sum(seats),0) FROM quotas WHERE kind='" + kind +
                   "' AND target_id='" + target + "' AND station_id='" + k.stationId() + "'");
}

std::int64_t applied(Kiosk& k, const std::string& kind) {
    return k.count("SELECT count(*) FROM op_log WHERE kind='" + kind + "' AND state='applied'");
}

}  // namespace

TEST(SyncCapacity, TwoStationsOfflineNeverOverbookAnActivity) {
    constexpr int kCapacity = 10;
    DistrictServer server(smallDistrict({kChangcheng, kMeilin}, "", false));
    const std::string day = shenzhenDate(2);
    server.cli({"activity", "add", "书法体验课", "--id", "act-small", "--starts", day + " 09:00",
                "--ends", day + " 10:30", "--capacity", std::to_string(kCapacity)});
    server.start();

    Kiosk a(server.bundle(kChangcheng.id));
    Kiosk b(server.bundle(kMeilin.id));
    ASSERT_TRUE(a.sync().ok);
    ASSERT_TRUE(b.sync().ok);
    const auto qa = quota(a, "activity", "act-small"), qb = quota(b, "activity", "act-small");
    ASSERT_GT(qa, 0);
    ASSERT_GT(qb, 0);
    ASSERT_LE(qa + qb, kCapacity);

    // Offline: each fills its quota, then tries two more.
    server.stop();
    for (int i = 0; i < qa + 2; ++i) a.signUp(demoMember(1 + i), "act-small");
    for (int i = 0; i < qb + 2; ++i) b.signUp(demoMember(25 + i), "act-small");

    server.start();
    ASSERT_TRUE(b.sync().ok);
    ASSERT_TRUE(a.sync().ok);
    ASSERT_TRUE(b.sync().ok);

    // Every seat within a quota was kept; beyond them only unallocated seats.
    EXPECT_GE(applied(a, "activity_signup"), qa);
    EXPECT_GE(applied(b, "activity_signup"), qb);
    EXPECT_LE(applied(a, "activity_signup") + applied(b, "activity_signup"), kCapacity);
    EXPECT_EQ(a.count("SELECT count(*) FROM op_log WHERE state='rejected' AND reason<>'full'"), 0);
    // The district's own record, pulled back: never more signed up than seats.
    EXPECT_LE(a.count("SELECT count(*) FROM signups WHERE activity_id='act-small' AND "
                      "status='signed_up' AND local_state<>'rejected'"),
              kCapacity);
    EXPECT_EQ(a.count("SELECT count(*) FROM signups WHERE activity_id='act-small' AND "
                      "status='signed_up' AND local_state<>'rejected'"),
              applied(a, "activity_signup") + applied(b, "activity_signup"));
    EXPECT_EQ(store::OpLog(a.db()).depth() + store::OpLog(b.db()).depth(), 0);
}

TEST(SyncCapacity, TheLastMealSeatsGoOnceWhoeverSyncsFirst) {
    constexpr int kCapacity = 3;
    DistrictServer server(smallDistrict({kChangcheng, kMeilin}, "", false));
    const std::string day = shenzhenDate(2);
    server.cli({"menu", "add", "--canteen", "ct-changcheng", "--date", day,
                                        "--slot", "dinner", "--dishes", "白切鸡|清炒菜心|例汤",
                                        "--price", "1600", "--capacity",
                                        std::to_string(kCapacity), "--id", "slot-small"});
    server.start();

    Kiosk a(server.bundle(kChangcheng.id));  // the canteen's own station
    Kiosk b(server.bundle(kMeilin.id));
    ASSERT_TRUE(a.sync().ok);
    ASSERT_TRUE(b.sync().ok);

    server.stop();
    for (int i = 0; i < kCapacity; ++i) a.bookMeal(demoMember(1 + i), "slot-small");
    for (int i = 0; i < 2; ++i) b.bookMeal(demoMember(30 + i), "slot-small");

    server.start();
    ASSERT_TRUE(b.sync().ok);  // the other station comes back first
    ASSERT_TRUE(a.sync().ok);
    ASSERT_TRUE(b.sync().ok);

    const auto total = applied(a, "meal_book") + applied(b, "meal_book");
    EXPECT_LE(total, kCapacity);
    EXPECT_EQ(total, kCapacity);  // the seats all went to someone
    EXPECT_EQ(a.count("SELECT count(*) FROM bookings WHERE slot_id='slot-small' AND "
                      "status='booked' AND local_state='synced'"),
              kCapacity);
    // The losers know it, with the reason.
    EXPECT_EQ(a.count("SELECT count(*) FROM bookings WHERE local_state='rejected' AND "
                      "reason<>'full'") +
                  b.count("SELECT count(*) FROM bookings WHERE local_state='rejected' AND "
                          "reason<>'full'"),
              0);
}
