// hours.h — what the configuration's times mean at the kiosk: opening hours
// (a closed screen outside them, with what still works there) and the
// canteen's cut-off and pickup windows where a menu does not set them.
#pragma once

#include <optional>
#include <string>

#include "config/station_config.h"
#include "core/clock.h"

namespace domain {

struct OpenState {
    bool open = true;
    // While closed: when the station opens next (nullopt: closed every day).
    std::optional<core::TimePoint> nextOpening;
    // What the closed screen still allows (config `when_closed`).
    bool staffMode = true;
    bool cardCheckin = false;
};

OpenState openState(const config::StationConfig& cfg, core::TimePoint now);

// The slot's times from the configuration (lunch / dinner).
const config::MealSlotTimes& slotTimes(const config::StationConfig& cfg, const std::string& slot);
// A meal slot's booking cut-off on `date` when its menu sets none (ISO, +08:00).
std::string configCutoff(const config::StationConfig& cfg, const std::string& date,
                         const std::string& slot);
// "11:00–12:30": when a booked meal is picked up.
std::string pickupWindow(const config::StationConfig& cfg, const std::string& slot);

}  // namespace domain
