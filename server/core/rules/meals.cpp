// meals.cpp — booking, cancelling, picking up and delivering canteen meals:
// capacity through quotas (capacity.h), cutoffs, and the district's meal rules
// (meal_policy.h, config/meal_rules.h: subsidy tiers, days, caps, delivery).
#include <algorithm>
#include <cstdio>

#include "rules/capacity.h"
#include "rules/handlers.h"
#include "rules/meal_policy.h"
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

    // config/meal_rules.h: the same pricing the kiosk showed the elder.
    const auto policy = districtMealPolicy(tx);
    const config::ElderFacts facts = elderFacts(*member, slot->date);
    if (delivery) {
        const auto check = config::deliveryCheck(policy->subsidy, facts);
        if (check == config::DeliveryCheck::NotEligible) return Outcome::reject(reason::kNotEligibleDelivery, detail);
        if (check == config::DeliveryCheck::NoAddress) return Outcome::reject(reason::kNoAddress, detail);
    }
    const std::string monday = config::weekStart(slot->date);
    config::MealAsk ask{slot->date, slot->slot, slot->price_cents, delivery,
                        int(tx.subsidisedMeals(memberId, slot->date, slot->date)),
                        int(tx.subsidisedMeals(memberId, monday, core::addDays(monday, 6)))};
    config::MealQuote q = config::quoteMeal(policy->subsidy, policy->calendar, facts, ask);
    if (member->status != "active" && q.subsidyCents + q.deliverySubsidyCents > 0) {
        // An enrolment waiting for an admin (issue 9): full price until approved.
        q.payCents += q.subsidyCents + q.deliverySubsidyCents;
        q.subsidyCents = 0;
        q.deliverySubsidyCents = 0;
        q.rule = "none";
        q.why = config::NoSubsidy::NoTier;
    }
    const bool capped = q.why == config::NoSubsidy::DailyCap || q.why == config::NoSubsidy::WeeklyCap;
    if (capped) {
        detail["subsidy_cap"] = q.why == config::NoSubsidy::DailyCap ? "daily" : "weekly";
        if (!fullPriceOk) {
            detail["price_cents"] = slot->price_cents;
            return Outcome::reject(reason::kSubsidyCap, detail);
        }
    }
    if (!takeSeat(tx, SeatKind::Meal, slotId, ctx.station_id))
        return Outcome::reject(reason::kFull, detail);

    Booking b;
    b.id = bookingId;
    b.member_id = memberId;
    b.slot_id = slotId;
    b.station_id = ctx.station_id;
    b.status = "booked";
    b.subsidy_cents = q.subsidyCents;
    b.pay_cents = q.payCents;
    b.delivery = delivery;
    b.date = slot->date;
    b.created_at = ctx.created_at;
    b.rule = q.rule;
    b.delivery_fee_cents = q.deliveryFeeCents;
    b.delivery_subsidy_cents = q.deliverySubsidyCents;
    tx.putBooking(b);
    detail["status"] = b.status;
    detail["rule"] = b.rule;
    detail["price_cents"] = q.priceCents;
    detail["subsidy_cents"] = b.subsidy_cents;
    detail["delivery_fee_cents"] = b.delivery_fee_cents;
    detail["delivery_subsidy_cents"] = b.delivery_subsidy_cents;
    detail["pay_cents"] = b.pay_cents;
    if (q.why != config::NoSubsidy::None) detail["no_subsidy"] = std::string(config::toString(q.why));
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

// Staff of the canteen's station marked a delivery (送餐上门) done or failed.
// Delivered is a pickup at the door; a failed delivery stays booked, so a
// second attempt can still be marked delivered, and a mistaken "delivered"
// can be corrected to "failed".
Outcome applyMealDelivery(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string bookingId = needId(p, "booking_id");
    const std::string outcome = optString(p, "outcome", "", 20);
    if (outcome != "delivered" && outcome != "failed")
        throw InvalidPayload("outcome", "must be \"delivered\" or \"failed\"");
    json detail = {{"booking_id", bookingId}};
    auto b = tx.booking(bookingId);
    if (!b) return Outcome::reject(reason::kUnknownBooking, detail);
    if (!mayActOn(tx, ctx, *b)) return Outcome::reject(reason::kNotOwner, detail);
    if (!b->delivery) return Outcome::reject(reason::kNotDelivery, detail);
    if (b->status == "cancelled") return Outcome::reject(reason::kCancelled, detail);
    if (b->delivery_status != outcome) {
        b->delivery_status = outcome;
        b->delivery_at = ctx.created_at;
        b->status = outcome == "delivered" ? "picked_up" : "booked";
        tx.putBooking(*b);
    }
    detail["status"] = b->status;
    detail["delivery_status"] = b->delivery_status;
    return Outcome::ok(detail);
}

}  // namespace district
