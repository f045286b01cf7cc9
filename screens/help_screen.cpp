#include "screens/help_screen.h"

#include <algorithm>
#include <array>

#include "domain/help.h"
#include "screens/flows.h"

namespace screens {

using shell::FontRole;
using shell::Rect;

void callStaff(Context& ctx, const std::string& screenId) {
    if (!ctx.domain) return;
    domain::callStaff(*ctx.domain, screenId, ctx.session.memberId());
    ctx.syncNow();
    ctx.showResult(Feedback::Success, ctx.strings.get("help.called.title"), ctx.strings.get("help.called.detail"));
}

HelpScreen::HelpScreen(Context& ctx) : Screen(ctx, ids::kHelp, flowFor(ids::kHelp).titleKey) {}

void HelpScreen::drawContent(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    const bool portrait = area.h > area.w;

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
    const float buttonH = m.primaryHeight;
    Rect list = area, actions = area;
    if (portrait) {
        actions = {area.x, area.bottom() - 2 * buttonH - m.gap, area.w, 2 * buttonH + m.gap};
        list = {area.x, area.y, area.w, actions.y - area.y - m.gap};
    } else {
        const float aw = std::min(area.w * 0.36f, m.primaryMinWidth * 1.3f);
        actions = {area.right() - aw, area.y, aw, area.h};
        list = {area.x, area.y, area.w - aw - m.gap, area.h};
    }

    const float pad = m.gap;
    const float iconS = m.iconNav * 1.3f;
    const float textX = iconS + m.gap * 0.6f;
    const float textW = list.w - 2 * pad - textX;
    float contentH = pad;
    std::array<float, kLines.size()> heights{};
    for (std::size_t i = 0; i < kLines.size(); ++i) {
        heights[i] = std::max(iconS, float(ui.wrap(FontRole::Body, s.get(kLines[i].key), textW).size()) *
                                         ui.paragraphLine(FontRole::Body));
        contentH += heights[i] + m.gap * 0.5f;
    }
    contentH += pad - m.gap * 0.5f;
    Rect card{list.x, list.y, list.w, std::min(list.h, contentH)};
    ui.card(card);
    Rect inner = ui.beginScroll("help.list", card, contentH);
    float y = inner.y + pad;
    for (std::size_t i = 0; i < kLines.size(); ++i) {
        ui.icon(kLines[i].icon, inner.x + pad + iconS / 2, y + ui.paragraphLine(FontRole::Body) / 2, iconS,
                c.*kLines[i].colour);
        ui.paragraph(FontRole::Body, s.get(kLines[i].key), {inner.x + pad + textX, y, textW, heights[i]}, c.cardText,
                     false);
        y += heights[i] + m.gap * 0.5f;
    }
    ui.endScroll();

    const float bw = portrait ? std::min(actions.w, m.primaryMinWidth * 1.6f) : actions.w;
    const float top = portrait ? actions.y : actions.y + std::max(0.0f, (actions.h - 2 * buttonH - m.gap) / 2);
    Rect call = shell::centredButton(actions, top, bw, buttonH);
    Rect read = shell::centredButton(actions, top + buttonH + m.gap, bw, buttonH);
    if (ui.primaryButton("help.call_staff", call, s.get("help.call_staff"), s.get("help.call_staff.hint"),
                         shell::Icon::Help))
        callStaff(ctx_, id());
    if (ui.button("help.read", read, s.get("help.read"), shell::Icon::Speaker, ui.secondaryStyle()))
        ctx_.readAloud();
}

}  // namespace screens
