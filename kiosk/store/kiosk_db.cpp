#include "store/kiosk_db.h"

#include <filesystem>

#include "store/schema.h"

namespace store {

std::string kioskDbPath(const std::string& dataDir) {
    return (std::filesystem::path(dataDir) / "kiosk.db").string();
}

std::unique_ptr<Database> openKioskDb(const std::string& dataDir) {
    std::filesystem::create_directories(dataDir);
    checkNotNewer(kioskDbPath(dataDir), kioskMigrations());
    auto db = std::make_unique<Database>(kioskDbPath(dataDir));
    migrate(*db, kioskMigrations());
    return db;
}

}  // namespace store
