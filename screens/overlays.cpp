#include "screens/overlays.h"

#include <algorithm>

#include "screens/ids.h"
#include "screens/parts.h"

namespace screens {

using shell::FontRole;
using shell::Node;
using shell::Rect;
using shell::TextAlign;

namespace {

// A card of a set width, centred in the window, laid out by the stack.
void centredCard(Context& ctx, Node content, float widthShare) {
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    const float W = float(ui.theme().width()), H = float(ui.theme().height());
    const float cardW = std::min(W - 2 * m.margin, std::max(m.primaryMinWidth * 2.0f, W * widthShare));
    Node card = ui.card(std::move(content), m.gap * 1.5f);
    card.width = [cardW] { return shell::Span{cardW, cardW}; };
    card.align = shell::Align::Centre;
    Node root = shell::column(0, {std::move(card)});
    root.justify = shell::Align::Centre;
    const Rect area{m.margin, m.margin, W - 2 * m.margin, H - 2 * m.margin};
    ui.pushRegion(area);
    ui.layout(area, root);
    ui.popRegion();
}

}  // namespace

bool drawIdleOverlay(Context& ctx, int secondsLeft) {
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    ui.fill({0, 0, float(ui.theme().width()), float(ui.theme().height())}, c.scrim, 0, shell::Theme::kScrimAlpha);
    bool tapped = false;
    Node col = shell::column(m.gap * 0.75f);
    col.add(ui.icon(shell::Icon::TimeBank, c.primary, m.iconTile * 0.6f, m.iconTile));
    col.add(ui.text(FontRole::Title, ctx.strings.get("idle.title"), c.cardText, TextAlign::Centre));
    col.add(ui.text(FontRole::Body, ctx.strings.format("idle.countdown", {{"seconds", std::to_string(secondsLeft)}}),
                    c.textMuted, TextAlign::Centre));
    col.add(space(ctx, 0.75f));
    col.add(ui.primary(wid::kIdleContinue, ctx.strings.get("idle.continue"), "", shell::Icon::Check,
                       [&tapped] { tapped = true; }, m.primaryHeight * 1.2f));
    centredCard(ctx, std::move(col), 0.55f);
    return tapped;
}

const char* feedbackName(Feedback kind) {
    switch (kind) {
        case Feedback::Success: return "success";
        case Feedback::Failure: return "failure";
        case Feedback::Info: return "info";
    }
    return "info";
}

bool drawResultOverlay(Context& ctx, Feedback kind, const std::string& title, const std::string& detail) {
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    // Full screen and opaque: the answer is the only thing to look at.
    ui.fill({0, 0, float(ui.theme().width()), float(ui.theme().height())}, c.page);
    bool tapped = false;
    // The symbol in a disc of the answer's colour: the shape tells the answer
    // as much as the colour does.
    Node symbol;
    symbol.name = "symbol";
    symbol.flex = true;
    symbol.priority = -5;
    const float minS = m.iconTile, prefS = m.iconHero;
    symbol.width = [minS, prefS] { return shell::Span{minS, prefS}; };
    symbol.height = [minS, prefS](float) { return shell::Span{minS, prefS}; };
    symbol.draw = [&ui, kind, &c](const Node& self) {
        const float side = std::min(self.rect.w, self.rect.h);
        const shell::Rgb disc = kind == Feedback::Success ? c.onlineIcon : kind == Feedback::Failure ? c.offlineIcon : c.primary;
        ui.disc(self.rect.cx(), self.rect.cy(), side / 2, disc);
        const shell::Icon mark = kind == Feedback::Success ? shell::Icon::Check : kind == Feedback::Failure ? shell::Icon::Cross : shell::Icon::Info;
        ui.icon(mark, self.rect.cx(), self.rect.cy(), side * 0.7f, c.primaryText);
    };
    Node col = shell::column(m.gap * 0.75f);
    col.add(std::move(symbol));
    col.add(ui.text(FontRole::Title, title, c.cardText, TextAlign::Centre));
    if (!detail.empty()) col.add(ui.text(FontRole::Body, detail, c.cardText, TextAlign::Centre));
    col.add(space(ctx, 0.75f));
    Node ok = ui.primary(wid::kResultOk, ctx.strings.get("result.ok"), "", shell::Icon::Check, [&tapped] { tapped = true; });
    ok.align = shell::Align::Centre;
    col.add(std::move(ok));
    centredCard(ctx, std::move(col), 0.62f);
    return tapped;
}

TextSizeChoice drawTextSizeChooser(Context& ctx) {
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    ui.fill({0, 0, float(ui.theme().width()), float(ui.theme().height())}, c.scrim, 0, shell::Theme::kScrimAlpha);
    TextSizeChoice out;
    Node col = shell::column(m.gap * 0.75f);
    col.add(ui.text(FontRole::Title, ctx.strings.get("textsize.choose"), c.cardText, TextAlign::Centre));
    std::vector<Node> sizes;
    for (shell::TextSize s : {shell::TextSize::Standard, shell::TextSize::Large, shell::TextSize::ExtraLarge}) {
        const char* name = shell::textSizeName(s);
        const bool chosen = ui.theme().textSize() == s;
        sizes.push_back(ui.button(wid::textSize(name), ctx.strings.get(std::string("textsize.") + name), shell::Icon::None,
                                  chosen ? ui.selectedStyle() : ui.secondaryStyle(), [&out, s] { out.size = s; },
                                  m.primaryHeight * 0.8f, chosen));
    }
    col.add(actions(ctx, std::move(sizes)));
    Node close = ui.button(wid::kTextSizeClose, ctx.strings.get("textsize.close"), shell::Icon::Back, ui.secondaryStyle(),
                           [&out] { out.close = true; });
    close.align = shell::Align::Centre;
    col.add(std::move(close));
    centredCard(ctx, std::move(col), 0.62f);
    return out;
}

}  // namespace screens
