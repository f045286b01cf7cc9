#include "domain/checkins.h"
#include "domain/help.h"
#include "domain/members.h"
#include "domain/notices.h"
#include "fixture.h"

#include "config/elder_qr.h"
#include "config/signing.h"

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
    EXPECT_EQ(identifyByPhone(*db, "13800000001", "0302", clock).outcome, IdentifyOutcome::Found);
    EXPECT_EQ(identifyByPhone(*db, "13800000001", "0303", clock).outcome, IdentifyOutcome::WrongCode);
    EXPECT_EQ(identifyByPhone(*db, "13900000000", "0302", clock).outcome, IdentifyOutcome::UnknownPhone);
    EXPECT_EQ(identifyByPhone(*db, "1380000", "0302", clock).outcome, IdentifyOutcome::BadInput);
}

// Issue 11, finding 10: phone + birthday had unlimited restarts (366 guesses).
// Now a phone gets kMaxWrongBirthdays wrong birthdays an hour, counted in
// kiosk.db so a restart of the kiosk does not reset them.
TEST_F(DomainTest, WrongBirthdaysAreLimitedPerPhoneAcrossRestarts) {
    for (int i = 1; i < kMaxWrongBirthdays; ++i)
        EXPECT_EQ(identifyByPhone(*db, "13800000001", "0101", clock).outcome, IdentifyOutcome::WrongCode) << i;
    // A restart: a new connection to the same file.
    db.reset();
    db = store::openKioskDb(dir.string());
    EXPECT_EQ(identifyByPhone(*db, "13800000001", "0102", clock).outcome, IdentifyOutcome::TooManyTries);
    EXPECT_EQ(identifyByPhone(*db, "13800000001", "0302", clock).outcome, IdentifyOutcome::TooManyTries)
        << "not even the right birthday within the hour";
    EXPECT_EQ(identifyByPhone(*db, "13800000002", "0715", clock).outcome, IdentifyOutcome::Found)
        << "another phone is not affected";
    clock.advanceMs(61 * 60 * 1000);
    EXPECT_EQ(identifyByPhone(*db, "13800000001", "0302", clock).outcome, IdentifyOutcome::Found);
}

// Issue 11, finding 10: QR codes were ELDER:<sequential id>, unsigned.
TEST_F(DomainTest, IdentifyByQrNeedsTheDistrictsSignature) {
    const std::string good = config::signElderQr({"m2", "2026-11-20"}, signingKeyPem);
    ASSERT_EQ(identifyByQr(*db, good).outcome, IdentifyOutcome::Found);
    EXPECT_EQ(identifyByQr(*db, good).member->id, "m2");
    EXPECT_EQ(identifyByQr(*db, "8800000003").member->id, "m3") << "a card number from a scanner";
    EXPECT_EQ(identifyByQr(*db, "ELDER:m2").outcome, IdentifyOutcome::ForgedCode) << "the old unsigned form";
    // Another member's id under m2's signature, and a code signed by someone else.
    std::string forged = good;
    forged.replace(forged.find(":m2:"), 4, ":m3:");
    EXPECT_EQ(identifyByQr(*db, forged).outcome, IdentifyOutcome::ForgedCode);
    const auto other = config::generateKeyPair();
    EXPECT_EQ(identifyByQr(*db, config::signElderQr({"m2", "2026-11-20"}, other.privatePem)).outcome,
              IdentifyOutcome::ForgedCode);
    EXPECT_EQ(identifyByQr(*db, good.substr(0, good.size() - 5)).outcome, IdentifyOutcome::ForgedCode);
    EXPECT_EQ(identifyByQr(*db, config::signElderQr({"nobody", "2026-11-20"}, signingKeyPem)).outcome,
              IdentifyOutcome::UnknownCard);
}

// Issue 11, finding 8: the kiosk holds no card or phone number and no full name.
TEST_F(DomainTest, TheKioskHoldsHashesAndMaskedNamesOnly) {
    EXPECT_EQ(db->queryInt("SELECT count(*) FROM members WHERE card_hash LIKE '%8800000001%' OR "
                           "phone_hash LIKE '%13800000001%' OR masked_name='张三明'").value(), 0);
    EXPECT_EQ(memberById(*db, "m1")->name, "张*明");
    EXPECT_EQ(memberById(*db, "m1")->birth_ym, "1950-03");
}

TEST_F(DomainTest, StaffFindsAnElderByMaskedNameOrPhoneTail) {
    auto byTail = searchMembers(*db, "0001", 6);
    ASSERT_EQ(byTail.size(), 1u);
    EXPECT_EQ(byTail[0].id, "m1");
    EXPECT_EQ(searchMembers(*db, "张", 6).size(), 1u);
    EXPECT_EQ(searchMembers(*db, "张明", 6).size(), 1u) << "first and last character";
    EXPECT_EQ(searchMembers(*db, "张三明", 6).size(), 1u) << "the full name, masked the same way";
    EXPECT_EQ(searchMembers(*db, "欧阳小明", 6).size(), 1u);
    EXPECT_EQ(searchMembers(*db, "13800000002", 6).at(0).id, "m2") << "a whole phone number";
    EXPECT_EQ(searchMembers(*db, "8800000003", 6).at(0).id, "m3") << "a card number";
    EXPECT_TRUE(searchMembers(*db, "%", 6).empty());
}

TEST_F(DomainTest, NamesAreMasked) {
    EXPECT_EQ(maskName("张三明"), "张*明");
    EXPECT_EQ(maskName("李四"), "李*");
    EXPECT_EQ(maskName("欧阳小明"), "欧**明");
    EXPECT_EQ(maskName("王"), "王");
}

TEST_F(DomainTest, AgeOnADateFromTheBirthMonth) {
    // The kiosk knows the month only: the birthday counts from the next month,
    // so the kiosk never promises an age subsidy the district would not give.
    EXPECT_EQ(ageOn("1950-03", "2026-02-28"), 75);
    EXPECT_EQ(ageOn("1950-03", "2026-03-31"), 75);
    EXPECT_EQ(ageOn("1950-03", "2026-04-01"), 76);
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
