#include "screens/all_screens.h"

#include "screens/activities/activities.h"
#include "screens/announcement_screen.h"
#include "screens/checkin_screen.h"
#include "screens/emergency_screen.h"
#include "screens/help_screen.h"
#include "screens/home_screen.h"
#include "screens/identify_screen.h"
#include "screens/meals/meals.h"
#include "screens/notices_screen.h"
#include "screens/staff/staff.h"
#include "screens/timebank/timebank.h"
#include "screens/welcome_screen.h"

namespace screens {

std::vector<std::unique_ptr<Screen>> makeScreens(Context& ctx) {
    std::vector<std::unique_ptr<Screen>> out;
    out.push_back(std::make_unique<WelcomeScreen>(ctx));
    out.push_back(std::make_unique<HomeScreen>(ctx));
    out.push_back(std::make_unique<CheckinScreen>(ctx));
    addMealsScreens(ctx, out);
    addActivitiesScreens(ctx, out);
    addTimeBankScreens(ctx, out);
    out.push_back(std::make_unique<HelpScreen>(ctx));
    out.push_back(std::make_unique<EmergencyScreen>(ctx));
    out.push_back(std::make_unique<IdentifyScreen>(ctx));
    out.push_back(std::make_unique<NoticesScreen>(ctx));
    out.push_back(std::make_unique<AnnouncementScreen>(ctx));
    addStaffScreens(ctx, out);
    return out;
}

}  // namespace screens
