// enroll.h — internal: the enrollment row, read back for a sync cycle.
#pragma once

#include <optional>

#include "protocol.h"
#include "store/sqlite.h"

namespace syncc {

// The stored bundle, or nullopt while the kiosk is not enrolled.
std::optional<proto::EnrollmentBundle> loadEnrollment(store::Database& db);

// Throws std::runtime_error naming the first field that is not acceptable.
void validateBundle(const proto::EnrollmentBundle& b);

}  // namespace syncc
