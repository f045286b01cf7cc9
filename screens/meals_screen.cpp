#include "screens/meals_screen.h"

#include "screens/flows.h"

namespace screens {

MealsScreen::MealsScreen(Context& ctx) : Screen(ctx, ids::kMeals, flowFor(ids::kMeals).titleKey) {}

void MealsScreen::drawContent(const shell::Rect& area) { drawFlowHeader(ctx_, area, flowFor(id())); }

}  // namespace screens
