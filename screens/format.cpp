#include "screens/format.h"

#include <cstdio>

#include "core/clock.h"

namespace screens {

namespace {

bool digits(std::string_view s) { return !s.empty() && s.find_first_not_of("0123456789") == std::string_view::npos; }

bool isDate(std::string_view iso) {
    return iso.size() >= 10 && iso[4] == '-' && iso[7] == '-' && digits(iso.substr(0, 4)) && digits(iso.substr(5, 2)) &&
           digits(iso.substr(8, 2));
}

bool hasTime(std::string_view iso) {
    return isDate(iso) && iso.size() >= 16 && iso[10] == 'T' && iso[13] == ':' && digits(iso.substr(11, 2)) &&
           digits(iso.substr(14, 2));
}

std::string number(std::string_view twoDigits) { return std::to_string(std::stoi(std::string(twoDigits))); }

}  // namespace

std::string money(const shell::Strings& s, int cents) {
    const bool negative = cents < 0;
    const int a = negative ? -cents : cents;
    std::string amount = std::to_string(a / 100);
    if (a % 100 != 0) {
        char frac[8];
        std::snprintf(frac, sizeof frac, ".%02d", a % 100);
        amount += frac;
    }
    if (negative) amount = "-" + amount;
    return s.format("money.yuan", {{"amount", amount}});
}

std::string monthDay(const shell::Strings& s, std::string_view iso) {
    if (!isDate(iso)) return {};
    const std::string month = number(iso.substr(5, 2));
    return s.format("day.month_day", {{"month", month},
                                      {"month_short", s.get("date.month_short." + month)},
                                      {"day", number(iso.substr(8, 2))}});
}

std::string dayLabel(const shell::Strings& s, const std::string& today, const std::string& date) {
    static const char* const kKeys[] = {"day.today", "day.tomorrow", "day.after_tomorrow"};
    for (int i = 0; i < 3; ++i)
        if (core::addDays(today, i) == date.substr(0, 10)) return s.get(kKeys[i]);
    return monthDay(s, date);
}

std::string dayDate(const shell::Strings& s, const std::string& date) {
    if (!isDate(date)) return date;
    return s.format("day.date_weekday", {{"date", monthDay(s, date)},
                                         {"weekday", s.get("day.weekday." + std::to_string(core::weekday(date.substr(0, 10))))}});
}

std::string longDate(const shell::Strings& s, const std::string& date) {
    if (!isDate(date)) return date;
    const std::string month = number(date.substr(5, 2));
    return s.format("date.format", {{"month", month},
                                    {"month_name", s.get("date.month." + month)},
                                    {"day", number(date.substr(8, 2))},
                                    {"weekday", s.get("date.weekday." + std::to_string(core::weekday(date.substr(0, 10))))}});
}

std::string clockTime(const std::string& iso) {
    if (!hasTime(iso)) return {};
    return number(iso.substr(11, 2)) + ":" + iso.substr(14, 2);
}

std::string hhmm(const std::string& iso) { return hasTime(iso) ? iso.substr(11, 5) : iso; }

std::string dayTime(const shell::Strings& s, const std::string& iso) {
    return hasTime(iso) ? monthDay(s, iso) + " " + iso.substr(11, 5) : iso;
}

std::vector<std::string> comingDays(const std::string& today, int count) {
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) out.push_back(core::addDays(today, i));
    return out;
}

std::string slotName(const shell::Strings& s, const std::string& slot) { return s.get("meals.slot." + slot); }

}  // namespace screens
