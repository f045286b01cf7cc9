#include "open_storage.h"

#include <filesystem>
#include <stdexcept>

#include "pg/pg_storage.h"
#include "sqlite/sqlite_storage.h"

namespace district {

bool usesPostgres(const std::string& database) {
    if (database.empty()) return false;
    if (isPostgresUrl(database)) return true;
    throw std::invalid_argument("--database: expected postgresql://USER@HOST/DB (or nothing for SQLite in "
                                "--data-dir), got " + redactDatabase(database));
}

std::unique_ptr<Storage> openStorage(const std::string& database, const std::string& dataDir,
                                     StorageOptions options) {
    if (usesPostgres(database)) return std::make_unique<PgStorage>(database, std::move(options));
    return std::make_unique<SqliteStorage>((std::filesystem::path(dataDir) / "district.db").string(),
                                           std::move(options));
}

std::string redactDatabase(const std::string& database) {
    // postgresql://user:secret@host/db -> postgresql://user:***@host/db
    const auto scheme = database.find("://");
    const auto at = database.find('@');
    if (scheme == std::string::npos || at == std::string::npos || at < scheme) return database;
    const auto colon = database.find(':', scheme + 3);
    if (colon == std::string::npos || colon > at) return database;
    return database.substr(0, colon + 1) + "***" + database.substr(at);
}

}  // namespace district
