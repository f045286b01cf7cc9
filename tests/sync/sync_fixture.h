// sync_fixture.h — a kiosk for integration tests: its own data dir and
// database, enrolled with a bundle from the real district server, and helpers
// that queue ops the way the domain does (local row + op in one transaction).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "district_server.h"
#include "store/kiosk_db.h"
#include "sync_client.h"
#include "temp_dir.h"

namespace synctest {

// The demo district (server/core/admin/demo.cpp): station ids and their names.
inline const testsupport::StationSpec kChangcheng{"st-changcheng", "长城长者服务站"};
inline const testsupport::StationSpec kMeilin{"st-meilinyicun", "梅林一村长者服务站"};
inline const testsupport::StationSpec kMeihe{"st-meihe", "梅河长者服务站"};

// A 50-member demo district with bundles for `stations`; `today` is the demo's
// first day ("" = the server's today).
testsupport::DistrictServerOptions smallDistrict(std::vector<testsupport::StationSpec> stations,
                                                 std::string today = "", bool start = true);

// Shenzhen dates relative to the real clock: the server judges cut-offs by it.
std::string shenzhenDate(int daysFromToday);
// Demo member n (1-based, district-wide), e.g. m-000001.
std::string demoMember(int n);

class Kiosk {
public:
    explicit Kiosk(const std::string& bundlePath);

    syncc::SyncReport sync(syncc::SyncOptions opts = {});

    store::Database& db() { return *db_; }
    const std::string& dataDir() const { return dir_.path(); }
    const std::string& stationId() const { return stationId_; }
    std::int64_t count(const std::string& sql);
    std::string text(const std::string& sql);

    // Each returns the op's seq.
    std::int64_t bookMeal(const std::string& memberId, const std::string& slotId,
                          std::string* bookingId = nullptr);
    std::int64_t signUp(const std::string& memberId, const std::string& activityId,
                        std::string* signupId = nullptr);
    std::int64_t redeem(const std::string& memberId, const std::string& itemId,
                        std::string* redemptionId = nullptr);
    std::int64_t checkIn(const std::string& memberId);
    std::int64_t helpCall(const std::string& screen);

    std::vector<std::string> logLines;  // what syncOnce logged

private:
    testsupport::TempDir dir_{"elder-kiosk"};
    std::unique_ptr<store::Database> db_;
    core::SystemClock clock_;
    std::string stationId_;
};

}  // namespace synctest
