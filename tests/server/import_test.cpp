// CSV imports: all rows or none.
#include "admin/csv.h"
#include "admin/importers.h"
#include "errors.h"
#include "fixture.h"

namespace district::test {
namespace {

class Import : public District {};

// The header before 户籍 and categories: still imported (importers.h).
const char* kHeader = "id,card_no,phone,name,birth_date,category,delivery_eligible\n";
const char* kNewHeader = "id,card_no,phone,name,birth_date,hukou,categories,living_alone,care_level,address\n";

TEST_F(Import, GoodFileImportsEveryRow) {
    const std::string csv = std::string(kHeader) +
                            "n-1,8809000001,13900000001,李淑珍,1940-02-03,age70,1\n"
                            "n-2,8809000002,,\"欧阳, 建国\",1960-12-31,regular,0\r\n";
    EXPECT_EQ(importMembers(*storage, csv, clock.now()), 2);
    std::optional<Member> m;
    storage->read([&](Tx& tx) { m = tx.member("n-2"); });
    ASSERT_TRUE(m);
    EXPECT_EQ(m->name, "欧阳, 建国");
    // The documented defaults of a file without the new columns.
    EXPECT_TRUE(m->hukou);
    EXPECT_TRUE(m->categories.empty());
    EXPECT_EQ(m->care_level, 0);
    EXPECT_FALSE(m->living_alone);
    EXPECT_EQ(m->address, "");
}

TEST_F(Import, TheNewColumnsWithCodesOrChineseNames) {
    const std::string csv = std::string(kNewHeader) +
                            "n-1,8809000001,13900000001,李淑珍,1940-02-03,1,dibao;sanshu_wulao,1,2,\"福田区梅林一村8栋302室\"\n"
                            "n-2,8809000002,,王建国,1950-12-31,0,,0,0,\n"
                            "n-3,8809000003,,陈美玲,1958-01-01,1,低保边缘； ,0,,\n";
    // "；" is not our separator: refused with the line and the known categories.
    try {
        importMembers(*storage, csv, clock.now());
        FAIL() << "a fullwidth separator was taken";
    } catch (const AdminError& e) {
        EXPECT_NE(std::string(e.what()).find("line 4: categories: '低保边缘；' is not a category"), std::string::npos)
            << e.what();
        EXPECT_NE(std::string(e.what()).find("dibao (低保)"), std::string::npos) << e.what();
    }
    std::string fixed = csv;
    fixed.replace(fixed.find("低保边缘； "), std::string("低保边缘； ").size(), "低保边缘");
    EXPECT_EQ(importMembers(*storage, fixed, clock.now()), 3);
    std::optional<Member> a, b, c;
    storage->read([&](Tx& tx) {
        a = tx.member("n-1");
        b = tx.member("n-2");
        c = tx.member("n-3");
    });
    EXPECT_TRUE(a->hukou);
    EXPECT_EQ(a->categories, (std::vector<std::string>{"dibao", "sanshu_wulao"}));
    EXPECT_TRUE(a->living_alone);
    EXPECT_EQ(a->care_level, 2);
    EXPECT_EQ(a->address, "福田区梅林一村8栋302室");
    EXPECT_FALSE(b->hukou);
    EXPECT_EQ(c->categories, (std::vector<std::string>{"dibao_bianyuan"}));
    // What a station pulls: the facts the rules need, no address or full name.
    std::string data;
    storage->read([&](Tx& tx) {
        tx.changesSince("st-a", 0, 100000, [&](const ChangeRow& r) {
            if (r.entity == "member" && r.key == "n-1") data = r.data_json;
        });
    });
    auto j = nlohmann::json::parse(data);
    EXPECT_EQ(j["hukou"], true);
    EXPECT_EQ(j["categories"], nlohmann::json({"dibao", "sanshu_wulao"}));
    EXPECT_EQ(j["care_level"], 2);
    EXPECT_EQ(j["has_address"], true);
    EXPECT_EQ(data.find("梅林一村"), std::string::npos);
}

TEST_F(Import, AColumnLeftOutKeepsWhatTheDistrictHas) {
    // m-prio is 低保, 中度失能, with an address; an old file updates her phone only.
    const std::string csv = std::string(kHeader) + "m-prio,8801000002,13801009999,肖雪梅,1948-08-08,regular,0\n";
    EXPECT_EQ(importMembers(*storage, csv, clock.now()), 1);
    std::optional<Member> m;
    storage->read([&](Tx& tx) { m = tx.member("m-prio"); });
    EXPECT_EQ(m->phone, "13801009999");
    EXPECT_EQ(m->categories, (std::vector<std::string>{"dibao"}));
    EXPECT_EQ(m->care_level, 2);
    EXPECT_FALSE(m->address.empty());
}

TEST_F(Import, BadValuesOfTheNewColumns) {
    for (const char* row : {"n-1,8809000001,,李淑珍,1940-02-03,2,,0,0,\n",      // hukou
                            "n-1,8809000001,,李淑珍,1940-02-03,1,,0,4,\n",      // care level
                            "n-1,8809000001,,李淑珍,1940-02-03,1,wubao,0,0,\n", // category
                            "n-1,8809000001,,李淑珍,1940-02-03,1,,maybe,0,\n"}) // living alone
        EXPECT_THROW(importMembers(*storage, std::string(kNewHeader) + row, clock.now()), AdminError) << row;
    EXPECT_THROW(importMembers(*storage, "id,card_no,phone,name,birth_date,hukou,hukou\nn-1,8809000001,,李,1940-02-03,1,1\n",
                               clock.now()),
                 AdminError)
        << "a column twice";
    EXPECT_EQ(sql("SELECT count(*) FROM members WHERE id='n-1'"), 0);
}

TEST_F(Import, ABadRowAbortsWithItsLineAndChangesNothing) {
    const std::int64_t before = sql("SELECT count(*) FROM members");
    const std::int64_t rev = sql("SELECT max(rev) FROM changes");
    const std::string csv = std::string(kHeader) +
                            "n-1,8809000001,13900000001,李淑珍,1940-02-03,age70,1\n"
                            "n-2,8809000002,13900000002,王建国,1940-02-30,regular,0\n";
    try {
        importMembers(*storage, csv, clock.now());
        FAIL() << "expected an error";
    } catch (const AdminError& e) {
        EXPECT_NE(std::string(e.what()).find("line 3"), std::string::npos) << e.what();
        EXPECT_NE(std::string(e.what()).find("birth_date"), std::string::npos) << e.what();
    }
    EXPECT_EQ(sql("SELECT count(*) FROM members"), before);
    EXPECT_EQ(sql("SELECT max(rev) FROM changes"), rev);
}

TEST_F(Import, CardOfAnotherMemberInTheDatabaseAbortsEverything) {
    const std::string csv = std::string(kHeader) +
                            "n-1,8809000001,13900000001,李淑珍,1940-02-03,age70,1\n"
                            "n-2,8801000001,13900000002,王建国,1940-02-03,regular,0\n";
    EXPECT_THROW(importMembers(*storage, csv, clock.now()), AdminError);
    EXPECT_EQ(sql("SELECT count(*) FROM members WHERE id = 'n-1'"), 0);
}

TEST_F(Import, WrongHeaderAndDuplicatesAreCaught) {
    EXPECT_THROW(importMembers(*storage, "id,card\n1,2\n", clock.now()), AdminError);
    const std::string dup = std::string(kHeader) +
                            "n-1,8809000001,13900000001,李淑珍,1940-02-03,age70,1\n"
                            "n-1,8809000002,13900000002,王建国,1940-02-03,regular,0\n";
    EXPECT_THROW(importMembers(*storage, dup, clock.now()), AdminError);
    const std::string badPhone = std::string(kHeader) + "n-1,8809000001,12345,李淑珍,1940-02-03,age70,1\n";
    EXPECT_THROW(importMembers(*storage, badPhone, clock.now()), AdminError);
    EXPECT_THROW(importMembers(*storage, std::string(kHeader) + "\"n-1,8809\n", clock.now()), AdminError);
}

TEST_F(Import, MenuImportNormalizesCutoffAndRefusesCapacityBelowQuotas) {
    const std::string csv =
        "id,canteen_id,date,slot,dishes,price_cents,capacity,cutoff\n"
        ",ct-a,2026-11-30,lunch,红烧肉|番茄炒蛋|清炒菜心|紫菜蛋花汤,1800,100,\n"
        "x-1,ct-a,2026-11-30,dinner,白切鸡|冬瓜排骨汤,1600,60,14:30\n";
    EXPECT_EQ(importMenu(*storage, csv), 2);
    std::optional<MealSlot> s;
    storage->read([&](Tx& tx) { s = tx.slot("slot-ct-a-20261130-lunch"); });
    ASSERT_TRUE(s);
    EXPECT_EQ(s->cutoff, "2026-11-30T09:30:00+08:00");
    EXPECT_EQ(s->dishes.size(), 4u);

    storage->write([](WriteTx& tx) { tx.putQuota({SeatKind::Meal, "x-1", "st-a", 40}); });
    const std::string shrink =
        "id,canteen_id,date,slot,dishes,price_cents,capacity,cutoff\n"
        "x-1,ct-a,2026-11-30,dinner,白切鸡,1600,30,14:30\n";
    EXPECT_THROW(importMenu(*storage, shrink), AdminError);
    const std::string noCanteen =
        "id,canteen_id,date,slot,dishes,price_cents,capacity,cutoff\n"
        "x-2,ct-zz,2026-11-30,dinner,白切鸡,1600,30,14:30\n";
    EXPECT_THROW(importMenu(*storage, noCanteen), AdminError);
}

TEST_F(Import, ActivitiesAcceptLocalTimes) {
    const std::string csv =
        "id,station_id,title,category,starts_at,ends_at,place,capacity,description\n"
        "a-1,st-a,八段锦,运动健身,2026-11-26 09:00,2026-11-26 10:00,社区公园,30,\"晨练, 可坐可站\"\n";
    EXPECT_EQ(importActivities(*storage, csv), 1);
    std::optional<Activity> a;
    storage->read([&](Tx& tx) { a = tx.activity("a-1"); });
    ASSERT_TRUE(a);
    EXPECT_EQ(a->starts_at, "2026-11-26T09:00:00+08:00");
    EXPECT_EQ(a->description, "晨练, 可坐可站");
    const std::string backwards =
        "id,station_id,title,category,starts_at,ends_at,place,capacity,description\n"
        "a-2,st-a,八段锦,运动健身,2026-11-26 09:00,2026-11-26 08:00,社区公园,30,x\n";
    EXPECT_THROW(importActivities(*storage, backwards), AdminError);
}

TEST(Csv, QuotesCommasAndNewlinesRoundTrip) {
    const std::vector<std::string> fields = {"a", "b,c", "say \"hi\"", "two\nlines", ""};
    const auto rows = parseCsv(csvLine(fields) + csvLine({"x"}));
    ASSERT_EQ(rows.size(), 2u);
    EXPECT_EQ(rows[0].fields, fields);
    EXPECT_EQ(rows[1].line, 3);
}

}  // namespace
}  // namespace district::test
