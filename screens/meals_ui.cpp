#include "screens/meals_ui.h"

#include <algorithm>

namespace screens {

shell::Rect drawQuestion(Context& ctx, const shell::Rect& area, std::string_view question) {
    const shell::Metrics& m = ctx.ui.m();
    shell::Rect box{area.x, area.y + m.gap * 0.5f, area.w, area.h};
    const float h = ctx.ui.paragraph(shell::FontRole::Title, question, box, ctx.ui.c().text, true);
    const float y = box.y + h + m.gap * 0.5f;
    return {area.x, y, area.w, std::max(0.0f, area.bottom() - y)};
}

bool askForMember(Context& ctx, const std::string& screenId) {
    if (ctx.session.active()) return true;
    if (ctx.requireMember) return ctx.requireMember(screenId);
    return false;
}

void drawNeedCard(Context& ctx, const shell::Rect& area) {
    const shell::Metrics& m = ctx.ui.m();
    shell::Rect box = area.insetXY(m.margin, m.gap);
    ctx.ui.icon(shell::Icon::Card, box.cx(), box.y + m.iconHero / 2, m.iconHero, ctx.ui.c().text);
    box.y += m.iconHero + m.gap;
    box.h -= m.iconHero + m.gap;
    ctx.ui.paragraph(shell::FontRole::Title, ctx.strings.get("meals.need_card"), box, ctx.ui.c().text, true);
}

void announce(Context& ctx, Feedback kind, const std::string& title, const std::string& detail) {
    if (ctx.showResult) {
        ctx.showResult(kind, title, detail);
    } else if (ctx.showNotice) {
        ctx.showNotice(detail.empty() ? title : title + " " + detail);
    }
}

float linesHeight(Context& ctx, const std::vector<CardLine>& lines, float width) {
    float h = 0;
    for (const CardLine& l : lines) {
        const auto role = l.title ? shell::FontRole::Title : shell::FontRole::Body;
        h += float(std::max<std::size_t>(1, ctx.ui.wrap(role, l.text, width).size())) * ctx.ui.paragraphLine(role);
    }
    return h;
}

float drawLines(Context& ctx, const std::vector<CardLine>& lines, const shell::Rect& box) {
    float y = box.y;
    for (const CardLine& l : lines) {
        const auto role = l.title ? shell::FontRole::Title : shell::FontRole::Body;
        const float h = ctx.ui.paragraph(role, l.text, {box.x, y, box.w, box.bottom() - y},
                                         l.muted ? ctx.ui.c().textMuted : ctx.ui.c().text, false);
        y += std::max(h, ctx.ui.paragraphLine(role));
    }
    return y - box.y;
}

float buttonWidth(Context& ctx, std::string_view label) {
    const shell::Metrics& m = ctx.ui.m();
    return std::max(m.touchMin * 2.5f, ctx.ui.textWidth(shell::FontRole::Body, label) + 2 * m.buttonPadX + m.iconNav);
}

}  // namespace screens
