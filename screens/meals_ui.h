// meals_ui.h — small drawing and flow helpers shared by the meals and
// activities steps: a step's question line, a card with lines of text, the
// elder check, and the answer after an action (showResult, or a notice when
// the shell has no result screen).
#pragma once

#include <string>
#include <string_view>

#include "screens/context.h"

namespace screens {

// One question at the top of a step (title font, wrapped); returns the space below.
shell::Rect drawQuestion(Context& ctx, const shell::Rect& area, std::string_view question);

// True when an elder is at the screen. When not, asks the shell to identify
// one (requireMember), which brings the elder back to `screenId`.
bool askForMember(Context& ctx, const std::string& screenId);
// Drawn by a step with no elder at the screen: how to start.
void drawNeedCard(Context& ctx, const shell::Rect& area);

// The full-screen answer to an action, with its sound; a notice if the shell
// cannot show one.
void announce(Context& ctx, Feedback kind, const std::string& title, const std::string& detail);

// Lines of a card: each in the body or title font, in the text or muted colour.
struct CardLine {
    std::string text;
    bool title = false;
    bool muted = false;
};
// Height of `lines` wrapped to `width` (paragraph spacing).
float linesHeight(Context& ctx, const std::vector<CardLine>& lines, float width);
// Draws `lines` from the top of `box`; returns the height used.
float drawLines(Context& ctx, const std::vector<CardLine>& lines, const shell::Rect& box);

// A button in the secondary (outlined) style; its width fits the label.
float buttonWidth(Context& ctx, std::string_view label);

}  // namespace screens
