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
            "SELECT id, card_no, phone, name, birth_date, hukou, categories, care_level, living_alone, "
            "address FROM members ORDER BY id");
        while (st.step())
            for (int c = 0; c < 10; ++c) out += st.getText(c) + "|";
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
    ASSERT_EQ(s.known.size(), 65u);
    EXPECT_EQ(s.known[0].card_no, "8801000001");
    EXPECT_EQ(s.known[0].phone, "13801000001");
    EXPECT_EQ(s.known[0].profile, "户籍");
    EXPECT_EQ(s.known[0].balance_minutes, 180);
    EXPECT_EQ(s.known[1].profile, "户籍,dibao,中度失能,有地址");
    EXPECT_EQ(s.known[3].profile, "户籍,独居,有地址");
    EXPECT_EQ(s.known[3].birth_date, "1925-06-01");
    EXPECT_EQ(s.known[4].profile, "非户籍,有地址");
    EXPECT_EQ(s.known[5].card_no, "8802000001");
    EXPECT_EQ(demoCardNo(13, 2000), "8813002000");

    std::optional<std::string> id;
    sa.read([&](Tx& tx) { id = tx.memberIdByCard("8801000001"); });
    EXPECT_EQ(id, s.known[0].member_id);

    // Consistent: categories only with 户籍, quotas within capacity, ledger balanced.
    sa.read([&](Tx& tx) {
        auto& db = static_cast<SqliteTx&>(tx).db();
        EXPECT_EQ(db.queryInt("SELECT count(*) FROM members WHERE hukou = 0 AND categories <> ''").value_or(-1), 0);
        EXPECT_EQ(db.queryInt("SELECT count(*) FROM meal_slots m WHERE capacity < "
                              "(SELECT sum(seats) FROM quotas q WHERE q.target_id = m.id)").value_or(-1), 0);
        EXPECT_EQ(db.queryInt("SELECT sum(minutes) FROM movements").value_or(-1), 0);
        EXPECT_EQ(db.queryInt("SELECT count(*) FROM accounts WHERE is_member = 1 AND minutes < 0").value_or(-1), 0);
        EXPECT_EQ(db.queryInt("SELECT min(date) = '2026-11-23' FROM meal_slots").value_or(0), 1);
    });
    EXPECT_THROW(generateDemo(sa, opt), AdminError) << "demo data goes into a fresh data dir";
}

// The shares a demo district of the default size shows (demo.cpp): the meal
// rules have every kind of elder to work on, centenarians included.
TEST(Demo, RealisticSharesOfTheMealRulesFacts) {
    TempDir a;
    SqliteStorage sa(a.path + "/d.db", {kTestMemberKey});
    generateDemo(sa, DemoOptions{13 * 2000, 1, "2026-11-23"});
    sa.read([&](Tx& tx) {
        auto& db = static_cast<SqliteTx&>(tx).db();
        auto share = [&](const std::string& where) {
            return 100.0 * double(db.queryInt("SELECT count(*) FROM members WHERE " + where).value_or(0)) / 26000.0;
        };
        EXPECT_NEAR(share("hukou = 1"), 56, 3);
        EXPECT_NEAR(share("birth_date <= '1926-11-23'"), 0.2 + 13 * 100.0 / 26000, 0.15) << "centenarians";
        EXPECT_NEAR(share("categories LIKE '%dibao%' AND categories NOT LIKE '%bianyuan%'"), 0.56 * 1.5, 0.5);
        EXPECT_NEAR(share("categories <> ''"), 0.56 * 6.0, 1.0);
        EXPECT_NEAR(share("care_level >= 2"), 5, 3);
        EXPECT_NEAR(share("living_alone = 1"), 12, 2);
        EXPECT_NEAR(share("address <> ''"), 90, 3);
    });
}

}  // namespace
}  // namespace district::test
