#include "domain/timebank.h"
#include "fixture.h"

using namespace domain;

TEST_F(DomainTest, RedeemIsPendingAndNeverPromisesHoursTwice) {
    db->run("INSERT INTO catalog_items VALUES ('i1', '上门理发', 'service', 60)");
    db->run("INSERT INTO balances(member_id, minutes) VALUES ('m1', 90)");
    auto r = redeem(*ctx, "m1", "i1");
    EXPECT_EQ(r.outcome, RedeemOutcome::Requested);
    EXPECT_EQ(balanceOf(*ctx, "m1").available(), 30);
    EXPECT_EQ(redeem(*ctx, "m1", "i1").outcome, RedeemOutcome::NotEnoughHours);
    EXPECT_EQ(pendingOps("tb_redeem"), 1);
    auto mine = myRedemptions(*ctx, "m1");
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].status, "pending");
    EXPECT_EQ(redeem(*ctx, "m1", "nothing").outcome, RedeemOutcome::UnknownItem);
}

TEST_F(DomainTest, ServiceGivenNeedsTwoPeopleAndSaneHours) {
    db->run("INSERT INTO catalog_items VALUES ('i1', '陪同就医', 'service', 60)");
    EXPECT_EQ(recordService(*ctx, "m1", "m1", "i1", 60), ServiceOutcome::SamePerson);
    EXPECT_EQ(recordService(*ctx, "m1", "m2", "i1", 0), ServiceOutcome::InvalidHours);
    EXPECT_EQ(recordService(*ctx, "m1", "m2", "i1", 45), ServiceOutcome::InvalidHours);
    EXPECT_EQ(recordService(*ctx, "m1", "ghost", "i1", 60), ServiceOutcome::UnknownMember);
    EXPECT_EQ(recordService(*ctx, "m1", "m2", "i1", 90), ServiceOutcome::Recorded);
    EXPECT_EQ(pendingOps("tb_service"), 1);
}

TEST_F(DomainTest, StatementAndHours) {
    db->run("INSERT INTO ledger_entries VALUES ('e1','m1','2026-11-20T10:00:00+08:00','陪同就医',120)");
    db->run("INSERT INTO ledger_entries VALUES ('e2','m1','2026-11-21T10:00:00+08:00','兑换: 米',-60)");
    auto lines = statementOf(*ctx, "m1", 10);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0].minutes, -60);
    EXPECT_EQ(formatHours(90), "1.5");
    EXPECT_EQ(formatHours(120), "2");
    EXPECT_EQ(formatHours(-60), "-1");
}
