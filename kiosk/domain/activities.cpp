#include "domain/activities.h"

#include <algorithm>

#include "core/ids.h"

namespace domain {
namespace {

constexpr const char* kSelect =
    "SELECT a.id, a.title, coalesce(a.category,''), a.starts_at, coalesce(a.ends_at,''), "
    "coalesce(a.place,''), coalesce(a.description,''), a.capacity, "
    "coalesce((SELECT CASE WHEN g.local_state='rejected' THEN 'rejected' ELSE g.status END "
    "          FROM signups g WHERE g.activity_id=a.id AND g.member_id=?1 AND "
    "          g.status IN ('signed_up','waitlisted') ORDER BY g.created_at DESC LIMIT 1),''), "
    "coalesce((SELECT g.id FROM signups g WHERE g.activity_id=a.id AND g.member_id=?1 AND "
    "          g.status IN ('signed_up','waitlisted') ORDER BY g.created_at DESC LIMIT 1),'') "
    "FROM activities a ";

Activity readActivity(const Context& ctx, const store::Statement& st) {
    Activity a{st.getText(0), st.getText(1), st.getText(2), st.getText(3), st.getText(4),
               st.getText(5), st.getText(6), int(st.getInt(7)), 0, st.getText(8), st.getText(9)};
    auto quota = ctx.db.queryInt("SELECT seats FROM quotas WHERE kind='activity' AND target_id=? "
                                 "AND station_id=?",
                                 a.id, ctx.stationId)
                     .value_or(0);
    // Sign-ups made at other stations count against their own quotas.
    auto used = ctx.db.queryInt("SELECT count(*) FROM signups WHERE activity_id=? AND "
                                "station_id=? AND status='signed_up' AND local_state<>'rejected'",
                                a.id, ctx.stationId)
                    .value_or(0);
    a.seats_left = static_cast<int>(std::max<std::int64_t>(0, quota - used));
    return a;
}

std::vector<Activity> readAll(const Context& ctx, store::Statement& st) {
    std::vector<Activity> out;
    while (st.step()) out.push_back(readActivity(ctx, st));
    return out;
}

}  // namespace

std::vector<Activity> activitiesOn(const Context& ctx, const std::string& date,
                                   const std::string& category, const std::string& memberId) {
    auto st = ctx.db.prepare(std::string(kSelect) +
                             "WHERE substr(a.starts_at,1,10)=?2 AND (?3='' OR a.category=?3) "
                             "AND (?4='' OR a.station_id=?4 OR coalesce(a.station_id,'')='') "
                             "ORDER BY a.starts_at");
    st.bind(1, memberId).bind(2, date).bind(3, category).bind(4, ctx.stationId);
    auto all = readAll(ctx, st);
    std::stable_partition(all.begin(), all.end(),
                          [](const Activity& a) { return !a.my_status.empty(); });
    return all;
}

std::vector<std::string> activityCategories(const Context& ctx, const std::string& fromDate) {
    auto st = ctx.db.prepare("SELECT DISTINCT category FROM activities WHERE starts_at >= ?1 AND "
                             "category <> '' AND (?2='' OR station_id=?2 OR "
                             "coalesce(station_id,'')='') ORDER BY category");
    st.bind(1, fromDate).bind(2, ctx.stationId);
    std::vector<std::string> out;
    while (st.step()) out.push_back(st.getText(0));
    return out;
}

std::optional<Activity> activityById(const Context& ctx, const std::string& id,
                                     const std::string& memberId) {
    auto st = ctx.db.prepare(std::string(kSelect) + "WHERE a.id=?2");
    st.bind(1, memberId).bind(2, id);
    if (!st.step()) return std::nullopt;
    return readActivity(ctx, st);
}

SignupResult signUp(const Context& ctx, const std::string& memberId, const std::string& activityId,
                    bool waitlist) {
    store::Transaction tx(ctx.db);
    auto a = activityById(ctx, activityId, memberId);
    if (!a) return {SignupOutcome::Unknown, {}};
    if (a->my_status == "signed_up" || a->my_status == "waitlisted")
        return {SignupOutcome::AlreadySignedUp, a->my_signup_id};
    try {
        if (ctx.clock.now() >= core::parseIso(a->starts_at)) return {SignupOutcome::Started, {}};
    } catch (const std::invalid_argument&) {
        return {SignupOutcome::Unknown, {}};
    }
    std::string status;
    if (a->seats_left > 0)
        status = "signed_up";
    else if (waitlist)
        status = "waitlisted";
    else
        return {SignupOutcome::Full, {}};
    const std::string id = core::newUuid(), at = ctx.nowIso();
    ctx.db.run("INSERT INTO signups(id, member_id, activity_id, station_id, status, local_state, "
               "created_at) VALUES (?,?,?,?,?,'pending',?)",
               id, memberId, activityId, ctx.stationId, status, at);
    ctx.oplog().append(id, "activity_signup",
                       {{"signup_id", id}, {"member_id", memberId}, {"activity_id", activityId},
                        {"waitlist", status == "waitlisted"}},
                       at, memberId);
    tx.commit();
    return {status == "signed_up" ? SignupOutcome::SignedUp : SignupOutcome::Waitlisted, id};
}

bool cancelSignup(const Context& ctx, const std::string& memberId, const std::string& signupId) {
    store::Transaction tx(ctx.db);
    if (!ctx.db.queryInt("SELECT 1 FROM signups WHERE id=? AND member_id=? AND status IN "
                         "('signed_up','waitlisted')",
                         signupId, memberId))
        return false;
    // The district takes a cancel only from the station of the signup or of
    // the activity (PROTOCOL.md "Who may act on a record").
    if (!ctx.stationId.empty() &&
        !ctx.db.queryInt("SELECT 1 FROM signups s LEFT JOIN activities a ON a.id=s.activity_id "
                         "WHERE s.id=? AND (s.station_id=? OR a.station_id=?)",
                         signupId, ctx.stationId, ctx.stationId))
        return false;
    ctx.db.run("UPDATE signups SET status='cancelled', local_state='pending' WHERE id=?",
               signupId);
    ctx.oplog().append(core::newUuid(), "activity_cancel", {{"signup_id", signupId}},
                       ctx.nowIso(), memberId);
    tx.commit();
    return true;
}

void recordAttendance(const Context& ctx, const std::string& memberId,
                      const std::string& activityId) {
    store::Transaction tx(ctx.db);
    const std::string at = ctx.nowIso();
    ctx.db.run("UPDATE signups SET status='attended', local_state='pending' WHERE member_id=? AND "
               "activity_id=? AND status='signed_up'",
               memberId, activityId);
    ctx.oplog().append(core::newUuid(), "activity_attend",
                       {{"member_id", memberId}, {"activity_id", activityId}, {"at", at}}, at,
                       memberId);
    tx.commit();
}

std::vector<Activity> mySignups(const Context& ctx, const std::string& memberId) {
    auto st = ctx.db.prepare(std::string(kSelect) +
                             "WHERE a.starts_at >= ?2 AND EXISTS (SELECT 1 FROM signups g WHERE "
                             "g.activity_id=a.id AND g.member_id=?1 AND g.status IN "
                             "('signed_up','waitlisted')) ORDER BY a.starts_at");
    st.bind(1, memberId).bind(2, ctx.today());
    return readAll(ctx, st);
}

}  // namespace domain
