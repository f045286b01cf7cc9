// The real district server on 127.0.0.1 over TLS, real kiosk databases, the
// real sync client: enrollment, push, pull, answers, exactly-once, fail-closed
// TLS, outage. No mocks.
#include <gtest/gtest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>

#include "pki.h"
#include "store/oplog.h"
#include "sync_fixture.h"

using namespace synctest;
using testsupport::DistrictServer;

namespace {

std::string lunchSlot(const std::string& canteen, int daysFromToday) {
    std::string d = shenzhenDate(daysFromToday);
    d.erase(std::remove(d.begin(), d.end(), '-'), d.end());
    return "slot-" + canteen + "-" + d + "-lunch";
}

// The demo's week starts yesterday, so yesterday's lunch is past its cut-off
// whatever the time of day, and tomorrow's is open.
DistrictServer demoServer(std::vector<testsupport::StationSpec> stations) {
    return DistrictServer(smallDistrict(std::move(stations), shenzhenDate(-1)));
}

}  // namespace

TEST(SyncIntegration, EnrollPushAndPull) {
    DistrictServer server(smallDistrict({kChangcheng}, shenzhenDate(-1)));
    Kiosk k(server.bundle(kChangcheng.id));
    const std::string member = demoMember(1);  // 长城 member 1: born 1950, age70
    k.checkIn(member);
    std::string booking;
    k.bookMeal(member, lunchSlot("ct-changcheng", 1), &booking);
    k.helpCall("home");

    auto rep = k.sync();
    ASSERT_TRUE(rep.ok) << rep.error << "\n" << server.log();
    EXPECT_EQ(rep.pushed, 3);
    EXPECT_EQ(rep.applied, 3);
    EXPECT_EQ(rep.rejected, 0);
    EXPECT_GT(rep.pulled, 50);
    EXPECT_GT(rep.cursor, 0);
    EXPECT_EQ(rep.ignored, 0) << (k.logLines.empty() ? "" : k.logLines.front());

    EXPECT_EQ(k.count("SELECT count(*) FROM members"), 50);
    EXPECT_EQ(k.count("SELECT count(*) FROM op_log WHERE state='applied'"), 3);
    EXPECT_EQ(k.text("SELECT local_state FROM bookings WHERE id='" + booking + "'"), "synced");
    // The district's price: an age70 subsidy of 500 cents off the slot's price.
    EXPECT_EQ(k.count("SELECT subsidy_cents FROM bookings WHERE id='" + booking + "'"), 500);
    EXPECT_EQ(k.count("SELECT b.pay_cents + 500 - s.price_cents FROM bookings b JOIN meal_slots s "
                      "ON s.id=b.slot_id WHERE b.id='" + booking + "'"),
              0);
    EXPECT_EQ(k.text("SELECT local_state FROM checkins"), "synced");
    EXPECT_GT(k.count("SELECT count(*) FROM quotas WHERE station_id='st-changcheng'"), 0);
    EXPECT_GT(k.count("SELECT count(*) FROM meal_slots"), 0);
    EXPECT_EQ(k.count("SELECT cursor FROM sync_state"), rep.cursor);
    EXPECT_NE(k.text("SELECT last_sync_at FROM sync_state"), "");

    // The status reached the district: the admin's station list shows it.
    const std::string list = server.cli({"station", "list"});
    EXPECT_NE(list.find(ELDER_APP_VERSION), std::string::npos) << list;

    // Nothing new: nothing pushed, the cursor holds.
    auto again = k.sync();
    ASSERT_TRUE(again.ok) << again.error;
    EXPECT_EQ(again.pushed, 0);
    EXPECT_GE(again.cursor, rep.cursor);
}

TEST(SyncIntegration, SmallPagesAndBatchesGiveTheSameResult) {
    DistrictServer server(smallDistrict({kChangcheng}, shenzhenDate(-1)));
    Kiosk k(server.bundle(kChangcheng.id));
    for (int i = 1; i <= 7; ++i) k.checkIn(demoMember(i));
    syncc::SyncOptions small;
    small.pageLimit = 7;
    small.pushBatch = 2;
    auto rep = k.sync(small);
    ASSERT_TRUE(rep.ok) << rep.error;
    EXPECT_EQ(rep.applied, 7);
    EXPECT_EQ(k.count("SELECT count(*) FROM members"), 50);
}

