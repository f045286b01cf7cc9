// Issue 11 ("Crash"): kill -9 of the district server at random moments while
// stations push: nothing an answered push applied is lost, nothing is applied
// twice. Bounded for CI (CRASH_SERVER_SECONDS, default 12 s; bench/ runs it
// longer).
#include <gtest/gtest.h>

#include <atomic>
#include <cstdlib>
#include <random>
#include <thread>

#include "store/sqlite.h"
#include "sync_fixture.h"

using namespace synctest;
using testsupport::DistrictServer;

namespace {

int seconds() {
    const char* s = std::getenv("CRASH_SERVER_SECONDS");
    return s ? std::max(1, std::atoi(s)) : 12;
}

TEST(CrashServer, KillNineUnderPushingLoadLosesAndDoublesNothing) {
    DistrictServer server(smallDistrict({kChangcheng, kMeilin, kMeihe}, shenzhenDate(-1)));
    std::vector<std::unique_ptr<Kiosk>> kiosks;
    for (const auto* st : {&kChangcheng, &kMeilin, &kMeihe})
        kiosks.push_back(std::make_unique<Kiosk>(server.bundle(st->id)));

    std::atomic<bool> stop{false};
    std::atomic<int> kills{0}, okSyncs{0}, failedSyncs{0};
    syncc::SyncOptions quick;
    quick.connectTimeout = std::chrono::milliseconds(1000);
    quick.requestTimeout = std::chrono::milliseconds(5000);
    quick.pushBatch = 7;  // several pushes a cycle: kills land between and inside them
    std::vector<std::thread> pushers;
    for (auto& k : kiosks)
        pushers.emplace_back([&, kp = k.get()] {
            std::mt19937 rng(std::random_device{}());
            while (!stop) {
                for (int i = 0, n = 1 + int(rng() % 6); i < n; ++i) kp->helpCall("crash-" + std::to_string(i));
                (kp->sync(quick).ok ? okSyncs : failedSyncs)++;
            }
        });
    std::thread killer([&] {
        std::mt19937 rng(std::random_device{}());
        const auto end = std::chrono::steady_clock::now() + std::chrono::seconds(seconds());
        while (std::chrono::steady_clock::now() < end) {
            std::this_thread::sleep_for(std::chrono::milliseconds(200 + rng() % 900));
            server.kill();
            ++kills;
            std::this_thread::sleep_for(std::chrono::milliseconds(rng() % 300));
            server.start();
        }
        stop = true;
    });
    killer.join();
    for (auto& t : pushers) t.join();
    ASSERT_TRUE(server.running());

    // Every station delivers what it holds.
    for (auto& k : kiosks)
        for (int i = 0; i < 5 && k->count("SELECT count(*) FROM op_log WHERE state='pending'") > 0; ++i)
            k->sync();
    std::int64_t ops = 0;
    for (auto& k : kiosks) {
        const std::string st = k->stationId();
        EXPECT_EQ(k->count("SELECT count(*) FROM op_log WHERE state<>'applied'"), 0) << st;
        const auto logged = k->count("SELECT count(*) FROM op_log");
        ops += logged;
        EXPECT_EQ(server.count("SELECT count(*) FROM ops WHERE station_id='" + st + "'"), logged) << st;
        EXPECT_EQ(server.count("SELECT count(DISTINCT uuid) FROM ops WHERE station_id='" + st + "'"), logged) << st;
        EXPECT_EQ(server.count("SELECT count(*) FROM help_calls WHERE station_id='" + st + "'"), logged)
            << st << ": one help call per op, none twice";
        EXPECT_EQ(server.count("SELECT last_applied_seq FROM stations WHERE id='" + st + "'"),
                  k->count("SELECT max(seq) FROM op_log"));
    }
    server.stop();
    EXPECT_EQ(store::Database::integrityCheck(server.dataDir() + "/district.db"), "ok");
    std::printf("crash_server: %d kill -9 in %d s, %lld ops from 3 stations, %d syncs ok, %d cut off; "
                "lost 0, doubled 0\n",
                kills.load(), seconds(), static_cast<long long>(ops), okSyncs.load(), failedSyncs.load());
    EXPECT_GT(kills.load(), 3);
}

}  // namespace
