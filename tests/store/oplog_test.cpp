// The op log: sequence only grows, answers are stored once, rejections are
// kept for the elder and for staff.
#include <gtest/gtest.h>

#include <filesystem>

#include "store/kiosk_db.h"
#include "store/oplog.h"

namespace fs = std::filesystem;

namespace {

class OpLogTest : public ::testing::Test {
protected:
    fs::path dir = fs::temp_directory_path() / ("oplog-test-" + std::to_string(::getpid()));
    std::unique_ptr<store::Database> db;
    void SetUp() override {
        fs::remove_all(dir);
        db = store::openKioskDb(dir.string());
    }
    void TearDown() override {
        db.reset();
        fs::remove_all(dir);
    }
    std::int64_t add(const std::string& uuid, const std::string& member = "m1") {
        store::Transaction tx(*db);
        auto seq = store::OpLog(*db).append(uuid, "checkin", {{"member_id", member}},
                                            "2026-11-23T09:00:00+08:00", member);
        tx.commit();
        return seq;
    }
};

}  // namespace

TEST_F(OpLogTest, SequenceOnlyGrowsEvenAfterDeletes) {
    auto a = add("u1"), b = add("u2");
    EXPECT_EQ(b, a + 1);
    db->exec("DELETE FROM op_log");
    EXPECT_GT(add("u3"), b);
}

TEST_F(OpLogTest, UuidIsUnique) {
    add("u1");
    EXPECT_THROW(add("u1"), store::DbError);
    EXPECT_EQ(store::OpLog(*db).depth(), 1);
}

TEST_F(OpLogTest, PendingInOrderAndAnswersStoredOnce) {
    auto s1 = add("u1"), s2 = add("u2"), s3 = add("u3");
    store::OpLog log(*db);
    auto p = log.pending(10);
    ASSERT_EQ(p.size(), 3u);
    EXPECT_EQ(p[0].seq, s1);
    EXPECT_EQ(p[2].seq, s3);
    EXPECT_EQ(p[0].payload["member_id"], "m1");

    log.recordAnswer(s1, "applied", "", {}, "t1");
    log.recordAnswer(s2, "rejected", "full", {{"seats", 0}}, "t2");
    log.recordAnswer(s2, "applied", "", {}, "t3");  // a second answer never overrides
    EXPECT_EQ(log.depth(), 1);
    auto r = log.bySeq(s2);
    ASSERT_TRUE(r);
    EXPECT_EQ(r->state, "rejected");
    EXPECT_EQ(r->reason, "full");
    EXPECT_EQ(r->detail["seats"], 0);
}

TEST_F(OpLogTest, RejectionsShownToTheElderOnceAndToStaffAlways) {
    auto s1 = add("u1", "m1");
    add("u2", "m2");
    store::OpLog log(*db);
    log.recordAnswer(s1, "rejected", "full", {}, "t");
    auto mine = log.unnotifiedRejections("m1");
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_TRUE(log.unnotifiedRejections("m2").empty());
    log.markNotified(s1);
    EXPECT_TRUE(log.unnotifiedRejections("m1").empty());
    EXPECT_EQ(log.rejections(10).size(), 1u);
}

// The district refuses an op older than the station's previous one
// (stale_op): a kiosk clock stepped back must not cost an elder's action.
TEST_F(OpLogTest, CreatedAtNeverGoesBackwards) {
    store::Transaction tx(*db);
    store::OpLog log(*db);
    log.append("u1", "checkin", {{"member_id", "m1"}}, "2026-11-23T09:00:00+08:00", "m1");
    const auto seq = log.append("u2", "checkin", {{"member_id", "m2"}}, "2026-11-23T08:59:00+08:00", "m2");
    tx.commit();
    EXPECT_EQ(log.bySeq(seq)->created_at, "2026-11-23T09:00:00+08:00");
}

// Issue 11, finding 3: a new op log of an enrolled station numbers its ops
// above what the district has applied.
TEST_F(OpLogTest, AFloorRaisedFromTheDistrictNumbersNewOpsAboveIt) {
    {
        store::Transaction tx(*db);
        store::raiseOpSeqFloor(*db, 41);
        tx.commit();
    }
    EXPECT_EQ(add("u1"), 42);
    {
        store::Transaction tx(*db);
        store::raiseOpSeqFloor(*db, 10);  // never lowers
        tx.commit();
    }
    EXPECT_EQ(add("u2"), 43);
}