TEST(SyncIntegration, RepeatedAndReplayedPushIsAppliedOnce) {
    DistrictServer server(smallDistrict({kChangcheng, kMeilin}));
    Kiosk a(server.bundle(kChangcheng.id));
    Kiosk b(server.bundle(kMeilin.id));
    const std::string member = demoMember(1);
    ASSERT_TRUE(b.sync().ok);
    const auto before = b.count("SELECT minutes FROM balances WHERE member_id='" + member + "'");
    ASSERT_GE(before, 60) << "demo member 1 should have time-bank hours";

    std::string redemption;
    a.redeem(member, "ci-eggs", &redemption);  // 60 minutes
    auto rep = a.sync();
    ASSERT_TRUE(rep.ok) << rep.error;
    EXPECT_EQ(rep.applied, 1);
    EXPECT_EQ(a.text("SELECT status FROM redemptions WHERE id='" + redemption + "'"), "confirmed");
    EXPECT_NE(a.text("SELECT voucher FROM redemptions WHERE id='" + redemption + "'"), "");

    // Repeated: the same op pushed again gets its stored answer, nothing more.
    a.db().exec("UPDATE op_log SET state='pending', reason=NULL, answered_at=NULL");
    rep = a.sync();
    ASSERT_TRUE(rep.ok) << rep.error;
    EXPECT_EQ(rep.pushed, 1);
    EXPECT_EQ(a.text("SELECT state FROM op_log WHERE seq=1"), "applied");

    // Replayed: the same UUID under a new sequence number is refused.
    const std::string uuid = a.text("SELECT uuid FROM op_log WHERE seq=1");
    const std::string payload = a.text("SELECT payload FROM op_log WHERE seq=1");
    a.db().run("UPDATE op_log SET uuid=uuid||'-renamed' WHERE seq=1");
    {
        store::Transaction tx(a.db());
        store::OpLog(a.db()).append(uuid, "tb_redeem", nlohmann::json::parse(payload),
                                    core::isoLocal(std::chrono::system_clock::now()), member);
        tx.commit();
    }
    rep = a.sync();
    ASSERT_TRUE(rep.ok) << rep.error;
    EXPECT_EQ(rep.rejected, 1);
    EXPECT_EQ(a.text("SELECT reason FROM op_log WHERE seq=2"), "duplicate_uuid");
    // The first answer stands for the elder: still confirmed.
    EXPECT_EQ(a.text("SELECT status FROM redemptions WHERE id='" + redemption + "'"), "confirmed");

    // Another station sees the balance moved exactly once.
    ASSERT_TRUE(b.sync().ok);
    EXPECT_EQ(b.count("SELECT minutes FROM balances WHERE member_id='" + member + "'"), before - 60);
    EXPECT_EQ(a.count("SELECT minutes FROM balances WHERE member_id='" + member + "'"), before - 60);
}

