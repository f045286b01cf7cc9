// pg_console.cpp — what the admin console reads and writes (server/console):
// accounts, the audit log, status history, rejected ops, help calls, member
// search, slots and activities with their seats, a member's transfers.
#include "pg/pg_tx.h"

namespace district {
namespace {

using nlohmann::json;

AdminAccount adminRow(PgQuery& s) {
    return AdminAccount{s.getText(0),      s.getText(1),      s.getText(2),
                        s.getInt(3) != 0,  s.getInt(4) != 0,  s.getInt(5),
                        s.getText(6),      s.getText(7)};
}

constexpr const char* kAdminCols =
    "SELECT name, role, password_hash, must_change, disabled, generation, created_at, updated_at "
    "FROM admins";

Transfer transferRow(PgQuery& s) {
    return Transfer{s.getText(0), s.getText(1), s.getText(2), s.getInt(3),
                    s.getText(4), s.getText(5), s.getText(6), s.getText(7)};
}

// LIKE with the text taken literally (a name may hold % or _).
std::string likeContains(const std::string& text) {
    std::string out = "%";
    for (char c : text) {
        if (c == '%' || c == '_' || c == '\\') out.push_back('\\');
        out.push_back(c);
    }
    return out + "%";
}

}  // namespace

std::optional<AdminAccount> PgTx::admin(const std::string& name) {
    auto s = q(std::string(kAdminCols) + " WHERE name = ?");
    s->bind(1, name);
    if (!s->step()) return std::nullopt;
    return adminRow(*s);
}

std::vector<AdminAccount> PgTx::admins() {
    auto s = q(std::string(kAdminCols) + " ORDER BY name");
    std::vector<AdminAccount> out;
    while (s->step()) out.push_back(adminRow(*s));
    return out;
}

std::vector<AuditEntry> PgTx::auditLog(const AuditQuery& aq) {
    auto s = q("SELECT id, at, admin, client, action, target, outcome, detail FROM audit_log "
               "WHERE (?1 = '' OR admin = ?1) AND (?2 = '' OR action = ?2 OR action LIKE ?2 || '.%') "
               "AND (?3 = '' OR substr(at, 1, 10) >= ?3) AND (?4 = '' OR substr(at, 1, 10) <= ?4) "
               "AND (?5 = 0 OR id < ?5) ORDER BY id DESC LIMIT ?6");
    s->bindAll(aq.admin, aq.action, aq.from, aq.to, aq.before_id, aq.limit);
    std::vector<AuditEntry> out;
    while (s->step())
        out.push_back({s->getInt(0), s->getText(1), s->getText(2), s->getText(3), s->getText(4),
                       s->getText(5), s->getText(6), s->getText(7)});
    return out;
}

std::vector<StatusRecord> PgTx::statusHistory(const std::string& stationId, int limit) {
    auto s = q("SELECT received_at, status FROM station_status_history WHERE station_id = ? "
               "ORDER BY n DESC LIMIT ?");
    s->bindAll(stationId, limit);
    std::vector<StatusRecord> out;
    while (s->step()) out.push_back({s->getText(0), s->getText(1)});
    return out;
}

std::vector<RejectedOp> PgTx::rejectedOps(const std::string& stationId, int limit) {
    auto s = q("SELECT seq, uuid, kind, created_at, received_at, reason, detail FROM ops "
               "WHERE station_id = ? AND status = 'rejected' ORDER BY seq DESC LIMIT ?");
    s->bindAll(stationId, limit);
    std::vector<RejectedOp> out;
    while (s->step())
        out.push_back({s->getInt(0), s->getText(1), s->getText(2), s->getText(3), s->getText(4),
                       s->getText(5), s->getText(6)});
    return out;
}

namespace {
constexpr const char* kAlertSelect =
    "SELECT h.id, h.station_id, coalesce(st.name, ''), h.at, h.screen, "
    "coalesce(a.acked_at, ''), coalesce(a.acked_by, ''), h.kind, h.member_id, h.detail "
    "FROM help_calls h LEFT JOIN stations st ON st.id = h.station_id "
    "LEFT JOIN help_call_acks a ON a.help_call_id = h.id ";

HelpCallRow alertRow(PgQuery& s) {
    return {s.getText(0), s.getText(1), s.getText(2), s.getText(3), s.getText(4),
            s.getText(5), s.getText(6), s.getText(7), s.getText(8), s.getText(9)};
}
}  // namespace

std::vector<HelpCallRow> PgTx::helpCalls(bool openOnly, int limit) {
    auto s = q(std::string(kAlertSelect) +
               "WHERE ?1::bigint = 0 OR a.help_call_id IS NULL ORDER BY h.at DESC, h.id LIMIT ?2");
    s->bindAll(openOnly ? 1 : 0, limit);
    std::vector<HelpCallRow> out;
    while (s->step()) out.push_back(alertRow(*s));
    return out;
}

std::optional<HelpCallRow> PgTx::helpCall(const std::string& id) {
    auto s = q(std::string(kAlertSelect) + "WHERE h.id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return alertRow(*s);
}

std::vector<Member> PgTx::searchMembers(const std::string& text, int limit) {
    // Card (unique index) and phone (index) first, then names (a scan: ~150,000
    // short rows, some tens of milliseconds, only on an admin's search).
    const std::string cols = std::string("SELECT ") + kMemberColumns;
    auto s = q(cols + ", 0 AS r FROM members WHERE card_no = ?1 UNION ALL " + cols +
               ", 1 FROM members WHERE phone = ?1 UNION ALL " + cols +
               ", 2 FROM members WHERE id = ?1 UNION ALL " + cols +
               ", 3 FROM members WHERE name LIKE ?2 ESCAPE '\\' ORDER BY r, id LIMIT ?3");
    s->bindAll(text, likeContains(text), limit);
    std::vector<Member> out;
    while (s->step()) {
        Member m = memberRow(*s);
        bool seen = false;
        for (const auto& o : out) seen = seen || o.id == m.id;
        if (!seen) out.push_back(std::move(m));
    }
    return out;
}

std::vector<Canteen> PgTx::canteens() {
    auto s = q("SELECT id, name, station_id, address FROM canteens ORDER BY station_id, id");
    std::vector<Canteen> out;
    while (s->step()) out.push_back({s->getText(0), s->getText(1), s->getText(2), s->getText(3)});
    return out;
}

std::vector<SlotView> PgTx::slotViews(const std::string& from, const std::string& to,
                                          const std::string& stationId) {
    auto s = q("SELECT m.id, m.canteen_id, m.date, m.slot, m.dishes, m.price_cents, m.capacity, "
               "m.cutoff, c.name, c.station_id, "
               "(SELECT count(*) FROM bookings b WHERE b.slot_id = m.id AND b.status = 'booked'), "
               "(SELECT count(*) FROM bookings b WHERE b.slot_id = m.id AND b.status = 'picked_up'), "
               "(SELECT count(*) FROM bookings b WHERE b.slot_id = m.id AND b.status = 'cancelled'), "
               "(SELECT coalesce(sum(seats), 0) FROM quotas qu WHERE qu.kind = 'meal' "
               " AND qu.target_id = m.id) "
               "FROM meal_slots m JOIN canteens c ON c.id = m.canteen_id "
               "WHERE m.date BETWEEN ?1 AND ?2 AND (?3 = '' OR c.station_id = ?3) "
               "ORDER BY m.date, c.station_id, m.slot DESC, m.id");
    s->bindAll(from, to, stationId);
    std::vector<SlotView> out;
    while (s->step()) {
        SlotView v;
        v.slot = MealSlot{s->getText(0), s->getText(1), s->getText(2),
                          s->getText(3), json::parse(s->getText(4)).get<std::vector<std::string>>(),
                          s->getInt(5),  s->getInt(6),  s->getText(7)};
        v.canteen_name = s->getText(8);
        v.station_id = s->getText(9);
        v.booked = s->getInt(10);
        v.picked_up = s->getInt(11);
        v.cancelled = s->getInt(12);
        v.granted = s->getInt(13);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<ActivityView> PgTx::activityViews(const std::string& from, const std::string& to,
                                                  const std::string& stationId) {
    auto s = q("SELECT a.id, a.station_id, a.title, a.category, a.starts_at, a.ends_at, a.place, "
               "a.capacity, a.description, "
               "(SELECT count(*) FROM signups g WHERE g.activity_id = a.id AND g.status = 'signed_up'), "
               "(SELECT count(*) FROM signups g WHERE g.activity_id = a.id AND g.status = 'waitlisted'), "
               "(SELECT count(*) FROM signups g WHERE g.activity_id = a.id AND g.status = 'attended'), "
               "(SELECT count(*) FROM signups g WHERE g.activity_id = a.id AND g.status = 'cancelled'), "
               "(SELECT coalesce(sum(seats), 0) FROM quotas qu WHERE qu.kind = 'activity' "
               " AND qu.target_id = a.id) "
               "FROM activities a WHERE substr(a.starts_at, 1, 10) BETWEEN ?1 AND ?2 "
               "AND (?3 = '' OR a.station_id = ?3 OR a.station_id = '') "
               "ORDER BY a.starts_at, a.station_id, a.id");
    s->bindAll(from, to, stationId);
    std::vector<ActivityView> out;
    while (s->step()) {
        ActivityView v;
        v.activity = Activity{s->getText(0), s->getText(1), s->getText(2),
                              s->getText(3), s->getText(4), s->getText(5),
                              s->getText(6), s->getInt(7),  s->getText(8)};
        v.signed_up = s->getInt(9);
        v.waitlisted = s->getInt(10);
        v.attended = s->getInt(11);
        v.cancelled = s->getInt(12);
        v.granted = s->getInt(13);
        out.push_back(std::move(v));
    }
    return out;
}

std::vector<Transfer> PgTx::transfersOf(const std::string& accountId, int limit) {
    if (accountId.empty()) {
        auto s = q("SELECT id, from_account, to_account, minutes, at, kind, what, ref "
                   "FROM transfers WHERE kind <> 'opening' ORDER BY at DESC, id LIMIT ?");
        s->bind(1, limit);
        std::vector<Transfer> out;
        while (s->step()) out.push_back(transferRow(*s));
        return out;
    }
    // Through the movements (indexed by account): a member's own transfers.
    auto s = q("SELECT t.id, t.from_account, t.to_account, t.minutes, t.at, t.kind, t.what, t.ref "
               "FROM movements m JOIN transfers t ON t.id = m.transfer_id "
               "WHERE m.account_id = ? ORDER BY t.at DESC, t.id LIMIT ?");
    s->bindAll(accountId, limit);
    std::vector<Transfer> out;
    while (s->step()) out.push_back(transferRow(*s));
    return out;
}

void PgTx::putAdmin(const AdminAccount& a) {
    auto s = q("INSERT INTO admins (name, role, password_hash, must_change, disabled, generation, "
               "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT (name) DO "
               "UPDATE SET role = excluded.role, password_hash = excluded.password_hash, "
               "must_change = excluded.must_change, disabled = excluded.disabled, "
               "generation = excluded.generation, updated_at = excluded.updated_at");
    s->bindAll(a.name, a.role, a.password_hash, a.must_change ? 1 : 0, a.disabled ? 1 : 0,
               a.generation, a.created_at, a.updated_at);
    s->run();
}

void PgTx::addAudit(const AuditEntry& e) {
    auto s = q("INSERT INTO audit_log (at, admin, client, action, target, outcome, detail) "
               "VALUES (?, ?, ?, ?, ?, ?, ?)");
    s->bindAll(e.at, e.admin, e.client, e.action, e.target, e.outcome, e.detail);
    s->run();
}

bool PgTx::ackHelpCall(const std::string& id, const std::string& by, const std::string& at) {
    auto s = q("INSERT INTO help_call_acks (help_call_id, acked_by, acked_at) "
               "SELECT id, ?2::text, ?3::text FROM help_calls WHERE id = ?1 ON CONFLICT DO NOTHING");
    s->bindAll(id, by, at);
    s->run();
    return s->affected() > 0;
}

}  // namespace district
