#include "screens/activities_screen.h"

#include <algorithm>
#include <cmath>

#include "screens/activities_flow.h"
#include "screens/meals_format.h"
#include "screens/meals_ui.h"
#include "screens/screen_ids.h"

namespace screens {

void addActivitiesScreens(Context& ctx, std::vector<std::unique_ptr<Screen>>& out) {
    auto first = std::make_unique<ActivitiesScreen>(ctx);
    ActivitiesFlow& flow = first->flow();
    out.push_back(std::move(first));
    out.push_back(std::make_unique<ActivitiesListScreen>(ctx, flow));
    out.push_back(std::make_unique<ActivityDetailScreen>(ctx, flow));
    out.push_back(std::make_unique<ActivityConfirmScreen>(ctx, flow));
}

std::string activityTime(Context& ctx, const domain::Activity& a) {
    return ctx.strings.format("activities.time", {{"from", clockTime(a.starts_at)}, {"to", clockTime(a.ends_at)}});
}

std::string signupState(Context& ctx, const domain::Activity& a) {
    if (a.my_status == "signed_up") return ctx.strings.get("activities.state.signed_up");
    if (a.my_status == "waitlisted") return ctx.strings.get("activities.state.waitlisted");
    if (a.my_status == "rejected") return ctx.strings.get("activities.state.rejected");
    return {};
}

// ------------------------------------------------------------ activities (day)

ActivitiesScreen::ActivitiesScreen(Context& ctx) : Screen(ctx, ids::kActivities, "activities.title") {}

void ActivitiesScreen::onEnter() { askForMember(ctx_, id()); }

void ActivitiesScreen::drawContent(const shell::Rect& area) {
    if (!ctx_.session.active() || !ctx_.domain) {
        drawNeedCard(ctx_, area);
        return;
    }
    shell::Rect rest = drawQuestion(ctx_, area, ctx_.strings.get("activities.ask_day"));
    const std::string today = ctx_.domain->today();
    const auto days = comingDays(today, 5);
    auto tiles = shell::layoutTiles(ctx_.ui.theme(), rest, int(days.size()) + 1);
    const shell::Palette& c = ctx_.ui.c();
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (ctx_.ui.tile("activities.day." + std::to_string(i), tiles[i], dayLabel(ctx_.strings, today, days[i]),
                         dayDate(ctx_.strings, days[i]), shell::Icon::Activity, c.activities)) {
            flow_.date = days[i];
            flow_.mine = false;
            flow_.category.clear();
            ctx_.router.push(activities_ids::kList);
        }
    }
    if (ctx_.ui.tile("activities.mine", tiles.back(), ctx_.strings.get("activities.mine"),
                     ctx_.strings.get("activities.mine.hint"), shell::Icon::Check, c.checkin)) {
        flow_.mine = true;
        flow_.date.clear();
        flow_.category.clear();
        ctx_.router.push(activities_ids::kList);
    }
}

// ------------------------------------------------------------ activities.list

ActivitiesListScreen::ActivitiesListScreen(Context& ctx, ActivitiesFlow& flow)
    : Screen(ctx, activities_ids::kList, "activities.list.title"), flow_(flow) {}

void ActivitiesListScreen::onEnter() { askForMember(ctx_, id()); }

