// station.h — the station this kiosk is: what its status bar says before the
// sync worker has run a cycle (the enrolled station's name, the last good
// sync recorded in the store), and who it expects today.
#pragma once

#include <optional>
#include <string>

#include <vector>

#include "core/clock.h"
#include "domain/context.h"
#include "store/sqlite.h"

namespace domain {

struct StationStatus {
    bool enrolled = false;
    std::string stationId;
    std::string stationName;
    std::optional<core::TimePoint> lastSync;  // the end of the last sync that succeeded
};

StationStatus stationStatus(store::Database& db);

// The elders the station expects to see, as the screens show their names
// (masked: 张*明): those with a meal or an activity here today first, then
// those who checked in here most over the last 60 days. At most `limit`.
// The kiosk draws these names ahead while idle (shell/ui/fonts.h).
std::vector<std::string> expectedNames(const Context& ctx, int limit);

}  // namespace domain
