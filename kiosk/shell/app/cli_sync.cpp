#include "shell/app/cli_sync.h"

#include <chrono>
#include <cstdio>
#include <stdexcept>

#include "domain/station.h"
#include "shell/app/store_open.h"
#include "sync_client.h"

namespace shell {

int runEnroll(const std::string& dataDir, const std::string& bundlePath) {
    std::string message;
    auto db = openStore(dataDir, message);
    if (!db) {
        std::fprintf(stderr, "kiosk: %s\n", message.c_str());
        return 2;
    }
    core::SystemClock clock;
    try {
        syncc::enrollFromFile(*db, bundlePath, clock);
    } catch (const std::exception& e) {
        std::fprintf(stderr, "kiosk: enrollment failed: %s\n", e.what());
        return 1;
    }
    const domain::StationStatus st = domain::stationStatus(*db);
    std::printf("kiosk: enrolled as station %s (%s); data in %s\n", st.stationId.c_str(), st.stationName.c_str(),
                dataDir.c_str());
    // A short try: enrollment must work offline too; then the first push
    // mends the numbers instead.
    syncc::SyncOptions quick;
    quick.connectTimeout = std::chrono::milliseconds(5000);
    quick.requestTimeout = std::chrono::milliseconds(10000);
    std::string error;
    if (auto last = syncc::learnLastApplied(*db, clock, error, quick))
        std::printf("kiosk: the district has applied this station's ops up to %lld; new ops are numbered after it\n",
                    static_cast<long long>(*last));
    else
        std::fprintf(stderr, "kiosk: could not ask the district for the station's last op (%s); the first sync "
                             "will number new ops after it\n", error.c_str());
    return 0;
}

int runSyncOnce(const std::string& dataDir) {
    std::string message;
    auto db = openStore(dataDir, message);
    if (!db) {
        std::fprintf(stderr, "kiosk: %s\n", message.c_str());
        return 2;
    }
    if (!domain::stationStatus(*db).enrolled) {
        std::fprintf(stderr, "kiosk: this kiosk is not enrolled; run: kiosk --data-dir %s --enroll BUNDLE\n",
                     dataDir.c_str());
        return 1;
    }
    core::SystemClock clock;
    syncc::SyncReport r = syncc::syncOnce(*db, clock);
    if (!r.ok) {
        std::fprintf(stderr, "kiosk: sync failed: %s\n", r.error.c_str());
        return 1;
    }
    std::printf("kiosk: sync done in %.2f s: pushed %d (applied %d, rejected %d), pulled %d, cursor %lld\n",
                r.seconds, r.pushed, r.applied, r.rejected, r.pulled, static_cast<long long>(r.cursor));
    return 0;
}

}  // namespace shell
