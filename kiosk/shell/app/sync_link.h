// sync_link.h — the background sync as the shell sees it: the worker's
// thread-safe snapshot turned into the status bar's terms. The UI thread only
// copies the snapshot; it never touches the network.
// Built only with the sync client (KIOSK_WITH_SYNC).
#pragma once

#include <chrono>
#include <memory>
#include <string>

#include "shell/app/status_info.h"

namespace shell {

class SyncLink {
public:
    virtual ~SyncLink() = default;
    // Cheap (a locked copy): the shell polls it every couple of seconds.
    virtual void fill(StatusInfo& status) const = 0;
    // Ask for a cycle soon, e.g. right after an action was committed.
    virtual void syncNow() = 0;
    // The pushed configuration's sync interval.
    virtual void setInterval(std::chrono::seconds interval) = 0;
};

// Starts the worker for an enrolled station: its first cycle at once, then
// every `interval` (the running configuration's). `lastSyncHHMM` is the last
// good sync recorded in the store, shown until the worker's first cycle ends.
std::unique_ptr<SyncLink> startSyncLink(const std::string& dataDir, std::string lastSyncHHMM,
                                        std::chrono::seconds interval);

}  // namespace shell
