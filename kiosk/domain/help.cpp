#include "domain/help.h"

#include "core/ids.h"

namespace domain {
namespace {

std::string addAlert(const Context& ctx, const std::string& opKind, const std::string& kind,
                     const std::string& screen, const std::string& memberId, const std::string& detail) {
    store::Transaction tx(ctx.db);
    const std::string id = core::newUuid(), at = ctx.nowIso();
    std::optional<std::string> member;
    if (!memberId.empty()) member = memberId;
    ctx.db.run("INSERT INTO help_calls(id, at, screen, member_id, kind) VALUES (?,?,?,?,?)", id, at, screen,
               member, kind);
    nlohmann::json payload = {{"at", at}, {"screen", screen}};
    if (!memberId.empty()) payload["member_id"] = memberId;
    if (opKind == "alert") payload["kind"] = kind;
    if (!detail.empty()) payload["detail"] = detail.substr(0, 200);
    ctx.oplog().append(id, opKind, payload, at, member);
    tx.commit();
    return id;
}

}  // namespace

std::string callStaff(const Context& ctx, const std::string& screen, const std::string& memberId) {
    return addAlert(ctx, "help_call", "help", screen, memberId, "");
}

std::string raiseAlert(const Context& ctx, const std::string& kind, const std::string& screen,
                       const std::string& memberId, const std::string& detail) {
    return addAlert(ctx, "alert", kind, screen, memberId, detail);
}

std::vector<HelpCall> openHelpCalls(const Context& ctx) {
    auto st = ctx.db.prepare("SELECT id, at, coalesce(screen,''), coalesce(member_id,''), kind FROM "
                             "help_calls WHERE handled=0 ORDER BY at");
    std::vector<HelpCall> out;
    while (st.step())
        out.push_back({st.getText(0), st.getText(1), st.getText(2), st.getText(3), st.getText(4)});
    return out;
}

void markHelpHandled(const Context& ctx, const std::string& id) {
    store::Transaction tx(ctx.db);
    ctx.db.run("UPDATE help_calls SET handled=1, handled_by=? WHERE id=? AND handled=0", ctx.staffId, id);
    if (ctx.db.changes() == 0) return;
    const std::string at = ctx.nowIso();
    ctx.oplog().append(core::newUuid(), "alert_ack", {{"alert_id", id}}, at, std::nullopt);
    tx.commit();
}

IdentifyResult identifyCardAt(const Context& ctx, const std::string& cardNo, const std::string& screen) {
    IdentifyResult r = identifyByCard(ctx.db, cardNo);
    if (r.outcome != IdentifyOutcome::BlockedCard) return r;
    const std::string memberId = r.member ? r.member->id : "";
    const std::string since = core::isoLocal(ctx.clock.now() - std::chrono::minutes(10));
    if (!ctx.db.queryInt("SELECT 1 FROM help_calls WHERE kind='blocked_card' AND coalesce(member_id,'')=? "
                         "AND at>?",
                         memberId, since))
        raiseAlert(ctx, "blocked_card", screen, memberId, "a card reported lost was presented");
    return r;
}

}  // namespace domain
