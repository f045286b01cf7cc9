// context.h — what every domain action needs: the store, the op log, the clock
// and the station it runs at. Plain C++: no ImGui, no SDL, no curl.
//
// Every action follows one shape (DESIGN.md principle 1):
//     Transaction tx(db);  write the local effect;  oplog.append(...);  tx.commit();
// and only then returns a result that a screen may announce as done.
#pragma once

#include <functional>
#include <memory>
#include <string>

#include "config/station_config.h"
#include "core/clock.h"
#include "store/oplog.h"
#include "store/sqlite.h"

namespace domain {

struct Context {
    store::Database& db;
    const core::Clock& clock;
    std::string stationId;  // from the enrollment; "" before the station is enrolled
    // The configuration the station runs (meal rules, calendar): the shell
    // hands in its ConfigManager's current(). Unset: the built-in defaults.
    std::function<std::shared_ptr<const config::StationConfig>()> config = {};

    // Staff acting for the elder at the screen (staff mode's 代办); every op
    // appended meanwhile carries it as `staff_id`. "" when the elder acts.
    std::string staffId{};

    store::OpLog oplog() const { return store::OpLog(db, staffId); }
    std::shared_ptr<const config::StationConfig> running() const {
        if (config)
            if (auto c = config()) return c;
        return std::shared_ptr<const config::StationConfig>(std::shared_ptr<void>(), &config::builtinDefaults());
    }
    std::string today() const { return core::dateLocal(clock.now()); }
    std::string nowIso() const { return core::isoLocal(clock.now()); }
};

// The enrolled station's id, or "" when the kiosk is not enrolled yet.
std::string enrolledStationId(store::Database& db);

}  // namespace domain
