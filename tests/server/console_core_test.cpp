// What the admin console needs from district_core, on real SQLite: previews
// that list every problem by line and write nothing, rejected services,
// Argon2id accounts, the append-only audit log, the bounded status history,
// acknowledged help calls, and the document a station runs.
#include "admin/admins.h"
#include "admin/audit.h"
#include "admin/config_push.h"
#include "admin/importers.h"
#include "admin/services.h"
#include "errors.h"
#include "fixture.h"
#include "rules/timebank.h"

namespace district::test {
namespace {

class ConsoleCore : public District {};

TEST_F(ConsoleCore, PreviewListsEveryBadLineAndWritesNothing) {
    const std::int64_t rev = sql("SELECT max(rev) FROM changes");
    const std::string csv =
        "id,card_no,phone,name,birth_date,category,delivery_eligible\n"
        "n-1,8809000001,13900000001,李淑珍,1940-02-03,age70,1\n"
        "n-2,8809000002,13900000002,王建国,1940-02-30,regular,0\n"
        "n-3,8809000001,13900000003,赵敏,1950-01-01,age70,0\n"
        "n-4,8809000004\n";
    const ImportPreview p = previewMembers(*storage, csv, clock.now());
    EXPECT_EQ(p.row_count, 4u);
    ASSERT_EQ(p.problems.size(), 3u);
    EXPECT_EQ(p.problems[0].line, 3);
    EXPECT_NE(p.problems[0].message.find("birth_date"), std::string::npos);
    EXPECT_EQ(p.problems[1].line, 4);
    EXPECT_NE(p.problems[1].message.find("line 2"), std::string::npos) << "the duplicate card names its twin";
    EXPECT_EQ(p.problems[2].line, 5);
    EXPECT_EQ(sql("SELECT max(rev) FROM changes"), rev);
    try {
        importMembers(*storage, csv, clock.now());
        FAIL() << "expected a refusal";
    } catch (const AdminError& e) {
        const std::string what = e.what();
        EXPECT_NE(what.find("3 problems, nothing was imported"), std::string::npos) << what;
        for (const char* line : {"line 3:", "line 4:", "line 5:"}) EXPECT_NE(what.find(line), std::string::npos) << what;
    }
    EXPECT_EQ(sql("SELECT count(*) FROM members WHERE id LIKE 'n-%'"), 0);
}

TEST_F(ConsoleCore, PreviewChecksTheDatabaseToo) {
    const std::string csv = "id,canteen_id,date,slot,dishes,price_cents,capacity,cutoff\n"
                            ",ct-a,2026-11-30,lunch,米饭|青菜,1500,80,\n"
                            ",ct-nowhere,2026-11-30,dinner,面条,1500,80,\n";
    const ImportPreview p = previewMenu(*storage, csv);
    ASSERT_EQ(p.problems.size(), 1u);
    EXPECT_EQ(p.problems[0].line, 3);
    EXPECT_NE(p.problems[0].message.find("ct-nowhere"), std::string::npos);
    EXPECT_EQ(previewMenu(*storage, "id,canteen_id\n").problems.front().line, 1) << "a missing column";
}

TEST_F(ConsoleCore, RejectedServiceMovesNoMinutesAndIsFinal) {
    apply("st-a", "tb_service", {{"service_id", "svc-x"}, {"volunteer_id", "m-01"}, {"recipient_id", "m-02"},
                                 {"item_id", "ci-escort"}, {"minutes", 90}});
    const Service s = rejectService(*storage, "svc-x", clock.now());
    EXPECT_EQ(s.status, "rejected");
    EXPECT_EQ(balance("m-01"), 0);
    EXPECT_THROW(approveService(*storage, "svc-x", clock.now()), AdminError);
    EXPECT_THROW(rejectService(*storage, "svc-x", clock.now()), AdminError);
    EXPECT_THROW(rejectService(*storage, "svc-none", clock.now()), AdminError);
    EXPECT_EQ(sql("SELECT count(*) FROM changes WHERE entity='service' AND key='svc-x' "
                  "AND data LIKE '%\"rejected\"%'"), 1) << "stations pull the answer";
}

TEST_F(ConsoleCore, PasswordsAreArgon2idAndAccountsChangeGeneration) {
    const std::string h = hashPassword("a-long-password");
    EXPECT_EQ(h.rfind("$argon2id$v=19$m=19456,t=2,p=1$", 0), 0u) << h;
    EXPECT_NE(hashPassword("a-long-password"), h) << "a fresh salt each time";
    EXPECT_TRUE(verifyPassword(h, "a-long-password"));
    EXPECT_FALSE(verifyPassword(h, "a-long-passworD"));
    EXPECT_FALSE(verifyPassword("plain", "plain"));

    EXPECT_THROW(addAdmin(*storage, {"Bad Name", "admin", std::string("long-enough-1")}, clock.now()), AdminError);
    EXPECT_THROW(addAdmin(*storage, {"ok", "root", std::string("long-enough-1")}, clock.now()), AdminError);
    EXPECT_THROW(addAdmin(*storage, {"ok", "admin", std::string("short")}, clock.now()), AdminError);
    const AdminAdded once = addAdmin(*storage, {"li.na", "viewer", std::nullopt}, clock.now());
    EXPECT_TRUE(once.created);
    EXPECT_EQ(once.one_time_password.size(), 16u);
    EXPECT_TRUE(once.account.must_change);
    const AdminAccount changed = changeAdminPassword(*storage, "li.na", "her-own-password", clock.now());
    EXPECT_FALSE(changed.must_change);
    EXPECT_GT(changed.generation, once.account.generation) << "old sessions end";
    EXPECT_THROW(changeAdminPassword(*storage, "li.na", "her-own-password", clock.now()), AdminError)
        << "not the same password again";
    disableAdmin(*storage, "li.na", clock.now());
    std::optional<AdminAccount> a;
    storage->read([&](Tx& tx) { a = tx.admin("li.na"); });
    ASSERT_TRUE(a);
    EXPECT_TRUE(a->disabled);
    EXPECT_EQ(sql("SELECT count(*) FROM admins WHERE password_hash LIKE '%her-own%'"), 0);
}

TEST_F(ConsoleCore, AuditLogIsAppendOnlyAndFiltered) {
    recordAudit(*storage, {0, "", "li.na", "10.0.0.5", "config.push", "district", "ok", "version 3"}, clock.now());
    recordAudit(*storage, {0, "", "wang", "10.0.0.6", "timebank.approve", "svc-1", "refused", "viewer"}, clock.now());
    std::vector<AuditEntry> all, pushes;
    storage->read([&](Tx& tx) {
        all = tx.auditLog({});
        pushes = tx.auditLog({"", "config", "", "", 10, 0});
    });
    ASSERT_EQ(all.size(), 2u);
    EXPECT_EQ(all[0].admin, "wang") << "newest first";
    ASSERT_EQ(pushes.size(), 1u);
    EXPECT_EQ(pushes[0].client, "10.0.0.5");
    EXPECT_THROW(storage->write([](WriteTx& tx) {
        execSql(tx, "UPDATE audit_log SET outcome='ok'");
    }), std::exception);
    EXPECT_THROW(storage->write([](WriteTx& tx) {
        execSql(tx, "DELETE FROM audit_log");
    }), std::exception);
    const std::string csv = auditCsv(all);
    EXPECT_EQ(csv.substr(0, csv.find('\n')), "id,at,admin,client,action,target,outcome,detail");
    EXPECT_NE(csv.find("wang,10.0.0.6,timebank.approve,svc-1,refused,viewer"), std::string::npos) << csv;
}

TEST_F(ConsoleCore, StatusHistoryKeepsTheNewest) {
    storage->write([&](WriteTx& tx) {  // one transaction: a thousand fsyncs would take seconds
        for (int i = 0; i < kStatusHistoryKept + 5; ++i)
            tx.saveStatus("st-a", "{\"n\":" + std::to_string(i) + "}", "2026-11-23T08:00:00+08:00");
    });
    std::vector<StatusRecord> h;
    storage->read([&](Tx& tx) { h = tx.statusHistory("st-a", 5000); });
    ASSERT_EQ(h.size(), static_cast<std::size_t>(kStatusHistoryKept));
    EXPECT_EQ(h.front().status_json, "{\"n\":" + std::to_string(kStatusHistoryKept + 4) + "}");
}

TEST_F(ConsoleCore, HelpCallIsAcknowledgedOnce) {
    apply("st-a", "help_call", {{"at", "2026-11-23T08:00:00+08:00"}, {"screen", "meals"}});
    std::vector<HelpCallRow> open;
    storage->read([&](Tx& tx) { open = tx.helpCalls(true, 10); });
    ASSERT_EQ(open.size(), 1u);
    bool first = false, second = true;
    storage->write([&](WriteTx& tx) {
        first = tx.ackHelpCall(open[0].id, "li.na", "2026-11-23T08:05:00+08:00");
        second = tx.ackHelpCall(open[0].id, "wang", "2026-11-23T08:06:00+08:00");
    });
    EXPECT_TRUE(first);
    EXPECT_FALSE(second);
    storage->read([&](Tx& tx) {
        EXPECT_TRUE(tx.helpCalls(true, 10).empty());
        EXPECT_EQ(tx.helpCalls(false, 10).at(0).acked_by, "li.na");
        for (const auto& s : tx.stationOverview())
            if (s.station.id == "st-a") {
                EXPECT_EQ(s.open_help_calls, 0);
            }
    });
}

TEST_F(ConsoleCore, SearchFindsByCardPhoneOrPartOfTheName) {
    storage->write([](WriteTx& tx) {
        tx.putMember(member("n-1", "8809000001", "13900000001", "欧阳_建国", "1940-02-03", true));
    });
    storage->read([](Tx& tx) {
        EXPECT_EQ(tx.searchMembers("8809000001", 10).at(0).id, "n-1");
        EXPECT_EQ(tx.searchMembers("13900000001", 10).at(0).id, "n-1");
        EXPECT_EQ(tx.searchMembers("阳_建", 10).at(0).id, "n-1");
        EXPECT_TRUE(tx.searchMembers("阳%国", 10).empty()) << "% is a character, not a wildcard";
    });
}

}  // namespace
}  // namespace district::test
