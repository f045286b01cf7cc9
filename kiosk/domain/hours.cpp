#include "domain/hours.h"

namespace domain {

OpenState openState(const config::StationConfig& cfg, core::TimePoint now) {
    OpenState s;
    // The built-in defaults (version 0: the district never configured this
    // station) know no real hours: such a kiosk never closes itself.
    s.open = cfg.version == 0 || cfg.openingHours.isOpenAt(now);
    s.staffMode = cfg.whenClosed.staffMode;
    s.cardCheckin = cfg.whenClosed.cardCheckin;
    if (!s.open) s.nextOpening = cfg.openingHours.nextOpening(now);
    return s;
}

const config::MealSlotTimes& slotTimes(const config::StationConfig& cfg, const std::string& slot) {
    return slot == "dinner" ? cfg.canteen.dinner : cfg.canteen.lunch;
}

std::string configCutoff(const config::StationConfig& cfg, const std::string& date,
                         const std::string& slot) {
    return date + "T" + config::formatHhmm(slotTimes(cfg, slot).bookingCutoffMinute) + ":00+08:00";
}

std::string pickupWindow(const config::StationConfig& cfg, const std::string& slot) {
    const auto& t = slotTimes(cfg, slot);
    return config::formatHhmm(t.pickupFromMinute) + "–" + config::formatHhmm(t.pickupUntilMinute);
}

}  // namespace domain