void ActivitiesListScreen::drawContent(const shell::Rect& area) {
    if (!ctx_.session.active() || !ctx_.domain || (!flow_.mine && flow_.date.empty())) {
        drawNeedCard(ctx_, area);
        return;
    }
    const auto& s = ctx_.strings;
    const shell::Metrics& m = ctx_.ui.m();
    const shell::Palette& c = ctx_.ui.c();
    const std::string today = ctx_.domain->today();
    const std::string& memberId = ctx_.session.memberId();
    shell::Rect rest = drawQuestion(
        ctx_, area,
        flow_.mine ? s.get("activities.mine.question")
                   : s.format("activities.ask_which", {{"day", dayLabel(s, today, flow_.date)}, {"date", dayDate(s, flow_.date)}}));

    if (!flow_.mine) {
        // Category chips: 全部 and at most five categories (six choices), wrapped in rows.
        auto cats = domain::activityCategories(*ctx_.domain, flow_.date);
        if (cats.size() > 5) cats.resize(5);
        std::vector<std::pair<std::string, std::string>> chips{{"activities.cat.all", ""}};
        for (std::size_t i = 0; i < cats.size(); ++i) {
            ctx_.addText(cats[i]);
            chips.push_back({"activities.cat." + std::to_string(i), cats[i]});
        }
        const float chipH = m.touchMin;
        float x = rest.x, y = rest.y;
        for (const auto& [id, cat] : chips) {
            const std::string label = cat.empty() ? s.get("activities.cat.all") : cat;
            const float w = buttonWidth(ctx_, label);
            if (x > rest.x && x + w > rest.right()) {
                x = rest.x;
                y += chipH + m.targetGap;
            }
            const bool selected = flow_.category == cat;
            shell::ButtonStyle style = selected ? shell::ButtonStyle{c.primary, c.primaryText, c.primary, false}
                                                : ctx_.ui.secondaryStyle();
            if (ctx_.ui.button(id, {x, y, w, chipH}, label, shell::Icon::None, style, selected))
                flow_.category = cat;
            x += w + m.gap;
        }
        const float top = y + chipH + m.gap;
        rest = {rest.x, top, rest.w, std::max(0.0f, area.bottom() - top)};
    }

    const auto list = flow_.mine ? domain::mySignups(*ctx_.domain, memberId)
                                 : domain::activitiesOn(*ctx_.domain, flow_.date, flow_.category, memberId);
    if (list.empty()) {
        ctx_.ui.paragraph(shell::FontRole::Body, s.get(flow_.mine ? "activities.mine.empty" : "activities.none"),
                          rest.insetXY(0, m.gap), c.text, true);
        return;
    }
    const float pad = m.gap;
    const float textW = rest.w - 2 * pad;
    std::vector<std::vector<CardLine>> cards;
    std::vector<float> heights;
    float total = 0;
    for (const auto& a : list) {
        ctx_.addText(a.title + a.place + a.category);
        std::vector<CardLine> lines{{a.title, true, false}};
        const std::string when = flow_.mine ? dayLabel(s, today, a.starts_at.substr(0, 10)) + " " + activityTime(ctx_, a)
                                            : activityTime(ctx_, a);
        lines.push_back({s.format("activities.when_where", {{"when", when}, {"place", a.place}}), false, false});
        const std::string state = signupState(ctx_, a);
        if (!state.empty())
            lines.push_back({state, false, false});
        else if (a.seats_left > 0)
            lines.push_back({s.format("activities.seats_left", {{"n", std::to_string(a.seats_left)}}), false, true});
        else
            lines.push_back({s.get("activities.full_waitlist"), false, true});
        const float h = std::max(m.touchMin, 2 * pad + linesHeight(ctx_, lines, textW));
        heights.push_back(h);
        total += h + m.gap;
        cards.push_back(std::move(lines));
    }
    shell::Rect content = ctx_.ui.beginScroll("activities.list", rest, total);
    float y = content.y;
    const shell::ButtonStyle cardStyle{c.card, c.cardText, c.cardBorder, true};
    for (std::size_t i = 0; i < list.size(); ++i) {
        shell::Rect box{content.x, y, content.w, heights[i]};
        if (ctx_.ui.button("activities.item." + std::to_string(i), box, "", shell::Icon::None, cardStyle)) {
            flow_.activityId = list[i].id;
            ctx_.router.push(activities_ids::kDetail);
        }
        drawLines(ctx_, cards[i], box.inset(pad));
        y += heights[i] + m.gap;
    }
    ctx_.ui.endScroll();
}

}  // namespace screens
