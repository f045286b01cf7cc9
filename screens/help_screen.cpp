#include "screens/help_screen.h"

#include "screens/flows.h"

namespace screens {

HelpScreen::HelpScreen(Context& ctx) : Screen(ctx, ids::kHelp, flowFor(ids::kHelp).titleKey) {}

void HelpScreen::drawContent(const shell::Rect& area) { drawFlowHeader(ctx_, area, flowFor(id())); }

}  // namespace screens
