// screen_ids.h — stable ids of the screens (Router, scripts, state file).
#pragma once

namespace screens::ids {

inline constexpr const char* kWelcome = "welcome";
inline constexpr const char* kHome = "home";
inline constexpr const char* kCheckin = "checkin";
inline constexpr const char* kMeals = "meals";
inline constexpr const char* kActivities = "activities";
inline constexpr const char* kTimeBank = "timebank";
inline constexpr const char* kHelp = "help";
inline constexpr const char* kIdentify = "identify";
inline constexpr const char* kNotices = "notices";

}  // namespace screens::ids
