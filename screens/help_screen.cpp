#include "screens/help_screen.h"

#include <array>
#include <cmath>

#include "domain/help.h"
#include "screens/flows.h"
#include "screens/parts.h"

namespace screens {

using shell::FontRole;
using shell::Node;

void callStaff(Context& ctx, const std::string& screenId) {
    if (!ctx.domain) return;
    domain::callStaff(*ctx.domain, screenId, ctx.session.memberId());
    ctx.syncNow();
    ctx.alertsChanged();
    ctx.showResult(Feedback::Success, ctx.strings.get("help.called.title"), ctx.strings.get("help.called.detail"));
}

HelpScreen::HelpScreen(Context& ctx) : Screen(ctx, ids::kHelp, flowFor(ids::kHelp).titleKey) {}

Node HelpScreen::content(const shell::Rect& /*area*/) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    struct Line {
        shell::Icon icon;
        const char* key;
        shell::Rgb shell::Palette::*colour;
    };
    static constexpr std::array<Line, 6> kLines = {{
        {shell::Icon::CheckIn, "help.line.checkin", &shell::Palette::checkin},
        {shell::Icon::Meal, "help.line.meals", &shell::Palette::meals},
        {shell::Icon::Activity, "help.line.activities", &shell::Palette::activities},
        {shell::Icon::TimeBank, "help.line.timebank", &shell::Palette::timebank},
        {shell::Icon::Speaker, "help.line.read", &shell::Palette::primary},
        {shell::Icon::Home, "help.line.home", &shell::Palette::primary},
    }};
    // The explanations on a card (read, not tapped), the two actions beside
    // it (landscape) or under it (portrait).
    Node list = shell::column(m.gap * 0.5f);
    const float iconS = std::round(m.iconNav * 1.3f);
    for (const Line& l : kLines) {
        Node icon = ui.icon(l.icon, c.*l.colour, iconS, iconS);
        icon.optional = false;
        icon.flex = false;
        icon.align = shell::Align::Start;
        Node words = body(ctx_, s.get(l.key));
        words.grow = 1;
        list.add(shell::row(m.gap * 0.6f, {std::move(icon), std::move(words)}));
    }
    Node card = ui.card(ui.scroll(wid::kHelpList, std::move(list), m.touchMin * 1.5f));
    card.grow = 1;

    Node call = ui.primary(wid::kHelpCall, s.get("help.call_staff"), s.get("help.call_staff.hint"), shell::Icon::Help,
                           [this] { callStaff(ctx_, id()); });
    Node read = ui.button(wid::kHelpRead, s.get("help.read"), shell::Icon::Speaker, ui.secondaryStyle(),
                          [this] { ctx_.readAloud(); }, m.primaryHeight * 0.8f);
    if (ui.theme().portrait()) {
        return shell::column(m.gap, {std::move(card), actions(ctx_, {std::move(call), std::move(read)})});
    }
    // The actions keep the width their words want; the explanations give way.
    Node side = shell::column(m.gap, {std::move(call), std::move(read)});
    side.justify = shell::Align::Centre;
    card.priority = -3;
    return shell::row(m.gap * 1.5f, {std::move(card), std::move(side)});
}

}  // namespace screens
