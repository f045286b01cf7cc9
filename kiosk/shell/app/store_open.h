// store_open.h — opening the kiosk's database at start.
#pragma once

#include <memory>
#include <string>

#include "store/sqlite.h"

namespace shell {

// Opens (creating and migrating if needed) <dataDir>/kiosk.db. On failure
// returns nullptr and a message for the operator: a file from a newer build
// (SchemaTooNew) or one that is not a kiosk database (DbError) is left as it
// was; the kiosk then exits non-zero.
std::unique_ptr<store::Database> openStore(const std::string& dataDir, std::string& message);

}  // namespace shell