// Between a cycle's push and its pull the redemption is no longer pending;
// the balance must already be the district's, or the screen shows the hours
// back for a moment (seen as e2e_timebank's "3 小时" after redeeming 1 of 3).
TEST(SyncIntegration, ARedemptionsAnswerSettlesTheBalanceBeforeThePull) {
    DistrictServer server = demoServer({kChangcheng});
    Kiosk k(server.bundle(kChangcheng.id));
    const std::string member = demoMember(1);
    ASSERT_TRUE(k.sync().ok);
    const auto before = k.count("SELECT minutes FROM balances WHERE member_id='" + member + "'");
    ASSERT_GE(before, 60);
    std::string redemption;
    k.redeem(member, "ci-eggs", &redemption);  // 60 minutes
    // What a reader sees once the redemption is confirmed, when the pull
    // touches this balance: the balance then, less what is still pending.
    k.db().exec("CREATE TABLE probe(available INTEGER)");
    k.db().exec("CREATE TRIGGER probe_balance BEFORE UPDATE ON balances WHEN OLD.member_id='" +
                member + "' AND (SELECT status FROM redemptions WHERE id='" + redemption +
                "')='confirmed' BEGIN INSERT INTO probe SELECT OLD.minutes - (SELECT coalesce("
                "sum(minutes),0) FROM redemptions WHERE member_id=OLD.member_id AND "
                "status='pending'); END");
    const auto rep = k.sync();
    ASSERT_TRUE(rep.ok) << rep.error;
    EXPECT_EQ(k.text("SELECT status FROM redemptions WHERE id='" + redemption + "'"), "confirmed");
    EXPECT_EQ(k.count("SELECT minutes FROM balances WHERE member_id='" + member + "'"), before - 60);
    EXPECT_GE(k.count("SELECT count(*) FROM probe"), 1) << "the pull brings the balance";
    EXPECT_EQ(k.count("SELECT count(*) FROM probe WHERE available <> " + std::to_string(before - 60)), 0)
        << "seen: " << k.text("SELECT group_concat(available) FROM probe");
}

TEST(SyncIntegration, RejectedOpReachesTheKiosk) {
    DistrictServer server = demoServer({kChangcheng});
    Kiosk k(server.bundle(kChangcheng.id));
    const std::string member = demoMember(2);
    std::string late, ghost, fine;
    k.bookMeal(member, lunchSlot("ct-changcheng", -1), &late);  // cut-off passed yesterday
    k.bookMeal(member, "slot-does-not-exist", &ghost);
    k.bookMeal(member, lunchSlot("ct-changcheng", 2), &fine);

    auto rep = k.sync();
    ASSERT_TRUE(rep.ok) << rep.error;
    EXPECT_EQ(rep.applied, 1);
    EXPECT_EQ(rep.rejected, 2);
    EXPECT_EQ(k.text("SELECT local_state||':'||reason FROM bookings WHERE id='" + late + "'"),
              "rejected:past_cutoff");
    EXPECT_EQ(k.text("SELECT local_state||':'||reason FROM bookings WHERE id='" + ghost + "'"),
              "rejected:unknown_slot");
    EXPECT_EQ(k.text("SELECT local_state FROM bookings WHERE id='" + fine + "'"), "synced");

    // What the elder is told on the next visit, and what staff see.
    store::OpLog log(k.db());
    EXPECT_EQ(log.unnotifiedRejections(member).size(), 2u);
    const auto rejected = log.rejections(10);
    ASSERT_EQ(rejected.size(), 2u);
    EXPECT_EQ(rejected[1].reason, "past_cutoff");
    EXPECT_FALSE(rejected[1].answered_at.empty());
}

TEST(SyncIntegration, WrongCaFailsClosed) {
    DistrictServer server(smallDistrict({kChangcheng}));
    nlohmann::json bundle;
    std::ifstream(server.bundle(kChangcheng.id)) >> bundle;
    bundle["ca_pem"] = testsupport::makeCaCertPem("Impostor CA");
    testsupport::TempDir dir;
    std::ofstream(dir / "bundle.json") << bundle.dump();

    Kiosk k(dir / "bundle.json");
    k.checkIn(demoMember(1));
    auto rep = k.sync();
    EXPECT_FALSE(rep.ok);
    EXPECT_NE(rep.error.find("certificate"), std::string::npos) << rep.error;
    EXPECT_EQ(k.count("SELECT count(*) FROM members"), 0);
    EXPECT_EQ(k.count("SELECT count(*) FROM op_log WHERE state='pending'"), 1);
    EXPECT_EQ(k.count("SELECT cursor FROM sync_state"), 0);
    EXPECT_EQ(k.text("SELECT last_error FROM sync_state"), rep.error);
}

TEST(SyncIntegration, UnknownTokenIsAPlainError) {
    DistrictServer server(smallDistrict({kChangcheng}));
    Kiosk k(server.bundle(kChangcheng.id));
    server.addStation(kChangcheng.id, kChangcheng.name);  // re-issues the token: ours is void
    auto rep = k.sync();
    EXPECT_FALSE(rep.ok);
    EXPECT_NE(rep.error.find("401"), std::string::npos) << rep.error;
    EXPECT_EQ(k.count("SELECT count(*) FROM members"), 0);
}

