// The rules of the `subsidy` and `calendar` sections (config/README.md "Meal
// subsidies"), the twin of their part of config/schema.json. The checks JSON
// Schema cannot express are marked "station check" there: a tier or delivery
// condition naming a category the document does not define, ids used twice,
// max_age below min_age, a delivery subsidy above the fee, a worked weekend
// that is no Saturday or Sunday or is also a holiday, and real calendar dates.
#include <set>

#include "checker.h"
#include "config/meal_rules.h"

namespace config::detail {
namespace {

using json = nlohmann::json;

constexpr std::array<std::string_view, 7> kSubsidyFields = {
    "categories", "tiers", "slots", "working_days_only", "daily_cap", "weekly_cap", "delivery"};
constexpr std::array<std::string_view, 2> kCategoryFields = {"code", "label"};
constexpr std::array<std::string_view, 4> kTierFields = {"id", "label", "amount_cents", "when"};
constexpr std::array<std::string_view, 5> kConditionFields = {"hukou", "min_age", "max_age",
                                                              "categories_any", "min_care_level"};
constexpr std::array<std::string_view, 3> kDeliveryFields = {"fee_cents", "subsidy_cents", "eligible"};
constexpr std::array<std::string_view, 2> kSlots = {"lunch", "dinner"};
constexpr std::array<std::string_view, 1> kLabelRequired = {"zh-CN"};
constexpr std::array<std::string_view, 1> kLabelOptional = {"en"};
constexpr std::array<std::string_view, 0> kNone = {};
constexpr std::array<std::string_view, 2> kCalendarFields = {"holidays", "working_weekends"};

constexpr std::size_t kMaxCategories = 20;
constexpr std::size_t kMaxTiers = 10;
constexpr std::size_t kMaxConditions = 10;
constexpr std::size_t kMaxHolidays = 400;   // about ten years of them
constexpr std::size_t kMaxWorkedWeekends = 100;
constexpr int kMaxAge = 150;
constexpr std::int64_t kMaxCents = 5000;    // 50 元: catches yuan typed as cents

bool isCategoryCode(const std::string& s) {
    if (s.empty() || s.size() > 32 || s[0] < 'a' || s[0] > 'z') return false;
    for (char c : s)
        if (!((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_')) return false;
    return true;
}

// A list of at most `max` items; false (reported) when it is not one.
bool list(Checker& c, const std::string& path, const json& v, std::size_t max, const std::string& what) {
    if (v.is_array() && v.size() <= max) return true;
    c.fail(path, "must be a list of at most " + std::to_string(max) + " " + what + ", got " + Checker::shown(v));
    return false;
}

void checkLabel(Checker& c, const std::string& path, const json& v) {
    if (!c.object(path, v, kLabelRequired, kLabelOptional)) return;
    if (v.contains("zh-CN")) c.name(path + ".zh-CN", v.at("zh-CN"));
    if (v.contains("en")) c.name(path + ".en", v.at("en"));
}

void checkCondition(Checker& c, const std::string& path, const json& v, const std::set<std::string>& codes) {
    if (!c.object(path, v, kNone, kConditionFields)) return;
    if (v.contains("hukou")) c.boolean(path + ".hukou", v.at("hukou"));
    std::optional<std::int64_t> lo, hi;
    if (v.contains("min_age")) {
        c.intRange(path + ".min_age", v.at("min_age"), 0, kMaxAge);
        lo = asInteger(v.at("min_age"));
    }
    if (v.contains("max_age")) {
        c.intRange(path + ".max_age", v.at("max_age"), 0, kMaxAge);
        hi = asInteger(v.at("max_age"));
    }
    if (lo && hi && *hi < *lo)
        c.fail(path + ".max_age", "must not be below min_age (" + std::to_string(*lo) + "), got " +
                                      std::to_string(*hi));
    if (v.contains("min_care_level")) c.intRange(path + ".min_care_level", v.at("min_care_level"), 0, kMaxCareLevel);
    if (v.contains("categories_any")) {
        const std::string p = path + ".categories_any";
        const json& any = v.at("categories_any");
        if (!any.is_array() || any.empty() || any.size() > kMaxCategories) {
            c.fail(p, "must be a list of 1 to " + std::to_string(kMaxCategories) +
                          " category codes from subsidy.categories, got " + Checker::shown(any));
            return;
        }
        std::set<std::string> seen;
        for (std::size_t i = 0; i < any.size(); ++i) {
            const std::string pi = p + "[" + std::to_string(i) + "]";
            if (!any[i].is_string()) {
                c.fail(pi, "must be a category code, got " + Checker::shown(any[i]));
                continue;
            }
            const auto& code = any[i].get_ref<const std::string&>();
            if (!codes.count(code))
                c.fail(pi, Checker::shown(any[i]) + " is not a category of subsidy.categories");
            else if (!seen.insert(code).second)
                c.fail(pi, Checker::shown(any[i]) + " is listed twice");
        }
    }
}

void checkConditions(Checker& c, const std::string& path, const json& v, const std::set<std::string>& codes) {
    if (!list(c, path, v, kMaxConditions, "conditions")) return;
    for (std::size_t i = 0; i < v.size(); ++i) checkCondition(c, path + "[" + std::to_string(i) + "]", v[i], codes);
}

std::set<std::string> checkCategories(Checker& c, const json& v) {
    std::set<std::string> codes;
    if (!list(c, "subsidy.categories", v, kMaxCategories, "categories")) return codes;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string path = "subsidy.categories[" + std::to_string(i) + "]";
        if (!c.exactObject(path, v[i], kCategoryFields)) continue;
        if (v[i].contains("label")) checkLabel(c, path + ".label", v[i].at("label"));
        if (!v[i].contains("code")) continue;
        const json& code = v[i].at("code");
        if (!code.is_string() || !isCategoryCode(code.get_ref<const std::string&>()))
            c.fail(path + ".code", "must be 1 to 32 lowercase letters, digits or '_' starting with a letter, got " +
                                       Checker::shown(code));
        else if (!codes.insert(code.get<std::string>()).second)
            c.fail(path + ".code", Checker::shown(code) + " is used twice");
    }
    return codes;
}

void checkTiers(Checker& c, const json& v, const std::set<std::string>& codes) {
    if (!list(c, "subsidy.tiers", v, kMaxTiers, "tiers")) return;
    std::set<std::string> ids;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string path = "subsidy.tiers[" + std::to_string(i) + "]";
        const json& t = v[i];
        if (!c.exactObject(path, t, kTierFields)) continue;
        if (t.contains("id")) {
            c.identifier(path + ".id", t.at("id"));
            if (t.at("id").is_string() && !ids.insert(t.at("id").get<std::string>()).second)
                c.fail(path + ".id", Checker::shown(t.at("id")) + " is used twice");
            if (t.at("id") == "none") c.fail(path + ".id", "\"none\" is what meal_book answers when no tier paid");
        }
        if (t.contains("label")) checkLabel(c, path + ".label", t.at("label"));
        if (t.contains("amount_cents")) c.intRange(path + ".amount_cents", t.at("amount_cents"), 0, kMaxCents);
        if (t.contains("when")) checkCondition(c, path + ".when", t.at("when"), codes);
    }
}

void checkSlots(Checker& c, const json& v) {
    if (!list(c, "subsidy.slots", v, kSlots.size(), "of \"lunch\", \"dinner\"")) return;
    std::set<std::string> seen;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string path = "subsidy.slots[" + std::to_string(i) + "]";
        c.enumString(path, v[i], kSlots);
        if (v[i].is_string() && !seen.insert(v[i].get<std::string>()).second)
            c.fail(path, Checker::shown(v[i]) + " is listed twice");
    }
}

void checkDelivery(Checker& c, const json& v, const std::set<std::string>& codes) {
    if (!c.exactObject("subsidy.delivery", v, kDeliveryFields)) return;
    if (v.contains("fee_cents")) c.intRange("subsidy.delivery.fee_cents", v.at("fee_cents"), 0, kMaxCents);
    if (v.contains("subsidy_cents")) {
        c.intRange("subsidy.delivery.subsidy_cents", v.at("subsidy_cents"), 0, kMaxCents);
        const std::int64_t fee = v.contains("fee_cents") ? asInteger(v.at("fee_cents")).value_or(-1) : -1;
        const std::int64_t sub = asInteger(v.at("subsidy_cents")).value_or(-1);
        if (fee >= 0 && sub > fee)
            c.fail("subsidy.delivery.subsidy_cents",
                   "must not be above fee_cents (" + std::to_string(fee) + "), got " + std::to_string(sub));
    }
    if (v.contains("eligible")) checkConditions(c, "subsidy.delivery.eligible", v.at("eligible"), codes);
}

// Real YYYY-MM-DD dates, each once; the valid ones are returned.
std::set<std::string> checkDates(Checker& c, const std::string& path, const json& v, std::size_t max) {
    std::set<std::string> out;
    if (!list(c, path, v, max, "dates \"YYYY-MM-DD\"")) return out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string pi = path + "[" + std::to_string(i) + "]";
        const bool shape = v[i].is_string() && v[i].get_ref<const std::string&>().size() == 10;
        if (!shape || !parseIsoStrict(v[i].get<std::string>() + "T00:00:00+08:00")) {
            c.fail(pi, "must be a real date \"YYYY-MM-DD\", got " + Checker::shown(v[i]));
            continue;
        }
        if (!out.insert(v[i].get<std::string>()).second) c.fail(pi, Checker::shown(v[i]) + " is listed twice");
    }
    return out;
}

}  // namespace

