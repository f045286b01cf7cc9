// The meals flow: its steps, and the words they share.
#include "screens/meals/meals.h"

#include <algorithm>

#include "core/clock.h"
#include "screens/format.h"
#include "screens/meals/state.h"
#include "screens/reasons.h"

namespace screens {

void addMealsScreens(Context& ctx, std::vector<std::unique_ptr<Screen>>& out) {
    auto st = std::make_shared<meals::State>();
    for (auto make : {meals::dayStep, meals::slotsStep, meals::howStep, meals::bookStep, meals::voucherStep,
                      meals::mineStep, meals::cancelStep})
        out.push_back(make(ctx, st));
}

namespace meals {

const domain::Booking* State::booking() const {
    auto it = std::find_if(bookings.begin(), bookings.end(), [&](const domain::Booking& b) { return b.id == bookingId; });
    return it == bookings.end() ? nullptr : &*it;
}

std::string bookingState(Context& ctx, const domain::Booking& b) {
    const auto& s = ctx.strings;
    if (b.status == "rejected")
        return s.format("meals.state.rejected", {{"reason", reasonText(s, b.reason, ReasonFor::Clause)}});
    if (b.status == "picked_up") return s.get("meals.state.picked_up");
    if (b.status == "cancelled") return s.get("meals.state.cancelled");
    return s.get(b.local_state == "pending" ? "meals.state.pending" : "meals.state.booked");
}

std::string bookingHeading(Context& ctx, const std::string& today, const domain::Booking& b) {
    return ctx.strings.format("meals.heading", {{"day", dayLabel(ctx.strings, today, b.date)},
                                                {"slot", slotName(ctx.strings, b.slot)},
                                                {"canteen", b.canteen_name}});
}

std::string priceLine(Context& ctx, const domain::Price& p) {
    const auto& s = ctx.strings;
    if (p.capped)
        return s.format("meals.price.capped", {{"price", money(s, p.price_cents)}, {"pay", money(s, p.pay_cents)}});
    if (p.subsidy_cents > 0)
        return s.format("meals.price.subsidy", {{"price", money(s, p.price_cents)},
                                                 {"subsidy", money(s, p.subsidy_cents)},
                                                 {"pay", money(s, p.pay_cents)}});
    return s.format("meals.price.plain", {{"price", money(s, p.price_cents)}, {"pay", money(s, p.pay_cents)}});
}

std::string ruleLine(Context& ctx, const domain::Price& p) {
    const auto& s = ctx.strings;
    const config::SubsidyTier* tier = domain::tierOf(*ctx.domain, p);
    if (!tier) return s.get("meals.rule.none");
    const auto cfg = ctx.domain->running();
    const std::string rule = tier->label.in(s.lang());
    const std::string amount = money(s, int(tier->amountCents));
    switch (p.why) {
        case config::NoSubsidy::Slot: {
            std::string slots;
            for (const auto& sl : cfg->subsidy.slots)
                slots += (slots.empty() ? "" : s.get("meals.slot_sep")) + slotName(s, sl);
            return s.format("meals.rule.slot", {{"rule", rule}, {"amount", amount}, {"slots", slots}});
        }
        case config::NoSubsidy::NotWorkingDay:
            return s.format("meals.rule.not_working_day", {{"rule", rule}, {"amount", amount}});
        case config::NoSubsidy::DailyCap:
            return s.format("meals.rule.daily_cap", {{"rule", rule}, {"n", std::to_string(cfg->subsidy.dailyCap)}});
        case config::NoSubsidy::WeeklyCap:
            return s.format("meals.rule.weekly_cap", {{"rule", rule}, {"n", std::to_string(cfg->subsidy.weeklyCap)}});
        case config::NoSubsidy::None:
        case config::NoSubsidy::NoTier: break;
    }
    return s.format("meals.rule.why", {{"rule", rule}, {"amount", amount}});
}

std::string deliveryLine(Context& ctx, const domain::Price& p) {
    const auto& s = ctx.strings;
    if (p.delivery_fee_cents <= 0) return "";
    if (p.delivery_subsidy_cents > 0)
        return s.format("meals.delivery_line", {{"fee", money(s, p.delivery_fee_cents)},
                                                {"subsidy", money(s, p.delivery_subsidy_cents)}});
    return s.format("meals.delivery_line.plain", {{"fee", money(s, p.delivery_fee_cents)}});
}

std::string deliveryNote(Context& ctx, const std::string& slot) {
    const auto cfg = ctx.domain->running();
    const config::MealSlotTimes& t = slot == "lunch" ? cfg->canteen.lunch : cfg->canteen.dinner;
    return ctx.strings.format("meals.voucher.delivery", {{"from", config::formatHhmm(t.pickupFromMinute)},
                                                         {"until", config::formatHhmm(t.pickupUntilMinute)}});
}

std::string dishesLine(Context& ctx, const std::vector<std::string>& dishes) {
    std::string list;
    for (const auto& d : dishes) list += (list.empty() ? "" : ctx.strings.get("meals.dish_sep")) + d;
    return ctx.strings.format("meals.dishes", {{"dishes", list}});
}

std::string pastCutoffText(Context& ctx, const std::string& slot, const std::string& cutoff) {
    return ctx.strings.format("meals.past_cutoff", {{"time", clockTime(cutoff)}, {"slot", slotName(ctx.strings, slot)}});
}

bool cancellable(Context& ctx, const domain::Booking& b) {
    if (b.status != "booked" || b.local_state == "rejected") return false;
    try {
        return ctx.clock.now() < core::parseIso(b.cutoff);
    } catch (const std::exception&) {
        return false;
    }
}

}  // namespace meals
}  // namespace screens
