// Exactly once: repeated and replayed pushes, gaps, duplicate uuids.
#include "fixture.h"

namespace district::test {
namespace {

using nlohmann::json;
using proto::OpStatus;

class Push : public District {};

json book(const std::string& id, const std::string& member, const std::string& slot = "lunch-20261124") {
    return {{"booking_id", id}, {"member_id", member}, {"slot_id", slot}};
}

TEST_F(Push, AppliesInOrderAndStoresLastAppliedSeq) {
    auto r = push("st-a", {op(1, "u1", "checkin", {{"member_id", "m-age70"}}),
                           op(2, "u2", "meal_book", book("b1", "m-age70"))});
    EXPECT_EQ(r.last_applied_seq, 2);
    ASSERT_EQ(r.results.size(), 2u);
    EXPECT_EQ(r.results[0].status, OpStatus::Applied);
    EXPECT_EQ(r.results[1].status, OpStatus::Applied);
    EXPECT_EQ(sql("SELECT last_applied_seq FROM stations WHERE id='st-a'"), 2);
    EXPECT_EQ(sql("SELECT count(*) FROM ops WHERE station_id='st-a'"), 2);
}

TEST_F(Push, RepeatedPushReturnsStoredAnswersAndAppliesNothingTwice) {
    const std::vector<proto::Op> ops = {op(1, "u1", "meal_book", book("b1", "m-age70")),
                                        op(2, "u2", "checkin", {{"member_id", "nobody"}}),
                                        op(3, "u3", "tb_redeem",
                                           {{"redemption_id", "r1"}, {"member_id", "m-reg"}, {"item_id", "ci-rice"}})};
    const auto first = push("st-a", ops);
    const std::int64_t rev = sql("SELECT max(rev) FROM changes");
    for (int i = 0; i < 3; ++i) {
        const auto again = push("st-a", ops);
        EXPECT_EQ(json(again), json(first));
    }
    EXPECT_EQ(sql("SELECT count(*) FROM bookings"), 1);
    EXPECT_EQ(sql("SELECT count(*) FROM redemptions"), 1);
    EXPECT_EQ(sql("SELECT max(rev) FROM changes"), rev) << "a repeated push changed nothing";
    EXPECT_EQ(first.results[1].status, OpStatus::Rejected);
    EXPECT_EQ(first.results[1].reason, "unknown_member");
    EXPECT_EQ(first.results[2].reason, "insufficient_balance");
}

TEST_F(Push, PartlyRepeatedPushAppliesOnlyTheNewOps) {
    push("st-a", {op(1, "u1", "checkin", {{"member_id", "m-01"}})});
    auto r = push("st-a", {op(1, "u1", "checkin", {{"member_id", "m-01"}}),
                           op(2, "u2", "checkin", {{"member_id", "m-02"}})});
    EXPECT_EQ(r.last_applied_seq, 2);
    EXPECT_EQ(r.results[0].status, OpStatus::Applied) << "the stored answer, not already_checked_in";
    EXPECT_EQ(r.results[1].status, OpStatus::Applied);
    EXPECT_EQ(sql("SELECT count(*) FROM checkins"), 2);
}

TEST_F(Push, GapStopsAndAnswersTheRestNotApplied) {
    push("st-a", {op(1, "u1", "checkin", {{"member_id", "m-01"}})});
    auto r = push("st-a", {op(3, "u3", "checkin", {{"member_id", "m-03"}}),
                           op(4, "u4", "checkin", {{"member_id", "m-04"}})});
    EXPECT_EQ(r.last_applied_seq, 1);
    for (const auto& res : r.results) {
        EXPECT_EQ(res.status, OpStatus::NotApplied);
        EXPECT_EQ(res.reason, "gap");
        EXPECT_EQ(res.detail["expected_seq"], 2);
    }
    EXPECT_EQ(sql("SELECT count(*) FROM checkins"), 1);
}

TEST_F(Push, ReorderedPushIsAppliedOnceResentInOrder) {
    auto r = push("st-a", {op(2, "u2", "checkin", {{"member_id", "m-02"}}),
                           op(1, "u1", "checkin", {{"member_id", "m-01"}})});
    EXPECT_EQ(r.last_applied_seq, 0);
    EXPECT_EQ(r.results[1].status, OpStatus::NotApplied) << "nothing after a gap is applied";
    r = push("st-a", {op(1, "u1", "checkin", {{"member_id", "m-01"}}),
                      op(2, "u2", "checkin", {{"member_id", "m-02"}})});
    EXPECT_EQ(r.last_applied_seq, 2);
    EXPECT_EQ(sql("SELECT count(*) FROM checkins"), 2);
}

TEST_F(Push, UuidSeenUnderAnotherSeqIsRejectedAsDuplicate) {
    push("st-a", {op(1, "same", "checkin", {{"member_id", "m-01"}})});
    auto r = push("st-a", {op(2, "same", "checkin", {{"member_id", "m-02"}})});
    EXPECT_EQ(r.results[0].status, OpStatus::Rejected);
    EXPECT_EQ(r.results[0].reason, "duplicate_uuid");
    EXPECT_EQ(r.last_applied_seq, 2) << "a rejected op is answered and final";
    // ... also when another station replays it.
    r = push("st-b", {op(1, "same", "checkin", {{"member_id", "m-03"}})});
    EXPECT_EQ(r.results[0].reason, "duplicate_uuid");
    EXPECT_EQ(sql("SELECT count(*) FROM checkins"), 1);
}

TEST_F(Push, StoredSeqWithAnotherUuidIsAConflictNotAReplay) {
    push("st-a", {op(1, "u1", "checkin", {{"member_id", "m-01"}})});
    auto r = push("st-a", {op(1, "other", "checkin", {{"member_id", "m-02"}})});
    EXPECT_EQ(r.results[0].status, OpStatus::NotApplied) << "not final: the kiosk renumbers it";
    EXPECT_EQ(r.results[0].reason, "seq_conflict");
    EXPECT_EQ(r.results[0].detail["last_applied_seq"], 1);
    EXPECT_EQ(sql("SELECT count(*) FROM checkins"), 1);
    EXPECT_EQ(sql("SELECT count(*) FROM ops WHERE uuid='other'"), 0) << "nothing stored for it";
}

// Finding 3: a reinstalled kiosk numbers from 1 again. Its ops are not
// rejected: the server stops at the first reused number, applies nothing after
// it (so order is kept), and takes them once renumbered above last_applied.
TEST_F(Push, ReusedNumbersAreNotAppliedUntilRenumbered) {
    push("st-a", {op(1, "old-1", "checkin", {{"member_id", "m-01"}}),
                  op(2, "old-2", "checkin", {{"member_id", "m-02"}})});
    auto r = push("st-a", {op(1, "new-1", "meal_book", {{"booking_id", "nb"}, {"member_id", "m-03"},
                                                         {"slot_id", "lunch-mon"}}),
                           op(2, "new-2", "meal_cancel", {{"booking_id", "nb"}}),
                           op(3, "new-3", "checkin", {{"member_id", "m-04"}})});
    ASSERT_EQ(r.results.size(), 3u);
    for (const auto& res : r.results) {
        EXPECT_EQ(res.status, OpStatus::NotApplied) << res.seq;
        EXPECT_EQ(res.reason, "seq_conflict") << res.seq;
    }
    EXPECT_EQ(r.last_applied_seq, 2);
    EXPECT_EQ(sql("SELECT count(*) FROM bookings"), 0);
    EXPECT_EQ(sql("SELECT count(*) FROM checkins"), 2) << "seq 3 was not applied out of order";
    r = push("st-a", {op(3, "new-1", "meal_book", {{"booking_id", "nb"}, {"member_id", "m-03"},
                                                   {"slot_id", "lunch-mon"}}),
                      op(4, "new-2", "meal_cancel", {{"booking_id", "nb"}}),
                      op(5, "new-3", "checkin", {{"member_id", "m-04"}})});
    for (const auto& res : r.results) EXPECT_EQ(res.status, OpStatus::Applied) << res.seq;
    EXPECT_EQ(bookingStatus("nb"), "cancelled");
    EXPECT_EQ(sql("SELECT count(*) FROM checkins"), 3);
}

// Finding 6: an op whose handler throws something other than InvalidPayload
// (here a constraint the rules did not foresee) is rejected alone; its own
// writes are undone and the ops behind it are applied in the same push.
TEST_F(Push, AnOpThatFailsIsRejectedAloneAndThePushGoesOn) {
    storage->write([](WriteTx& tx) {
        if (testsupport::postgresRun())
            execSql(tx, "CREATE FUNCTION no_m05() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN "
                        "IF NEW.member_id = 'm-05' THEN RAISE EXCEPTION 'unforeseen'; END IF; "
                        "RETURN NEW; END $$; CREATE TRIGGER no_m05 BEFORE INSERT ON checkins "
                        "FOR EACH ROW EXECUTE FUNCTION no_m05()");
        else
            execSql(tx, "CREATE TRIGGER no_m05 BEFORE INSERT ON checkins WHEN NEW.member_id = 'm-05' "
                        "BEGIN SELECT RAISE(ABORT, 'unforeseen'); END;");
    });
    auto r = push("st-a", {op(1, "u1", "checkin", {{"member_id", "m-01"}}),
                           op(2, "u2", "checkin", {{"member_id", "m-05"}}),
                           op(3, "u3", "checkin", {{"member_id", "m-06"}})});
    ASSERT_EQ(r.results.size(), 3u);
    EXPECT_EQ(r.results[0].status, OpStatus::Applied);
    EXPECT_EQ(r.results[1].status, OpStatus::Rejected);
    EXPECT_EQ(r.results[1].reason, "op_failed");
    EXPECT_EQ(r.results[2].status, OpStatus::Applied) << "the push went on";
    EXPECT_EQ(r.last_applied_seq, 3);
    EXPECT_EQ(sql("SELECT count(*) FROM checkins"), 2);
    // Final: sent again, the same answer, nothing applied.
    r = push("st-a", {op(2, "u2", "checkin", {{"member_id", "m-05"}})});
    EXPECT_EQ(r.results[0].reason, "op_failed");
}

// Finding 5: created_at cannot be backdated past a cut-off.
TEST_F(Push, AnOpOlderThanTheStationsPreviousOpIsStale) {
    clock.set(at("2026-11-23T10:00:00+08:00"));
    apply("st-a", "checkin", {{"member_id", "m-01"}}, "2026-11-23T10:00:00+08:00");
    auto r = apply("st-a", "meal_book", {{"booking_id", "b1"}, {"member_id", "m-02"}, {"slot_id", "lunch-mon"}},
                   "2026-11-23T09:00:00+08:00");
    EXPECT_EQ(r.status, OpStatus::Rejected);
    EXPECT_EQ(r.reason, "stale_op");
    EXPECT_EQ(sql("SELECT count(*) FROM bookings"), 0);
    // A clock stepped back by less than a minute is judged at the previous op's time.
    r = apply("st-a", "checkin", {{"member_id", "m-03"}}, "2026-11-23T09:59:30+08:00");
    EXPECT_EQ(r.status, OpStatus::Applied);
}

TEST_F(Push, AnOpOlderThanTheMaximumAgeIsStale) {
    clock.set(at("2026-12-10T10:00:00+08:00"));
    auto r = apply("st-a", "checkin", {{"member_id", "m-01"}}, "2026-12-02T10:00:00+08:00");
    EXPECT_EQ(r.reason, "stale_op");
    EXPECT_EQ(r.detail["max_age_days"], 7);
    r = apply("st-a", "checkin", {{"member_id", "m-01"}}, "2026-12-04T10:00:00+08:00");
    EXPECT_EQ(r.status, OpStatus::Applied);
}

TEST_F(Push, BadPayloadAndUnknownKindAreFinalRejections) {
    auto r = push("st-a", {op(1, "u1", "meal_book", {{"booking_id", "b1"}, {"member_id", 42}}),
                           op(2, "u2", "teleport", json::object()),
                           op(3, "u3", "checkin", {{"member_id", "m-01"}})});
    EXPECT_EQ(r.results[0].reason, "invalid_payload");
    EXPECT_EQ(r.results[0].detail["field"], "member_id");
    EXPECT_EQ(r.results[1].reason, "unknown_kind");
    EXPECT_EQ(r.results[2].status, OpStatus::Applied) << "a bad op does not block the queue";
    EXPECT_EQ(r.last_applied_seq, 3);
    EXPECT_EQ(sql("SELECT count(*) FROM bookings"), 0);

    proto::Op badTime = op(4, "u4", "checkin", {{"member_id", "m-02"}});
    badTime.created_at = "yesterday";
    r = push("st-a", {badTime});
    EXPECT_EQ(r.results[0].reason, "invalid_payload");
    EXPECT_EQ(r.results[0].detail["field"], "created_at");
}

TEST_F(Push, CheckinOncePerMemberStationAndDay) {
    EXPECT_EQ(apply("st-a", "checkin", {{"member_id", "m-01"}}).status, OpStatus::Applied);
    auto again = apply("st-a", "checkin", {{"member_id", "m-01"}});
    EXPECT_EQ(again.reason, "already_checked_in");
    EXPECT_EQ(apply("st-b", "checkin", {{"member_id", "m-01"}}).status, OpStatus::Applied)
        << "another station is another visit";
    EXPECT_EQ(apply("st-a", "checkin", {{"member_id", "m-01"}, {"at", "2026-11-24T08:00:00+08:00"}}).status,
              OpStatus::Applied);
    EXPECT_EQ(apply("st-a", "help_call", {{"at", "2026-11-23T08:10:00+08:00"}, {"screen", "meals"}}).status,
              OpStatus::Applied);
}

TEST_F(Push, LargeBatchInOneRequest) {
    std::vector<proto::Op> ops;
    for (int i = 1; i <= 500; ++i)
        ops.push_back(op(i, "batch-" + std::to_string(i), "checkin",
                         {{"member_id", "m-" + std::string(i % 30 + 1 < 10 ? "0" : "") + std::to_string(i % 30 + 1)},
                          {"at", core::isoLocal(clock.now() + std::chrono::hours(24 * (i / 30)))}}));
    auto r = push("st-a", ops);
    EXPECT_EQ(r.last_applied_seq, 500);
    EXPECT_EQ(sql("SELECT count(*) FROM ops"), 500);
    EXPECT_EQ(sql("SELECT count(*) FROM checkins"), 500);
}

}  // namespace
}  // namespace district::test
