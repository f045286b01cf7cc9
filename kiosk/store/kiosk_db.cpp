#include "store/kiosk_db.h"

#include <filesystem>

#include "store/schema.h"

namespace store {

std::string kioskDbPath(const std::string& dataDir) {
    return (std::filesystem::path(dataDir) / "kiosk.db").string();
}

std::unique_ptr<Database> openKioskDb(const std::string& dataDir) {
    // The folder too: kiosk.db holds the station's token and its elders' data.
    std::filesystem::create_directories(dataDir);
    std::filesystem::permissions(dataDir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace);
    checkNotNewer(kioskDbPath(dataDir), kioskMigrations());
    auto db = std::make_unique<Database>(kioskDbPath(dataDir));
    migrate(*db, kioskMigrations());
    return db;
}

}  // namespace store
