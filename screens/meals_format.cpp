#include "screens/meals_format.h"

#include <cstdio>

#include "core/clock.h"

namespace screens {

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

std::string dayLabel(const shell::Strings& s, const std::string& today, const std::string& date) {
    static const char* const kKeys[] = {"day.today", "day.tomorrow", "day.after_tomorrow"};
    for (int i = 0; i < 3; ++i)
        if (core::addDays(today, i) == date) return s.get(kKeys[i]);
    return s.format("day.month_day", {{"month", std::to_string(std::stoi(date.substr(5, 2)))},
                                      {"day", std::to_string(std::stoi(date.substr(8, 2)))}});
}

std::string dayDate(const shell::Strings& s, const std::string& date) {
    const std::string md = s.format("day.month_day", {{"month", std::to_string(std::stoi(date.substr(5, 2)))},
                                                      {"day", std::to_string(std::stoi(date.substr(8, 2)))}});
    return s.format("day.date_weekday",
                    {{"date", md}, {"weekday", s.get("day.weekday." + std::to_string(core::weekday(date)))}});
}

std::string clockTime(const std::string& iso) {
    // YYYY-MM-DDTHH:MM...
    if (iso.size() < 16 || iso[10] != 'T' || iso[13] != ':') return {};
    const std::string hh = iso.substr(11, 2), mm = iso.substr(14, 2);
    if (hh.find_first_not_of("0123456789") != std::string::npos ||
        mm.find_first_not_of("0123456789") != std::string::npos)
        return {};
    return std::to_string(std::stoi(hh)) + ":" + mm;
}

std::vector<std::string> comingDays(const std::string& today, int count) {
    std::vector<std::string> out;
    for (int i = 0; i < count; ++i) out.push_back(core::addDays(today, i));
    return out;
}

std::string slotName(const shell::Strings& s, const std::string& slot) { return s.get("meals.slot." + slot); }

}  // namespace screens
