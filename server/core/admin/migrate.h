// migrate.h — `district-server migrate --from DATA_DIR --to postgresql://…`:
// copies a SQLite district into an empty PostgreSQL database in one
// transaction, then counts the rows of every table on both sides.
//
// The source is opened (and brought to the newest schema) first, so the copy
// is of the current shape; the target's sequences (change revisions, signup
// order, the audit log's ids) continue after the copied rows. Nothing is
// committed unless every count matches.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage.h"

namespace district {

struct TableCount {
    std::string table;
    std::int64_t source = 0;
    std::int64_t target = 0;
};

struct MigrateResult {
    std::vector<TableCount> tables;
    double seconds = 0;
};

// The tables copied, in an order that respects the foreign keys.
const std::vector<std::string>& districtTables();

// Throws AdminError when the target holds district data already, or a count
// differs (the target is left as it was then).
MigrateResult migrateToPostgres(const std::string& sqlitePath, const std::string& pgUrl,
                                const StorageOptions& options);

// Row counts of every district table, for checks after a copy or a restore.
std::vector<TableCount> countRows(Storage& storage);

}  // namespace district
