// meal_policy.h — the district's meal rules as the server applies them: the
// `subsidy` and `calendar` sections of its newest district document
// (Tx::subsidyRules), parsed once per change of their text, and what the rules
// need to know of a member on a date.
#pragma once

#include <memory>
#include <string>

#include "config/station_config.h"
#include "storage.h"

namespace district {

// The rules in force. Parsing costs about a tenth of a millisecond; a push of
// thousands of bookings parses once (cached by the stored text, per process).
// Throws std::runtime_error when the stored text does not parse, which only a
// damaged database can cause (pushConfig validates before storing).
std::shared_ptr<const config::MealPolicy> districtMealPolicy(Tx& tx);

// The member as the meal rules see them on `date` (YYYY-MM-DD).
config::ElderFacts elderFacts(const Member& m, const std::string& date);

}  // namespace district
