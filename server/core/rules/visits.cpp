// visits.cpp — check-ins (once per member, station and day) and help calls.
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
    return Outcome::ok({{"day", day}});
}

Outcome applyHelpCall(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p) {
    const core::TimePoint at = optTime(p, "at", core::parseIso(ctx.created_at));
    const std::string screen = optString(p, "screen", "", 100);
    tx.addHelpCall(ctx.uuid, ctx.station_id, core::isoLocal(at), screen);
    return Outcome::ok();
}

}  // namespace district
