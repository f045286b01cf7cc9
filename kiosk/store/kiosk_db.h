// kiosk_db.h — opens the kiosk's database in its data directory.
#pragma once

#include <memory>
#include <string>

#include "store/sqlite.h"

namespace store {

// <dataDir>/kiosk.db, created with the directory if missing, migrated to the
// latest schema. Throws SchemaTooNew (file from a newer build, left untouched)
// or DbError (not a database, unreadable) with a message fit for the operator.
std::unique_ptr<Database> openKioskDb(const std::string& dataDir);
std::string kioskDbPath(const std::string& dataDir);

}  // namespace store
