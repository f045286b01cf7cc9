// meals_format_test — the one formatter of money, dates and times
// (screens/format.h), with the real string tables.
#include <gtest/gtest.h>

#include "screens/format.h"

namespace {

TEST(MealsFormat, MoneyIsWholeYuanOrTwoDecimals) {
    const auto zh = shell::Strings::load("zh-CN");
    EXPECT_EQ(screens::money(zh, 1300), "13元");
    EXPECT_EQ(screens::money(zh, 1350), "13.50元");
    EXPECT_EQ(screens::money(zh, 5), "0.05元");
    EXPECT_EQ(screens::money(zh, 0), "0元");
    EXPECT_EQ(screens::money(shell::Strings::load("en"), 1800), "18 yuan");
}

TEST(MealsFormat, DayLabels) {
    const auto zh = shell::Strings::load("zh-CN");
    EXPECT_EQ(screens::dayLabel(zh, "2026-11-24", "2026-11-24"), "今天");
    EXPECT_EQ(screens::dayLabel(zh, "2026-11-24", "2026-11-25"), "明天");
    EXPECT_EQ(screens::dayLabel(zh, "2026-11-30", "2026-12-02"), "后天");
    EXPECT_EQ(screens::dayLabel(zh, "2026-11-24", "2026-11-27"), "11月27日");
    EXPECT_EQ(screens::dayDate(zh, "2026-11-25"), "11月25日 周三");
    EXPECT_EQ(screens::dayDate(zh, "2027-01-03"), "1月3日 周日");
    EXPECT_EQ(screens::comingDays("2026-12-30", 3), (std::vector<std::string>{"2026-12-30", "2026-12-31", "2027-01-01"}));
}

TEST(MealsFormat, DatesAndTimesOneWay) {
    const auto zh = shell::Strings::load("zh-CN");
    EXPECT_EQ(screens::monthDay(zh, "2026-11-25T09:00:00+08:00"), "11月25日");
    EXPECT_EQ(screens::monthDay(zh, "soon"), "");
    EXPECT_EQ(screens::longDate(zh, "2026-12-01"), "12月1日 星期二");
    EXPECT_EQ(screens::hhmm("2026-11-24T09:05:00+08:00"), "09:05");
    EXPECT_EQ(screens::dayTime(zh, "2026-11-24T09:05:00+08:00"), "11月24日 09:05");
    EXPECT_EQ(screens::dayTime(zh, "later"), "later");
}

// English said 2 December as "Wednesday 2/12" on welcome and "12/2" on the
// meal days: the same day both ways round. It names the month now.
TEST(MealsFormat, EnglishNamesTheMonth) {
    const auto en = shell::Strings::load("en");
    EXPECT_EQ(screens::longDate(en, "2026-12-02"), "Wednesday 2 December");
    EXPECT_EQ(screens::monthDay(en, "2026-12-02T09:00:00+08:00"), "Dec 2");
    EXPECT_EQ(screens::dayDate(en, "2027-01-03"), "Sun Jan 3");
    const auto zh = shell::Strings::load("zh-HK");
    EXPECT_EQ(screens::longDate(zh, "2026-12-02"), "12月2日 星期三") << "Chinese keeps its numbers";
}

TEST(MealsFormat, ClockTime) {
    EXPECT_EQ(screens::clockTime("2026-11-24T09:30:00+08:00"), "9:30");
    EXPECT_EQ(screens::clockTime("2026-11-24T15:00:00+08:00"), "15:00");
    EXPECT_EQ(screens::clockTime("2026-11-24"), "");
    EXPECT_EQ(screens::clockTime("garbage-date-xxxxx"), "");
}

}  // namespace
