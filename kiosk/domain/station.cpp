#include "domain/station.h"

#include "domain/members.h"

namespace domain {

StationStatus stationStatus(store::Database& db) {
    StationStatus out;
    auto st = db.prepare("SELECT station_id, station_name FROM enrollment WHERE id = 1");
    if (st.step()) {
        out.enrolled = true;
        out.stationId = st.getText(0);
        out.stationName = st.getText(1);
    }
    if (auto last = db.queryText("SELECT last_sync_at FROM sync_state WHERE id = 1")) {
        try {
            out.lastSync = core::parseIso(*last);
        } catch (const std::invalid_argument&) {
            // An unreadable time is no time.
        }
    }
    return out;
}

std::vector<std::string> expectedNames(const Context& ctx, int limit) {
    const std::string today = ctx.today();
    auto st = ctx.db.prepare(R"sql(
        WITH expected AS (
          SELECT b.member_id AS member_id, 1000 AS weight FROM bookings b JOIN meal_slots s ON s.id = b.slot_id
            WHERE s.date = ?1 AND b.status = 'booked'
          UNION ALL
          SELECT g.member_id, 1000 FROM signups g JOIN activities a ON a.id = g.activity_id
            WHERE substr(a.starts_at, 1, 10) = ?1 AND g.status IN ('signed_up', 'waitlisted')
          UNION ALL
          SELECT member_id, 1 FROM checkins WHERE day >= ?2)
        SELECT m.masked_name FROM expected e JOIN members m ON m.id = e.member_id
        GROUP BY e.member_id ORDER BY SUM(e.weight) DESC LIMIT ?3)sql");
    st.bindAll(today, core::addDays(today, -60), limit);
    std::vector<std::string> out;
    while (st.step()) out.push_back(maskName(st.getText(0)));
    return out;
}

}  // namespace domain
