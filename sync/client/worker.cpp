// worker.cpp — SyncWorker: cycles on a background thread.
//
// Scheduling, all on std::chrono::steady_clock (a wall clock set back by NTP
// must not stall sync): after a success the next cycle is due in `interval`;
// after a failure in backoffDelay(); a Retry-After sets a floor that even
// syncNow() respects. The injected core::Clock stamps times for the UI and DB.
#include <random>

#include "backoff.h"
#include "enroll.h"
#include "session.h"
#include "store/kiosk_db.h"
#include "store/oplog.h"

namespace syncc {

using steady = std::chrono::steady_clock;

const char* toString(SyncState s) {
    switch (s) {
        case SyncState::NeverEnrolled: return "never enrolled";
        case SyncState::Online: return "online";
        case SyncState::Offline: return "offline";
        case SyncState::Syncing: return "syncing";
    }
    return "offline";
}

SyncWorker::SyncWorker(std::string dataDir, const core::Clock& clock, SyncOptions opts)
    : dataDir_(std::move(dataDir)), clock_(clock), opts_(std::move(opts)) {}

SyncWorker::~SyncWorker() { stop(); }

void SyncWorker::start() {
    if (thread_.joinable()) return;
    {
        std::lock_guard lk(mu_);
        stop_ = false;
    }
    thread_ = std::thread([this] { run(); });
}

void SyncWorker::stop() {
    {
        std::lock_guard lk(mu_);
        stop_ = true;  // under the lock: the worker cannot miss it between check and wait
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
}

void SyncWorker::syncNow() {
    {
        std::lock_guard lk(mu_);
        wake_ = true;
    }
    cv_.notify_all();
}

SyncSnapshot SyncWorker::snapshot() const {
    std::lock_guard lk(mu_);
    return snap_;
}

void SyncWorker::setInterval(std::chrono::seconds interval) {
    {
        std::lock_guard lk(mu_);
        opts_.interval = interval;
        intervalChanged_ = true;
    }
    cv_.notify_all();
}

void SyncWorker::run() {
    std::unique_ptr<store::Database> db;
    std::minstd_rand rng(std::random_device{}());
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    steady::time_point lastCycle = steady::now();
    steady::time_point due = lastCycle;  // the first cycle runs at once
    steady::time_point notBefore = lastCycle;
    bool lastOk = true;

    for (;;) {
        SyncOptions opts;
        {
            std::unique_lock lk(mu_);
            for (;;) {
                if (stop_) return;
                if (intervalChanged_) {
                    intervalChanged_ = false;
                    if (lastOk) due = lastCycle + opts_.interval;
                }
                const auto now = steady::now();
                if (now >= due || (wake_ && now >= notBefore)) break;
                cv_.wait_until(lk, wake_ ? std::min(due, notBefore) : due);
            }
            wake_ = false;
            opts = opts_;
        }

        SyncReport rep;
        bool enrolled = false;
        try {
            if (!db) db = store::openKioskDb(dataDir_);
            enrolled = loadEnrollment(*db).has_value();
            if (enrolled) {
                std::lock_guard lk(mu_);
                snap_.state = SyncState::Syncing;
            }
            if (enrolled) rep = runCycle(*db, clock_, opts, &stop_);
        } catch (const std::exception& e) {
            // Opening or reading the database failed; try a fresh connection next time.
            db.reset();
            enrolled = true;
            rep.error = std::string("the kiosk's database: ") + e.what();
        }
        if (stop_) return;

        std::int64_t depth = 0;
        try {
            if (db) depth = store::OpLog(*db).depth();
        } catch (const std::exception&) {
            depth = -1;
        }

        std::lock_guard lk(mu_);
        lastCycle = steady::now();
        if (depth >= 0) snap_.oplogDepth = depth;
        if (!enrolled) {
            snap_.state = SyncState::NeverEnrolled;
            lastOk = true;
            due = lastCycle + opts_.interval;
            continue;
        }
        snap_.lastReport = rep;
        lastOk = rep.ok;
        if (rep.ok) {
            snap_.state = SyncState::Online;
            snap_.lastSuccess = clock_.now();
            snap_.lastError.clear();
            snap_.failuresInRow = 0;
            notBefore = lastCycle;
            due = lastCycle + opts_.interval;
        } else {
            snap_.state = SyncState::Offline;
            snap_.lastError = rep.error;
            ++snap_.failuresInRow;
            auto delay = backoffDelay(snap_.failuresInRow, opts_.backoffBase, opts_.backoffMax,
                                      unit(rng));
            notBefore = lastCycle;
            if (rep.retryAfter) {
                delay = std::max<std::chrono::milliseconds>(delay, *rep.retryAfter);
                notBefore = lastCycle + *rep.retryAfter;
            }
            due = lastCycle + delay;
        }
    }
}

}  // namespace syncc
