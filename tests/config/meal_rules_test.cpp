// The meal rules of the built-in defaults (Shenzhen's standard) priced by
// quoteMeal, the function the server and the kiosk both use: every tier of
// the list, the days and slots, caps and delivery.
#include "config/meal_rules.h"

#include "config/station_config.h"
#include "config/validate.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace config {
namespace {

using json = nlohmann::json;

const MealRules& rules() { return builtinDefaults().subsidy; }
const Calendar& calendar() { return builtinDefaults().calendar; }

ElderFacts elder(bool hukou, int age, std::vector<std::string> categories = {}, int careLevel = 0,
                 bool address = true) {
    return ElderFacts{hukou, age, std::move(categories), careLevel, address};
}

// Tuesday 24 November 2026: an ordinary working day.
MealQuote lunch(const ElderFacts& e, std::string date = "2026-11-24", bool delivery = false) {
    return quoteMeal(rules(), calendar(), e, MealAsk{date, "lunch", 1800, delivery, 0, 0});
}

TEST(MealRules, HukouCentenarianGetsFifteenYuan) {
    auto q = lunch(elder(true, 100));
    EXPECT_EQ(q.rule, "centenarian");
    EXPECT_EQ(q.subsidyCents, 1500);
    EXPECT_EQ(q.payCents, 300);
    EXPECT_EQ(q.why, NoSubsidy::None);
    EXPECT_EQ(lunch(elder(true, 104)).subsidyCents, 1500) << "no upper bound for centenarians";
}

TEST(MealRules, HukouSeventyFiveGetsFiveYuan) {
    auto q = lunch(elder(true, 75));
    EXPECT_EQ(q.rule, "age70");
    EXPECT_EQ(q.subsidyCents, 500);
    EXPECT_EQ(q.payCents, 1300);
    EXPECT_EQ(lunch(elder(true, 70)).rule, "age70") << "70 is included";
    EXPECT_EQ(lunch(elder(true, 99)).rule, "age70") << "99 is included";
}

TEST(MealRules, NonHukouSeventyFiveGetsNothing) {
    auto q = lunch(elder(false, 75));
    EXPECT_EQ(q.rule, "none");
    EXPECT_EQ(q.tier, "");
    EXPECT_EQ(q.subsidyCents, 0);
    EXPECT_EQ(q.payCents, 1800);
    EXPECT_EQ(q.why, NoSubsidy::NoTier);
    EXPECT_EQ(lunch(elder(false, 101)).subsidyCents, 0) << "a non-户籍 centenarian neither";
    EXPECT_EQ(lunch(elder(false, 65, {"dibao"})).subsidyCents, 0) << "nor a non-户籍 低保";
}

TEST(MealRules, HukouSixtyFiveDibaoIsAPriorityElder) {
    auto q = lunch(elder(true, 65, {"dibao"}));
    EXPECT_EQ(q.rule, "priority");
    EXPECT_EQ(q.subsidyCents, 1500);
    for (const char* cat : {"tekun", "dibao_bianyuan", "sanshu_wulao", "jisheng_teshu"})
        EXPECT_EQ(lunch(elder(true, 61, {cat})).rule, "priority") << cat;
    EXPECT_EQ(lunch(elder(true, 59, {"dibao"})).subsidyCents, 0) << "priority starts at 60";
    // A priority elder of 75 gets the larger amount, not the age tier's.
    EXPECT_EQ(lunch(elder(true, 75, {"tekun"})).rule, "priority");
}

TEST(MealRules, SixtyFiveWithoutACategoryGetsNothing) {
    EXPECT_EQ(lunch(elder(true, 65)).subsidyCents, 0);
    EXPECT_EQ(lunch(elder(true, 65, {"unknown_code"})).subsidyCents, 0);
}

TEST(MealRules, OnlyWorkingDayLunches) {
    const auto e = elder(true, 75);
    auto sat = lunch(e, "2026-11-28");
    EXPECT_EQ(sat.subsidyCents, 0);
    EXPECT_EQ(sat.why, NoSubsidy::NotWorkingDay);
    EXPECT_EQ(sat.tier, "age70") << "the elder's tier is still named";
    EXPECT_EQ(sat.rule, "none");
    // 调休: Sunday 20 September 2026 is worked for the National Day holiday.
    auto worked = lunch(e, "2026-09-20");
    EXPECT_EQ(worked.subsidyCents, 500);
    EXPECT_EQ(lunch(e, "2026-10-01").why, NoSubsidy::NotWorkingDay) << "National Day, a Thursday";
    EXPECT_EQ(lunch(e, "2026-01-04").subsidyCents, 500) << "Sunday worked after New Year";
    auto dinner = quoteMeal(rules(), calendar(), e, MealAsk{"2026-11-24", "dinner", 1600, false, 0, 0});
    EXPECT_EQ(dinner.subsidyCents, 0);
    EXPECT_EQ(dinner.why, NoSubsidy::Slot);
}

TEST(MealRules, CapsCountTheDayAndTheWeek) {
    const auto e = elder(true, 100);
    auto q = quoteMeal(rules(), calendar(), e, MealAsk{"2026-11-24", "lunch", 1800, false, 1, 1});
    EXPECT_EQ(q.why, NoSubsidy::DailyCap);
    EXPECT_EQ(q.subsidyCents, 0);
    EXPECT_EQ(q.payCents, 1800);
    q = quoteMeal(rules(), calendar(), e, MealAsk{"2026-11-24", "lunch", 1800, false, 0, 5});
    EXPECT_EQ(q.why, NoSubsidy::WeeklyCap);
    q = quoteMeal(rules(), calendar(), e, MealAsk{"2026-11-24", "lunch", 1800, false, 0, 4});
    EXPECT_EQ(q.subsidyCents, 1500);
}

TEST(MealRules, NeverMoreThanThePrice) {
    auto q = quoteMeal(rules(), calendar(), elder(true, 100), MealAsk{"2026-11-24", "lunch", 1000, false, 0, 0});
    EXPECT_EQ(q.subsidyCents, 1000);
    EXPECT_EQ(q.payCents, 0);
}

TEST(MealRules, DeliveryForCentenariansAndThe70PlusInNeedOfCare) {
    EXPECT_EQ(deliveryCheck(rules(), elder(true, 100)), DeliveryCheck::Eligible);
    EXPECT_EQ(deliveryCheck(rules(), elder(false, 100)), DeliveryCheck::Eligible);
    EXPECT_EQ(deliveryCheck(rules(), elder(true, 75, {}, 2)), DeliveryCheck::Eligible) << "中度失能";
    EXPECT_EQ(deliveryCheck(rules(), elder(true, 75, {}, 3)), DeliveryCheck::Eligible) << "重度失能";
    EXPECT_EQ(deliveryCheck(rules(), elder(true, 75, {}, 1)), DeliveryCheck::NotEligible) << "轻度 only";
    EXPECT_EQ(deliveryCheck(rules(), elder(true, 65, {"dibao"}, 3)), DeliveryCheck::NotEligible) << "under 70";
    EXPECT_EQ(deliveryCheck(rules(), elder(true, 100, {}, 0, false)), DeliveryCheck::NoAddress);
}

TEST(MealRules, DeliveryFeeAndItsSubsidy) {
    auto q = lunch(elder(true, 80, {}, 2), "2026-11-24", true);
    EXPECT_EQ(q.subsidyCents, 500);
    EXPECT_EQ(q.deliveryFeeCents, 500);
    EXPECT_EQ(q.deliverySubsidyCents, 200);
    EXPECT_EQ(q.payCents, 1800 - 500 + 500 - 200);
    // On a Saturday nothing is subsidised, the delivery neither.
    q = lunch(elder(true, 80, {}, 2), "2026-11-28", true);
    EXPECT_EQ(q.deliverySubsidyCents, 0);
    EXPECT_EQ(q.payCents, 1800 + 500);
    // Beyond a meal cap the trip is still subsidised.
    q = quoteMeal(rules(), calendar(), elder(true, 100), MealAsk{"2026-11-24", "lunch", 1800, true, 1, 1});
    EXPECT_EQ(q.subsidyCents, 0);
    EXPECT_EQ(q.deliverySubsidyCents, 200);
}

TEST(MealRules, UnknownAgeMeetsNoAgeCondition) {
    EXPECT_EQ(lunch(elder(true, -1)).subsidyCents, 0);
    EXPECT_EQ(deliveryCheck(rules(), elder(true, -1, {}, 3)), DeliveryCheck::NotEligible);
}

TEST(MealRules, CalendarWorkingDays) {
    EXPECT_TRUE(calendar().isWorkingDay("2026-11-23"));   // Monday
    EXPECT_FALSE(calendar().isWorkingDay("2026-11-29"));  // Sunday
    EXPECT_FALSE(calendar().isWorkingDay("2026-02-16"));  // Spring Festival, Monday
    EXPECT_TRUE(calendar().isWorkingDay("2026-02-14"));   // Saturday worked
    EXPECT_EQ(weekStart("2026-11-29"), "2026-11-23");
    EXPECT_EQ(weekStart("2026-11-23"), "2026-11-23");
}

TEST(MealRules, RulesAreDataAnAdminCanChange) {
    json sections = mealSections(builtinDefaultsDocument());
    sections["subsidy"]["slots"] = {"lunch", "dinner"};
    sections["subsidy"]["tiers"][2]["amount_cents"] = 800;
    sections["subsidy"]["tiers"][2]["when"].erase("hukou");  // a district that pays everyone 70+
    sections["calendar"]["working_weekends"].push_back("2026-11-28");
    const MealPolicy p = parseMealPolicy(sections);
    auto q = quoteMeal(p.subsidy, p.calendar, elder(false, 75), MealAsk{"2026-11-28", "dinner", 1800, false, 0, 0});
    EXPECT_EQ(q.rule, "age70");
    EXPECT_EQ(q.subsidyCents, 800);
}

TEST(MealRules, BadRulesAreRefusedWithTheirPath) {
    json sections = mealSections(builtinDefaultsDocument());
    sections["subsidy"]["tiers"][0]["when"]["categories_any"].push_back("wubao");
    try {
        parseMealPolicy(sections);
        FAIL() << "an undefined category was accepted";
    } catch (const std::invalid_argument& e) {
        EXPECT_NE(std::string(e.what()).find("subsidy.tiers[0].when.categories_any[5]: \"wubao\" is not a category"),
                  std::string::npos)
            << e.what();
    }
    EXPECT_THROW(parseMealPolicy(json{{"subsidies", json::object()}}), std::invalid_argument);
}

TEST(MealRules, LabelsInBothLanguages) {
    const auto* t = rules().tier("centenarian");
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->label.in("zh-CN"), "户籍百岁以上");
    EXPECT_EQ(t->label.in("en"), "Registered, 100 and over");
    EXPECT_EQ(rules().category("dibao")->label.zh, "低保");
}

}  // namespace
}  // namespace config
