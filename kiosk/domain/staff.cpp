#include "domain/staff.h"

#include "config/meal_voucher.h"
#include "core/ids.h"
#include "domain/help.h"
#include "domain/hours.h"
#include "store/trusted_keys.h"

namespace domain {

std::vector<RapidTarget> todaysTargets(const Context& ctx) {
    std::vector<RapidTarget> out;
    const std::string today = ctx.today();
    auto acts = ctx.db.prepare("SELECT id, title, starts_at FROM activities WHERE "
                               "substr(starts_at,1,10)=?1 AND (?2='' OR station_id=?2 OR "
                               "coalesce(station_id,'')='') ORDER BY starts_at");
    acts.bind(1, today).bind(2, ctx.stationId);
    while (acts.step())
        out.push_back({RapidKind::Activity, acts.getText(0), acts.getText(1), acts.getText(2)});
    auto meals = ctx.db.prepare(
        "SELECT s.id, coalesce(c.name,''), s.slot, s.date FROM meal_slots s "
        "LEFT JOIN canteens c ON c.id=s.canteen_id WHERE s.date=? AND "
        "(c.station_id IS NULL OR c.station_id=? OR ?='') "
        "ORDER BY CASE s.slot WHEN 'lunch' THEN 0 ELSE 1 END");
    meals.bindAll(today, ctx.stationId, ctx.stationId);
    // Meals are listed at the start of their pickup window (configuration).
    while (meals.step())
        out.push_back({RapidKind::MealPickup, meals.getText(0), meals.getText(1),
                       meals.getText(3) + "T" +
                           config::formatHhmm(slotTimes(*ctx.running(), meals.getText(2)).pickupFromMinute)});
    return out;
}

int rapidCount(const Context& ctx, const RapidTarget& t) {
    const char* sql = t.kind == RapidKind::Activity
                          ? "SELECT count(*) FROM signups WHERE activity_id=? AND status='attended'"
                          : "SELECT count(*) FROM bookings WHERE slot_id=? AND status='picked_up'";
    return static_cast<int>(ctx.db.queryInt(sql, t.id).value_or(0));
}

RapidResult rapidCheckIn(const Context& ctx, const RapidTarget& t, const std::string& cardNo) {
    auto id = identifyCardAt(ctx, cardNo, "staff_rapid");
    if (id.outcome == IdentifyOutcome::BadInput) return {RapidOutcome::BadInput, {}, {}, {}, rapidCount(ctx, t)};
    if (id.outcome == IdentifyOutcome::BlockedCard)
        return {RapidOutcome::BlockedCard, id.member ? id.member->id : "",
                id.member ? maskName(id.member->name) : "", {}, rapidCount(ctx, t)};
    if (!id.member) return {RapidOutcome::UnknownCard, {}, {}, {}, rapidCount(ctx, t)};
    return rapidCheckInMember(ctx, t, *id.member);
}

RapidResult rapidCheckInMember(const Context& ctx, const RapidTarget& t, const Member& m) {
    RapidResult r{RapidOutcome::Ok, m.id, maskName(m.name), {}, 0};
    const std::string at = ctx.nowIso();
    store::Transaction tx(ctx.db);
    if (t.kind == RapidKind::Activity) {
        if (ctx.db.queryInt("SELECT 1 FROM signups WHERE member_id=? AND activity_id=? AND "
                            "status='attended'",
                            m.id, t.id)) {
            r.outcome = RapidOutcome::AlreadyDone;
        } else {
            auto existing = ctx.db.queryText("SELECT id FROM signups WHERE member_id=? AND "
                                             "activity_id=? AND status IN ('signed_up','waitlisted')",
                                             m.id, t.id);
            if (existing) {
                r.record_id = *existing;
                ctx.db.run("UPDATE signups SET status='attended', local_state='pending' WHERE id=?",
                           *existing);
            } else {
                r.outcome = RapidOutcome::WalkIn;
                r.record_id = core::newUuid();
                ctx.db.run("INSERT INTO signups(id, member_id, activity_id, station_id, status, "
                           "local_state, created_at) VALUES (?,?,?,?,'attended','pending',?)",
                           r.record_id, m.id, t.id, ctx.stationId, at);
            }
            ctx.oplog().append(core::newUuid(), "activity_attend",
                               {{"member_id", m.id}, {"activity_id", t.id}, {"at", at}}, at, m.id);
        }
    } else {
        auto st = ctx.db.prepare("SELECT id, status FROM bookings WHERE member_id=? AND slot_id=? "
                                 "AND status IN ('booked','picked_up') AND local_state<>'rejected' "
                                 "ORDER BY status='picked_up' DESC LIMIT 1");
        st.bindAll(m.id, t.id);
        if (!st.step()) {
            r.outcome = RapidOutcome::NotBooked;
        } else if (st.getText(1) == "picked_up") {
            r.outcome = RapidOutcome::AlreadyDone;
        } else {
            r.record_id = st.getText(0);
            ctx.db.run("UPDATE bookings SET status='picked_up', local_state='pending' WHERE id=?",
                       r.record_id);
            ctx.oplog().append(core::newUuid(), "meal_pickup", {{"booking_id", r.record_id}}, at,
                               m.id);
        }
    }
    tx.commit();
    r.count = rapidCount(ctx, t);
    return r;
}

bool undoRapid(const Context& ctx, const RapidTarget& t, const RapidResult& last) {
    if (last.record_id.empty() ||
        (last.outcome != RapidOutcome::Ok && last.outcome != RapidOutcome::WalkIn))
        return false;
    const std::string at = ctx.nowIso();
    store::Transaction tx(ctx.db);
    if (t.kind == RapidKind::Activity) {
        // A walk-in's row goes away; a sign-up goes back to signed up.
        ctx.db.run(last.outcome == RapidOutcome::WalkIn
                       ? "UPDATE signups SET status='cancelled', local_state='pending' WHERE id=? AND "
                         "status='attended'"
                       : "UPDATE signups SET status='signed_up', local_state='pending' WHERE id=? AND "
                         "status='attended'",
                   last.record_id);
        if (ctx.db.changes() == 0) return false;
        ctx.oplog().append(core::newUuid(), "activity_attend_undo",
                           {{"member_id", last.member_id}, {"activity_id", t.id}, {"at", at}}, at,
                           last.member_id);
    } else {
        ctx.db.run("UPDATE bookings SET status='booked', local_state='pending' WHERE id=? AND "
                   "status='picked_up'",
                   last.record_id);
        if (ctx.db.changes() == 0) return false;
        ctx.oplog().append(core::newUuid(), "meal_pickup_undo", {{"booking_id", last.record_id}},
                           at, last.member_id);
    }
    tx.commit();
    return true;
}

std::vector<RosterLine> roster(const Context& ctx, const RapidTarget& t) {
    const char* sql =
        t.kind == RapidKind::Activity
            ? "SELECT g.member_id, m.masked_name, g.status FROM signups g JOIN members m ON "
              "m.id=g.member_id WHERE g.activity_id=? AND g.status IN ('signed_up','waitlisted',"
              "'attended') ORDER BY g.status, m.masked_name"
            : "SELECT b.member_id, m.masked_name, b.status FROM bookings b JOIN members m ON "
              "m.id=b.member_id WHERE b.slot_id=? AND b.status IN ('booked','picked_up') AND "
              "b.local_state<>'rejected' ORDER BY b.status, m.masked_name";
    auto st = ctx.db.prepare(sql);
    st.bind(1, t.id);
    std::vector<RosterLine> out;
    while (st.step()) out.push_back({st.getText(0), maskName(st.getText(1)), st.getText(2)});
    return out;
}

RapidResult ScanResult::rapid() const {
    RapidResult r;
    switch (outcome) {
        case ScanOutcome::PickedUp: r.outcome = RapidOutcome::Ok; break;
        case ScanOutcome::AlreadyPickedUp: r.outcome = RapidOutcome::AlreadyDone; break;
        case ScanOutcome::NotBooked: r.outcome = RapidOutcome::NotBooked; break;
        case ScanOutcome::UnknownElder: r.outcome = RapidOutcome::UnknownCard; break;
        default: r.outcome = RapidOutcome::BadInput; break;  // the scan's own answer says which
    }
    r.member_id = member_id;
    r.masked_name = masked_name;
    r.record_id = outcome == ScanOutcome::PickedUp ? booking_id : "";
    r.count = count;
    return r;
}

ScanResult scanPickup(const Context& ctx, const RapidTarget& t, const std::string& text,
                      const std::string& atCounter) {
    ScanResult r;
    r.count = rapidCount(ctx, t);
    const std::string key = store::memberKey(ctx.db);
    const config::MealVoucherCheck v = config::verifyMealVoucher(text, key);
    if (v.status == config::MealVoucherStatus::NotVoucher) {
        // An elder's own QR code or a card number: their booking of this meal.
        const IdentifyResult id = identifyByQr(ctx.db, text);
        switch (id.outcome) {
            case IdentifyOutcome::Found: break;
            case IdentifyOutcome::ForgedCode: r.outcome = ScanOutcome::Forged; return r;
            case IdentifyOutcome::BadInput: r.outcome = ScanOutcome::NotRecognised; return r;
            default: r.outcome = ScanOutcome::UnknownElder; return r;
        }
        const RapidResult rr = rapidCheckInMember(ctx, t, *id.member);
        r.member_id = rr.member_id;
        r.masked_name = rr.masked_name;
        r.booking_id = rr.record_id;
        r.count = rr.count;
        r.outcome = rr.outcome == RapidOutcome::Ok          ? ScanOutcome::PickedUp
                    : rr.outcome == RapidOutcome::AlreadyDone ? ScanOutcome::AlreadyPickedUp
                                                              : ScanOutcome::NotBooked;
        return r;
    }
    if (v.status != config::MealVoucherStatus::Ok) {
        r.outcome = ScanOutcome::Forged;
        return r;
    }
    r.booking_id = v.voucher.booking_id;
    r.member_id = v.voucher.member_id;
    r.date = v.voucher.date;
    r.slot = v.voucher.slot;
    if (auto m = memberById(ctx.db, r.member_id)) r.masked_name = maskName(m->name);
    if (!atCounter.empty() && atCounter != r.member_id) {
        r.outcome = ScanOutcome::OtherElder;
        return r;
    }
    auto st = ctx.db.prepare(
        "SELECT b.slot_id, b.status, b.delivery, b.local_state, s.date, s.slot, coalesce(c.station_id,'') "
        "FROM bookings b LEFT JOIN meal_slots s ON s.id=b.slot_id LEFT JOIN canteens c ON c.id=s.canteen_id "
        "WHERE b.id=? AND b.member_id=?");
    st.bindAll(r.booking_id, r.member_id);
    if (!st.step()) {
        r.outcome = ScanOutcome::UnknownBooking;
        return r;
    }
    const std::string slotId = st.getText(0), status = st.getText(1), localState = st.getText(3);
    const bool delivery = st.getInt(2) != 0;
    const std::string canteenStation = st.getText(6);
    if (status == "cancelled" || localState == "rejected") r.outcome = ScanOutcome::Cancelled;
    else if (slotId != t.id && !canteenStation.empty() && !ctx.stationId.empty() &&
             canteenStation != ctx.stationId && r.date == ctx.today())
        r.outcome = ScanOutcome::OtherCanteen;
    else if (slotId != t.id) r.outcome = ScanOutcome::OtherMeal;
    else if (delivery) r.outcome = ScanOutcome::Delivery;
    else if (status == "picked_up") r.outcome = ScanOutcome::AlreadyPickedUp;
    else {
        const std::string at = ctx.nowIso();
        store::Transaction tx(ctx.db);
        ctx.db.run("UPDATE bookings SET status='picked_up', local_state='pending' WHERE id=?", r.booking_id);
        ctx.oplog().append(core::newUuid(), "meal_pickup", {{"booking_id", r.booking_id}}, at, r.member_id);
        tx.commit();
        r.outcome = ScanOutcome::PickedUp;
        r.count = rapidCount(ctx, t);
    }
    return r;
}

}  // namespace domain
