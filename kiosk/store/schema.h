// schema.h — the kiosk database's versioned migrations.
//
// Reference tables mirror the entities of sync/PROTOCOL.md: table = entity name
// in the plural, columns = the entity's data fields (JSON arrays stored as JSON
// text). Rows written by the kiosk itself before the district confirmed them
// carry `local_state` ('pending' / 'synced' / 'rejected').
#pragma once

#include <vector>

#include "store/sqlite.h"

namespace store {

const std::vector<Migration>& kioskMigrations();

}  // namespace store
