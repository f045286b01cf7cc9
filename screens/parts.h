// parts.h — what the steps build their content from, on top of the Ui's
// measured stack (shell/ui/ui.h): a question, words, lines of a card, the
// "who are you" card, a row of actions; and the answer after an action.
#pragma once

#include <string>
#include <vector>

#include "screens/context.h"
#include "shell/ui/stack.h"

namespace screens {

using shell::Node;

// The step's one question: title font, centred, wrapped.
Node question(Context& ctx, std::string text);
// Words in the title font / the body font / the muted body colour.
Node heading(Context& ctx, std::string text, shell::TextAlign align = shell::TextAlign::Left);
Node body(Context& ctx, std::string text, shell::TextAlign align = shell::TextAlign::Left);
Node muted(Context& ctx, std::string text, shell::TextAlign align = shell::TextAlign::Left);

// Lines of a card: each in the body or title font, in the text or muted colour.
struct Line {
    std::string text;
    bool title = false;
    bool muted = false;
};
Node lines(Context& ctx, const std::vector<Line>& ls);

// Room between groups: shrinks first when room is short.
Node space(Context& ctx, float ems = 1.0f);

// Shown by a step when nobody is identified (or the data went away): how to start.
Node needCard(Context& ctx, const char* key = "meals.need_card");
// Shown by a step whose view model came back empty: one sentence, centred.
Node emptyNote(Context& ctx, std::string text);

// Actions side by side in landscape (equal widths), one above the other in portrait.
Node actions(Context& ctx, std::vector<Node> buttons);
// A confirmation step: the question, what is being confirmed (a card), and
// the answers: under the card in portrait, beside it in landscape (where the
// height is what is short).
Node confirmation(Context& ctx, Node question, Node card, std::vector<Node> answers);

// True when an elder is at the screen. When not, asks the shell to identify
// one (requireMember), which brings the elder back to `screenId`.
bool askForMember(Context& ctx, const std::string& screenId);

// The full-screen answer to an action, with its sound; a notice if the shell
// cannot show one.
void announce(Context& ctx, Feedback kind, const std::string& title, const std::string& detail);

}  // namespace screens
