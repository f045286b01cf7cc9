#include "screens/result_overlay.h"

#include <algorithm>

namespace screens {

using shell::FontRole;
using shell::Rect;

const char* feedbackName(Feedback kind) {
    switch (kind) {
        case Feedback::Success: return "success";
        case Feedback::Failure: return "failure";
        case Feedback::Info: return "info";
    }
    return "info";
}

namespace {

// The symbol in a disc of the answer's colour: the shape tells the answer
// as much as the colour does.
void drawSymbol(Context& ctx, Feedback kind, float cx, float cy, float size) {
    shell::Ui& ui = ctx.ui;
    const shell::Palette& c = ui.c();
    ImDrawList* dl = ui.drawList();
    const shell::Rgb disc = kind == Feedback::Success   ? c.onlineIcon
                            : kind == Feedback::Failure ? c.offlineIcon
                                                        : c.primary;
    const ImU32 white = shell::toU32(c.primaryText);
    const float r = size / 2;
    dl->AddCircleFilled({cx, cy}, r, shell::toU32(disc), 64);
    const float w = std::max(4.0f, size * 0.09f);
    switch (kind) {
        case Feedback::Success: ui.icon(shell::Icon::Check, cx, cy, size * 0.78f, c.primaryText); break;
        case Feedback::Failure: {
            const float d = r * 0.42f;
            dl->AddLine({cx - d, cy - d}, {cx + d, cy + d}, white, w);
            dl->AddLine({cx - d, cy + d}, {cx + d, cy - d}, white, w);
            for (float sx : {-d, d})
                for (float sy : {-d, d}) dl->AddCircleFilled({cx + sx, cy + sy}, w / 2, white, 12);
            break;
        }
        case Feedback::Info: {
            dl->AddCircleFilled({cx, cy - r * 0.45f}, w * 0.75f, white, 24);
            dl->AddRectFilled({cx - w / 2, cy - r * 0.18f}, {cx + w / 2, cy + r * 0.5f}, white, w / 2);
            break;
        }
    }
}

}  // namespace

bool drawResultOverlay(Context& ctx, Feedback kind, const std::string& title, const std::string& detail) {
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float W = float(ui.theme().width()), H = float(ui.theme().height());
    // Full screen and opaque: the answer is the only thing to look at.
    ui.fill({0, 0, W, H}, c.page);

    const float pad = m.gap * 1.5f;
    const float cardW = std::min(W - 2 * m.margin, std::max(m.primaryMinWidth * 2.2f, W * 0.62f));
    const float textW = cardW - 2 * pad;
    const auto titleLines = ui.wrap(FontRole::Title, title, textW);
    const auto detailLines = detail.empty() ? std::vector<std::string>{} : ui.wrap(FontRole::Body, detail, textW);
    const float titleH = float(titleLines.size()) * ui.paragraphLine(FontRole::Title);
    const float detailH = float(detailLines.size()) * ui.paragraphLine(FontRole::Body);
    const float buttonH = m.primaryHeight;
    auto heightFor = [&](float iconS) {
        return pad + iconS + m.gap + titleH + (detailH > 0 ? m.gap * 0.5f + detailH : 0) + m.gap * 1.5f + buttonH +
               pad;
    };
    float iconS = m.iconHero;
    const float room = H - 2 * m.margin;
    if (heightFor(iconS) > room) iconS = std::max(m.iconTile, iconS - (heightFor(iconS) - room));
    const float cardH = std::min(heightFor(iconS), room);
    Rect card{W / 2 - cardW / 2, std::max(m.margin, H / 2 - cardH / 2), cardW, cardH};
    ui.card(card);

    float y = card.y + pad;
    drawSymbol(ctx, kind, card.cx(), y + iconS / 2, iconS);
    y += iconS + m.gap;
    y += ui.paragraph(FontRole::Title, title, {card.x + pad, y, textW, titleH}, c.cardText, true);
    if (detailH > 0) {
        y += m.gap * 0.5f;
        y += ui.paragraph(FontRole::Body, detail, {card.x + pad, y, textW, detailH}, c.cardText, true);
    }
    y += m.gap * 1.5f;
    const float bw = std::min(textW, std::max(m.primaryMinWidth, textW * 0.6f));
    return ui.primaryButton("result.ok", {card.cx() - bw / 2, y, bw, buttonH}, ctx.strings.get("result.ok"), "",
                            shell::Icon::Check);
}

}  // namespace screens
