// services.h — an admin's "no" to a service a volunteer recorded: the service
// becomes `rejected` (stations pull it), no minutes move. Approving is
// approveService (rules/timebank.h); both are the console's and the CLI's.
#pragma once

#include <string>

#include "core/clock.h"
#include "storage.h"

namespace district {

// Throws AdminError when there is no such service or it is not pending.
Service rejectService(Storage& storage, const std::string& serviceId, core::TimePoint now);

}  // namespace district
