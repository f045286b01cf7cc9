#include "shell/app/sync_link.h"

#include "sync_client.h"

namespace shell {
namespace {

syncc::SyncOptions optionsEvery(std::chrono::seconds interval) {
    syncc::SyncOptions o;
    o.interval = interval;
    return o;
}

class WorkerLink final : public SyncLink {
public:
    WorkerLink(const std::string& dataDir, std::string lastSync, std::chrono::seconds interval)
        : worker_(dataDir, clock_, optionsEvery(interval)), storedLastSync_(std::move(lastSync)) {
        worker_.start();
    }
    ~WorkerLink() override { worker_.stop(); }

    void fill(StatusInfo& s) const override {
        const syncc::SyncSnapshot snap = worker_.snapshot();
        s.lastSyncHHMM = snap.lastSuccess ? core::hhmmLocal(*snap.lastSuccess) : storedLastSync_;
        switch (snap.state) {
            case syncc::SyncState::NeverEnrolled:
                // The worker's state before its first cycle; the link only runs
                // for an enrolled station, so this is "not synced yet".
                s.sync = StatusInfo::Sync::Waiting;
                break;
            case syncc::SyncState::Online: s.sync = StatusInfo::Sync::Synced; break;
            case syncc::SyncState::Offline: s.sync = StatusInfo::Sync::Offline; break;
            case syncc::SyncState::Syncing:
                // Keep showing the outcome of the previous cycle while one runs.
                s.sync = snap.failuresInRow > 0 ? StatusInfo::Sync::Offline
                         : snap.lastSuccess     ? StatusInfo::Sync::Synced
                                                : StatusInfo::Sync::Waiting;
                break;
        }
    }

    void syncNow() override { worker_.syncNow(); }
    void setInterval(std::chrono::seconds interval) override { worker_.setInterval(interval); }

private:
    core::SystemClock clock_;  // declared before worker_: it must outlive it
    syncc::SyncWorker worker_;
    std::string storedLastSync_;
};

}  // namespace

std::unique_ptr<SyncLink> startSyncLink(const std::string& dataDir, std::string lastSyncHHMM,
                                        std::chrono::seconds interval) {
    return std::make_unique<WorkerLink>(dataDir, std::move(lastSyncHHMM), interval);
}

}  // namespace shell
