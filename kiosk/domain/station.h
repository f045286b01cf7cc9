// station.h — the station this kiosk is: what its status bar says before the
// sync worker has run a cycle (the enrolled station's name, the last good
// sync recorded in the store).
#pragma once

#include <optional>
#include <string>

#include "core/clock.h"
#include "store/sqlite.h"

namespace domain {

struct StationStatus {
    bool enrolled = false;
    std::string stationId;
    std::string stationName;
    std::optional<core::TimePoint> lastSync;  // the end of the last sync that succeeded
};

StationStatus stationStatus(store::Database& db);

}  // namespace domain
