#include "screens/meals_screen.h"

#include "core/clock.h"
#include "screens/meals_flow.h"
#include "screens/meals_format.h"
#include "screens/meals_ui.h"
#include "screens/screen_ids.h"

namespace screens {

void addMealsScreens(Context& ctx, std::vector<std::unique_ptr<Screen>>& out) {
    auto first = std::make_unique<MealsScreen>(ctx);
    MealsFlow& flow = first->flow();
    out.push_back(std::move(first));
    out.push_back(std::make_unique<MealsSlotsScreen>(ctx, flow));
    out.push_back(std::make_unique<MealsHowScreen>(ctx, flow));
    out.push_back(std::make_unique<MealsBookScreen>(ctx, flow));
    out.push_back(std::make_unique<MealsVoucherScreen>(ctx, flow));
    out.push_back(std::make_unique<MealsMineScreen>(ctx, flow));
    out.push_back(std::make_unique<MealsCancelScreen>(ctx, flow));
}

std::optional<domain::Member> MealsFlow::member(Context& ctx) const {
    if (!ctx.domain || !ctx.session.active()) return std::nullopt;
    return domain::memberById(ctx.domain->db, ctx.session.memberId());
}

std::string rejectReason(Context& ctx, const std::string& reason) {
    static const char* const kKnown[] = {"full", "past_cutoff", "subsidy_cap", "not_eligible_delivery", "no_address",
                                         "unknown_member", "unknown_slot", "already_booked"};
    for (const char* k : kKnown)
        if (reason == k) return ctx.strings.get(std::string("meals.reason.") + k);
    return ctx.strings.get("meals.reason.other");
}

std::string bookingState(Context& ctx, const domain::Booking& b) {
    const auto& s = ctx.strings;
    if (b.status == "rejected") return s.format("meals.state.rejected", {{"reason", rejectReason(ctx, b.reason)}});
    if (b.status == "picked_up") return s.get("meals.state.picked_up");
    if (b.status == "cancelled") return s.get("meals.state.cancelled");
    return s.get(b.local_state == "pending" ? "meals.state.pending" : "meals.state.booked");
}

std::string bookingHeading(Context& ctx, const domain::Booking& b) {
    const std::string today = ctx.domain ? ctx.domain->today() : std::string();
    return ctx.strings.format("meals.heading", {{"day", dayLabel(ctx.strings, today, b.date)},
                                                {"slot", slotName(ctx.strings, b.slot)},
                                                {"canteen", b.canteen_name}});
}

bool cancellable(Context& ctx, const domain::Booking& b) {
    if (b.status != "booked" || b.local_state == "rejected") return false;
    try {
        return ctx.clock.now() < core::parseIso(b.cutoff);
    } catch (const std::exception&) {
        return false;
    }
}

MealsScreen::MealsScreen(Context& ctx) : Screen(ctx, ids::kMeals, "meals.title") {}

void MealsScreen::onEnter() { askForMember(ctx_, id()); }

void MealsScreen::drawContent(const shell::Rect& area) {
    if (!ctx_.session.active() || !ctx_.domain) {
        drawNeedCard(ctx_, area);
        return;
    }
    shell::Rect rest = drawQuestion(ctx_, area, ctx_.strings.get("meals.ask_day"));
    const std::string today = ctx_.domain->today();
    const auto days = comingDays(today, 5);
    auto tiles = shell::layoutTiles(ctx_.ui.theme(), rest, int(days.size()) + 1);
    const shell::Palette& c = ctx_.ui.c();
    for (std::size_t i = 0; i < days.size(); ++i) {
        if (ctx_.ui.tile("meals.day." + std::to_string(i), tiles[i], dayLabel(ctx_.strings, today, days[i]),
                         dayDate(ctx_.strings, days[i]), shell::Icon::Activity, c.meals)) {
            flow_.date = days[i];
            ctx_.router.push(meals_ids::kSlots);
        }
    }
    if (ctx_.ui.tile("meals.mine", tiles.back(), ctx_.strings.get("meals.mine"), ctx_.strings.get("meals.mine.hint"),
                     shell::Icon::Meal, c.checkin))
        ctx_.router.push(meals_ids::kMine);
}

}  // namespace screens
