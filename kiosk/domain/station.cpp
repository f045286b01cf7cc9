#include "domain/station.h"

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

}  // namespace domain
