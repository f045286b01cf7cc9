// overlays — drawn by the shell over the current screen, each a card on its
// own: the screen under it is covered (WidgetRegistry::occludeAll), so its
// targets can neither be tapped nor audited.
//
//   idle      "还需要更多时间吗？" with a countdown and one big 需要
//             (idle.continue); true when tapped
//   result    the answer to an action (DESIGN.md: a clear success or failure
//             screen with a sound after every action; state never by colour
//             alone): ✓ / ✗ / i in a disc, a big title, the detail, 好的
//             (result.ok); true when tapped
//   textsize  the 字号 chooser: 标准 / 大 / 特大 (textsize.standard|large|xlarge,
//             the chosen one with a check mark) and 关闭 (textsize.close);
//             returns the size chosen, or closes
#pragma once

#include <optional>
#include <string>

#include "screens/context.h"

namespace screens {

bool drawIdleOverlay(Context& ctx, int secondsLeft);

bool drawResultOverlay(Context& ctx, Feedback kind, const std::string& title, const std::string& detail);
// "success", "failure", "info" (state file, logs).
const char* feedbackName(Feedback kind);

struct TextSizeChoice {
    bool close = false;                   // 关闭, or a size chosen
    std::optional<shell::TextSize> size;  // the size tapped
};
TextSizeChoice drawTextSizeChooser(Context& ctx);

}  // namespace screens
