#include "screens/checkin_screen.h"

#include "screens/flows.h"

namespace screens {

CheckinScreen::CheckinScreen(Context& ctx) : Screen(ctx, ids::kCheckin, flowFor(ids::kCheckin).titleKey) {}

void CheckinScreen::drawContent(const shell::Rect& area) { drawFlowHeader(ctx_, area, flowFor(id())); }

}  // namespace screens
