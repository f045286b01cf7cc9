// backup.h — `district-server backup FILE` and `restore FILE` (server/README.md
// "Backups").
//
// backup   an online, consistent copy of district.db while the server runs:
//          VACUUM INTO reads one snapshot (WAL lets pushes go on meanwhile), the
//          copy is checked (integrity_check), synced and renamed into place,
//          mode 0600. The keys are not in it: keep tls/ and keys/ apart (they
//          change only at `init` and `keys rotate`).
// restore  puts a copy back while the server is stopped (serve holds
//          DATA_DIR/serve.lock): the copy must pass integrity_check and not be
//          from a newer server; the database it replaces, with its WAL, is
//          kept beside it as district.db.before-restore-<time>. Stations then
//          send again what the district lost: a station's pushes answer `gap`
//          from the restored last_applied_seq and the kiosk resends its ops
//          from there (sync/PROTOCOL.md "Sequence continuity").
#pragma once

#include <cstdint>
#include <string>

namespace district {

struct BackupResult {
    std::string path;
    std::int64_t bytes = 0;
    double seconds = 0;
};

// Throws AdminError when the copy cannot be made or fails its check (no file
// is left at `outFile` then).
BackupResult backupDatabase(const std::string& dataDir, const std::string& outFile);

struct RestoreResult {
    std::string kept;  // where the replaced database went ("" when there was none)
};

// Throws AdminError when the server is serving this data dir, or the copy is
// not a good district database; nothing is changed then.
RestoreResult restoreDatabase(const std::string& dataDir, const std::string& backupFile);

// Held by `serve` for as long as it runs (flock); restore refuses while it is.
// Returns the fd (>= 0) or -1 when another process holds it.
int lockDataDir(const std::string& dataDir);

}  // namespace district
