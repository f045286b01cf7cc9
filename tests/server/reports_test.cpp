// Reports for settlement and statistics: the month's subsidy per elder with
// totals, meals with 人 beside 人次, deliveries delivered and failed. UTF-8
// with a BOM, names masked, money in yuan.
#include "admin/reports.h"
#include "errors.h"
#include "fixture.h"

namespace district::test {
namespace {

using nlohmann::json;

// The CSV's lines without the BOM and line ends (the fields hold no commas here).
std::vector<std::string> linesOf(const std::string& csv) {
    std::vector<std::string> out;
    std::string line;
    for (std::size_t i = csv.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0; i < csv.size(); ++i) {
        if (csv[i] == '\n') {
            out.push_back(line);
            line.clear();
        } else if (csv[i] != '\r') {
            line += csv[i];
        }
    }
    return out;
}

// The line whose second field is `id` ("" when none).
std::string lineOf(const std::vector<std::string>& lines, const std::string& id) {
    for (const auto& l : lines) {
        const auto comma = l.find(',');
        if (comma != std::string::npos && l.compare(comma + 1, id.size() + 1, id + ",") == 0) return l;
    }
    return "";
}

class Reports : public District {
protected:
    proto::OpResult book(const std::string& id, const std::string& member, const std::string& slot,
                         bool delivery = false) {
        return apply("st-a", "meal_book",
                     {{"booking_id", id}, {"member_id", member}, {"slot_id", slot}, {"delivery", delivery}});
    }
};

TEST_F(Reports, TheMonthsSubsidyPerElderWithTotals) {
    book("b1", "m-age70", "lunch-20261124");               // 5 元
    book("b2", "m-age70", "lunch-20261125");               // 5 元
    book("b3", "m-age70", "dinner-20261125");              // no subsidy: dinner
    book("b4", "m-100", "lunch-20261124", true);           // 15 元, delivery 5 - 2
    book("b5", "m-prio", "lunch-20261124", true);          // 15 元, delivery failed
    book("b6", "m-75nh", "lunch-20261124");                // nothing
    book("b7", "m-reg", "lunch-20261126");                 // cancelled: not counted
    apply("st-a", "meal_cancel", {{"booking_id", "b7"}});
    apply("st-a", "meal_delivery", {{"booking_id", "b4"}, {"outcome", "delivered"}});
    apply("st-a", "meal_delivery", {{"booking_id", "b5"}, {"outcome", "failed"}});

    const std::string csv = subsidyReportCsv(*storage, "2026-11");
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF站点,长者编号,姓名,户籍,类别,补贴规则,餐数,补贴餐数", 0), 0u) << csv;
    EXPECT_EQ(csv.find("沈炳坤"), std::string::npos) << "names masked";
    const auto lines = linesOf(csv);
    // 站点,编号,姓名,户籍,类别,规则,餐数,补贴餐数,餐费,餐补,餐费自付,送达,送餐费,送餐补贴,送餐费自付,补贴合计,自付合计
    EXPECT_EQ(lineOf(lines, "m-age70"),
              "长城长者服务站,m-age70,沈*坤,是,,户籍70岁以上,3,2,52.00,10.00,42.00,0,0.00,0.00,0.00,10.00,42.00");
    EXPECT_EQ(lineOf(lines, "m-100"),
              "长城长者服务站,m-100,郑*顺,是,,户籍百岁以上,1,1,18.00,15.00,3.00,1,5.00,2.00,3.00,17.00,6.00");
    EXPECT_EQ(lineOf(lines, "m-prio"),
              "长城长者服务站,m-prio,肖*梅,是,低保,重点保障对象,1,1,18.00,15.00,3.00,0,0.00,0.00,0.00,15.00,3.00")
        << "a failed delivery is not settled";
    EXPECT_EQ(lineOf(lines, "m-75nh"),
              "长城长者服务站,m-75nh,李*福,否,,无,1,0,18.00,0.00,18.00,0,0.00,0.00,0.00,0.00,18.00");
    EXPECT_EQ(lineOf(lines, "m-reg"), "") << "only a cancelled booking: not in the settlement";
    // Totals: 4 elders; meals 3+1+1+1 = 6; subsidy 10+15+15 = 40 元 plus 2 元 delivery.
    EXPECT_EQ(lineOf(lines, "小计"),
              "长城长者服务站,小计,4人,,,,6,4,106.00,40.00,66.00,1,5.00,2.00,3.00,42.00,69.00");
    EXPECT_EQ(lineOf(lines, "合计"), "全区,合计,4人,,,,6,4,106.00,40.00,66.00,1,5.00,2.00,3.00,42.00,69.00");
    EXPECT_THROW(subsidyReportCsv(*storage, "2026-13"), AdminError);
    EXPECT_THROW(subsidyReportCsv(*storage, "2026-1"), AdminError);
}

TEST_F(Reports, MealsCountElderVisitsAndElders) {
    book("b1", "m-age70", "lunch-20261124");
    book("b2", "m-age70", "dinner-20261124");
    book("b3", "m-prio", "lunch-20261124");
    book("b4", "m-01", "lunch-20261124");
    apply("st-a", "meal_cancel", {{"booking_id", "b4"}});
    apply("st-a", "meal_pickup", {{"booking_id", "b1"}});
    const auto lines = linesOf(reportCsv(*storage, "meals", "2026-11-24", "2026-11-24"));
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "日期,站点,饭堂,人次,人,午餐人次,晚餐人次,已取餐,送达,取消,补贴(元),自付(元)");
    EXPECT_EQ(lines[1], "2026-11-24,长城长者服务站,长城长者饭堂,3,2,2,1,1,0,1,20.00,32.00");
}

TEST_F(Reports, DeliveriesDeliveredFailedAndUnmarked) {
    book("b1", "m-100", "lunch-20261124", true);
    book("b2", "m-prio", "lunch-20261124", true);
    book("b3", "m-prio", "lunch-20261125", true);
    apply("st-a", "meal_delivery", {{"booking_id", "b1"}, {"outcome", "delivered"}});
    apply("st-a", "meal_delivery", {{"booking_id", "b2"}, {"outcome", "failed"}});
    const std::string csv = reportCsv(*storage, "deliveries", "2026-11-01", "2026-11-30");
    EXPECT_EQ(csv.rfind("\xEF\xBB\xBF", 0), 0u);
    const auto lines = linesOf(csv);
    ASSERT_EQ(lines.size(), 4u);
    EXPECT_EQ(lines[0], "日期,餐次,站点,饭堂,长者编号,姓名,地址,结果,标记时间,送餐费(元),送餐补贴(元),自付(元)");
    EXPECT_EQ(lines[1].substr(0, lines[1].find(",2026-11-23T")),
              "2026-11-24,午餐,长城长者服务站,长城长者饭堂,m-100,郑*顺,福田区华富街道长城花园1栋101室,已送达");
    EXPECT_EQ(lines[1].substr(lines[1].size() - 15), ",5.00,2.00,3.00");
    EXPECT_NE(lines[2].find(",m-prio,肖*梅,福田区华富街道长城花园3栋502室,未送达,"), std::string::npos) << lines[2];
    EXPECT_EQ(lines[2].substr(lines[2].size() - 15), ",0.00,0.00,0.00");
    EXPECT_NE(lines[3].find(",未标记,,"), std::string::npos) << lines[3];
    EXPECT_EQ(csv.find("肖雪梅"), std::string::npos);
}

}  // namespace
}  // namespace district::test
