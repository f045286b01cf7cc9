#include "admin/backup.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sys/stat.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>

#include "core/clock.h"
#include "errors.h"
#include "sqlite/schema.h"
#include "store/sqlite.h"

namespace district {
namespace {

namespace fs = std::filesystem;

std::string dbPath(const std::string& dataDir) { return (fs::path(dataDir) / "district.db").string(); }

void fsyncPath(const std::string& path, bool directory) {
    const int fd = ::open(path.c_str(), (directory ? O_RDONLY | O_DIRECTORY : O_RDONLY) | O_CLOEXEC);
    if (fd < 0) return;
    ::fsync(fd);
    ::close(fd);
}

// What a copy must be before it may become the district's database.
void checkCopy(const std::string& path) {
    const std::string integrity = store::Database::integrityCheck(path);
    if (integrity != "ok") throw AdminError(path + " is damaged (" + integrity + ")");
    try {
        store::checkNotNewer(path, districtMigrations());
    } catch (const std::exception& e) {
        throw AdminError(path + ": " + e.what());
    }
    if (store::Database::peekUserVersion(path) < 1) throw AdminError(path + " is not a district database");
}

}  // namespace

int lockDataDir(const std::string& dataDir) {
    const std::string path = (fs::path(dataDir) / "serve.lock").string();
    const int fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
    if (fd < 0) return -1;
    if (::flock(fd, LOCK_EX | LOCK_NB) != 0) {
        ::close(fd);
        return -1;
    }
    return fd;
}

BackupResult backupDatabase(const std::string& dataDir, const std::string& outFile) {
    const auto t0 = std::chrono::steady_clock::now();
    if (!fs::exists(dbPath(dataDir))) throw AdminError("there is no district.db in " + dataDir);
    if (fs::exists(outFile)) throw AdminError(outFile + " exists; a backup never overwrites a file");
    const std::string tmp = outFile + ".partial";
    fs::remove(tmp);
    try {
        store::Database db(dbPath(dataDir));
        // One read transaction: the copy is the database at one moment.
        auto st = db.prepare("VACUUM INTO ?");
        st.bind(1, tmp);
        st.run();
    } catch (const std::exception& e) {
        fs::remove(tmp);
        throw AdminError(std::string("the backup failed: ") + e.what());
    }
    ::chmod(tmp.c_str(), 0600);
    try {
        checkCopy(tmp);
    } catch (...) {
        fs::remove(tmp);
        throw;
    }
    fsyncPath(tmp, false);
    fs::rename(tmp, outFile);
    fsyncPath(fs::absolute(outFile).parent_path().string(), true);
    BackupResult r{outFile, static_cast<std::int64_t>(fs::file_size(outFile)),
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count()};
    return r;
}

RestoreResult restoreDatabase(const std::string& dataDir, const std::string& backupFile) {
    if (!fs::exists(backupFile)) throw AdminError("there is no file " + backupFile);
    const int lock = lockDataDir(dataDir);
    if (lock < 0)
        throw AdminError("a server is serving " + dataDir + ": stop it first (restore replaces its database)");
    RestoreResult out;
    try {
        checkCopy(backupFile);
        const std::string target = dbPath(dataDir);
        const std::string incoming = target + ".restoring";
        fs::remove(incoming);
        fs::copy_file(backupFile, incoming);
        ::chmod(incoming.c_str(), 0600);
        fsyncPath(incoming, false);
        // The old database and its WAL leave together: a WAL left behind
        // would be replayed into the restored file.
        if (fs::exists(target)) {
            const std::string stamp = core::isoLocal(std::chrono::system_clock::now()).substr(0, 19);
            out.kept = target + ".before-restore-" + stamp;
            for (const char* suffix : {"-wal", "-shm"})
                if (fs::exists(target + suffix)) fs::rename(target + suffix, out.kept + suffix);
            fs::rename(target, out.kept);
        }
        fs::rename(incoming, target);
        fsyncPath(dataDir, true);
    } catch (...) {
        ::close(lock);
        throw;
    }
    ::close(lock);
    return out;
}

}  // namespace district
