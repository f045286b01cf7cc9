// meals_format.h — plain words for money, days and times, shared by the meals
// and activities screens. Pure functions over the string table: unit-tested
// (tests/e2e/meals_format_test.cpp) without a window.
//
//   money(s, 1300) -> "13元"      money(s, 1350) -> "13.50元"
//   dayLabel(s, "2026-11-24", "2026-11-25") -> "明天"
//   dayDate(s, "2026-11-25") -> "11月25日 周三"
//   clockTime("2026-11-24T09:30:00+08:00") -> "9:30"
#pragma once

#include <string>
#include <vector>

#include "shell/ui/strings.h"

namespace screens {

// Cents as yuan, the one format on every screen: whole yuan "13元", else "13.50元".
std::string money(const shell::Strings& s, int cents);
// 今天 / 明天 / 后天 for today + 0..2, else the date ("11月27日").
std::string dayLabel(const shell::Strings& s, const std::string& today, const std::string& date);
// "11月25日 周三".
std::string dayDate(const shell::Strings& s, const std::string& date);
// "9:30" from an ISO-8601 time (its own local time, no leading zero on the
// hour); "" if it is not one.
std::string clockTime(const std::string& iso);
// The dates of the days offered: today and the next `count - 1`.
std::vector<std::string> comingDays(const std::string& today, int count);
// "lunch" -> 午餐, "dinner" -> 晚餐 (the key "meals.slot.<slot>").
std::string slotName(const shell::Strings& s, const std::string& slot);

}  // namespace screens
