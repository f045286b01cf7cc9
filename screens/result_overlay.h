// result_overlay.h — the answer to an action, full screen (DESIGN.md: a clear
// success or failure screen with a sound after every action; state never by
// colour alone): a big icon (✓ success, ✗ failure, i information) in a disc,
// a big title, the detail in plain words, one big 好的 button.
// Drawn by the shell over the current screen while Context::showResult's
// answer is up (the shell plays the sound and dismisses it after a few
// seconds). Widget id: result.ok. Returns true when the elder tapped it.
#pragma once

#include <string>

#include "screens/context.h"

namespace screens {

bool drawResultOverlay(Context& ctx, Feedback kind, const std::string& title, const std::string& detail);

// "success", "failure", "info" (state file, logs).
const char* feedbackName(Feedback kind);

}  // namespace screens
