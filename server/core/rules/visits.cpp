// visits.cpp — check-ins (once per member, station and day), 巡访 of the care
// list, and alerts (help calls and the other kinds) with their acknowledgement.
#include <algorithm>

#include "rules/handlers.h"
#include "rules/payload.h"

namespace district {

Outcome applyCheckin(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p) {
    const std::string memberId = needId(p, "member_id");
    const core::TimePoint at = optTime(p, "at", core::parseIso(ctx.created_at));
    const std::string day = core::dateLocal(at);
    if (!tx.member(memberId)) return Outcome::reject(reason::kUnknownMember);
    if (tx.checkedIn(memberId, ctx.station_id, day))
        return Outcome::reject(reason::kAlreadyCheckedIn, {{"day", day}});
    tx.addCheckin(ctx.uuid, memberId, ctx.station_id, day, core::isoLocal(at));
    tx.memberSeen(memberId, core::isoLocal(at));
    return Outcome::ok({{"day", day}});
}

Outcome applyCareVisit(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p) {
    CareVisit v;
    v.id = needId(p, "visit_id");
    v.member_id = needId(p, "member_id");
    v.at = core::isoLocal(std::min(optTime(p, "at", ctx.judged_at), ctx.judged_at));
    v.outcome = optString(p, "outcome", "", 20);
    v.note = optString(p, "note", "", 400);
    v.station_id = ctx.station_id;
    v.staff_id = ctx.staff_id;
    if (v.outcome != "reached" && v.outcome != "not_reached")
        throw InvalidPayload("outcome", "must be reached or not_reached");
    nlohmann::json detail = {{"visit_id", v.id}, {"member_id", v.member_id}};
    if (!tx.member(v.member_id)) return Outcome::reject(reason::kUnknownMember, detail);
    tx.addCareVisit(v);
    return Outcome::ok(detail);
}

namespace {

// A help call or another alert, with the elder at the screen when known.
Outcome addAlert(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p, const std::string& kind) {
    HelpCallRow a;
    a.id = ctx.uuid;
    a.station_id = ctx.station_id;
    a.kind = kind;
    a.at = core::isoLocal(optTime(p, "at", core::parseIso(ctx.created_at)));
    a.screen = optString(p, "screen", "", 100);
    a.member_id = optString(p, "member_id", "", 128);
    a.detail = optString(p, "detail", "", 200);
    // An elder the district does not know (yet) is kept as words, not as a link.
    if (!a.member_id.empty() && !tx.member(a.member_id)) {
        a.detail = "member " + a.member_id + (a.detail.empty() ? "" : "; " + a.detail);
        a.member_id.clear();
    }
    tx.addHelpCall(a);
    return Outcome::ok({{"alert_id", a.id}});
}

}  // namespace

Outcome applyHelpCall(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p) {
    return addAlert(tx, ctx, p, "help");
}

Outcome applyAlert(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p) {
    const std::string kind = optString(p, "kind", "", 20);
    if (kind != "urgent" && kind != "blocked_card" && kind != "pin_failures")
        throw InvalidPayload("kind", "must be urgent, blocked_card or pin_failures");
    return addAlert(tx, ctx, p, kind);
}

// Staff at the station dealt with an alert the station raised: it is closed
// at the district too, in the console's table (acked by station:<id>/<staff>).
Outcome applyAlertAck(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p) {
    const std::string id = needId(p, "alert_id");
    nlohmann::json detail = {{"alert_id", id}};
    const auto alert = tx.helpCall(id);
    if (!alert) return Outcome::reject(reason::kUnknownAlert, detail);
    if (alert->station_id != ctx.station_id) return Outcome::reject(reason::kNotOwner, detail);
    const std::string by = "station:" + ctx.station_id + (ctx.staff_id.empty() ? "" : "/" + ctx.staff_id);
    if (!tx.ackHelpCall(id, by, ctx.judged_iso)) detail["already"] = true;
    return Outcome::ok(detail);
}

}  // namespace district
