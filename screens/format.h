// format.h — the one place that turns money, dates and times into words for
// every screen. Pure functions over the string table: unit-tested
// (tests/e2e/meals_format_test.cpp) without a window.
//
//   money(s, 1300) -> "13元"        money(s, 1350) -> "13.50元"
//   monthDay(s, "2026-11-25...") -> "11月25日"
//   dayLabel(s, "2026-11-24", "2026-11-25") -> "明天"
//   dayDate(s, "2026-11-25") -> "11月25日 周三"
//   longDate(s, "2026-12-01") -> "12月1日 星期二"
//   clockTime("2026-11-24T09:30:00+08:00") -> "9:30"
//   hhmm("2026-11-24T09:05:00+08:00") -> "09:05"
//   dayTime(s, "2026-11-24T09:05:00+08:00") -> "11月24日 09:05"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shell/ui/strings.h"

namespace screens {

// Cents as yuan, the one format on every screen: whole yuan "13元", else "13.50元".
std::string money(const shell::Strings& s, int cents);
// The month and day of an ISO date or date-time; "" when it is not one.
std::string monthDay(const shell::Strings& s, std::string_view iso);
// 今天 / 明天 / 后天 for today + 0..2, else monthDay().
std::string dayLabel(const shell::Strings& s, const std::string& today, const std::string& date);
// "11月25日 周三".
std::string dayDate(const shell::Strings& s, const std::string& date);
// "12月1日 星期二": the date as the welcome and check-in screens say it.
std::string longDate(const shell::Strings& s, const std::string& date);
// "9:30" from an ISO-8601 time (its own local time, no leading zero on the
// hour); "" if it is not one.
std::string clockTime(const std::string& iso);
// "09:30" from an ISO-8601 time; the text itself when it is not one.
std::string hhmm(const std::string& iso);
// "11月24日 09:05" from an ISO-8601 time; the text itself when it is not one.
std::string dayTime(const shell::Strings& s, const std::string& iso);
// The dates of the days offered: today and the next `count - 1`.
std::vector<std::string> comingDays(const std::string& today, int count);
// "lunch" -> 午餐, "dinner" -> 晚餐 (the key "meals.slot.<slot>").
std::string slotName(const shell::Strings& s, const std::string& slot);

}  // namespace screens
