// all_screens.h — every screen of the kiosk, made once at start-up.
// To add a flow screen: write it (one file pair), add it here and, if Home
// offers it, to kFlows in flows.h.
#pragma once

#include <memory>
#include <vector>

#include "screens/screen.h"

namespace screens {

std::vector<std::unique_ptr<Screen>> makeScreens(Context& ctx);

}  // namespace screens
