#include "shell/app/store_open.h"

#include <filesystem>

#include "store/kiosk_db.h"

namespace shell {
std::unique_ptr<store::Database> openStore(const std::string& dataDir, std::string& message) {
    // openKioskDb judges an existing file read-only first, so a file from a
    // newer build or a corrupt one is refused without being touched.
    const std::string path = store::kioskDbPath(dataDir);
    try {
        return store::openKioskDb(dataDir);
    } catch (const store::SchemaTooNew& e) {
        message = e.what();
    } catch (const store::DbError& e) {
        message = "cannot use the database " + path + ": " + e.what() + " (SQLite code " +
                  std::to_string(e.code()) + "/" + std::to_string(e.extended()) +
                  "). The file was not changed; restore it from a backup or move it away to start empty.";
    } catch (const std::filesystem::filesystem_error& e) {
        message = "cannot create the data directory " + dataDir + ": " + e.code().message();
    }
    return nullptr;
}

}  // namespace shell
