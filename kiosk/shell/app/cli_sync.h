// cli_sync.h — `kiosk --enroll BUNDLE` and `kiosk --sync-once`: no window,
// a clear line on stdout or stderr, exit 0 on success, non-zero otherwise
// (1: the operation failed, 2: the database could not be opened).
// Built only with the sync client (KIOSK_WITH_SYNC).
#pragma once

#include <string>

namespace shell {

int runEnroll(const std::string& dataDir, const std::string& bundlePath);
int runSyncOnce(const std::string& dataDir);

}  // namespace shell