TEST(SyncIntegration, ServerDownThenUpDrainsTheQueue) {
    DistrictServer server(smallDistrict({kChangcheng}));
    Kiosk k(server.bundle(kChangcheng.id));
    ASSERT_TRUE(k.sync().ok);

    server.kill();
    for (int i = 1; i <= 25; ++i) k.checkIn(demoMember(i));
    syncc::SyncOptions fast;
    fast.connectTimeout = std::chrono::milliseconds(2000);
    auto down = k.sync(fast);
    EXPECT_FALSE(down.ok);
    EXPECT_NE(down.error.find("cannot connect"), std::string::npos) << down.error;
    EXPECT_EQ(store::OpLog(k.db()).depth(), 25);

    server.start();
    auto up = k.sync();
    ASSERT_TRUE(up.ok) << up.error;
    EXPECT_EQ(up.applied, 25);
    EXPECT_EQ(store::OpLog(k.db()).depth(), 0);
    EXPECT_EQ(k.count("SELECT count(*) FROM checkins WHERE local_state='synced'"), 25);
}

// Finding 3 of issue 11: a kiosk whose database was lost is enrolled again
// and numbers its ops from 1. Before, the district answered `seq_conflict`
// and every real action after that was marked rejected. Offline enrollment:
// the first push finds the reused numbers and the kiosk renumbers them.
TEST(SyncIntegration, ReinstalledKioskEnrolledOfflineRenumbersAndLosesNothing) {
    DistrictServer server(smallDistrict({kChangcheng}, shenzhenDate(-1)));
    {
        Kiosk old(server.bundle(kChangcheng.id));
        for (int i = 1; i <= 3; ++i) old.checkIn(demoMember(i));
        ASSERT_TRUE(old.sync().ok);
    }
    Kiosk fresh(server.bundle(kChangcheng.id));  // a new, empty data dir: seq from 1 again
    std::string booking;
    fresh.checkIn(demoMember(4));
    fresh.bookMeal(demoMember(4), lunchSlot("ct-changcheng", 1), &booking);
    fresh.helpCall("home");
    auto rep = fresh.sync();
    ASSERT_TRUE(rep.ok) << rep.error;
    EXPECT_EQ(rep.rejected, 0);
    EXPECT_EQ(fresh.count("SELECT count(*) FROM op_log WHERE state='applied'"), 3);
    EXPECT_EQ(fresh.count("SELECT min(seq) FROM op_log"), 4) << "renumbered above the district's 3";
    EXPECT_EQ(fresh.text("SELECT local_state FROM bookings WHERE id='" + booking + "'"), "synced");
    EXPECT_EQ(server.count("SELECT count(*) FROM checkins WHERE station_id='st-changcheng'"), 4);
    EXPECT_EQ(server.count("SELECT count(*) FROM bookings WHERE id='" + booking + "'"), 1);
    // New ops follow on; nothing is sent twice.
    fresh.checkIn(demoMember(5));
    rep = fresh.sync();
    ASSERT_TRUE(rep.ok) << rep.error;
    EXPECT_EQ(rep.applied, 1);
    EXPECT_EQ(server.count("SELECT last_applied_seq FROM stations WHERE id='st-changcheng'"), 7);
}

// Online enrollment asks the district first: no number is ever reused.
TEST(SyncIntegration, ReinstalledKioskEnrolledOnlineNumbersAfterTheDistrict) {
    DistrictServer server(smallDistrict({kChangcheng}, shenzhenDate(-1)));
    {
        Kiosk old(server.bundle(kChangcheng.id));
        for (int i = 1; i <= 2; ++i) old.checkIn(demoMember(i));
        ASSERT_TRUE(old.sync().ok);
    }
    Kiosk fresh(server.bundle(kChangcheng.id));
    core::SystemClock clock;
    std::string error;
    const auto last = syncc::learnLastApplied(fresh.db(), clock, error);
    ASSERT_TRUE(last) << error;
    EXPECT_EQ(*last, 2);
    EXPECT_EQ(fresh.checkIn(demoMember(3)), 3);
    auto rep = fresh.sync();
    ASSERT_TRUE(rep.ok) << rep.error;
    EXPECT_EQ(rep.applied, 1);
    EXPECT_TRUE(std::none_of(fresh.logLines.begin(), fresh.logLines.end(),
                             [](const std::string& l) { return l.find("numbered") != std::string::npos; }));
}

