// status_info.h — what the status bar shows, filled by the shell between
// frames (station from the enrollment, sync state from the sync worker's
// thread-safe snapshot). Screens only read it.
#pragma once

#include <string>

namespace shell {

struct StatusInfo {
    enum class Sync {
        NotEnrolled,  // no enrollment bundle yet: no sync worker runs
        Waiting,      // enrolled, no sync finished since start
        Synced,       // the last attempt reached the district: "上次同步 HH:MM"
        Offline,      // the last attempt failed: "离线" (with the last good time if any)
    };
    std::string stationName;  // empty: the string table's generic name
    Sync sync = Sync::NotEnrolled;
    std::string lastSyncHHMM;  // local time of the last good sync, "" if none

    bool operator==(const StatusInfo&) const = default;
};

}  // namespace shell
