#include "domain/meals.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "config/meal_voucher.h"
#include "core/ids.h"
#include "domain/hours.h"
#include "store/trusted_keys.h"

namespace domain {
namespace {

constexpr const char* kSlotSelect =
    "SELECT s.id, s.canteen_id, coalesce(c.name,''), s.date, s.slot, s.dishes, s.price_cents, "
    "s.capacity, s.cutoff FROM meal_slots s LEFT JOIN canteens c ON c.id = s.canteen_id ";

int stationBooked(const Context& ctx, const std::string& slotId) {
    return static_cast<int>(ctx.db.queryInt("SELECT count(*) FROM bookings WHERE slot_id=? AND "
                                            "station_id=? AND status='booked' AND "
                                            "local_state<>'rejected'",
                                            slotId, ctx.stationId)
                                .value_or(0));
}

int stationQuota(const Context& ctx, const std::string& slotId) {
    return static_cast<int>(ctx.db.queryInt("SELECT seats FROM quotas WHERE kind='meal' AND "
                                            "target_id=? AND station_id=?",
                                            slotId, ctx.stationId)
                                .value_or(0));
}

MealSlot readSlot(const Context& ctx, const store::Statement& st) {
    MealSlot s;
    s.id = st.getText(0);
    s.canteen_id = st.getText(1);
    s.canteen_name = st.getText(2);
    s.date = st.getText(3);
    s.slot = st.getText(4);
    auto dishes = nlohmann::json::parse(st.getText(5), nullptr, false);
    if (dishes.is_array())
        for (const auto& d : dishes)
            if (d.is_string()) s.dishes.push_back(d.get<std::string>());
    s.price_cents = static_cast<int>(st.getInt(6));
    s.capacity = static_cast<int>(st.getInt(7));
    s.cutoff = st.getText(8);
    // A menu without its own cut-off takes the configuration's for the slot.
    if (s.cutoff.empty()) s.cutoff = configCutoff(*ctx.running(), s.date, s.slot);
    s.seats_left = std::max(0, stationQuota(ctx, s.id) - stationBooked(ctx, s.id));
    try {
        s.past_cutoff = ctx.clock.now() >= core::parseIso(s.cutoff);
    } catch (const std::invalid_argument&) {
        s.past_cutoff = true;  // a slot without a readable cut-off is not bookable
    }
    return s;
}

}  // namespace

std::vector<MealSlot> mealSlots(const Context& ctx, const std::string& fromDate, int days) {
    // Every canteen's menu is pulled (an elder may eat anywhere in the
    // district), but a station books for its own canteens: its quotas are there.
    auto st = ctx.db.prepare(std::string(kSlotSelect) +
                             "WHERE s.date >= ?1 AND s.date < ?2 AND (?3 = '' OR c.station_id = ?3) "
                             "ORDER BY s.date, CASE s.slot WHEN 'lunch' THEN 0 ELSE 1 END, c.name");
    st.bind(1, fromDate).bind(2, core::addDays(fromDate, days)).bind(3, ctx.stationId);
    std::vector<MealSlot> out;
    while (st.step()) out.push_back(readSlot(ctx, st));
    return out;
}

std::optional<MealSlot> mealSlot(const Context& ctx, const std::string& slotId) {
    auto st = ctx.db.prepare(std::string(kSlotSelect) + "WHERE s.id=?");
    st.bind(1, slotId);
    if (!st.step()) return std::nullopt;
    return readSlot(ctx, st);
}

Price priceFor(const Context& ctx, const Member& m, const MealSlot& s, bool delivery) {
    const auto cfg = ctx.running();
    // Subsidised meals of the elder known here (any station's, once pulled).
    const char* countSql =
        "SELECT count(*) FROM bookings b JOIN meal_slots s ON s.id = b.slot_id "
        "WHERE b.member_id=? AND b.status IN ('booked','picked_up') AND "
        "b.local_state<>'rejected' AND b.subsidy_cents > 0 AND s.date >= ? AND s.date < ?";
    const auto day = ctx.db.queryInt(countSql, m.id, s.date, core::addDays(s.date, 1)).value_or(0);
    const std::string mon = config::weekStart(s.date);
    const auto week = ctx.db.queryInt(countSql, m.id, mon, core::addDays(mon, 7)).value_or(0);
    const config::MealQuote q =
        config::quoteMeal(cfg->subsidy, cfg->calendar, elderFacts(m, s.date),
                          config::MealAsk{s.date, s.slot, s.price_cents, delivery, int(day), int(week)});
    Price p;
    p.price_cents = int(q.priceCents);
    p.subsidy_cents = int(q.subsidyCents);
    p.pay_cents = int(q.payCents);
    p.capped = q.why == config::NoSubsidy::DailyCap || q.why == config::NoSubsidy::WeeklyCap;
    p.delivery_fee_cents = int(q.deliveryFeeCents);
    p.delivery_subsidy_cents = int(q.deliverySubsidyCents);
    p.rule = q.rule;
    p.tier = q.tier;
    p.why = q.why;
    if (m.status != "active" && p.subsidy_cents + p.delivery_subsidy_cents > 0) {
        // An enrolment waiting for the district (issue 9): full price, as it answers.
        p.pay_cents += p.subsidy_cents + p.delivery_subsidy_cents;
        p.subsidy_cents = 0;
        p.delivery_subsidy_cents = 0;
        p.rule = "none";
        p.why = config::NoSubsidy::NoTier;
    }
    return p;
}

config::DeliveryCheck deliveryFor(const Context& ctx, const Member& m, const std::string& date) {
    return config::deliveryCheck(ctx.running()->subsidy, elderFacts(m, date));
}

const config::SubsidyTier* tierOf(const Context& ctx, const Price& p) {
    if (p.tier.empty()) return nullptr;
    // The running configuration outlives this call: the shell keeps it.
    return ctx.running()->subsidy.tier(p.tier);
}

BookResult bookMeal(const Context& ctx, const Member& m, const std::string& slotId, bool delivery) {
    store::Transaction tx(ctx.db);
    auto slot = mealSlot(ctx, slotId);
    if (!slot) return {BookOutcome::UnknownSlot, {}, {}};
    if (slot->past_cutoff) return {BookOutcome::PastCutoff, {}, {}};
    if (delivery) {
        const auto check = deliveryFor(ctx, m, slot->date);
        if (check == config::DeliveryCheck::NotEligible) return {BookOutcome::NotEligibleDelivery, {}, {}};
        if (check == config::DeliveryCheck::NoAddress) return {BookOutcome::NoAddress, {}, {}};
    }
    if (ctx.db.queryInt("SELECT 1 FROM bookings WHERE member_id=? AND slot_id=? AND "
                        "status IN ('booked','picked_up') AND local_state<>'rejected'",
                        m.id, slotId))
        return {BookOutcome::AlreadyBooked, {}, {}};
    if (slot->seats_left <= 0) return {BookOutcome::Full, {}, {}};
    Price p = priceFor(ctx, m, *slot, delivery);
    const std::string id = core::newUuid(), at = ctx.nowIso();
    ctx.db.run("INSERT INTO bookings(id, member_id, slot_id, station_id, status, subsidy_cents, "
               "pay_cents, delivery, local_state, created_at, rule, delivery_fee_cents, "
               "delivery_subsidy_cents) VALUES (?,?,?,?,'booked',?,?,?,'pending',?,?,?,?)",
               id, m.id, slotId, ctx.stationId, p.subsidy_cents, p.pay_cents, delivery ? 1 : 0, at,
               p.rule, p.delivery_fee_cents, p.delivery_subsidy_cents);
    ctx.oplog().append(id, "meal_book",
                       {{"booking_id", id}, {"member_id", m.id}, {"slot_id", slotId},
                        {"delivery", delivery}},
                       at, m.id);
    tx.commit();
    return {BookOutcome::Booked, id, p};
}

CancelOutcome cancelBooking(const Context& ctx, const std::string& memberId,
                            const std::string& bookingId) {
    store::Transaction tx(ctx.db);
    auto cutoff = ctx.db.queryText(
        "SELECT s.cutoff FROM bookings b JOIN meal_slots s ON s.id=b.slot_id "
        "WHERE b.id=? AND b.member_id=? AND b.status='booked' AND b.local_state<>'rejected'",
        bookingId, memberId);
    if (!cutoff) return CancelOutcome::NotFound;
    if (!ctx.stationId.empty() &&
        !ctx.db.queryInt("SELECT 1 FROM bookings b JOIN meal_slots s ON s.id=b.slot_id "
                         "LEFT JOIN canteens c ON c.id=s.canteen_id WHERE b.id=? AND "
                         "(b.station_id=? OR c.station_id=?)",
                         bookingId, ctx.stationId, ctx.stationId))
        return CancelOutcome::NotHere;
    if (ctx.clock.now() >= core::parseIso(*cutoff)) return CancelOutcome::PastCutoff;
    const std::string at = ctx.nowIso();
    // 'pending' keeps a pull from undoing the cancel before the district has it.
    ctx.db.run("UPDATE bookings SET status='cancelled', local_state='pending' WHERE id=?",
               bookingId);
    ctx.oplog().append(core::newUuid(), "meal_cancel", {{"booking_id", bookingId}}, at, memberId);
    tx.commit();
    return CancelOutcome::Cancelled;
}

std::vector<Booking> myBookings(const Context& ctx, const std::string& memberId) {
    auto st = ctx.db.prepare(
        "SELECT b.id, b.slot_id, s.date, s.slot, coalesce(c.name,''), b.status, b.local_state, "
        "coalesce(b.reason,''), b.subsidy_cents, b.pay_cents, b.delivery, s.cutoff, b.rule, "
        "b.delivery_fee_cents, b.delivery_subsidy_cents, b.delivery_status "
        "FROM bookings b JOIN meal_slots s ON s.id=b.slot_id "
        "LEFT JOIN canteens c ON c.id=s.canteen_id "
        "WHERE b.member_id=? AND s.date >= ? AND b.status <> 'cancelled' "
        "ORDER BY s.date, CASE s.slot WHEN 'lunch' THEN 0 ELSE 1 END");
    st.bind(1, memberId).bind(2, ctx.today());
    std::vector<Booking> out;
    while (st.step()) {
        Booking b{st.getText(0), st.getText(1), st.getText(2), st.getText(3), st.getText(4),
                  st.getText(5), st.getText(6), st.getText(7), int(st.getInt(8)),
                  int(st.getInt(9)), st.getInt(10) != 0, st.getText(11), st.getText(12),
                  int(st.getInt(13)), int(st.getInt(14)), st.getText(15)};
        if (b.local_state == "rejected") b.status = "rejected";
        out.push_back(std::move(b));
    }
    return out;
}

std::string voucherText(const Context& ctx, const std::string& bookingId) {
    auto st = ctx.db.prepare("SELECT b.member_id, s.date, s.slot FROM bookings b "
                             "JOIN meal_slots s ON s.id = b.slot_id WHERE b.id=?");
    st.bind(1, bookingId);
    const std::string key = store::memberKey(ctx.db);
    if (!st.step() || key.empty()) return "";
    try {
        return config::signMealVoucher({bookingId, st.getText(0), st.getText(1), st.getText(2)}, key);
    } catch (const std::invalid_argument&) {
        return "";  // an id the district would not make (':' in it): no voucher rather than a bad one
    }
}

}  // namespace domain
