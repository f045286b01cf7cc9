#include "config/meal_rules.h"

#include <algorithm>

#include "core/clock.h"

namespace config {

const std::string& Label::in(std::string_view language) const {
    return language == "en" && !en.empty() ? en : zh;
}

const SubsidyTier* MealRules::tier(std::string_view id) const {
    for (const auto& t : tiers)
        if (t.id == id) return &t;
    return nullptr;
}

const MemberCategory* MealRules::category(std::string_view code) const {
    for (const auto& c : categories)
        if (c.code == code) return &c;
    return nullptr;
}

bool MealRules::subsidisesSlot(std::string_view slot) const {
    return std::find(slots.begin(), slots.end(), slot) != slots.end();
}

bool Calendar::isWorkingDay(const std::string& date) const {
    if (workingWeekends.count(date)) return true;
    if (holidays.count(date)) return false;
    const int wd = core::weekday(date);
    return wd >= 1 && wd <= 5;
}

bool matches(const Condition& c, const ElderFacts& e) {
    if (c.hukou && *c.hukou != e.hukou) return false;
    if ((c.minAge || c.maxAge) && e.age < 0) return false;
    if (c.minAge && e.age < *c.minAge) return false;
    if (c.maxAge && e.age > *c.maxAge) return false;
    if (e.careLevel < c.minCareLevel) return false;
    if (!c.categoriesAny.empty() &&
        std::none_of(c.categoriesAny.begin(), c.categoriesAny.end(), [&](const std::string& code) {
            return std::find(e.categories.begin(), e.categories.end(), code) != e.categories.end();
        }))
        return false;
    return true;
}

const SubsidyTier* tierFor(const MealRules& rules, const ElderFacts& e) {
    const SubsidyTier* best = nullptr;
    for (const auto& t : rules.tiers)
        if (matches(t.when, e) && (!best || t.amountCents > best->amountCents)) best = &t;
    return best;
}

DeliveryCheck deliveryCheck(const MealRules& rules, const ElderFacts& e) {
    const auto& any = rules.delivery.eligible;
    if (std::none_of(any.begin(), any.end(), [&](const Condition& c) { return matches(c, e); }))
        return DeliveryCheck::NotEligible;
    return e.hasAddress ? DeliveryCheck::Eligible : DeliveryCheck::NoAddress;
}

std::string_view toString(NoSubsidy why) {
    switch (why) {
        case NoSubsidy::None: return "";
        case NoSubsidy::NoTier: return "no_tier";
        case NoSubsidy::Slot: return "slot";
        case NoSubsidy::NotWorkingDay: return "not_working_day";
        case NoSubsidy::DailyCap: return "daily_cap";
        case NoSubsidy::WeeklyCap: return "weekly_cap";
    }
    return "";
}

MealQuote quoteMeal(const MealRules& rules, const Calendar& calendar, const ElderFacts& elder,
                    const MealAsk& ask) {
    MealQuote q;
    q.priceCents = ask.priceCents;
    const SubsidyTier* tier = tierFor(rules, elder);
    if (tier) q.tier = tier->id;
    const bool subsidisedMeal = rules.subsidisesSlot(ask.slot) &&
                                (!rules.workingDaysOnly || calendar.isWorkingDay(ask.date));
    if (!tier) q.why = NoSubsidy::NoTier;
    else if (!rules.subsidisesSlot(ask.slot)) q.why = NoSubsidy::Slot;
    else if (!subsidisedMeal) q.why = NoSubsidy::NotWorkingDay;
    else if (ask.subsidisedToday >= rules.dailyCap) q.why = NoSubsidy::DailyCap;
    else if (ask.subsidisedThisWeek >= rules.weeklyCap) q.why = NoSubsidy::WeeklyCap;
    else q.why = NoSubsidy::None;
    if (q.why == NoSubsidy::None) q.subsidyCents = std::min(tier->amountCents, ask.priceCents);
    // A tier of 0 yuan, or a free meal, pays nothing: it is no subsidy either.
    if (q.subsidyCents <= 0) {
        q.subsidyCents = 0;
        if (q.why == NoSubsidy::None) q.why = NoSubsidy::NoTier;
    }
    q.rule = q.subsidyCents > 0 ? tier->id : "none";
    if (ask.delivery) {
        q.deliveryFeeCents = rules.delivery.feeCents;
        // Per delivery on a day and slot the district subsidises, whatever the
        // meal caps say: the 2 元 pays for the trip, not the meal.
        if (subsidisedMeal) q.deliverySubsidyCents = std::min(rules.delivery.subsidyCents, q.deliveryFeeCents);
    }
    q.payCents = q.priceCents - q.subsidyCents + q.deliveryFeeCents - q.deliverySubsidyCents;
    return q;
}

std::string weekStart(const std::string& date) {
    const int wd = core::weekday(date);  // 0 = Sunday
    return core::addDays(date, -((wd + 6) % 7));
}

}  // namespace config
