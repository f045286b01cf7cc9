#include "config/station_config.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace config {
namespace {

using json = nlohmann::json;
using test::exampleDocument;

TEST(StationConfig, BuiltInDefaultsAreTheCompiledInDefaultsFile) {
    // A stale embedded copy would make a kiosk run something nobody reviewed.
    EXPECT_EQ(builtinDefaultsDocument(), test::readJsonFile(CONFIG_SOURCE_DIR "/defaults.json"));
}

TEST(StationConfig, BuiltInDefaults) {
    const StationConfig& d = builtinDefaults();
    EXPECT_EQ(d.version, 0);
    EXPECT_FALSE(d.expiresAt.has_value());
    EXPECT_EQ(d.scope, "district");
    EXPECT_EQ(d.stationName, "");
    // A language switch on the welcome screen: 简体, English, 繁體 (issue 9).
    EXPECT_EQ(d.languages, (std::vector<std::string>{"zh-CN", "en", "zh-HK"}));
    EXPECT_EQ(d.defaultTextSize, TextSize::Standard);
    EXPECT_EQ(d.idleTimeoutSeconds, 60);     // DESIGN: default 60 s
    EXPECT_EQ(d.idleCountdownSeconds, 20);   // DESIGN: a 20 s countdown
    EXPECT_TRUE(d.flows.checkin && d.flows.meals && d.flows.activities && d.flows.timebank && d.flows.help);
    EXPECT_EQ(d.checkinMode, CheckinMode::Menu);  // a card opens the elder's menu
    // Shenzhen's standard (meal_rules.h; the tiers themselves: meal_rules_test.cpp).
    ASSERT_EQ(d.subsidy.tiers.size(), 3u);
    EXPECT_EQ(d.subsidy.tiers[0].amountCents, 1500);
    EXPECT_EQ(d.subsidy.tier("age70")->amountCents, 500);
    EXPECT_EQ(d.subsidy.tier("age70")->label.zh, "户籍70岁以上");
    EXPECT_EQ(d.subsidy.slots, (std::vector<std::string>{"lunch"}));
    EXPECT_TRUE(d.subsidy.workingDaysOnly);
    EXPECT_EQ(d.subsidy.dailyCap, 1);
    EXPECT_EQ(d.subsidy.weeklyCap, 5);
    EXPECT_EQ(d.subsidy.delivery.subsidyCents, 200);
    EXPECT_EQ(d.subsidy.categories.size(), 5u);
    EXPECT_TRUE(d.calendar.holidays.count("2026-10-01"));
    EXPECT_TRUE(d.calendar.workingWeekends.count("2026-09-20"));
    EXPECT_EQ(d.announcement, "");
    EXPECT_TRUE(d.staffPins.empty());  // no staff mode until the district pushes PINs
    EXPECT_EQ(d.syncIntervalSeconds, 60);
    for (const auto& day : d.openingHours.byWeekday) EXPECT_TRUE(day.has_value());
    EXPECT_TRUE(d.whenClosed.staffMode);      // staff can always get in
    EXPECT_FALSE(d.whenClosed.cardCheckin);   // nobody to greet a visitor
    EXPECT_FALSE(d.emergency.button);         // needs the station's own number
    EXPECT_EQ(d.careDays, 3);                 // issue 9: "default 3"
}

TEST(StationConfig, ParsesTheExample) {
    StationConfig c = parseConfig(exampleDocument());
    EXPECT_EQ(c.version, 7);
    ASSERT_TRUE(c.expiresAt.has_value());
    EXPECT_EQ(core::isoLocal(*c.expiresAt), "2036-12-31T23:59:59+08:00");
    EXPECT_EQ(c.scope, "st-changcheng");
    EXPECT_EQ(c.stationName, "长城长者服务站");
    ASSERT_TRUE(c.openingHours.byWeekday[1].has_value());  // Monday
    EXPECT_EQ(c.openingHours.byWeekday[1]->openMinute, 8 * 60 + 30);
    EXPECT_EQ(c.openingHours.byWeekday[1]->closeMinute, 17 * 60 + 30);
    EXPECT_EQ(c.openingHours.byWeekday[6]->closeMinute, 12 * 60);  // Saturday
    EXPECT_FALSE(c.openingHours.byWeekday[0].has_value());          // Sunday: closed
    EXPECT_EQ(c.defaultTextSize, TextSize::Large);
    EXPECT_EQ(c.idleTimeoutSeconds, 90);
    EXPECT_EQ(c.canteen.dinner.bookingCutoffMinute, 14 * 60 + 30);
    EXPECT_EQ(c.canteen.lunch.pickupUntilMinute, 12 * 60 + 30);
    EXPECT_EQ(c.announcement, "本周五上午九点在二楼活动室举办防诈骗讲座，欢迎参加。");
    ASSERT_EQ(c.staffPins.size(), 2u);
    EXPECT_EQ(c.staffPins[1].staffId, "s-li");
    EXPECT_EQ(c.staffPins[1].name, "李明");
    EXPECT_TRUE(c.staffPins[1].hash.starts_with("pbkdf2-sha256$"));
    EXPECT_TRUE(c.whenClosed.cardCheckin);
    EXPECT_TRUE(c.emergency.button);
    EXPECT_EQ(c.emergency.number, "0755-83000000");
    EXPECT_EQ(c.careDays, 3);
}

TEST(StationConfig, LeftOutFieldsTakeTheBuiltInDefaults) {
    json doc = {{"version", 9}, {"expires_at", "2030-01-01T00:00:00Z"}, {"scope", "district"},
                {"flows", {{"checkin", true}, {"meals", false}, {"activities", true}, {"timebank", false},
                           {"help", true}}}};
    StationConfig c = parseConfig(doc);
    EXPECT_EQ(c.version, 9);
    EXPECT_FALSE(c.flows.meals);
    EXPECT_FALSE(c.flows.timebank);
    EXPECT_EQ(c.idleTimeoutSeconds, builtinDefaults().idleTimeoutSeconds);
    EXPECT_EQ(c.canteen.lunch.pickupFromMinute, builtinDefaults().canteen.lunch.pickupFromMinute);
    EXPECT_EQ(c.languages, builtinDefaults().languages);
    EXPECT_TRUE(c.staffPins.empty());
}

TEST(StationConfig, RefusesToParseAnInvalidDocument) {
    json doc = exampleDocument();
    doc["idle_timeout_seconds"] = 5;
    doc["sync_interval_seconds"] = 1;
    try {
        parseConfig(doc);
        FAIL() << "parsed an invalid document";
    } catch (const std::invalid_argument& e) {
        std::string what = e.what();
        EXPECT_NE(what.find("idle_timeout_seconds"), std::string::npos) << what;
        EXPECT_NE(what.find("; sync_interval_seconds"), std::string::npos) << what;
    }
}

TEST(StationConfig, OpeningHoursUseShenzhenTime) {
    const OpeningHours& h = parseConfig(exampleDocument()).openingHours;
    // 2026-11-23 is a Monday: 08:30-17:30, close excluded.
    EXPECT_FALSE(h.isOpenAt(core::parseIso("2026-11-23T08:29:59+08:00")));
    EXPECT_TRUE(h.isOpenAt(core::parseIso("2026-11-23T08:30:00+08:00")));
    EXPECT_TRUE(h.isOpenAt(core::parseIso("2026-11-23T17:29:00+08:00")));
    EXPECT_FALSE(h.isOpenAt(core::parseIso("2026-11-23T17:30:00+08:00")));
    // The same instant written in UTC: 01:00Z is 09:00 in Shenzhen.
    EXPECT_TRUE(h.isOpenAt(core::parseIso("2026-11-23T01:00:00Z")));
    // Sunday 2026-11-29: closed all day.
    EXPECT_FALSE(h.isOpenAt(core::parseIso("2026-11-29T10:00:00+08:00")));
}

TEST(StationConfig, TimesOfDay) {
    EXPECT_EQ(parseHhmm("00:00"), 0);
    EXPECT_EQ(parseHhmm("23:59"), 23 * 60 + 59);
    for (const char* bad : {"24:00", "8:30", "08:60", "08-30", "0830", "08:30 ", ""})
        EXPECT_FALSE(parseHhmm(bad).has_value()) << bad;
    EXPECT_EQ(formatHhmm(510), "08:30");
    EXPECT_EQ(toString(TextSize::XLarge), "xlarge");
    EXPECT_EQ(toString(CheckinMode::Menu), "menu");
}

}  // namespace
}  // namespace config
