// fixture.h — a small district in a temporary database, a clock the tests
// move, and helpers that push ops the way a station does. The database is
// SQLite, or PostgreSQL in the "pg." run (tests/support/test_database.h).
#pragma once

#include <gtest/gtest.h>

#include <map>
#include <memory>
#include <string>

#include "core/clock.h"
#include "protocol.h"
#include "rules/push.h"
#include "sqlite/sqlite_storage.h"
#include "sqlite/sqlite_tx.h"
#include "test_database.h"

namespace district::test {

struct TempDir {
    TempDir();
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;
    std::string path;
};

core::TimePoint at(const std::string& iso);
// A member without categories, care level or address.
Member member(const std::string& id, const std::string& card, const std::string& phone,
              const std::string& name, const std::string& birth, bool hukou);

// Runs raw SQL inside a write transaction of either backend (tests that
// tamper with tables, or add a trigger the rules did not foresee).
void execSql(WriteTx& tx, const std::string& sql);
// The first column of every row of a query, as text, on either backend.
std::vector<std::string> queryTexts(Tx& tx, const std::string& sql);
// The storage of the run: SQLite at `sqlitePath`, or PostgreSQL at `db`.
std::unique_ptr<Storage> openTestStorage(const testsupport::TestDatabase& db,
                                         const std::string& sqlitePath);

// The district every District test starts from (described below).
void seedDistrict(Storage& storage);

// The member key of the test district (StorageOptions::member_key).
inline constexpr const char* kTestMemberKey =
    "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";

// Stations st-a and st-b; canteen ct-a of st-a; slot "lunch-mon" (2026-11-23,
// Monday, capacity 10, 1800 cents, cutoff 09:30) and a lunch and dinner for
// each day of that week ("lunch-YYYYMMDD", "dinner-YYYYMMDD", capacity 50);
// members, all 户籍 unless said: m-age70 (born 1950), m-prio (1948, 低保,
// 中度失能, an address: priority and delivery), m-reg (1962), m-100 (1925, an
// address, living alone), m-75nh (1951, not 户籍), m-65dibao (1961, 低保),
// m-65 (1961), m-80care (1946, 中度失能, no address), and m-01 .. m-30 (1945); activity act-1 of st-a (capacity 3, starts
// 2026-11-25 09:00); catalog ci-escort (service, 120 min), ci-rice (goods, 180).
// The clock starts at 2026-11-23 08:00 Shenzhen time.
class District : public ::testing::Test {
protected:
    void SetUp() override;

    // Pushes one op as the station's next seq; created_at defaults to the clock.
    proto::OpResult apply(const std::string& station, const std::string& kind,
                          const nlohmann::json& payload, const std::string& createdAt = "");
    proto::Op op(std::int64_t seq, const std::string& uuid, const std::string& kind,
                 const nlohmann::json& payload) const;
    proto::PushResponse push(const std::string& station, const std::vector<proto::Op>& ops);

    std::int64_t sql(const std::string& query);  // first column of the first row
    std::int64_t balance(const std::string& memberId);
    std::string bookingStatus(const std::string& id);

    TempDir dir;
    testsupport::TestDatabase database;
    core::ManualClock clock{at("2026-11-23T08:00:00+08:00")};
    std::unique_ptr<Storage> storage;
    std::unique_ptr<PushService> pusher;
    std::map<std::string, std::int64_t> nextSeq;
    int uuidCounter = 0;
};

}  // namespace district::test
