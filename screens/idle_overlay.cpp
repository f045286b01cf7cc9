#include "screens/idle_overlay.h"

#include <algorithm>
#include <string>

namespace screens {

using shell::FontRole;
using shell::Rect;

bool drawIdleOverlay(Context& ctx, int secondsLeft) {
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float W = float(ui.theme().width()), H = float(ui.theme().height());
    ui.fill({0, 0, W, H}, c.scrim, 0, shell::Theme::kScrimAlpha);

    const float bh = ui.lineHeight(FontRole::Body);
    const float pad = m.gap * 1.5f;
    const float cardW = std::min(W - 2 * m.margin, std::max(m.primaryMinWidth * 2.0f, W * 0.55f));
    const std::string& title = ctx.strings.get("idle.title");
    const auto titleLines = ui.wrap(FontRole::Title, title, cardW - 2 * pad);
    const float titleH = float(titleLines.size()) * ui.paragraphLine(FontRole::Title);
    const float buttonH = m.primaryHeight * 1.2f;
    const float cardH = pad + m.iconTile + m.gap + titleH + m.gap * 0.5f + bh + m.gap * 1.5f + buttonH + pad;
    Rect card{W / 2 - cardW / 2, H / 2 - cardH / 2, cardW, cardH};
    ui.card(card);

    float y = card.y + pad;
    ui.icon(shell::Icon::TimeBank, card.cx(), y + m.iconTile / 2, m.iconTile, c.primary);
    y += m.iconTile + m.gap;
    y += ui.paragraph(FontRole::Title, title, {card.x + pad, y, card.w - 2 * pad, titleH}, c.cardText, true);
    y += m.gap * 0.5f;
    ui.textCentred(FontRole::Body, ctx.strings.format("idle.countdown", {{"seconds", std::to_string(secondsLeft)}}),
                   {card.x + pad, y, card.w - 2 * pad, bh}, c.textMuted);
    y += bh + m.gap * 1.5f;
    return ui.primaryButton("idle.continue", {card.x + pad, y, card.w - 2 * pad, buttonH},
                            ctx.strings.get("idle.continue"), "", shell::Icon::Check);
}

}  // namespace screens
