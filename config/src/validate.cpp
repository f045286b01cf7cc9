// The hand-written twin of config/schema.json. Debian 12 packages no C++ JSON
// Schema validator for draft 2020-12 (libvalijson-dev stops at draft 7, ignores
// "format" and pulls in Qt5, Poco and MariaDB packages), and its messages could
// not say "close must be after open" anyway. Keep both files in step: the
// conformance test (tests/config/schema_conformance.py) runs the same cases
// through the schema.
#include "config/validate.h"

#include "config/pin_hash.h"
#include "config/station_config.h"
#include "checker.h"
#include "rules.h"

#include <array>
#include <set>
#include <string_view>

namespace config {
namespace {

using json = nlohmann::json;
using detail::Checker;
using detail::listed;

constexpr std::array<std::string_view, 7> kDays = {"mon", "tue", "wed", "thu", "fri", "sat", "sun"};
constexpr std::array<std::string_view, 5> kFlows = {"checkin", "meals", "activities", "timebank", "help"};
constexpr std::array<std::string_view, 3> kLanguages = {"zh-CN", "en", "zh-HK"};
constexpr std::array<std::string_view, 2> kWhenClosedFields = {"staff_mode", "card_checkin"};
constexpr std::array<std::string_view, 2> kEmergencyFields = {"button", "number"};
constexpr std::array<std::string_view, 3> kTextSizes = {"standard", "large", "xlarge"};
constexpr std::array<std::string_view, 2> kCheckinModes = {"tap_to_checkin", "menu"};
constexpr std::array<std::string_view, 3> kSlotFields = {"booking_cutoff", "pickup_from", "pickup_until"};
constexpr std::array<std::string_view, 3> kStaffFields = {"staff_id", "name", "hash"};
constexpr int kMaxAnnouncementChars = 200;
constexpr std::size_t kMaxStaff = 50;

void checkExpiresAt(Checker& c, const json& v) {
    if (!v.is_string() || !detail::parseIsoStrict(v.get_ref<const std::string&>()))
        c.fail("expires_at", "must be a date and time with offset like \"2026-12-31T23:59:59+08:00\", got " +
                                 Checker::shown(v));
}

void checkScope(Checker& c, const json& v) {
    if (!v.is_string() || !detail::isIdentifier(v.get_ref<const std::string&>()))
        c.fail("scope", "must be \"district\" or a station id (letters, digits, '.', '_' or '-'), got " +
                            Checker::shown(v));
}

void checkOpeningHours(Checker& c, const json& v) {
    if (!c.exactObject("opening_hours", v, kDays)) return;
    for (auto day : kDays) {
        auto it = v.find(day);
        if (it == v.end() || it->is_null()) continue;  // missing was reported; null means closed
        const std::string path = "opening_hours." + std::string(day);
        if (!it->is_object()) {
            c.fail(path, "must be {\"open\": \"HH:MM\", \"close\": \"HH:MM\"} or null (closed), got " +
                             Checker::shown(*it));
            continue;
        }
        static constexpr std::array<std::string_view, 2> kOpenClose = {"open", "close"};
        c.exactObject(path, *it, kOpenClose);
        std::optional<int> open, close;
        if (it->contains("open")) open = c.hhmm(path + ".open", it->at("open"));
        if (it->contains("close")) close = c.hhmm(path + ".close", it->at("close"));
        if (open && close && *close <= *open)
            c.fail(path + ".close", "must be after open (" + formatHhmm(*open) + "), got " +
                                        Checker::shown(it->at("close")));
    }
}

void checkLanguages(Checker& c, const json& v) {
    if (!v.is_array() || v.empty() || v.size() > kLanguages.size()) {
        c.fail("languages", "must be a list of 1 to 3 of " + listed(kLanguages) + ", got " + Checker::shown(v));
        return;
    }
    std::set<std::string> seen;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string path = "languages[" + std::to_string(i) + "]";
        c.enumString(path, v[i], kLanguages);
        if (v[i].is_string() && !seen.insert(v[i].get<std::string>()).second)
            c.fail(path, Checker::shown(v[i]) + " is listed twice");
    }
}

void checkWhenClosed(Checker& c, const json& v) {
    if (!c.exactObject("when_closed", v, kWhenClosedFields)) return;
    for (auto f : kWhenClosedFields)
        if (v.contains(f) && !v.at(f).is_boolean())
            c.fail("when_closed." + std::string(f), "must be true or false, got " + Checker::shown(v.at(f)));
}

// A phone number as people write it: digits, and '+', '-' or spaces between.
bool isPhoneText(const std::string& s) {
    if (s.size() < 3 || s.size() > 20) return false;
    if (!(s[0] == '+' || (s[0] >= '0' && s[0] <= '9'))) return false;
    int digits = 0;
    for (char ch : s) {
        if (ch >= '0' && ch <= '9') ++digits;
        else if (ch != '-' && ch != ' ' && ch != '+') return false;
    }
    return digits >= 3;
}

void checkEmergency(Checker& c, const json& v) {
    if (!c.exactObject("emergency", v, kEmergencyFields)) return;
    const json* button = v.contains("button") ? &v.at("button") : nullptr;
    const json* number = v.contains("number") ? &v.at("number") : nullptr;
    if (button && !button->is_boolean())
        c.fail("emergency.button", "must be true or false, got " + Checker::shown(*button));
    if (number && (!number->is_string() ||
                   (!number->get_ref<const std::string&>().empty() && !isPhoneText(number->get<std::string>()))))
        c.fail("emergency.number", "must be a phone number of 3 to 20 digits, '+', '-' or spaces (or empty), got " +
                                       Checker::shown(*number));
    else if (button && *button == true && number && number->is_string() && number->get_ref<const std::string&>().empty())
        c.fail("emergency.number", "is needed when the button is on");
}

void checkFlows(Checker& c, const json& v) {
    if (!c.exactObject("flows", v, kFlows)) return;
    for (auto f : kFlows)
        if (v.contains(f) && !v.at(f).is_boolean())
            c.fail("flows." + std::string(f), "must be true or false, got " + Checker::shown(v.at(f)));
}

void checkCanteen(Checker& c, const json& v) {
    static constexpr std::array<std::string_view, 2> kSlots = {"lunch", "dinner"};
    if (!c.exactObject("canteen", v, kSlots)) return;
    for (auto slot : kSlots) {
        if (!v.contains(slot)) continue;
        const std::string path = "canteen." + std::string(slot);
        const json& s = v.at(slot);
        if (!c.exactObject(path, s, kSlotFields)) continue;
        std::array<std::optional<int>, 3> t;
        for (std::size_t i = 0; i < kSlotFields.size(); ++i)
            if (s.contains(kSlotFields[i])) t[i] = c.hhmm(path + "." + std::string(kSlotFields[i]), s.at(kSlotFields[i]));
        const auto& [cutoff, from, until] = t;
        if (cutoff && from && *cutoff > *from)
            c.fail(path + ".booking_cutoff", "must not be after pickup_from (" + formatHhmm(*from) + "), got " +
                                                 Checker::shown(s.at("booking_cutoff")));
        if (from && until && *until <= *from)
            c.fail(path + ".pickup_until", "must be after pickup_from (" + formatHhmm(*from) + "), got " +
                                               Checker::shown(s.at("pickup_until")));
    }
}

void checkAnnouncement(Checker& c, const json& v) {
    if (!v.is_string()) return c.fail("announcement", "must be a string (may be empty), got " + Checker::shown(v));
    const auto& s = v.get_ref<const std::string&>();
    if (std::size_t n = detail::codePoints(s); n > std::size_t(kMaxAnnouncementChars))
        c.fail("announcement", "must be at most " + std::to_string(kMaxAnnouncementChars) +
                                   " characters, got " + std::to_string(n));
    if (detail::hasControlChars(s)) c.fail("announcement", "must be one line without control characters");
}

void checkStaffPins(Checker& c, const json& v) {
    if (!v.is_array() || v.size() > kMaxStaff) {
        c.fail("staff_pins", "must be a list of at most " + std::to_string(kMaxStaff) + " staff, got " +
                                 Checker::shown(v));
        return;
    }
    std::set<std::string> ids;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const std::string path = "staff_pins[" + std::to_string(i) + "]";
        const json& s = v[i];
        if (!c.exactObject(path, s, kStaffFields)) continue;
        if (s.contains("staff_id")) {
            c.identifier(path + ".staff_id", s.at("staff_id"));
            if (s.at("staff_id").is_string() && !ids.insert(s.at("staff_id").get<std::string>()).second)
                c.fail(path + ".staff_id", Checker::shown(s.at("staff_id")) + " is used twice");
        }
        if (s.contains("name")) c.name(path + ".name", s.at("name"));
        if (s.contains("hash")) {
            const json& h = s.at("hash");
            if (!h.is_string() || !isWellFormedPinHash(h.get_ref<const std::string&>()))
                c.fail(path + ".hash", "must be a PIN hash made by `config-tool hash-pin` (pbkdf2-sha256$" +
                                           std::to_string(kPinHashMinIterations) + "-" +
                                           std::to_string(kPinHashMaxIterations) + "$salt$hash), got " +
                                           Checker::shown(h));
        }
    }
}

}  // namespace

