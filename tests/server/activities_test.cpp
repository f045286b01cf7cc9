// Activities: seats, waitlist and its promotion, attendance.
#include "fixture.h"

namespace district::test {
namespace {

using nlohmann::json;
using proto::OpStatus;

class Activities : public District {
protected:
    proto::OpResult signup(const std::string& station, const std::string& id, const std::string& member,
                           bool waitlist = false) {
        return apply(station, "activity_signup",
                     {{"signup_id", id}, {"member_id", member}, {"activity_id", "act-1"}, {"waitlist", waitlist}});
    }
    std::string status(const std::string& id) {
        std::string s;
        storage->read([&](Tx& tx) { s = tx.signup(id)->status; });
        return s;
    }
};

TEST_F(Activities, FullThenWaitlistThenPromotedOnCancel) {
    for (int i = 1; i <= 3; ++i)
        EXPECT_EQ(signup("st-a", "s" + std::to_string(i), "m-0" + std::to_string(i)).status, OpStatus::Applied);
    EXPECT_EQ(signup("st-a", "s4", "m-04").reason, "full");
    auto w = signup("st-a", "s5", "m-05", true);
    EXPECT_EQ(w.status, OpStatus::Applied);
    EXPECT_EQ(w.detail["status"], "waitlisted");
    EXPECT_EQ(w.detail["position"], 1);
    EXPECT_EQ(signup("st-a", "s6", "m-06", true).detail["position"], 2);
    EXPECT_EQ(signup("st-a", "s7", "m-05").reason, "already_signed_up");

    EXPECT_EQ(apply("st-a", "activity_cancel", {{"signup_id", "s2"}}).status, OpStatus::Applied);
    EXPECT_EQ(status("s2"), "cancelled");
    EXPECT_EQ(status("s5"), "signed_up") << "the first on the waitlist gets the seat";
    EXPECT_EQ(status("s6"), "waitlisted");
    EXPECT_EQ(sql("SELECT count(*) FROM signups WHERE activity_id='act-1' AND status='signed_up'"), 3);
}

TEST_F(Activities, PromotionNeverTakesASeatAnotherStationHolds) {
    // st-a holds all 3 seats; a cancel at st-a can seat a waitlisted elder of
    // st-b only because the seat stays in st-a's quota... so st-a's waitlist wins.
    for (int i = 1; i <= 3; ++i) signup("st-a", "s" + std::to_string(i), "m-0" + std::to_string(i));
    signup("st-b", "wb", "m-10", true);
    signup("st-a", "wa", "m-11", true);
    apply("st-a", "activity_cancel", {{"signup_id", "s1"}});
    EXPECT_EQ(status("wb"), "waitlisted") << "st-b has no quota and no seat is unallocated";
    EXPECT_EQ(status("wa"), "signed_up");
    EXPECT_LE(sql("SELECT sum(seats) FROM quotas WHERE target_id='act-1'"), 3);
}

TEST_F(Activities, UndoneAttendanceKeepsTheHistoryAndTheSeat) {
    signup("st-a", "s1", "m-01");
    apply("st-a", "activity_attend", {{"member_id", "m-01"}, {"activity_id", "act-1"},
                                      {"at", "2026-11-25T09:02:00+08:00"}});
    auto r = apply("st-a", "activity_attend_undo", {{"member_id", "m-01"}, {"activity_id", "act-1"}});
    EXPECT_EQ(r.status, OpStatus::Applied);
    EXPECT_EQ(status("s1"), "signed_up");
    EXPECT_EQ(sql("SELECT count(*) FROM attendances"), 2) << "the first tap stays in history";
    EXPECT_EQ(apply("st-a", "activity_attend_undo", {{"member_id", "m-01"}, {"activity_id", "act-1"}}).detail["already"],
              true);
    EXPECT_EQ(apply("st-a", "activity_attend", {{"member_id", "m-01"}, {"activity_id", "act-1"}}).status,
              OpStatus::Applied);
    EXPECT_EQ(status("s1"), "attended");
    EXPECT_EQ(apply("st-a", "activity_attend_undo", {{"member_id", "m-01"}, {"activity_id", "nope"}}).reason,
              "unknown_activity");
}

TEST_F(Activities, SignupAfterStartIsTooLate) {
    clock.set(at("2026-11-25T09:05:00+08:00"));
    EXPECT_EQ(signup("st-a", "s1", "m-01").reason, "past_cutoff");
}

TEST_F(Activities, AttendanceMarksTheSignupOnce) {
    signup("st-a", "s1", "m-01");
    auto r = apply("st-a", "activity_attend", {{"member_id", "m-01"}, {"activity_id", "act-1"}});
    EXPECT_EQ(r.status, OpStatus::Applied);
    EXPECT_EQ(status("s1"), "attended");
    EXPECT_EQ(apply("st-a", "activity_attend", {{"member_id", "m-01"}, {"activity_id", "act-1"}}).detail["already"], true);
    EXPECT_EQ(apply("st-a", "activity_attend", {{"member_id", "m-02"}, {"activity_id", "act-1"}}).status,
              OpStatus::Applied)
        << "a walk-in is recorded";
    EXPECT_EQ(apply("st-a", "activity_attend", {{"member_id", "m-02"}, {"activity_id", "nope"}}).reason,
              "unknown_activity");
    EXPECT_EQ(apply("st-a", "activity_cancel", {{"signup_id", "nope"}}).reason, "unknown_signup");
}

}  // namespace
}  // namespace district::test
