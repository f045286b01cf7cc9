#include "domain/checkins.h"
#include "domain/help.h"
#include "domain/members.h"
#include "domain/notices.h"
#include "fixture.h"

using namespace domain;

TEST_F(DomainTest, IdentifyByCard) {
    auto r = identifyByCard(*db, "8800000001");
    ASSERT_EQ(r.outcome, IdentifyOutcome::Found);
    EXPECT_EQ(r.member->id, "m1");
    EXPECT_EQ(identifyByCard(*db, "8899999999").outcome, IdentifyOutcome::UnknownCard);
    // Reader noise never reaches the database as a lookup.
    EXPECT_EQ(identifyByCard(*db, "88a0").outcome, IdentifyOutcome::BadInput);
    EXPECT_EQ(identifyByCard(*db, "").outcome, IdentifyOutcome::BadInput);
    EXPECT_EQ(identifyByCard(*db, "1' OR '1'='1").outcome, IdentifyOutcome::BadInput);
}

TEST_F(DomainTest, IdentifyByPhoneAndBirthday) {
    EXPECT_EQ(identifyByPhone(*db, "13800000001", "0302").outcome, IdentifyOutcome::Found);
    EXPECT_EQ(identifyByPhone(*db, "13800000001", "0303").outcome, IdentifyOutcome::WrongCode);
    EXPECT_EQ(identifyByPhone(*db, "13900000000", "0302").outcome, IdentifyOutcome::UnknownPhone);
    EXPECT_EQ(identifyByPhone(*db, "1380000", "0302").outcome, IdentifyOutcome::BadInput);
}

TEST_F(DomainTest, IdentifyByQr) {
    EXPECT_EQ(identifyByQr(*db, "ELDER:m2").member->id, "m2");
    EXPECT_EQ(identifyByQr(*db, "8800000003").member->id, "m3");
    EXPECT_EQ(identifyByQr(*db, "ELDER:nobody").outcome, IdentifyOutcome::UnknownCard);
}

TEST_F(DomainTest, NamesAreMasked) {
    EXPECT_EQ(maskName("张三明"), "张*明");
    EXPECT_EQ(maskName("李四"), "李*");
    EXPECT_EQ(maskName("欧阳小明"), "欧**明");
    EXPECT_EQ(maskName("王"), "王");
}

TEST_F(DomainTest, AgeOnADate) {
    EXPECT_EQ(ageOn("1950-03-02", "2026-03-01"), 75);
    EXPECT_EQ(ageOn("1950-03-02", "2026-03-02"), 76);
    EXPECT_EQ(ageOn("", "2026-03-02"), -1);
}

TEST_F(DomainTest, CheckInOncePerDayWithOneOp) {
    auto first = checkIn(*ctx, "m1");
    EXPECT_EQ(first.outcome, CheckinOutcome::CheckedIn);
    clock.advanceMs(3600 * 1000);
    auto second = checkIn(*ctx, "m1");
    EXPECT_EQ(second.outcome, CheckinOutcome::AlreadyToday);
    EXPECT_EQ(second.at, first.at);
    EXPECT_EQ(pendingOps("checkin"), 1);
    EXPECT_EQ(checkinsToday(*ctx), 1);
    clock.advanceMs(24 * 3600 * 1000);
    EXPECT_EQ(checkIn(*ctx, "m1").outcome, CheckinOutcome::CheckedIn);
    EXPECT_EQ(checkIn(*ctx, "ghost").outcome, CheckinOutcome::UnknownMember);
    EXPECT_EQ(pendingOps("checkin"), 2);
}

TEST_F(DomainTest, HelpCallIsListedAndQueued) {
    callStaff(*ctx, "meals", "m1");
    auto calls = openHelpCalls(*ctx);
    ASSERT_EQ(calls.size(), 1u);
    EXPECT_EQ(calls[0].screen, "meals");
    EXPECT_EQ(pendingOps("help_call"), 1);
    markHelpHandled(*ctx, calls[0].id);
    EXPECT_TRUE(openHelpCalls(*ctx).empty());
}

TEST_F(DomainTest, RejectionsReachTheElderOnce) {
    checkIn(*ctx, "m1");
    auto seq = db->queryInt("SELECT max(seq) FROM op_log").value();
    store::OpLog(*db).recordAnswer(seq, "rejected", "already_checked_in", {}, "t");
    auto notices = pendingNotices(*ctx, "m1");
    ASSERT_EQ(notices.size(), 1u);
    EXPECT_EQ(notices[0].reason, "already_checked_in");
    acknowledgeNotices(*ctx, notices);
    EXPECT_TRUE(pendingNotices(*ctx, "m1").empty());
}
