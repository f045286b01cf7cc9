#include "screens/all_screens.h"

#include "screens/activities_screen.h"
#include "screens/checkin_screen.h"
#include "screens/help_screen.h"
#include "screens/identify_screen.h"
#include "screens/notices_screen.h"
#include "screens/home_screen.h"
#include "screens/meals_screen.h"
#include "screens/staff_screen.h"
#include "screens/timebank_screen.h"
#include "screens/welcome_screen.h"

namespace screens {

std::vector<std::unique_ptr<Screen>> makeScreens(Context& ctx) {
    std::vector<std::unique_ptr<Screen>> out;
    out.push_back(std::make_unique<WelcomeScreen>(ctx));
    out.push_back(std::make_unique<HomeScreen>(ctx));
    out.push_back(std::make_unique<CheckinScreen>(ctx));
    addMealsScreens(ctx, out);
    addActivitiesScreens(ctx, out);
    for (auto& s : makeTimeBankScreens(ctx)) out.push_back(std::move(s));
    out.push_back(std::make_unique<HelpScreen>(ctx));
    out.push_back(std::make_unique<IdentifyScreen>(ctx));
    out.push_back(std::make_unique<NoticesScreen>(ctx));
    for (auto& s : makeStaffScreens(ctx)) out.push_back(std::move(s));
    return out;
}

}  // namespace screens
