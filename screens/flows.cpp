#include "screens/flows.h"

#include <algorithm>
#include <imgui.h>

namespace screens {

const Flow& flowFor(std::string_view screenId) {
    for (const Flow& f : kFlows)
        if (screenId == f.screenId) return f;
    IM_ASSERT(false && "flowFor(): not a flow screen id; add the flow to kFlows");
    return kFlows.front();
}

shell::Rect drawFlowHeader(Context& ctx, const shell::Rect& area, const Flow& flow) {
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float disc = std::min(m.iconHero * 1.3f, area.h * 0.4f);
    float y = area.y + m.gap;
    ui.shadow({area.cx() - disc / 2, y, disc, disc}, disc / 2);
    ui.fill({area.cx() - disc / 2, y, disc, disc}, c.*flow.colour, disc / 2);
    ui.icon(flow.icon, area.cx(), y + disc / 2, disc * 0.56f, c.tileText);
    y += disc + m.gap;
    const float th = ui.lineHeight(shell::FontRole::Title);
    ui.textCentred(shell::FontRole::Title, ctx.strings.get(flow.titleKey), {area.x, y, area.w, th}, c.text);
    y += th + m.gap * 0.5f;
    const float bh = ui.lineHeight(shell::FontRole::Body);
    ui.textCentred(shell::FontRole::Body, ctx.strings.get(flow.hintKey), {area.x, y, area.w, bh}, c.textMuted);
    y += bh + m.gap;
    return {area.x, y, area.w, std::max(0.0f, area.bottom() - y)};
}

}  // namespace screens
