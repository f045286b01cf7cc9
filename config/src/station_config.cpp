#include "config/station_config.h"

#include "config/validate.h"
#include "embedded_defaults.h"
#include "rules.h"

#include <cstdio>
#include <stdexcept>

namespace config {
namespace {

using json = nlohmann::json;

// JSON keys in core::weekday() order (0 = Sunday).
constexpr std::array<std::string_view, 7> kDayKeysByWeekday = {"sun", "mon", "tue", "wed",
                                                               "thu", "fri", "sat"};

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += (out.empty() ? "" : "; ") + e;
    return out;
}

// The readers below run only on validated documents; .value() still turns a
// broken promise into an exception instead of undefined behaviour.
int minuteOf(const json& v) { return parseHhmm(v.get_ref<const std::string&>()).value(); }
int intOf(const json& v) { return int(detail::asInteger(v).value()); }

MealSlotTimes slotOf(const json& s) {
    return {minuteOf(s.at("booking_cutoff")), minuteOf(s.at("pickup_from")), minuteOf(s.at("pickup_until"))};
}

Label labelOf(const json& v) { return {v.at("zh-CN").get<std::string>(), v.value("en", std::string())}; }

Condition conditionOf(const json& v) {
    Condition c;
    if (v.contains("hukou")) c.hukou = v.at("hukou").get<bool>();
    if (v.contains("min_age")) c.minAge = intOf(v.at("min_age"));
    if (v.contains("max_age")) c.maxAge = intOf(v.at("max_age"));
    if (v.contains("categories_any")) c.categoriesAny = v.at("categories_any").get<std::vector<std::string>>();
    if (v.contains("min_care_level")) c.minCareLevel = intOf(v.at("min_care_level"));
    return c;
}

MealRules mealRulesOf(const json& v) {
    MealRules r;
    for (const json& cat : v.at("categories")) r.categories.push_back({cat.at("code").get<std::string>(), labelOf(cat.at("label"))});
    for (const json& t : v.at("tiers"))
        r.tiers.push_back({t.at("id").get<std::string>(), labelOf(t.at("label")),
                           detail::asInteger(t.at("amount_cents")).value(), conditionOf(t.at("when"))});
    r.slots = v.at("slots").get<std::vector<std::string>>();
    r.workingDaysOnly = v.at("working_days_only").get<bool>();
    r.dailyCap = intOf(v.at("daily_cap"));
    r.weeklyCap = intOf(v.at("weekly_cap"));
    const json& d = v.at("delivery");
    r.delivery.feeCents = detail::asInteger(d.at("fee_cents")).value();
    r.delivery.subsidyCents = detail::asInteger(d.at("subsidy_cents")).value();
    for (const json& e : d.at("eligible")) r.delivery.eligible.push_back(conditionOf(e));
    return r;
}

Calendar calendarOf(const json& v) {
    Calendar c;
    for (const json& d : v.at("holidays")) c.holidays.insert(d.get<std::string>());
    for (const json& d : v.at("working_weekends")) c.workingWeekends.insert(d.get<std::string>());
    return c;
}

TextSize textSizeOf(const std::string& s) {
    if (s == "large") return TextSize::Large;
    if (s == "xlarge") return TextSize::XLarge;
    return TextSize::Standard;
}

// Copies every field present in `doc` over `c`. Nested objects are complete in
// a valid document, so each replaces its counterpart whole.
void overlay(const json& doc, StationConfig& c) {
    for (const auto& [key, v] : doc.items()) {
        if (key == "version") c.version = detail::asInteger(v).value();
        else if (key == "expires_at") c.expiresAt = detail::parseIsoStrict(v.get<std::string>()).value();
        else if (key == "scope") c.scope = v.get<std::string>();
        else if (key == "station_name") c.stationName = v.get<std::string>();
        else if (key == "opening_hours") {
            for (std::size_t wd = 0; wd < kDayKeysByWeekday.size(); ++wd) {
                const json& day = v.at(kDayKeysByWeekday[wd]);
                c.openingHours.byWeekday[wd] =
                    day.is_null() ? std::nullopt
                                  : std::optional<DayHours>(DayHours{minuteOf(day.at("open")), minuteOf(day.at("close"))});
            }
        } else if (key == "languages") c.languages = v.get<std::vector<std::string>>();
        else if (key == "default_text_size") c.defaultTextSize = textSizeOf(v.get<std::string>());
        else if (key == "idle_timeout_seconds") c.idleTimeoutSeconds = intOf(v);
        else if (key == "idle_countdown_seconds") c.idleCountdownSeconds = intOf(v);
        else if (key == "flows")
            c.flows = {v.at("checkin").get<bool>(), v.at("meals").get<bool>(), v.at("activities").get<bool>(),
                       v.at("timebank").get<bool>(), v.at("help").get<bool>()};
        else if (key == "checkin_mode")
            c.checkinMode = v.get<std::string>() == "menu" ? CheckinMode::Menu : CheckinMode::TapToCheckin;
        else if (key == "canteen") c.canteen = {slotOf(v.at("lunch")), slotOf(v.at("dinner"))};
        else if (key == "subsidy") c.subsidy = mealRulesOf(v);
        else if (key == "calendar") c.calendar = calendarOf(v);
        else if (key == "announcement") c.announcement = v.get<std::string>();
        else if (key == "staff_pins") {
            c.staffPins.clear();
            for (const json& s : v)
                c.staffPins.push_back({s.at("staff_id").get<std::string>(), s.at("name").get<std::string>(),
                                       s.at("hash").get<std::string>()});
        } else if (key == "sync_interval_seconds") c.syncIntervalSeconds = intOf(v);
        else if (key == "when_closed")
            c.whenClosed = {v.at("staff_mode").get<bool>(), v.at("card_checkin").get<bool>()};
        else if (key == "emergency")
            c.emergency = {v.at("button").get<bool>(), v.at("number").get<std::string>()};
        else if (key == "care_days") c.careDays = intOf(v);
    }
}

}  // namespace

