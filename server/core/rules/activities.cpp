// activities.cpp — signing up (seats through quotas, or the waitlist),
// cancelling (which promotes the first waitlisted elder a seat can be found
// for) and attendance.
#include <algorithm>

#include "rules/capacity.h"
#include "rules/handlers.h"
#include "rules/payload.h"

namespace district {
namespace {

using nlohmann::json;

// The freed seat stays in the cancelling station's quota (capacity.h), so a
// waitlisted elder of that station always gets it; an elder of another
// station gets a seat only from that station's free quota or unallocated
// seats. Elders who cannot be seated yet keep their place.
void promoteWaitlist(WriteTx& tx, const Activity& a) {
    for (auto& w : tx.waitlist(a.id)) {
        if (!takeSeat(tx, SeatKind::Activity, a.id, w.station_id)) continue;
        w.status = "signed_up";
        tx.putSignup(w);
        return;
    }
}

// PROTOCOL.md "Who may act on a record": a signup is cancelled by the station
// that made it or the activity's own; attendance is taken at the activity's
// station, or at any station for a district-wide activity (it has no home).
bool mayCancel(const OpContext& ctx, const Signup& s, const std::optional<Activity>& a) {
    return s.station_id == ctx.station_id || (a && a->station_id == ctx.station_id);
}
bool mayTakeAttendance(const OpContext& ctx, const Activity& a) {
    return a.station_id.empty() || a.station_id == ctx.station_id;
}

}  // namespace

Outcome applyActivitySignup(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string signupId = needId(p, "signup_id");
    const std::string memberId = needId(p, "member_id");
    const std::string activityId = needId(p, "activity_id");
    const bool waitlistOk = optBool(p, "waitlist", false);
    json detail = {{"signup_id", signupId}};

    if (tx.signup(signupId)) return Outcome::reject(reason::kDuplicateUuid, detail);
    if (!tx.member(memberId)) return Outcome::reject(reason::kUnknownMember, detail);
    const auto a = tx.activity(activityId);
    if (!a) return Outcome::reject(reason::kUnknownActivity, detail);
    if (ctx.judged_at >= core::parseIso(a->starts_at)) {
        detail["starts_at"] = a->starts_at;
        return Outcome::reject(reason::kPastCutoff, detail);
    }
    if (auto existing = tx.activeSignup(memberId, activityId)) {
        detail["existing_signup_id"] = existing->id;
        detail["status"] = existing->status;
        return Outcome::reject(reason::kAlreadySignedUp, detail);
    }
    Signup s{signupId, memberId, activityId, ctx.station_id, "signed_up", ctx.created_at};
    if (!takeSeat(tx, SeatKind::Activity, activityId, ctx.station_id)) {
        if (!waitlistOk) return Outcome::reject(reason::kFull, detail);
        s.status = "waitlisted";
    }
    tx.putSignup(s);
    detail["status"] = s.status;
    if (s.status == "waitlisted")
        detail["position"] = static_cast<std::int64_t>(tx.waitlist(activityId).size());
    return Outcome::ok(detail);
}

Outcome applyActivityCancel(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string signupId = needId(p, "signup_id");
    json detail = {{"signup_id", signupId}};
    auto s = tx.signup(signupId);
    if (!s) return Outcome::reject(reason::kUnknownSignup, detail);
    const auto a = tx.activity(s->activity_id);
    if (!mayCancel(ctx, *s, a)) return Outcome::reject(reason::kNotOwner, detail);
    const std::string before = s->status;
    if (before != "cancelled") {
        s->status = "cancelled";
        tx.putSignup(*s);
        if (before == "signed_up" && a && core::parseIso(a->starts_at) > ctx.judged_at)
            promoteWaitlist(tx, *a);
    }
    detail["status"] = "cancelled";
    return Outcome::ok(detail);
}

Outcome applyActivityAttend(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string memberId = needId(p, "member_id");
    const std::string activityId = needId(p, "activity_id");
    const core::TimePoint at = optTime(p, "at", ctx.judged_at);
    json detail = {{"member_id", memberId}, {"activity_id", activityId}};
    const auto a = tx.activity(activityId);
    if (!a) return Outcome::reject(reason::kUnknownActivity, detail);
    if (!mayTakeAttendance(ctx, *a)) return Outcome::reject(reason::kNotOwner, detail);
    if (!tx.member(memberId)) return Outcome::reject(reason::kUnknownMember, detail);
    if (tx.attended(memberId, activityId)) {
        detail["already"] = true;
        return Outcome::ok(detail);
    }
    tx.addAttendance(memberId, activityId, ctx.station_id, core::isoLocal(at), false);
    tx.memberSeen(memberId, core::isoLocal(std::min(at, ctx.judged_at)));
    // A signed-up elder's signup shows as attended; a walk-in is recorded
    // without taking a seat.
    if (auto s = tx.activeSignup(memberId, activityId); s && s->status == "signed_up") {
        s->status = "attended";
        tx.putSignup(*s);
        detail["signup_id"] = s->id;
    }
    return Outcome::ok(detail);
}

// Staff undid a mistaken tap: an undo row joins the history (the tap stays),
// and an attended signup is signed up again.
Outcome applyActivityAttendUndo(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string memberId = needId(p, "member_id");
    const std::string activityId = needId(p, "activity_id");
    json detail = {{"member_id", memberId}, {"activity_id", activityId}};
    const auto a = tx.activity(activityId);
    if (!a) return Outcome::reject(reason::kUnknownActivity, detail);
    if (!mayTakeAttendance(ctx, *a)) return Outcome::reject(reason::kNotOwner, detail);
    if (!tx.attended(memberId, activityId)) {
        detail["already"] = true;  // nothing to undo
        return Outcome::ok(detail);
    }
    tx.addAttendance(memberId, activityId, ctx.station_id, ctx.judged_iso, true);
    if (auto s = tx.activeSignup(memberId, activityId); s && s->status == "attended") {
        s->status = "signed_up";
        tx.putSignup(*s);
        detail["signup_id"] = s->id;
    }
    return Outcome::ok(detail);
}

}  // namespace district
