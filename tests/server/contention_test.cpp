// contention_test.cpp — four district-server processes on one PostgreSQL
// database, 200 stations pushing at once (issue 10). Runs in the "pg." run
// only (SQLite has one server process per data dir by design).
//
// Every station books a seat on one meal slot that has 40, and redeems a
// 120-minute item from one member's 1,000-minute balance, then sends the very
// same push again to another process (a timeout and a retry). What must hold:
//   - the slot's seats: exactly 40 bookings, as many as "applied" answers;
//     quotas never above the capacity;
//   - the balance floor: 8 redemptions (960 minutes), 40 left, the ledger sums;
//   - exactly once: 400 ops stored, every station at seq 2, the retry
//     answered with the first answer, op for op.
#include <gtest/gtest.h>
#include <httplib.h>

#include <atomic>
#include <csignal>
#include <chrono>
#include <fstream>
#include <mutex>
#include <thread>

#include "fixture.h"
#include "pg/pg_storage.h"
#include "pki/pki.h"
#include "pki/token.h"
#include "rules/timebank.h"
#include "server_process.h"

namespace district::test {
namespace {

using nlohmann::json;

constexpr int kStations = 200;
constexpr int kServers = 4;
constexpr int kSeats = 40;
constexpr int kStartMinutes = 1000;
constexpr int kItemMinutes = 120;

std::string stationId(int i) {
    char b[16];
    std::snprintf(b, sizeof b, "s%03d", i);
    return b;
}

// POSTs until the server answers something other than 503 (bounded).
json pushOnce(int port, const std::string& caPath, const std::string& token, const std::string& body) {
    httplib::SSLClient c("127.0.0.1", port);
    c.set_ca_cert_path(caPath.c_str());
    c.enable_server_certificate_verification(true);
    c.set_bearer_token_auth(token.c_str());
    c.set_connection_timeout(10);
    c.set_read_timeout(60);
    for (int attempt = 0; attempt < 60; ++attempt) {
        auto res = c.Post(std::string(proto::kApiPrefix) + "/ops", body, "application/json");
        if (res && res->status == 200) return json::parse(res->body);
        if (res && res->status != 503)
            throw std::runtime_error("push answered " + std::to_string(res->status) + ": " + res->body);
        std::this_thread::sleep_for(std::chrono::milliseconds(50 + attempt * 20));
    }
    throw std::runtime_error("the servers stayed busy");
}

TEST(Contention, FourServersTwoHundredStationsLastSeatsAndOneBalance) {
    std::signal(SIGPIPE, SIG_IGN);  // a shed connection is closed under the client's feet
    ASSERT_TRUE(testsupport::postgresRun()) << "runs in the pg. run, on the private PostgreSQL cluster";
    testsupport::TestDatabase database;
    TempDir dir;
    auto [rc, out] = runCli({"--data-dir", dir.path, "init"});
    ASSERT_EQ(rc, 0) << out;

    // The district, written straight into the shared database.
    const auto now = std::chrono::system_clock::now();
    const std::string today = core::isoLocal(now).substr(0, 10);
    const std::string day = core::addDays(today, 2);
    {
        PgStorage storage(database.url(), StorageOptions{readMemberKey(dir.path)});
        storage.write([&](WriteTx& tx) {
            for (int i = 1; i <= kStations; ++i) {
                tx.putStation({stationId(i), "站" + stationId(i), "福田", 0});
                tx.setStationToken(stationId(i), sha256Hex("token-" + stationId(i)), 0);
                tx.putMember(member("m" + stationId(i), "89" + stationId(i).substr(1), "", "王秀英", "1945-01-01", true));
            }
            tx.putMember(member("m-tb", "8800000001", "", "沈炳坤", "1950-03-15", true));
            tx.putCanteen({"ct-1", "长城长者饭堂", stationId(1), "福田区"});
            tx.putSlot({"lunch-x", "ct-1", day, "lunch", {"白切鸡"}, 1800, kSeats, day + "T09:30:00+08:00"});
            tx.putCatalogItem({"ci-escort", "陪同就医", "service", kItemMinutes});
            ensureMemberAccount(tx, "m-tb");
            tx.addTransfer({"tr-open", kIssuanceAccount, "m-tb", kStartMinutes, core::isoLocal(now), "opening",
                            "开户", ""});
        });
    }

    std::vector<std::unique_ptr<ServerProcess>> servers;
    for (int s = 0; s < kServers; ++s)
        servers.push_back(std::make_unique<ServerProcess>(
            dir.path, std::vector<std::string>{"--threads", "8", "--max-per-client", "256"}));

    // 200 stations, 25 at a time per client thread pool: all four servers busy.
    // They all come from 127.0.0.1, so the per-address limit is lifted above.
    const std::string ca = dir.path + "/tls/ca.pem";
    std::vector<json> first(kStations + 1), again(kStations + 1);
    std::atomic<int> next{1};
    std::mutex errMutex;
    std::vector<std::string> errors;
    auto worker = [&] {
        for (int i = next++; i <= kStations; i = next++) {
            const std::string id = stationId(i);
            const std::string created = core::isoLocal(std::chrono::system_clock::now());
            proto::PushRequest req{id,
                                   {proto::Op{1, id + "-u1", "meal_book", created,
                                              {{"booking_id", id + "-b"}, {"member_id", "m" + id},
                                               {"slot_id", "lunch-x"}}},
                                    proto::Op{2, id + "-u2", "tb_redeem", created,
                                              {{"redemption_id", id + "-r"}, {"member_id", "m-tb"},
                                               {"item_id", "ci-escort"}}}}};
            const std::string body = json(req).dump();
            try {
                first[i] = pushOnce(servers[i % kServers]->port(), ca, "token-" + id, body);
                again[i] = pushOnce(servers[(i + 1) % kServers]->port(), ca, "token-" + id, body);
            } catch (const std::exception& e) {
                std::lock_guard<std::mutex> lock(errMutex);
                errors.push_back(id + ": " + e.what());
            }
        }
    };
    std::vector<std::thread> pool;
    for (int t = 0; t < 25; ++t) pool.emplace_back(worker);
    for (auto& t : pool) t.join();
    for (auto& s : servers) EXPECT_EQ(s->stop(), 0);
    ASSERT_TRUE(errors.empty()) << errors.front();

    int booked = 0, redeemed = 0;
    for (int i = 1; i <= kStations; ++i) {
        const auto& r = first[i];
        ASSERT_EQ(r.at("last_applied_seq"), 2) << r.dump();
        ASSERT_EQ(r.at("results").size(), 2u);
        EXPECT_EQ(again[i].at("results"), r.at("results")) << "the retry is answered as the first push";
        const auto& book = r["results"][0];
        const auto& redeem = r["results"][1];
        if (book["status"] == "applied") ++booked;
        else EXPECT_EQ(book["reason"], "full") << book.dump();
        if (redeem["status"] == "applied") ++redeemed;
        else EXPECT_EQ(redeem["reason"], "insufficient_balance") << redeem.dump();
    }
    EXPECT_EQ(booked, kSeats) << "every last seat taken, none twice";
    EXPECT_EQ(redeemed, kStartMinutes / kItemMinutes);

    PgStorage storage(database.url(), StorageOptions{readMemberKey(dir.path)});
    auto count = [&](const std::string& q) {
        std::vector<std::string> rows;
        storage.read([&](Tx& tx) { rows = queryTexts(tx, q); });
        return rows.empty() ? -1 : std::stoll(rows[0]);
    };
    EXPECT_EQ(count("SELECT count(*) FROM ops"), 2 * kStations);
    EXPECT_EQ(count("SELECT count(*) FROM stations WHERE id LIKE 's%' AND last_applied_seq = 2"), kStations);
    EXPECT_EQ(count("SELECT count(*) FROM bookings WHERE slot_id = 'lunch-x' AND status = 'booked'"), booked);
    EXPECT_LE(count("SELECT sum(seats) FROM quotas WHERE target_id = 'lunch-x'"), kSeats);
    EXPECT_EQ(count("SELECT count(*) FROM redemptions WHERE status = 'confirmed'"), redeemed);
    EXPECT_EQ(count("SELECT count(*) FROM transfers WHERE kind = 'redemption'"), redeemed);
    const std::int64_t left = kStartMinutes - redeemed * kItemMinutes;
    EXPECT_EQ(count("SELECT minutes FROM accounts WHERE id = 'm-tb'"), left);
    EXPECT_GE(left, 0);
    EXPECT_EQ(count("SELECT sum(minutes) FROM movements WHERE account_id = 'm-tb'"), left)
        << "the ledger sums to the balance";
    // Change revisions: one row per entity key, none lost to a concurrent writer.
    EXPECT_EQ(count("SELECT count(*) FROM changes WHERE entity = 'booking'"), booked);
}

}  // namespace
}  // namespace district::test
