// open_storage.h — the one place that picks a Storage backend.
//
//   database empty            SQLite in DATA_DIR/district.db (the default)
//   postgresql://… postgres://…  PostgreSQL (pg/pg_storage.h)
#pragma once

#include <memory>
#include <string>

#include "storage.h"

namespace district {

std::unique_ptr<Storage> openStorage(const std::string& database, const std::string& dataDir,
                                     StorageOptions options);
// True when `database` names PostgreSQL, false for SQLite; throws
// std::invalid_argument for anything else.
bool usesPostgres(const std::string& database);
// The database without its password, for logs and messages.
std::string redactDatabase(const std::string& database);

}  // namespace district
