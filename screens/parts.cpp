#include "screens/parts.h"

#include <algorithm>
#include <cmath>

namespace screens {

using shell::FontRole;
using shell::TextAlign;

Node question(Context& ctx, std::string text) {
    return ctx.ui.text(FontRole::Title, std::move(text), ctx.ui.c().text, TextAlign::Centre);
}

Node heading(Context& ctx, std::string text, TextAlign align) {
    return ctx.ui.text(FontRole::Title, std::move(text), ctx.ui.c().text, align);
}

Node body(Context& ctx, std::string text, TextAlign align) {
    return ctx.ui.text(FontRole::Body, std::move(text), ctx.ui.c().text, align);
}

Node muted(Context& ctx, std::string text, TextAlign align) {
    return ctx.ui.text(FontRole::Body, std::move(text), ctx.ui.c().textMuted, align);
}

Node lines(Context& ctx, const std::vector<Line>& ls) {
    Node col = shell::column(std::round(ctx.ui.m().gap * 0.15f));
    for (const Line& l : ls) {
        if (l.text.empty()) continue;
        col.add(ctx.ui.text(l.title ? FontRole::Title : FontRole::Body, l.text,
                            l.muted ? ctx.ui.c().textMuted : ctx.ui.c().text));
    }
    return col;
}

Node space(Context& ctx, float ems) {
    const float pref = std::round(ctx.ui.m().gap * ems);
    return shell::gap(0, pref);
}

Node needCard(Context& ctx, const char* key) {
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    Node col = shell::column(m.gap);
    col.justify = shell::Align::Centre;
    col.add(ui.icon(shell::Icon::Card, ui.c().primary, m.iconTile, m.iconHero));
    col.add(question(ctx, ctx.strings.get(key)));
    return col;
}

Node emptyNote(Context& ctx, std::string text) {
    Node col = shell::column(0);
    col.justify = shell::Align::Centre;
    col.add(ctx.ui.text(FontRole::Title, std::move(text), ctx.ui.c().text, TextAlign::Centre));
    return col;
}

Node actions(Context& ctx, std::vector<Node> buttons) {
    const shell::Metrics& m = ctx.ui.m();
    if (ctx.ui.theme().portrait()) {
        Node col = shell::column(m.gap, std::move(buttons));
        return col;
    }
    // Equal widths when there is room: each wants the widest one's least width.
    float widest = 0;
    for (const Node& b : buttons) widest = std::max(widest, shell::widthOf(b).min);
    Node r = shell::row(m.gap * 1.5f, {});
    for (Node& b : buttons) {
        b.grow = 1;
        b.flex = true;
        const float own = shell::widthOf(b).min;
        b.width = [own, widest] { return shell::Span{own, widest}; };
        r.add(std::move(b));
    }
    return r;
}

Node confirmation(Context& ctx, Node q, Node card, std::vector<Node> answers) {
    const shell::Metrics& m = ctx.ui.m();
    if (ctx.ui.theme().portrait())
        return shell::column(m.gap, {std::move(q), std::move(card), space(ctx, 0.5f), actions(ctx, std::move(answers))});
    card.grow = 1;
    card.priority = -3;  // the answers keep their words on one line
    Node side = shell::column(m.gap, std::move(answers));
    side.justify = shell::Align::Centre;
    return shell::column(m.gap, {std::move(q), shell::row(m.gap * 1.5f, {std::move(card), std::move(side)})});
}

bool askForMember(Context& ctx, const std::string& screenId) {
    if (ctx.session.active()) return true;
    if (ctx.requireMember) return ctx.requireMember(screenId);
    return false;
}

void announce(Context& ctx, Feedback kind, const std::string& title, const std::string& detail) {
    if (ctx.showResult) {
        ctx.showResult(kind, title, detail);
    } else if (ctx.showNotice) {
        ctx.showNotice(detail.empty() ? title : title + " " + detail);
    }
}

}  // namespace screens