// Issue 11, finding 9: a backup taken while serving, a district restored from
// it, and the stations' ops it lost sent again and applied exactly once.
TEST(SyncIntegration, ARestoredDistrictGetsTheOpsItLostOnce) {
    DistrictServer server(smallDistrict({kChangcheng}, shenzhenDate(-1)));
    Kiosk k(server.bundle(kChangcheng.id));
    for (int i = 1; i <= 3; ++i) k.checkIn(demoMember(i));
    ASSERT_TRUE(k.sync().ok);
    const std::string backup = server.dataDir() + "/../backup.db";
    const std::string out = server.cli({"backup", backup});  // online, while serving
    EXPECT_NE(out.find("backed up"), std::string::npos) << out;
    EXPECT_EQ(std::filesystem::status(backup).permissions() & std::filesystem::perms::all,
              std::filesystem::perms::owner_read | std::filesystem::perms::owner_write);
    for (int i = 4; i <= 6; ++i) k.checkIn(demoMember(i));
    k.helpCall("home");
    ASSERT_TRUE(k.sync().ok);
    EXPECT_EQ(server.count("SELECT count(*) FROM checkins"), 6);

    EXPECT_THROW(server.cli({"restore", backup}), std::exception) << "refused while serving";
    server.stop();
    const std::string restored = server.cli({"restore", backup});
    EXPECT_NE(restored.find("kept as"), std::string::npos) << restored;
    EXPECT_EQ(server.count("SELECT count(*) FROM checkins"), 3) << "the district as it was";
    server.start();

    auto rep = k.sync();
    ASSERT_TRUE(rep.ok) << rep.error;
    EXPECT_EQ(server.count("SELECT count(*) FROM checkins"), 6);
    EXPECT_EQ(server.count("SELECT count(*) FROM help_calls"), 1);
    EXPECT_EQ(server.count("SELECT last_applied_seq FROM stations WHERE id='st-changcheng'"), 7);
    ASSERT_TRUE(k.sync().ok);
    EXPECT_EQ(server.count("SELECT count(*) FROM checkins"), 6) << "nothing twice";
    EXPECT_EQ(server.count("SELECT count(*) FROM ops"), 7);
}

// Issue 11, finding 8: kiosk.db and district.db were created 0644 in 0755
// folders, holding the station token and every member's data.
TEST(SyncIntegration, DataFilesAreTheirOwnersOnly) {
    namespace fs = std::filesystem;
    DistrictServer server(smallDistrict({kChangcheng}, shenzhenDate(-1)));
    Kiosk k(server.bundle(kChangcheng.id));
    k.checkIn(demoMember(1));
    ASSERT_TRUE(k.sync().ok);
    const auto mode = [](const std::string& p) { return fs::status(p).permissions() & fs::perms::all; };
    const auto file = fs::perms::owner_read | fs::perms::owner_write;
    EXPECT_EQ(mode(k.dataDir()), fs::perms::owner_all);
    for (const char* f : {"kiosk.db", "kiosk.db-wal", "kiosk.db-shm"})
        EXPECT_EQ(mode(k.dataDir() + "/" + f), file) << f;
    EXPECT_EQ(mode(server.dataDir()), fs::perms::owner_all);
    for (const char* f : {"district.db", "district.db-wal", "keys/config-signing.key", "keys/member-hash.key",
                          "tls/server.key"})
        EXPECT_EQ(mode(server.dataDir() + "/" + f), file) << f;
    for (const char* d : {"keys", "tls"}) EXPECT_EQ(mode(server.dataDir() + "/" + d), fs::perms::owner_all) << d;
    EXPECT_EQ(mode(server.bundle(kChangcheng.id)), file);
}
