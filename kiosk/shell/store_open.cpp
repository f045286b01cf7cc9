#include "shell/store_open.h"

#include <filesystem>

#include <sqlite3.h>

#include "store/kiosk_db.h"
#include "store/schema.h"

namespace shell {
namespace {

// Looks at an existing file read-only before the store opens it: the store's
// open switches the file to WAL before it checks the schema version, which
// would already change a file from a newer build that we must leave alone.
// Returns "" when the file is absent or looks usable.
std::string preflight(const std::string& path) {
    std::error_code ec;
    if (!std::filesystem::exists(path, ec)) return "";
    sqlite3* db = nullptr;
    std::string problem;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    sqlite3_stmt* st = nullptr;
    if (rc == SQLITE_OK) rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) {
        const int version = sqlite3_column_int(st, 0);
        const int latest = store::kioskMigrations().back().version;
        if (version > latest)
            problem = "the database " + path + " is at schema version " + std::to_string(version) +
                      " but this kiosk knows only up to " + std::to_string(latest) +
                      ": it was written by a newer version; install that version. The file was not changed.";
    } else {
        problem = "cannot use the database " + path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc)) +
                  " (SQLite code " + std::to_string(rc) +
                  "). The file was not changed; restore it from a backup or move it away to start empty.";
    }
    sqlite3_finalize(st);
    sqlite3_close(db);
    return problem;
}

}  // namespace

std::unique_ptr<store::Database> openStore(const std::string& dataDir, std::string& message) {
    const std::string path = store::kioskDbPath(dataDir);
    message = preflight(path);
    if (!message.empty()) return nullptr;
    try {
        return store::openKioskDb(dataDir);
    } catch (const store::SchemaTooNew& e) {
        message = std::string(e.what()) + " The file was not changed.";
    } catch (const store::DbError& e) {
        message = "cannot use the database " + path + ": " + e.what() + " (SQLite code " +
                  std::to_string(e.code()) + "/" + std::to_string(e.extended()) +
                  "). The file was not changed; restore it from a backup or move it away to start empty.";
    } catch (const std::filesystem::filesystem_error& e) {
        message = "cannot create the data directory " + dataDir + ": " + e.code().message();
    }
    return nullptr;
}

StationInfo readStation(store::Database& db) {
    StationInfo info;
    auto st = db.prepare("SELECT station_id, station_name FROM enrollment WHERE id = 1");
    if (st.step()) {
        info.enrolled = true;
        info.stationId = st.getText(0);
        info.stationName = st.getText(1);
    }
    return info;
}

}  // namespace shell
