// checkins.h — 签到: one visit per elder per day at this station.
#pragma once

#include <string>

#include "domain/context.h"

namespace domain {

enum class CheckinOutcome { CheckedIn, AlreadyToday, UnknownMember };

struct CheckinResult {
    CheckinOutcome outcome = CheckinOutcome::UnknownMember;
    std::string at;  // time of this check-in, or of the earlier one today
};

CheckinResult checkIn(const Context& ctx, const std::string& memberId);
// Today's count at this station (for staff and the welcome screen).
int checkinsToday(const Context& ctx);

}  // namespace domain