void checkSubsidy(Checker& c, const json& v) {
    if (!c.exactObject("subsidy", v, kSubsidyFields)) return;
    const std::set<std::string> codes =
        v.contains("categories") ? checkCategories(c, v.at("categories")) : std::set<std::string>{};
    if (v.contains("tiers")) checkTiers(c, v.at("tiers"), codes);
    if (v.contains("slots")) checkSlots(c, v.at("slots"));
    if (v.contains("working_days_only")) c.boolean("subsidy.working_days_only", v.at("working_days_only"));
    // A cap of 3 a day covers lunch and dinner with room; 21 a week is 3 a day.
    if (v.contains("daily_cap")) c.intRange("subsidy.daily_cap", v.at("daily_cap"), 0, 3);
    if (v.contains("weekly_cap")) c.intRange("subsidy.weekly_cap", v.at("weekly_cap"), 0, 21);
    if (v.contains("delivery")) checkDelivery(c, v.at("delivery"), codes);
}

void checkCalendar(Checker& c, const json& v) {
    if (!c.exactObject("calendar", v, kCalendarFields)) return;
    std::set<std::string> holidays;
    if (v.contains("holidays")) holidays = checkDates(c, "calendar.holidays", v.at("holidays"), kMaxHolidays);
    if (!v.contains("working_weekends")) return;
    const auto worked = checkDates(c, "calendar.working_weekends", v.at("working_weekends"), kMaxWorkedWeekends);
    for (std::size_t i = 0; i < v.at("working_weekends").size(); ++i) {
        const json& d = v.at("working_weekends")[i];
        if (!d.is_string() || !worked.count(d.get<std::string>())) continue;
        const std::string path = "calendar.working_weekends[" + std::to_string(i) + "]";
        const int wd = core::weekday(d.get<std::string>());
        if (wd != 0 && wd != 6) c.fail(path, Checker::shown(d) + " is no Saturday or Sunday (a weekday is worked anyway)");
        if (holidays.count(d.get<std::string>())) c.fail(path, Checker::shown(d) + " is also a holiday");
    }
}

}  // namespace config::detail
