// flows.h — the five things an elder can do, as the Home screen offers them
// (at most six choices on a screen: DESIGN.md). One row per flow: its screen,
// its tile's widget id, its words, its icon and its colour in the theme.
#pragma once

#include <array>
#include <string_view>

#include "screens/ids.h"
#include "shell/ui/icons.h"
#include "shell/ui/theme.h"

namespace screens {

struct Flow {
    const char* screenId;
    const char* tileId;    // widget id of its Home tile
    const char* labelKey;  // tile label
    const char* hintKey;   // one short line under the label
    const char* titleKey;  // the flow screen's title
    shell::Icon icon;
    shell::Rgb shell::Palette::*colour;
};

inline constexpr std::array<Flow, 5> kFlows = {{
    {ids::kCheckin, "home.checkin", "home.checkin", "home.checkin.hint", "checkin.title", shell::Icon::CheckIn,
     &shell::Palette::checkin},
    {ids::kMeals, "home.meals", "home.meals", "home.meals.hint", "meals.title", shell::Icon::Meal,
     &shell::Palette::meals},
    {ids::kActivities, "home.activities", "home.activities", "home.activities.hint", "activities.title",
     shell::Icon::Activity, &shell::Palette::activities},
    {ids::kTimeBank, "home.timebank", "home.timebank", "home.timebank.hint", "timebank.title",
     shell::Icon::TimeBank, &shell::Palette::timebank},
    {ids::kHelp, "home.help", "home.help", "home.help.hint", "help.title", shell::Icon::Help,
     &shell::Palette::help},
}};

// The row of a flow screen; the first row for an id that is not a flow's.
const Flow& flowFor(std::string_view screenId);

}  // namespace screens
