#include "screens/timebank_screen.h"

#include "screens/flows.h"

namespace screens {

TimeBankScreen::TimeBankScreen(Context& ctx) : Screen(ctx, ids::kTimeBank, flowFor(ids::kTimeBank).titleKey) {}

void TimeBankScreen::drawContent(const shell::Rect& area) { drawFlowHeader(ctx_, area, flowFor(id())); }

}  // namespace screens
