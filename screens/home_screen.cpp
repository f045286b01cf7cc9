#include "screens/home_screen.h"

#include <algorithm>
#include <vector>

#include "screens/flows.h"
#include "screens/parts.h"

namespace screens {

using shell::FontRole;
using shell::Node;

HomeScreen::HomeScreen(Context& ctx) : Screen(ctx, ids::kHome, "home.title") {}

Node HomeScreen::content(const shell::Rect& /*area*/) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    // Greeting: the elder's masked name once identified, and what to do.
    const std::string greeting = ctx_.session.active()
                                     ? ctx_.strings.format("home.greeting_member", {{"name", ctx_.session.maskedName()}})
                                     : ctx_.strings.get("home.greeting");
    Node head = shell::row(m.gap * 0.6f);
    Node icon = ui.icon(shell::Icon::Person, c.primary, ui.emPx(FontRole::Title), ui.lineHeight(FontRole::Title));
    icon.align = shell::Align::Centre;
    head.add(std::move(icon));
    Node hello = heading(ctx_, greeting);
    hello.align = shell::Align::Centre;
    head.add(std::move(hello));
    Node hint = ui.hint(ctx_.strings.get("home.hint"));
    hint.align = shell::Align::Centre;
    head.add(std::move(hint));

    // Flows the district turned off in the configuration have no tile.
    std::vector<shell::Ui::TileSpec> tiles;
    for (const Flow& f : kFlows) {
        if (std::find(ctx_.flowsOff.begin(), ctx_.flowsOff.end(), f.screenId) != ctx_.flowsOff.end()) continue;
        const char* screen = f.screenId;
        tiles.push_back({f.tileId, ctx_.strings.get(f.labelKey), ctx_.strings.get(f.hintKey), f.icon, c.*f.colour,
                         [this, screen] { ctx_.router.push(screen); }});
    }
    Node col = shell::column(m.gap);
    // While staff act, the acting card below says who is served: no greeting.
    if (ctx_.session.actingStaffId().empty()) col.add(std::move(head));
    // Staff acting for the elder (代办): who acts, and the way back to staff mode.
    if (!ctx_.session.actingStaffId().empty()) {
        Node who = body(ctx_, ctx_.strings.format("home.acting", {{"staff", ctx_.session.actingStaffName()},
                                                                  {"name", ctx_.session.maskedName()}}));
        who.grow = 1;
        who.align = shell::Align::Centre;
        Node end = ui.button(wid::kActEnd, ctx_.strings.get("home.act_end"), shell::Icon::Back, ui.secondaryStyle(), [this] {
            ctx_.session.clear();
            ctx_.router.reset(ids::kStaff);
        });
        col.add(ui.card(shell::row(m.gap, {std::move(who), std::move(end)}), m.gap * 0.5f));
    }
    if (!tiles.empty()) col.add(ui.tileGrid(std::move(tiles), ui.theme().portrait() ? 2 : 3));
    return col;
}

}  // namespace screens
