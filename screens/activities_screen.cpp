#include "screens/activities_screen.h"

#include "screens/flows.h"

namespace screens {

ActivitiesScreen::ActivitiesScreen(Context& ctx) : Screen(ctx, ids::kActivities, flowFor(ids::kActivities).titleKey) {}

void ActivitiesScreen::drawContent(const shell::Rect& area) { drawFlowHeader(ctx_, area, flowFor(id())); }

}  // namespace screens
