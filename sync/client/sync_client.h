// sync_client.h — the kiosk's sync client: enrollment, one sync cycle, and the
// background worker that runs cycles off the UI thread (sync/PROTOCOL.md).
//
// Index
//   SyncOptions     timeouts, page and batch sizes, interval, backoff (plain struct)
//   SyncReport      what one cycle did
//   enrollFromFile  store an enrollment bundle
//   syncOnce        push pending ops, pull changes, post status
//   SyncState       never enrolled / online / offline / syncing
//   SyncSnapshot    what the UI may show, copied under a lock
//   SyncWorker      the background thread
//
// The UI thread never calls syncOnce(): it commits an action, then calls
// SyncWorker::syncNow(). The worker opens its own Database connection, so the
// two threads only meet in SQLite (WAL) and in the snapshot's mutex.
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>

#include "core/clock.h"
#include "store/sqlite.h"

namespace syncc {

struct SyncOptions {
    // Connecting (TCP + TLS) gives up after this; a dead link fails fast.
    std::chrono::milliseconds connectTimeout{10'000};
    // A transfer moving fewer than lowSpeedLimitBytes per second for
    // lowSpeedTime is a stalled link (half-open TCP, captive portal) and fails.
    long lowSpeedLimitBytes = 64;
    std::chrono::seconds lowSpeedTime{30};
    // Upper bound for one request, however fast it trickles.
    std::chrono::milliseconds requestTimeout{120'000};
    // Changes asked for per pull page (the server caps it at proto::kMaxPageLimit).
    // A page is applied in one write transaction; 5000 members take about 25 ms
    // here, which is how long a concurrent action on the UI thread may wait.
    int pageLimit = 5000;
    // Ops sent per push request.
    int pushBatch = 1000;
    // Time between periodic cycles of the worker.
    std::chrono::seconds interval{60};
    // After n failures in a row the worker waits about backoffBase * 2^(n-1)
    // (half of it fixed, half random), never more than backoffMax.
    std::chrono::milliseconds backoffBase{2'000};
    std::chrono::milliseconds backoffMax{300'000};
    // A server's Retry-After is honoured up to this; more is treated as this.
    std::chrono::seconds retryAfterMax{900};
    // One line per notable event (no personal data). Empty: written to stderr.
    std::function<void(const std::string&)> log;
};

struct SyncReport {
    bool ok = false;
    std::string error;       // plain words when !ok
    int pushed = 0;          // ops sent in this cycle
    int applied = 0;         // ... answered "applied"
    int rejected = 0;        // ... answered "rejected"
    int pulled = 0;          // changes applied to the local tables
    std::int64_t cursor = 0; // pull cursor after the cycle
    double seconds = 0;      // wall time of the cycle
    int ignored = 0;         // pulled changes of an entity this build does not know
    std::optional<std::chrono::seconds> retryAfter;  // the server asked us to wait
    std::int64_t bytesSent = 0;      // HTTP bodies as sent
    std::int64_t bytesReceived = 0;  // HTTP bodies as received (compressed, if the server did)
};

// Reads a bundle file (proto::EnrollmentBundle JSON), validates it (fields
// present, https URL, CA parses as a PEM certificate, config key parses as an
// Ed25519 public key) and stores it in table `enrollment` in one transaction.
// Throws std::runtime_error with a clear message on bad input, changing nothing.
// Re-enrolling the same station (a renewed token or CA) keeps the op log and
// cursor; switching to another station is refused while ops are queued.
void enrollFromFile(store::Database& db, const std::string& bundlePath, const core::Clock& clock);

// Asks the district (GET /api/v1/station) which op it applied last for this
// station and numbers new ops above it, so a kiosk whose data was lost does
// not reuse the station's numbers. Best effort right after enrollment: offline,
// it returns nullopt with `error` set, and the first push mends the numbers
// instead (PROTOCOL.md "Sequence continuity").
std::optional<std::int64_t> learnLastApplied(store::Database& db, const core::Clock& clock,
                                             std::string& error, const SyncOptions& opts = {});

// One full cycle: push pending ops in seq order (batches of opts.pushBatch; every
// answer is stored in op_log together with its local effect), pull change pages
// until more=false (each page with its cursor in one transaction), post status.
// Never throws: network, server and database errors come back as ok=false with
// a plain message, and a refused response changes nothing.
SyncReport syncOnce(store::Database& db, const core::Clock& clock, const SyncOptions& opts = {});

enum class SyncState { NeverEnrolled, Online, Offline, Syncing };
const char* toString(SyncState s);

struct SyncSnapshot {
    SyncState state = SyncState::NeverEnrolled;
    std::optional<core::TimePoint> lastSuccess;  // end of the last cycle that succeeded
    std::string lastError;                       // empty after a success
    std::int64_t oplogDepth = 0;                 // ops waiting for the district
    int failuresInRow = 0;
    SyncReport lastReport;
};

// Background sync on its own thread and its own Database connection opened
// from dataDir (create the kiosk's own connection first: it runs migrations).
// Cycles run every interval, after syncNow(), and after failures with
// exponential backoff and jitter; a server's Retry-After is honoured (syncNow()
// does not cut it short). stop() and the destructor return within about a
// second, aborting a transfer in flight (its batch or page is not applied).
class SyncWorker {
public:
    SyncWorker(std::string dataDir, const core::Clock& clock, SyncOptions opts = {});
    ~SyncWorker();
    SyncWorker(const SyncWorker&) = delete;
    SyncWorker& operator=(const SyncWorker&) = delete;

    void start();
    void stop();
    // Runs a cycle soon, e.g. right after an action was committed.
    void syncNow();
    SyncSnapshot snapshot() const;
    void setInterval(std::chrono::seconds interval);

private:
    void run();

    const std::string dataDir_;
    const core::Clock& clock_;
    SyncOptions opts_;

    mutable std::mutex mu_;
    std::condition_variable cv_;
    bool wake_ = false;             // syncNow() asked for a cycle
    bool intervalChanged_ = false;  // setInterval(): reschedule
    SyncSnapshot snap_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
};

}  // namespace syncc
