#include "domain/notices.h"

namespace domain {
namespace {

std::string subjectOf(const Context& ctx, const store::OpRecord& op) {
    auto str = [&](const char* k) { return op.payload.value(k, std::string()); };
    if (op.kind == "meal_book")
        return ctx.db
            .queryText("SELECT date || ' ' || slot FROM meal_slots WHERE id=?", str("slot_id"))
            .value_or("");
    if (op.kind == "activity_signup")
        return ctx.db.queryText("SELECT title FROM activities WHERE id=?", str("activity_id"))
            .value_or("");
    if (op.kind == "tb_redeem")
        return ctx.db.queryText("SELECT name FROM catalog_items WHERE id=?", str("item_id"))
            .value_or("");
    return "";
}

}  // namespace

std::vector<Notice> pendingNotices(const Context& ctx, const std::string& memberId) {
    std::vector<Notice> out;
    for (const auto& op : ctx.oplog().unnotifiedRejections(memberId))
        out.push_back({op.seq, op.kind, op.reason, op.created_at, subjectOf(ctx, op)});
    return out;
}

void acknowledgeNotices(const Context& ctx, const std::vector<Notice>& notices) {
    store::Transaction tx(ctx.db);
    auto log = ctx.oplog();
    for (const auto& n : notices) log.markNotified(n.seq);
    tx.commit();
}

}  // namespace domain
