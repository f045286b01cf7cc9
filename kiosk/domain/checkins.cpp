#include "domain/checkins.h"

#include "core/ids.h"

namespace domain {

CheckinResult checkIn(const Context& ctx, const std::string& memberId) {
    const std::string day = ctx.today();
    store::Transaction tx(ctx.db);
    if (!ctx.db.queryInt("SELECT 1 FROM members WHERE id=?", memberId))
        return {CheckinOutcome::UnknownMember, {}};
    if (auto earlier = ctx.db.queryText("SELECT at FROM checkins WHERE member_id=? AND day=?",
                                        memberId, day))
        return {CheckinOutcome::AlreadyToday, *earlier};
    const std::string id = core::newUuid(), at = ctx.nowIso();
    ctx.db.run("INSERT INTO checkins(id, member_id, station_id, day, at) VALUES (?,?,?,?,?)", id,
               memberId, ctx.stationId, day, at);
    ctx.oplog().append(id, "checkin", {{"member_id", memberId}, {"at", at}}, at, memberId);
    tx.commit();
    return {CheckinOutcome::CheckedIn, at};
}

int checkinsToday(const Context& ctx) {
    return static_cast<int>(
        ctx.db.queryInt("SELECT count(*) FROM checkins WHERE day=?", ctx.today()).value_or(0));
}

}  // namespace domain
