#include "domain/timebank.h"

#include <cstdlib>

#include "core/ids.h"

namespace domain {

Balance balanceOf(const Context& ctx, const std::string& memberId) {
    Balance b;
    b.minutes = static_cast<int>(
        ctx.db.queryInt("SELECT minutes FROM balances WHERE member_id=?", memberId).value_or(0));
    b.pending_minutes = static_cast<int>(
        ctx.db.queryInt("SELECT coalesce(sum(minutes),0) FROM redemptions WHERE member_id=? AND "
                        "status='pending'",
                        memberId)
            .value_or(0));
    return b;
}

std::vector<StatementLine> statementOf(const Context& ctx, const std::string& memberId, int limit) {
    auto st = ctx.db.prepare("SELECT at, what, minutes FROM ledger_entries WHERE member_id=? "
                             "ORDER BY at DESC LIMIT ?");
    st.bind(1, memberId).bind(2, limit);
    std::vector<StatementLine> out;
    while (st.step()) out.push_back({st.getText(0), st.getText(1), int(st.getInt(2))});
    return out;
}

std::vector<CatalogItem> catalog(const Context& ctx, const std::string& kind) {
    auto st = ctx.db.prepare("SELECT id, name, kind, minutes FROM catalog_items WHERE ?1='' OR "
                             "kind=?1 ORDER BY kind DESC, minutes, name");
    st.bind(1, kind);
    std::vector<CatalogItem> out;
    while (st.step()) out.push_back({st.getText(0), st.getText(1), st.getText(2), int(st.getInt(3))});
    return out;
}

std::optional<CatalogItem> catalogItem(const Context& ctx, const std::string& id) {
    auto st = ctx.db.prepare("SELECT id, name, kind, minutes FROM catalog_items WHERE id=?");
    st.bind(1, id);
    if (!st.step()) return std::nullopt;
    return CatalogItem{st.getText(0), st.getText(1), st.getText(2), int(st.getInt(3))};
}

RedeemResult redeem(const Context& ctx, const std::string& memberId, const std::string& itemId) {
    store::Transaction tx(ctx.db);
    auto item = catalogItem(ctx, itemId);
    if (!item) return {RedeemOutcome::UnknownItem, {}};
    // Checked against what the district last confirmed minus what is already
    // pending, so an offline kiosk never promises hours twice; the district
    // checks again against the real ledger.
    if (balanceOf(ctx, memberId).available() < item->minutes)
        return {RedeemOutcome::NotEnoughHours, {}};
    const std::string id = core::newUuid(), at = ctx.nowIso();
    ctx.db.run("INSERT INTO redemptions(id, member_id, item_id, minutes, status, local_state, "
               "created_at) VALUES (?,?,?,?,'pending','pending',?)",
               id, memberId, itemId, item->minutes, at);
    ctx.oplog().append(id, "tb_redeem",
                       {{"redemption_id", id}, {"member_id", memberId}, {"item_id", itemId}}, at,
                       memberId);
    tx.commit();
    return {RedeemOutcome::Requested, id};
}

std::vector<Redemption> myRedemptions(const Context& ctx, const std::string& memberId) {
    auto st = ctx.db.prepare(
        "SELECT r.id, coalesce(c.name,''), r.minutes, r.status, coalesce(r.voucher,''), "
        "coalesce(r.reason,''), coalesce(r.created_at,'') FROM redemptions r "
        "LEFT JOIN catalog_items c ON c.id=r.item_id WHERE r.member_id=? "
        "ORDER BY r.created_at DESC LIMIT 20");
    st.bind(1, memberId);
    std::vector<Redemption> out;
    while (st.step())
        out.push_back({st.getText(0), st.getText(1), int(st.getInt(2)), st.getText(3),
                       st.getText(4), st.getText(5), st.getText(6)});
    return out;
}

ServiceOutcome recordService(const Context& ctx, const std::string& volunteerId,
                             const std::string& recipientId, const std::string& itemId,
                             int minutes) {
    if (volunteerId == recipientId) return ServiceOutcome::SamePerson;
    // Half-hour steps, at most a long day of service.
    if (minutes <= 0 || minutes > 8 * 60 || minutes % 30 != 0) return ServiceOutcome::InvalidHours;
    store::Transaction tx(ctx.db);
    if (!catalogItem(ctx, itemId)) return ServiceOutcome::UnknownItem;
    if (ctx.db.queryInt("SELECT count(*) FROM members WHERE id IN (?,?)", volunteerId, recipientId)
            .value_or(0) != 2)
        return ServiceOutcome::UnknownMember;
    const std::string id = core::newUuid(), at = ctx.nowIso();
    ctx.db.run("INSERT INTO services(id, volunteer_id, recipient_id, item_id, minutes, status, "
               "local_state, created_at) VALUES (?,?,?,?,?,'pending','pending',?)",
               id, volunteerId, recipientId, itemId, minutes, at);
    ctx.oplog().append(id, "tb_service",
                       {{"service_id", id}, {"volunteer_id", volunteerId},
                        {"recipient_id", recipientId}, {"item_id", itemId}, {"minutes", minutes}},
                       at, volunteerId);
    tx.commit();
    return ServiceOutcome::Recorded;
}

std::string formatHours(int minutes) {
    int tenths = (std::abs(minutes) * 10 + 30) / 60;
    std::string s = (minutes < 0 ? "-" : "") + std::to_string(tenths / 10);
    if (tenths % 10) s += "." + std::to_string(tenths % 10);
    return s;
}

}  // namespace domain
