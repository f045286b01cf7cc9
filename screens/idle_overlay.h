// idle_overlay.h — "还需要更多时间吗？": full screen, a countdown, one big button.
// Drawn by the shell over the current screen while the idle timer warns.
// Widget id: idle.continue. Returns true when the elder tapped it.
#pragma once

#include "screens/context.h"

namespace screens {

bool drawIdleOverlay(Context& ctx, int secondsLeft);

}  // namespace screens
