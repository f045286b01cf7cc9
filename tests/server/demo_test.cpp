// The demo district: deterministic, consistent, with the documented known members.
#include "admin/demo.h"
#include "errors.h"
#include "fixture.h"

namespace district::test {
namespace {

std::string dump(SqliteStorage& s) {
    std::string out;
    s.read([&](Tx& tx) {
        auto st = static_cast<SqliteTx&>(tx).db().prepare(
            "SELECT id, card_no, phone, name, birth_date, category, delivery_eligible FROM members ORDER BY id");
        while (st.step())
            for (int c = 0; c < 7; ++c) out += st.getText(c) + "|";
    });
    return out;
}

TEST(Demo, SameSeedSameDistrictAndKnownMembers) {
    TempDir a, b;
    SqliteStorage sa(a.path + "/d.db", {kTestMemberKey}), sb(b.path + "/d.db", {kTestMemberKey});
    const DemoOptions opt{13 * 30, 7, "2026-11-23"};
    const DemoSummary s = generateDemo(sa, opt);
    generateDemo(sb, opt);
    EXPECT_EQ(dump(sa), dump(sb));
    EXPECT_EQ(s.members, 390);
    EXPECT_EQ(s.stations, 13);
    EXPECT_EQ(s.slots, 13 * 14);
    ASSERT_EQ(s.known.size(), 39u);
    EXPECT_EQ(s.known[0].card_no, "8801000001");
    EXPECT_EQ(s.known[0].phone, "13801000001");
    EXPECT_EQ(s.known[0].category, "age70");
    EXPECT_EQ(s.known[0].balance_minutes, 180);
    EXPECT_EQ(s.known[1].category, "priority");
    EXPECT_EQ(s.known[3].card_no, "8802000001");
    EXPECT_EQ(demoCardNo(13, 2000), "8813002000");

    std::optional<std::string> id;
    sa.read([&](Tx& tx) { id = tx.memberIdByCard("8801000001"); });
    EXPECT_EQ(id, s.known[0].member_id);

    // Consistent: categories follow age, quotas within capacity, ledger balanced.
    sa.read([&](Tx& tx) {
        auto& db = static_cast<SqliteTx&>(tx).db();
        EXPECT_EQ(db.queryInt("SELECT count(*) FROM members WHERE category='age70' AND "
                              "birth_date > '1956-11-23'").value_or(-1), 0);
        EXPECT_EQ(db.queryInt("SELECT count(*) FROM meal_slots m WHERE capacity < "
                              "(SELECT sum(seats) FROM quotas q WHERE q.target_id = m.id)").value_or(-1), 0);
        EXPECT_EQ(db.queryInt("SELECT sum(minutes) FROM movements").value_or(-1), 0);
        EXPECT_EQ(db.queryInt("SELECT count(*) FROM accounts WHERE is_member = 1 AND minutes < 0").value_or(-1), 0);
        EXPECT_EQ(db.queryInt("SELECT min(date) = '2026-11-23' FROM meal_slots").value_or(0), 1);
    });
    EXPECT_THROW(generateDemo(sa, opt), AdminError) << "demo data goes into a fresh data dir";
}

}  // namespace
}  // namespace district::test
