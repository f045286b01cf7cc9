#include "screens/home_screen.h"

#include <algorithm>
#include <vector>

#include "screens/flows.h"

namespace screens {

using shell::FontRole;
using shell::Rect;

HomeScreen::HomeScreen(Context& ctx) : Screen(ctx, ids::kHome, "home.title") {}

void HomeScreen::drawContent(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);

    // Greeting: the elder's masked name once identified.
    std::string greeting = ctx_.session.active()
                               ? ctx_.strings.format("home.greeting_member", {{"name", ctx_.session.maskedName()}})
                               : ctx_.strings.get("home.greeting");
    const float iconS = th * 1.1f;
    ui.icon(shell::Icon::Person, area.x + iconS / 2, area.y + th / 2, iconS, c.primary);
    const float gw = ui.textWidth(FontRole::Title, greeting);
    const float x = area.x + iconS + m.gap * 0.6f;
    ui.textLeft(FontRole::Title, greeting, {x, area.y, area.right() - x, th}, c.text);
    const float hx = x + gw + m.gap;
    const std::string& hint = ctx_.strings.get("home.hint");
    if (hx + ui.textWidth(FontRole::Body, hint) <= area.right())
        ui.textLeft(FontRole::Body, hint, {hx, area.y + (th - bh) / 2 + bh * 0.1f, area.right() - hx, bh}, c.textMuted);

    Rect tilesArea{area.x, area.y + th + m.gap, area.w, area.h - th - m.gap};
    // Flows the district turned off in the configuration have no tile.
    std::vector<const Flow*> shown;
    for (const Flow& f : kFlows)
        if (std::find(ctx_.flowsOff.begin(), ctx_.flowsOff.end(), f.screenId) == ctx_.flowsOff.end())
            shown.push_back(&f);
    if (shown.empty()) return;
    auto rects = shell::layoutTiles(ui.theme(), tilesArea, int(shown.size()));
    // The tiles look alike: hints and icons on all of them, or on none.
    bool hints = true, icons = true;
    for (std::size_t i = 0; i < shown.size(); ++i) {
        auto fit = ui.fitTile(rects[i], ctx_.strings.get(shown[i]->labelKey), ctx_.strings.get(shown[i]->hintKey));
        hints = hints && !fit.hintLines.empty();
        icons = icons && fit.iconSize > 0;
    }
    for (std::size_t i = 0; i < shown.size(); ++i) {
        const Flow& f = *shown[i];
        if (ui.tile(f.tileId, rects[i], ctx_.strings.get(f.labelKey), hints ? ctx_.strings.get(f.hintKey) : "",
                    icons ? f.icon : shell::Icon::None, c.*f.colour))
            ctx_.router.push(f.screenId);
    }
}

}  // namespace screens
