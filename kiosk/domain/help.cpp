#include "domain/help.h"

#include "core/ids.h"

namespace domain {

std::string callStaff(const Context& ctx, const std::string& screen, const std::string& memberId) {
    store::Transaction tx(ctx.db);
    const std::string id = core::newUuid(), at = ctx.nowIso();
    std::optional<std::string> member;
    if (!memberId.empty()) member = memberId;
    ctx.db.run("INSERT INTO help_calls(id, at, screen, member_id) VALUES (?,?,?,?)", id, at, screen,
               member);
    ctx.oplog().append(id, "help_call", {{"at", at}, {"screen", screen}}, at, std::nullopt);
    tx.commit();
    return id;
}

std::vector<HelpCall> openHelpCalls(const Context& ctx) {
    auto st = ctx.db.prepare("SELECT id, at, coalesce(screen,''), coalesce(member_id,'') FROM "
                             "help_calls WHERE handled=0 ORDER BY at");
    std::vector<HelpCall> out;
    while (st.step()) out.push_back({st.getText(0), st.getText(1), st.getText(2), st.getText(3)});
    return out;
}

void markHelpHandled(const Context& ctx, const std::string& id) {
    ctx.db.run("UPDATE help_calls SET handled=1 WHERE id=?", id);
}

}  // namespace domain
