#include "screens/all_screens.h"

#include "screens/activities_screen.h"
#include "screens/checkin_screen.h"
#include "screens/help_screen.h"
#include "screens/home_screen.h"
#include "screens/meals_screen.h"
#include "screens/timebank_screen.h"
#include "screens/welcome_screen.h"

namespace screens {

std::vector<std::unique_ptr<Screen>> makeScreens(Context& ctx) {
    std::vector<std::unique_ptr<Screen>> out;
    out.push_back(std::make_unique<WelcomeScreen>(ctx));
    out.push_back(std::make_unique<HomeScreen>(ctx));
    out.push_back(std::make_unique<CheckinScreen>(ctx));
    out.push_back(std::make_unique<MealsScreen>(ctx));
    out.push_back(std::make_unique<ActivitiesScreen>(ctx));
    out.push_back(std::make_unique<TimeBankScreen>(ctx));
    out.push_back(std::make_unique<HelpScreen>(ctx));
    return out;
}

}  // namespace screens