std::vector<std::string> validateConfig(const json& doc) {
    Checker c;
    if (!doc.is_object()) {
        c.fail("(document)", "must be a JSON object, got " + Checker::shown(doc));
        return c.errors;
    }
    auto field = [&](std::string_view name) -> const json* {
        auto it = doc.find(name);
        return it == doc.end() ? nullptr : &*it;
    };

    // Required: what makes a pushed document identifiable, orderable and bounded in time.
    if (auto v = field("version")) {
        auto n = detail::asInteger(*v);
        if (!n || *n < 1) c.fail("version", "must be a whole number of at least 1, got " + Checker::shown(*v));
    } else {
        c.fail("version", "is required");
    }
    if (auto v = field("expires_at")) checkExpiresAt(c, *v);
    else c.fail("expires_at", "is required");
    if (auto v = field("scope")) checkScope(c, *v);
    else c.fail("scope", "is required");

    // Optional: absent means the built-in default.
    if (auto v = field("station_name")) c.name("station_name", *v);
    if (auto v = field("opening_hours")) checkOpeningHours(c, *v);
    if (auto v = field("languages")) checkLanguages(c, *v);
    if (auto v = field("default_text_size")) c.enumString("default_text_size", *v, kTextSizes);
    if (auto v = field("idle_timeout_seconds")) c.intRange("idle_timeout_seconds", *v, 30, 600);
    if (auto v = field("idle_countdown_seconds")) c.intRange("idle_countdown_seconds", *v, 10, 60);
    if (auto v = field("flows")) checkFlows(c, *v);
    if (auto v = field("checkin_mode")) {
        c.enumString("checkin_mode", *v, kCheckinModes);
        // Checking in on a card tap with the check-in flow switched off is a
        // contradiction the kiosk could only resolve by guessing.
        const json* flows = field("flows");
        bool checkinOff = flows && flows->is_object() && flows->contains("checkin") &&
                          flows->at("checkin") == false;
        if (*v == "tap_to_checkin" && checkinOff)
            c.fail("checkin_mode", "\"tap_to_checkin\" needs flows.checkin to be true");
    }
    if (auto v = field("canteen")) checkCanteen(c, *v);
    if (auto v = field("subsidy")) detail::checkSubsidy(c, *v);
    if (auto v = field("calendar")) detail::checkCalendar(c, *v);
    if (auto v = field("announcement")) checkAnnouncement(c, *v);
    if (auto v = field("staff_pins")) checkStaffPins(c, *v);
    if (auto v = field("sync_interval_seconds")) c.intRange("sync_interval_seconds", *v, 15, 3600);
    if (auto v = field("when_closed")) checkWhenClosed(c, *v);
    if (auto v = field("emergency")) checkEmergency(c, *v);
    if (auto v = field("care_days")) c.intRange("care_days", *v, 1, 30);

    // A misspelt field must not be ignored silently: the admin meant something by it.
    for (const auto& [name, _] : doc.items())
        if (!detail::isTopLevelField(name)) c.fail(name, "unknown field" + detail::didYouMean(name));
    return c.errors;
}

}  // namespace config
