// meals.cpp — booking, cancelling and picking up canteen meals: capacity
// through quotas (capacity.h), cutoffs, delivery eligibility and subsidy caps.
#include <algorithm>
#include <cstdio>

#include "rules/capacity.h"
#include "rules/handlers.h"
#include "rules/payload.h"

namespace district {
namespace {

using nlohmann::json;

bool afterCutoff(const OpContext& ctx, const MealSlot& slot) {
    return ctx.judged_at > core::parseIso(slot.cutoff);
}

// PROTOCOL.md "Who may act on a record": the station that booked, or the
// station whose canteen serves the meal.
bool mayActOn(WriteTx& tx, const OpContext& ctx, const Booking& b) {
    if (b.station_id == ctx.station_id) return true;
    const auto slot = tx.slot(b.slot_id);
    if (!slot) return false;
    const auto canteen = tx.canteen(slot->canteen_id);
    return canteen && canteen->station_id == ctx.station_id;
}

}  // namespace

int ageOn(const std::string& birthDate, const std::string& date) {
    int by = 0, bm = 0, bd = 0, y = 0, m = 0, d = 0;
    if (std::sscanf(birthDate.c_str(), "%d-%d-%d", &by, &bm, &bd) != 3 ||
        std::sscanf(date.c_str(), "%d-%d-%d", &y, &m, &d) != 3)
        return 0;
    int age = y - by;
    if (m < bm || (m == bm && d < bd)) --age;
    return age;
}

std::int64_t baseSubsidy(const SubsidyRules& rules, const Member& m, const std::string& date) {
    if (m.status != "active") return 0;
    if (m.category == "priority") return rules.priority_cents;
    const int age = ageOn(m.birth_date, date);
    if (age >= 70 && age <= 99) return rules.age70_cents;
    return 0;
}

Outcome applyMealBook(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string bookingId = needId(p, "booking_id");
    const std::string memberId = needId(p, "member_id");
    const std::string slotId = needId(p, "slot_id");
    const bool delivery = optBool(p, "delivery", false);
    // The kiosk sends false when the elder wants the meal only with a subsidy.
    const bool fullPriceOk = optBool(p, "full_price_ok", true);
    json detail = {{"booking_id", bookingId}};

    if (tx.booking(bookingId)) return Outcome::reject(reason::kDuplicateUuid, detail);
    const auto member = tx.member(memberId);
    if (!member) return Outcome::reject(reason::kUnknownMember, detail);
    const auto slot = tx.slot(slotId);
    if (!slot) return Outcome::reject(reason::kUnknownSlot, detail);
    if (afterCutoff(ctx, *slot)) {
        detail["cutoff"] = slot->cutoff;
        return Outcome::reject(reason::kPastCutoff, detail);
    }
    if (const auto existing = tx.activeBooking(memberId, slotId)) {
        detail["existing_booking_id"] = existing->id;
        detail["status"] = existing->status;
        return Outcome::reject(reason::kAlreadyBooked, detail);
    }
    if (delivery && !member->delivery_eligible)
        return Outcome::reject(reason::kNotEligibleDelivery, detail);

    const SubsidyRules rules = tx.subsidyRules();
    std::int64_t subsidy = std::min(baseSubsidy(rules, *member, slot->date), slot->price_cents);
    std::string cap;
    if (subsidy > 0) {
        const std::string monday = core::addDays(slot->date, -((core::weekday(slot->date) + 6) % 7));
        if (tx.subsidisedMeals(memberId, slot->date, slot->date) >= rules.daily_cap)
            cap = "daily";
        else if (tx.subsidisedMeals(memberId, monday, core::addDays(monday, 6)) >= rules.weekly_cap)
            cap = "weekly";
    }
    if (!cap.empty()) {
        detail["subsidy_cap"] = cap;
        if (!fullPriceOk) {
            detail["price_cents"] = slot->price_cents;
            return Outcome::reject(reason::kSubsidyCap, detail);
        }
        subsidy = 0;
    }
    if (!takeSeat(tx, SeatKind::Meal, slotId, ctx.station_id))
        return Outcome::reject(reason::kFull, detail);

    Booking b{bookingId, memberId,   slotId,   ctx.station_id, "booked", subsidy,
              slot->price_cents - subsidy, delivery, slot->date, ctx.created_at};
    tx.putBooking(b);
    detail["status"] = b.status;
    detail["subsidy_cents"] = b.subsidy_cents;
    detail["pay_cents"] = b.pay_cents;
    return Outcome::ok(detail);
}

Outcome applyMealCancel(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string bookingId = needId(p, "booking_id");
    json detail = {{"booking_id", bookingId}};
    auto b = tx.booking(bookingId);
    if (!b) return Outcome::reject(reason::kUnknownBooking, detail);
    if (!mayActOn(tx, ctx, *b)) return Outcome::reject(reason::kNotOwner, detail);
    if (b->status == "cancelled") {
        detail["status"] = b->status;
        return Outcome::ok(detail);  // cancelling twice changes nothing
    }
    if (b->status == "picked_up") return Outcome::reject(reason::kPickedUp, detail);
    const auto slot = tx.slot(b->slot_id);
    if (slot && afterCutoff(ctx, *slot)) {
        detail["cutoff"] = slot->cutoff;
        return Outcome::reject(reason::kPastCutoff, detail);
    }
    // Lowering `held` returns the seat to the booking station's quota.
    b->status = "cancelled";
    tx.putBooking(*b);
    detail["status"] = b->status;
    return Outcome::ok(detail);
}

Outcome applyMealPickup(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string bookingId = needId(p, "booking_id");
    json detail = {{"booking_id", bookingId}};
    auto b = tx.booking(bookingId);
    if (!b) return Outcome::reject(reason::kUnknownBooking, detail);
    if (!mayActOn(tx, ctx, *b)) return Outcome::reject(reason::kNotOwner, detail);
    if (b->status == "cancelled") return Outcome::reject(reason::kCancelled, detail);
    if (b->status != "picked_up") {
        b->status = "picked_up";
        tx.putBooking(*b);
        tx.memberSeen(b->member_id, ctx.judged_iso);
    }
    detail["status"] = b->status;
    return Outcome::ok(detail);
}

// Staff undid a mistaken pickup tap: the meal is booked again.
Outcome applyMealPickupUndo(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string bookingId = needId(p, "booking_id");
    json detail = {{"booking_id", bookingId}};
    auto b = tx.booking(bookingId);
    if (!b) return Outcome::reject(reason::kUnknownBooking, detail);
    if (!mayActOn(tx, ctx, *b)) return Outcome::reject(reason::kNotOwner, detail);
    if (b->status == "picked_up") {
        b->status = "booked";
        tx.putBooking(*b);
    }
    detail["status"] = b->status;
    return Outcome::ok(detail);
}

}  // namespace district
