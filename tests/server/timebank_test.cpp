// The time-bank ledger: double entry, floors, pending services, reversals.
#include "errors.h"
#include "fixture.h"
#include "rules/timebank.h"

namespace district::test {
namespace {

using nlohmann::json;
using proto::OpStatus;

class Timebank : public District {
protected:
    void serve(const std::string& id, const std::string& volunteer, std::int64_t minutes) {
        auto r = apply("st-a", "tb_service",
                       {{"service_id", id}, {"volunteer_id", volunteer}, {"recipient_id", "m-30"},
                        {"item_id", "ci-escort"}, {"minutes", minutes}});
        ASSERT_EQ(r.status, OpStatus::Applied) << r.reason;
        EXPECT_EQ(r.detail["status"], "pending");
    }
    proto::OpResult redeem(const std::string& id, const std::string& member, const std::string& item = "ci-rice") {
        return apply("st-b", "tb_redeem", {{"redemption_id", id}, {"member_id", member}, {"item_id", item}});
    }
    void expectLedgerBalanced() {
        EXPECT_EQ(sql("SELECT coalesce(sum(minutes),0) FROM movements"), 0);
        EXPECT_EQ(sql("SELECT count(*) FROM (SELECT transfer_id FROM movements GROUP BY transfer_id "
                      "HAVING sum(minutes) <> 0 OR count(*) <> 2) AS unbalanced"), 0)
            << "every transfer is two movements summing to zero";
        EXPECT_EQ(sql("SELECT count(*) FROM accounts a WHERE a.minutes <> "
                      "(SELECT coalesce(sum(minutes),0) FROM movements m WHERE m.account_id = a.id)"), 0)
            << "balances equal the sum of their movements";
        EXPECT_EQ(sql("SELECT count(*) FROM accounts WHERE floor_minutes IS NOT NULL AND minutes < floor_minutes"), 0);
    }
};

TEST_F(Timebank, ServiceIsPendingUntilApproved) {
    serve("svc1", "m-01", 120);
    EXPECT_EQ(balance("m-01"), 0);
    const Transfer t = approveService(*storage, "svc1", clock.now());
    EXPECT_EQ(t.from_account, kIssuanceAccount);
    EXPECT_EQ(balance("m-01"), 120);
    EXPECT_THROW(approveService(*storage, "svc1", clock.now()), AdminError);
    EXPECT_THROW(approveService(*storage, "nope", clock.now()), AdminError);
    expectLedgerBalanced();
}

TEST_F(Timebank, RedemptionRespectsTheFloor) {
    serve("svc1", "m-01", 200);
    approveService(*storage, "svc1", clock.now());
    auto r = redeem("r1", "m-01");
    EXPECT_EQ(r.status, OpStatus::Applied);
    EXPECT_EQ(r.detail["balance_minutes"], 20);
    EXPECT_EQ(r.detail["voucher"], voucherFor("r1"));
    r = redeem("r2", "m-01");
    EXPECT_EQ(r.reason, "insufficient_balance");
    EXPECT_EQ(r.detail["balance_minutes"], 20);
    EXPECT_EQ(balance("m-01"), 20);
    std::string status;
    storage->read([&](Tx& tx) { status = tx.redemption("r2")->status; });
    EXPECT_EQ(status, "rejected") << "the elder sees the refusal after the next pull too";
    EXPECT_EQ(redeem("r3", "m-02").reason, "insufficient_balance") << "an empty account stays at 0";
    EXPECT_EQ(balance("m-02"), 0);
    expectLedgerBalanced();
}

TEST_F(Timebank, ReversalIsANewOppositeTransfer) {
    serve("svc1", "m-01", 120);
    const Transfer t = approveService(*storage, "svc1", clock.now());
    const Transfer r = reverseTransfer(*storage, t.id, clock.now());
    EXPECT_EQ(r.from_account, "m-01");
    EXPECT_EQ(balance("m-01"), 0);
    EXPECT_THROW(reverseTransfer(*storage, t.id, clock.now()), AdminError) << "only once";
    EXPECT_THROW(reverseTransfer(*storage, r.id, clock.now()), AdminError) << "a reversal is not reversed";
    EXPECT_EQ(sql("SELECT count(*) FROM movements"), 4);
    expectLedgerBalanced();
}

TEST_F(Timebank, ReversalThatWouldBreakTheFloorIsRefused) {
    serve("svc1", "m-01", 180);
    const Transfer t = approveService(*storage, "svc1", clock.now());
    redeem("r1", "m-01");  // spends all 180
    EXPECT_THROW(reverseTransfer(*storage, t.id, clock.now()), AdminError);
    EXPECT_EQ(balance("m-01"), 0);
    expectLedgerBalanced();
}

TEST_F(Timebank, MovementsCannotBeEditedOrDeleted) {
    serve("svc1", "m-01", 60);
    approveService(*storage, "svc1", clock.now());
    EXPECT_THROW(storage->write([](WriteTx& tx) { execSql(tx, "UPDATE movements SET minutes = 1000"); }),
                 std::exception);
    EXPECT_THROW(storage->write([](WriteTx& tx) { execSql(tx, "DELETE FROM movements"); }),
                 std::exception);
    EXPECT_EQ(balance("m-01"), 60);
}

TEST_F(Timebank, BadServicesAreRejected) {
    auto svc = [&](const std::string& id, const std::string& vol, const std::string& item, json minutes) {
        return apply("st-a", "tb_service", {{"service_id", id}, {"volunteer_id", vol}, {"recipient_id", "m-30"},
                                            {"item_id", item}, {"minutes", minutes}});
    };
    EXPECT_EQ(svc("a", "m-01", "ci-escort", 0).reason, "invalid_hours");
    EXPECT_EQ(svc("b", "m-01", "ci-escort", 100000).reason, "invalid_hours");
    EXPECT_EQ(svc("c", "m-30", "ci-escort", 60).reason, "invalid_hours") << "serving oneself";
    EXPECT_EQ(svc("d", "nobody", "ci-escort", 60).reason, "unknown_member");
    EXPECT_EQ(svc("e", "m-01", "nothing", 60).reason, "unknown_item");
    EXPECT_EQ(svc("f", "m-01", "ci-escort", "60").reason, "invalid_payload");
    EXPECT_EQ(redeem("r1", "m-01", "nothing").reason, "unknown_item");
    EXPECT_EQ(sql("SELECT count(*) FROM services"), 0);
}

TEST_F(Timebank, BalancesAndLedgerEntriesGoToEveryStation) {
    serve("svc1", "m-01", 120);
    approveService(*storage, "svc1", clock.now());
    redeem("r1", "m-01", "ci-rice");  // insufficient: 120 < 180
    int balances = 0, entries = 0;
    storage->read([&](Tx& tx) {
        tx.changesSince("st-b", 0, 100000, [&](const ChangeRow& r) {
            if (r.entity == "balance" && r.key == "m-01") {
                ++balances;
                EXPECT_EQ(json::parse(r.data_json)["minutes"], 120);
            }
            if (r.entity == "ledger_entry") ++entries;
        });
    });
    EXPECT_EQ(balances, 1) << "one change row per entity";
    EXPECT_EQ(entries, 1) << "the issuance account is not a member";
}

}  // namespace
}  // namespace district::test
