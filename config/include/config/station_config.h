// station_config.h — the configuration a kiosk runs, as typed C++ values.
//
// A pushed document replaces the running configuration as a whole: a field it
// leaves out takes the built-in default (config/defaults.json, compiled in),
// never the value of the previous document. So what a station runs depends only
// on the version number it reports.
#pragma once

#include "config/meal_rules.h"
#include "core/clock.h"

#include <nlohmann/json.hpp>

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace config {

enum class TextSize { Standard, Large, XLarge };  // 标准 / 大 / 特大

// How an elder card tap on the welcome screen is answered.
enum class CheckinMode {
    TapToCheckin,  // records the visit's check-in at once, then shows the elder's menu
    Menu,          // shows the elder's menu; check-in is one of its choices
};

// Times of day are minutes after local (Shenzhen) midnight: 08:30 is 510.
struct DayHours {
    int openMinute = 0;
    int closeMinute = 0;  // > openMinute
};

struct OpeningHours {
    // Indexed like core::weekday(): 0 = Sunday ... 6 = Saturday. nullopt = closed.
    std::array<std::optional<DayHours>, 7> byWeekday;
    // True if `t` (any time zone) falls within that local day's hours, close excluded.
    bool isOpenAt(core::TimePoint t) const;
    // The next moment at or after `t` the station opens (within a week), or
    // nullopt when it is closed every day.
    std::optional<core::TimePoint> nextOpening(core::TimePoint t) const;
};

struct Flows {
    bool checkin = true;
    bool meals = true;
    bool activities = true;
    bool timebank = true;
    bool help = true;
};

struct MealSlotTimes {
    int bookingCutoffMinute = 0;  // last minute of the meal's day to book or cancel at the kiosk
    int pickupFromMinute = 0;
    int pickupUntilMinute = 0;    // cutoff <= pickup from < pickup until
};

struct Canteen {
    MealSlotTimes lunch;
    MealSlotTimes dinner;
};

struct StaffPin {
    std::string staffId;
    std::string name;
    std::string hash;  // pbkdf2-sha256$... (pin_hash.h); check with verifyPin()
};

struct StationConfig {
    std::int64_t version = 0;                // 0 = the built-in defaults, never pushed
    std::optional<core::TimePoint> expiresAt;  // acceptance deadline; none for the defaults
    std::string scope = "district";          // "district" or the station id it was made for
    std::string stationName;                 // empty: show the name from the enrollment bundle
    OpeningHours openingHours;
    std::vector<std::string> languages;      // "zh-CN" / "en" / "zh-HK"; the first is the default
    TextSize defaultTextSize = TextSize::Standard;
    int idleTimeoutSeconds = 60;
    int idleCountdownSeconds = 20;
    Flows flows;
    CheckinMode checkinMode = CheckinMode::Menu;
    Canteen canteen;
    MealRules subsidy;                       // meal subsidies and delivery (meal_rules.h)
    Calendar calendar;                       // working days: holidays and 调休 weekends
    std::string announcement;                // empty: no banner
    std::vector<StaffPin> staffPins;         // empty: staff mode cannot be unlocked
    int syncIntervalSeconds = 60;
    // Outside opening_hours the kiosk shows a closed screen with the next
    // opening time; these still work there when true.
    struct WhenClosed {
        bool staffMode = true;
        bool cardCheckin = false;
    } whenClosed;
    // The 紧急 button: shows the number in huge digits and raises an urgent alert.
    struct Emergency {
        bool button = false;
        std::string number;  // e.g. "0755-83000000"; not empty when button is true
    } emergency;
    // The care list (关爱名单): an elder on the care rule not seen for this
    // many days is listed in staff mode.
    int careDays = 3;
};

// The configuration a kiosk runs before any document was accepted (version 0).
// Parsed once from the compiled-in config/defaults.json.
const StationConfig& builtinDefaults();

// The compiled-in config/defaults.json, as a document.
const nlohmann::json& builtinDefaultsDocument();

// Parses a document that passes validateConfig(); absent fields take the
// built-in defaults. Throws std::invalid_argument (all problems, joined by "; ")
// for a document that does not pass.
StationConfig parseConfig(const nlohmann::json& document);

// The meal rules alone: what the district server keeps of its newest district
// document (server/README.md "Meal subsidies").
struct MealPolicy {
    MealRules subsidy;
    Calendar calendar;
};
// From {"subsidy": ..., "calendar": ...}; a section left out takes the built-in
// default. Throws std::invalid_argument (all problems) for sections that do
// not pass validateConfig's rules.
MealPolicy parseMealPolicy(const nlohmann::json& sections);
// The `subsidy` and `calendar` members of a document (those present).
nlohmann::json mealSections(const nlohmann::json& document);

// "HH:MM" (00:00..23:59, two digits each) to minutes after midnight; nullopt otherwise.
std::optional<int> parseHhmm(std::string_view text);
std::string formatHhmm(int minuteOfDay);

std::string_view toString(TextSize size);        // "standard" / "large" / "xlarge"
std::string_view toString(CheckinMode mode);     // "tap_to_checkin" / "menu"

}  // namespace config
