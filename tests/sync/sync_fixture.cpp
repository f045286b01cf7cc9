#include "sync_fixture.h"

#include <cstdio>

#include "core/ids.h"
#include "store/oplog.h"

namespace synctest {

std::string shenzhenDate(int daysFromToday) {
    return core::addDays(core::dateLocal(std::chrono::system_clock::now()), daysFromToday);
}

testsupport::DistrictServerOptions smallDistrict(std::vector<testsupport::StationSpec> stations,
                                                 std::string today, bool start) {
    testsupport::DistrictServerOptions o;
    o.members = 50;
    o.today = std::move(today);
    o.stations = std::move(stations);
    o.start = start;
    return o;
}

std::string demoMember(int n) {
    char buf[16];
    std::snprintf(buf, sizeof buf, "m-%06d", n);
    return buf;
}

Kiosk::Kiosk(const std::string& bundlePath) : db_(store::openKioskDb(dir_.path())) {
    syncc::enrollFromFile(*db_, bundlePath, clock_);
    stationId_ = text("SELECT station_id FROM enrollment");
}

syncc::SyncReport Kiosk::sync(syncc::SyncOptions opts) {
    opts.log = [this](const std::string& line) { logLines.push_back(line); };
    return syncc::syncOnce(*db_, clock_, opts);
}

std::int64_t Kiosk::count(const std::string& sql) { return db_->queryInt(sql).value_or(-1); }

std::string Kiosk::text(const std::string& sql) { return db_->queryText(sql).value_or(""); }

std::int64_t Kiosk::bookMeal(const std::string& memberId, const std::string& slotId,
                             std::string* bookingId) {
    const std::string id = core::newUuid(), at = core::isoLocal(clock_.now());
    store::Transaction tx(*db_);
    db_->run("INSERT INTO bookings(id, member_id, slot_id, station_id, status, local_state, "
             "created_at) VALUES (?,?,?,?,'booked','pending',?)",
             id, memberId, slotId, stationId_, at);
    const auto seq = store::OpLog(*db_).append(
        id, "meal_book",
        {{"booking_id", id}, {"member_id", memberId}, {"slot_id", slotId}, {"delivery", false}},
        at, memberId);
    tx.commit();
    if (bookingId) *bookingId = id;
    return seq;
}

std::int64_t Kiosk::signUp(const std::string& memberId, const std::string& activityId,
                           std::string* signupId) {
    const std::string id = core::newUuid(), at = core::isoLocal(clock_.now());
    store::Transaction tx(*db_);
    db_->run("INSERT INTO signups(id, member_id, activity_id, station_id, status, local_state, "
             "created_at) VALUES (?,?,?,?,'signed_up','pending',?)",
             id, memberId, activityId, stationId_, at);
    const auto seq = store::OpLog(*db_).append(
        id, "activity_signup",
        {{"signup_id", id}, {"member_id", memberId}, {"activity_id", activityId},
         {"waitlist", false}},
        at, memberId);
    tx.commit();
    if (signupId) *signupId = id;
    return seq;
}

std::int64_t Kiosk::redeem(const std::string& memberId, const std::string& itemId,
                           std::string* redemptionId) {
    const std::string id = core::newUuid(), at = core::isoLocal(clock_.now());
    store::Transaction tx(*db_);
    db_->run("INSERT INTO redemptions(id, member_id, item_id, minutes, status, local_state, "
             "created_at) VALUES (?,?,?,0,'pending','pending',?)",
             id, memberId, itemId, at);
    const auto seq = store::OpLog(*db_).append(
        id, "tb_redeem", {{"redemption_id", id}, {"member_id", memberId}, {"item_id", itemId}},
        at, memberId);
    tx.commit();
    if (redemptionId) *redemptionId = id;
    return seq;
}

std::int64_t Kiosk::checkIn(const std::string& memberId) {
    const std::string id = core::newUuid(), at = core::isoLocal(clock_.now());
    store::Transaction tx(*db_);
    db_->run("INSERT INTO checkins(id, member_id, station_id, day, at) VALUES (?,?,?,?,?)", id,
             memberId, stationId_, at.substr(0, 10), at);
    const auto seq = store::OpLog(*db_).append(id, "checkin", {{"member_id", memberId}, {"at", at}},
                                               at, memberId);
    tx.commit();
    return seq;
}

std::int64_t Kiosk::helpCall(const std::string& screen) {
    const std::string id = core::newUuid(), at = core::isoLocal(clock_.now());
    store::Transaction tx(*db_);
    db_->run("INSERT INTO help_calls(id, at, screen) VALUES (?,?,?)", id, at, screen);
    const auto seq = store::OpLog(*db_).append(id, "help_call", {{"at", at}, {"screen", screen}},
                                               at, std::nullopt);
    tx.commit();
    return seq;
}

}  // namespace synctest
