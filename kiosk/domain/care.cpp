#include "domain/care.h"

#include <algorithm>

#include <nlohmann/json.hpp>

#include "core/ids.h"

namespace domain {

bool onCareRule(const Member& m) {
    const auto has = [&](const char* code) {
        return std::find(m.categories.begin(), m.categories.end(), code) != m.categories.end();
    };
    return m.living_alone || m.care_level >= 2 || has("tekun") || has("dibao");
}

std::vector<CareEntry> careList(const Context& ctx, int days, int limit) {
    if (days <= 0) days = ctx.running()->careDays;
    const auto now = ctx.clock.now();
    const std::string before = core::isoLocal(now - std::chrono::hours(24) * days);
    const std::string today = ctx.today();
    // The rule in SQL (onCareRule); the last contact is the latest of what the
    // district reported and what happened here since (ops not yet answered
    // included): check-ins, pickups, attendance, an enrolment, a delivery
    // booked for a day that has come, a visit that reached the elder.
    auto st = ctx.db.prepare(R"sql(
        WITH near AS (
          -- This station's elders (index members_home), and those who came here
          -- in the last 60 days: never a scan of the district's members.
          SELECT m.*, 1 AS own FROM members m WHERE ?1 <> '' AND m.home_station_id = ?1
          UNION ALL
          SELECT m.*, 0 FROM members m WHERE m.id IN (SELECT member_id FROM checkins WHERE day >= ?4)
            AND m.home_station_id <> ?1),
        candidates AS (
          SELECT * FROM near m WHERE m.status = 'active'
            AND (m.living_alone = 1 OR m.care_level >= 2 OR m.categories LIKE '%"tekun"%'
                 OR m.categories LIKE '%"dibao"%')),
        contacts AS (
          SELECT c.*, max(c.last_seen, c.last_visit,
            coalesce((SELECT max(o.created_at) FROM op_log o WHERE o.member_id = c.id AND o.state <> 'rejected'
                      AND o.kind IN ('checkin','meal_pickup','activity_attend','member_enrol')), ''),
            coalesce((SELECT max(v.at) FROM care_visits v WHERE v.member_id = c.id AND v.outcome = 'reached'), ''),
            coalesce((SELECT max(s.date) || 'T00:00:00+08:00' FROM bookings b JOIN meal_slots s ON s.id = b.slot_id
                      WHERE b.member_id = c.id AND b.delivery = 1 AND b.status IN ('booked','picked_up')
                      AND b.local_state <> 'rejected' AND s.date <= ?3), '')) AS contact
          FROM candidates c)
        SELECT x.id, x.masked_name, coalesce(x.birth_ym,''), coalesce(x.phone_last4,''), x.hukou,
               x.has_address, x.status, x.categories, x.living_alone, x.care_level, x.home_station_id,
               x.own, coalesce(cc.phone,''), coalesce(cc.address,''), x.contact,
               coalesce(v.at,''), coalesce(v.outcome,''), coalesce(v.note,'')
        FROM contacts x
        LEFT JOIN care_contacts cc ON cc.member_id = x.id AND x.own
        LEFT JOIN care_visits v ON v.rowid = (SELECT rowid FROM care_visits WHERE member_id = x.id
                                              ORDER BY at DESC LIMIT 1)
        WHERE x.contact < ?2
        ORDER BY x.own DESC, x.contact, x.id LIMIT ?5)sql");
    st.bindAll(ctx.stationId, before, today, core::addDays(today, -60), limit);
    std::vector<CareEntry> out;
    while (st.step()) {
        CareEntry e;
        e.member.id = st.getText(0);
        e.member.name = st.getText(1);
        e.member.birth_ym = st.getText(2);
        e.member.phone_last4 = st.getText(3);
        e.member.hukou = st.getInt(4) != 0;
        e.member.has_address = st.getInt(5) != 0;
        e.member.status = st.getText(6);
        // Categories as pulled: a JSON array of codes (kiosk/store/schema.cpp 5).
        const auto cats = nlohmann::json::parse(st.getText(7), nullptr, false);
        if (cats.is_array())
            for (const auto& c : cats)
                if (c.is_string()) e.member.categories.push_back(c.get<std::string>());
        e.member.living_alone = st.getInt(8) != 0;
        e.member.care_level = static_cast<int>(st.getInt(9));
        e.member.home_station_id = st.getText(10);
        e.own = st.getInt(11) != 0;
        e.phone = st.getText(12);
        e.address = st.getText(13);
        e.last_contact = st.getText(14);
        if (!e.last_contact.empty()) {
            try {
                e.days_unseen = static_cast<int>(
                    std::chrono::duration_cast<std::chrono::hours>(now - core::parseIso(e.last_contact)).count() / 24);
            } catch (const std::invalid_argument&) {
                e.days_unseen = -1;
            }
        }
        e.last_attempt_at = st.getText(15);
        e.last_attempt_outcome = st.getText(16);
        e.last_attempt_note = st.getText(17);
        out.push_back(std::move(e));
    }
    return out;
}

bool recordVisit(const Context& ctx, const std::string& memberId, VisitOutcome outcome, const std::string& note) {
    if (note.size() > 200) return false;
    store::Transaction tx(ctx.db);
    if (!ctx.db.queryInt("SELECT 1 FROM members WHERE id=?", memberId)) return false;
    const std::string id = core::newUuid(), at = ctx.nowIso();
    ctx.db.run("INSERT INTO care_visits(id, member_id, at, outcome, note, staff_id) VALUES (?,?,?,?,?,?)", id,
               memberId, at, toString(outcome), note, ctx.staffId);
    ctx.oplog().append(id, "care_visit",
                       {{"visit_id", id}, {"member_id", memberId}, {"at", at}, {"outcome", toString(outcome)},
                        {"note", note}},
                       at, memberId);
    tx.commit();
    return true;
}

}  // namespace domain
