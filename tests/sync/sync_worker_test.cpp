// SyncWorker: its own thread and connection, states for the UI, backoff,
// wake-up on demand, prompt stop.
#include <gtest/gtest.h>

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <fstream>
#include <thread>

#include "pki.h"
#include "store/oplog.h"
#include "sync_fixture.h"

using namespace synctest;
using namespace std::chrono;
using testsupport::DistrictServer;

namespace {

// Polls `pred` on the worker's snapshot until it holds or `limit` passes.
template <typename Pred>
bool waitFor(const syncc::SyncWorker& w, Pred pred, milliseconds limit = 10s) {
    const auto until = steady_clock::now() + limit;
    while (steady_clock::now() < until) {
        if (pred(w.snapshot())) return true;
        std::this_thread::sleep_for(20ms);
    }
    return pred(w.snapshot());
}

syncc::SyncOptions quick() {
    syncc::SyncOptions o;
    o.connectTimeout = 2s;
    o.interval = 60s;  // only syncNow() and backoff drive these tests
    o.backoffBase = 100ms;
    o.backoffMax = 400ms;
    o.log = [](const std::string&) {};
    return o;
}

// Accepts TCP connections into its backlog and never says a word: a server
// that hangs mid-handshake.
class SilentListener {
public:
    SilentListener() {
        fd_ = ::socket(AF_INET, SOCK_STREAM, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        ::bind(fd_, reinterpret_cast<sockaddr*>(&a), sizeof a);
        ::listen(fd_, 16);
        socklen_t len = sizeof a;
        ::getsockname(fd_, reinterpret_cast<sockaddr*>(&a), &len);
        port_ = ntohs(a.sin_port);
    }
    ~SilentListener() { ::close(fd_); }
    int port() const { return port_; }

private:
    int fd_ = -1;
    int port_ = 0;
};

}  // namespace

TEST(SyncWorker, NeverEnrolledUntilEnrolled) {
    testsupport::TempDir dir;
    auto db = store::openKioskDb(dir.path());
    core::SystemClock clock;
    syncc::SyncWorker w(dir.path(), clock, quick());
    w.start();
    // The state is NeverEnrolled from the start; give the thread time to look.
    std::this_thread::sleep_for(200ms);
    EXPECT_EQ(w.snapshot().state, syncc::SyncState::NeverEnrolled);
    EXPECT_EQ(w.snapshot().lastError, "");
}

TEST(SyncWorker, SyncsOnDemandAndDrainsAfterAnOutage) {
    DistrictServer server(smallDistrict({kChangcheng}));
    Kiosk k(server.bundle(kChangcheng.id));
    core::SystemClock clock;
    syncc::SyncWorker w(k.dataDir(), clock, quick());
    w.start();
    ASSERT_TRUE(waitFor(w, [](const syncc::SyncSnapshot& s) {
        return s.state == syncc::SyncState::Online;
    })) << w.snapshot().lastError;
    EXPECT_TRUE(w.snapshot().lastSuccess.has_value());
    EXPECT_EQ(k.count("SELECT count(*) FROM members"), 50);

    // An action, then syncNow(): pushed long before the 60 s interval.
    k.checkIn(demoMember(1));
    w.syncNow();
    ASSERT_TRUE(waitFor(w, [&](const syncc::SyncSnapshot&) {
        return store::OpLog(k.db()).depth() == 0;
    }));

    // The district goes away: offline, with a plain error and the queue kept.
    server.kill();
    for (int i = 2; i <= 6; ++i) k.checkIn(demoMember(i));
    w.syncNow();
    ASSERT_TRUE(waitFor(w, [](const syncc::SyncSnapshot& s) {
        return s.state == syncc::SyncState::Offline && s.failuresInRow >= 2 && s.oplogDepth == 5;
    })) << syncc::toString(w.snapshot().state);
    EXPECT_NE(w.snapshot().lastError.find("cannot connect"), std::string::npos);

    // Back: the backoff retries find it and the queue drains without syncNow().
    server.start();
    ASSERT_TRUE(waitFor(w, [](const syncc::SyncSnapshot& s) {
        return s.state == syncc::SyncState::Online && s.oplogDepth == 0;
    })) << w.snapshot().lastError;
    EXPECT_EQ(w.snapshot().failuresInRow, 0);
    EXPECT_EQ(k.count("SELECT count(*) FROM checkins WHERE local_state='synced'"), 6);
}

TEST(SyncWorker, StopsPromptlyDuringAHungRequest) {
    SilentListener silent;
    testsupport::TempDir dir;
    auto db = store::openKioskDb(dir.path());
    const nlohmann::json bundle = {
        {"station_id", "st-x"},
        {"station_name", "测试站"},
        {"token", std::string(48, 'c')},
        {"server_url", "https://127.0.0.1:" + std::to_string(silent.port())},
        {"ca_pem", testsupport::makeCaCertPem()},
        {"config_public_key_pem", testsupport::makeEd25519PublicKeyPem()},
        {"member_key", std::string(64, 'a')}};
    std::ofstream(dir / "bundle.json") << bundle.dump();
    core::SystemClock clock;
    syncc::enrollFromFile(*db, dir / "bundle.json", clock);

    auto opts = quick();
    opts.connectTimeout = 60s;  // the handshake would hang for a minute
    syncc::SyncWorker w(dir.path(), clock, opts);
    w.start();
    ASSERT_TRUE(waitFor(w, [](const syncc::SyncSnapshot& s) {
        return s.state == syncc::SyncState::Syncing;
    }));
    std::this_thread::sleep_for(300ms);  // well inside the TLS handshake
    const auto t0 = steady_clock::now();
    w.stop();
    EXPECT_LT(steady_clock::now() - t0, 1500ms);
}