const json& builtinDefaultsDocument() {
    static const json doc = json::parse(detail::kDefaultsJson);
    return doc;
}

const StationConfig& builtinDefaults() {
    static const StationConfig defaults = [] {
        // The defaults obey the rules of a pushed document, except that they
        // are version 0 and never expire. A build whose defaults.json breaks
        // them is a programming error, caught here and by the tests.
        json probe = builtinDefaultsDocument();
        probe["version"] = 1;
        probe["expires_at"] = "2000-01-01T00:00:00+08:00";
        if (auto errors = validateConfig(probe); !errors.empty())
            throw std::logic_error("config/defaults.json is invalid: " + joined(errors));
        StationConfig c;
        overlay(builtinDefaultsDocument(), c);
        return c;
    }();
    return defaults;
}

StationConfig parseConfig(const json& document) {
    if (auto errors = validateConfig(document); !errors.empty()) throw std::invalid_argument(joined(errors));
    StationConfig c = builtinDefaults();
    overlay(document, c);
    return c;
}

MealPolicy parseMealPolicy(const json& sections) {
    if (!sections.is_object()) throw std::invalid_argument("meal rules: must be an object {\"subsidy\", \"calendar\"}");
    json doc = {{"version", 1}, {"expires_at", "2000-01-01T00:00:00+08:00"}, {"scope", "district"}};
    for (const auto& [key, v] : sections.items()) {
        if (key != "subsidy" && key != "calendar")
            throw std::invalid_argument("meal rules: unknown section \"" + key + "\" (subsidy, calendar)");
        doc[key] = v;
    }
    StationConfig c = parseConfig(doc);
    return {std::move(c.subsidy), std::move(c.calendar)};
}

json mealSections(const json& document) {
    json out = json::object();
    for (const char* key : {"subsidy", "calendar"})
        if (document.is_object() && document.contains(key)) out[key] = document.at(key);
    return out;
}

bool OpeningHours::isOpenAt(core::TimePoint t) const {
    const auto& day = byWeekday.at(std::size_t(core::weekday(core::dateLocal(t))));
    if (!day) return false;
    int minute = parseHhmm(core::hhmmLocal(t)).value();
    return minute >= day->openMinute && minute < day->closeMinute;
}

std::optional<core::TimePoint> OpeningHours::nextOpening(core::TimePoint t) const {
    const std::string today = core::dateLocal(t);
    const int now = parseHhmm(core::hhmmLocal(t)).value();
    for (int d = 0; d <= 7; ++d) {
        const std::string date = core::addDays(today, d);
        const auto& day = byWeekday.at(std::size_t(core::weekday(date)));
        if (!day || (d == 0 && day->openMinute < now)) continue;
        return core::parseIso(date + "T" + formatHhmm(day->openMinute) + ":00+08:00");
    }
    return std::nullopt;
}

std::optional<int> parseHhmm(std::string_view t) {
    auto digit = [](char ch) { return ch >= '0' && ch <= '9'; };
    if (t.size() != 5 || t[2] != ':' || !digit(t[0]) || !digit(t[1]) || !digit(t[3]) || !digit(t[4]))
        return std::nullopt;
    int h = (t[0] - '0') * 10 + (t[1] - '0');
    int m = (t[3] - '0') * 10 + (t[4] - '0');
    if (h > 23 || m > 59) return std::nullopt;
    return h * 60 + m;
}

std::string formatHhmm(int minuteOfDay) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "%02d:%02d", minuteOfDay / 60 % 24, minuteOfDay % 60);
    return buf;
}

std::string_view toString(TextSize size) {
    switch (size) {
        case TextSize::Large: return "large";
        case TextSize::XLarge: return "xlarge";
        case TextSize::Standard: break;
    }
    return "standard";
}

std::string_view toString(CheckinMode mode) {
    return mode == CheckinMode::Menu ? "menu" : "tap_to_checkin";
}

}  // namespace config
