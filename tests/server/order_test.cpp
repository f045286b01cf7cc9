// Issue 11 ("Order"): duplicated, reordered and replayed pushes leave the
// district exactly as one clean push in order would. Two districts get the
// same ops of two stations: one in order, one through random batches that
// repeat, reorder, skip ahead and replay; their tables must be equal.
#include <algorithm>
#include <random>

#include "fixture.h"

namespace district::test {
namespace {

using nlohmann::json;

// A station's day: check-ins, bookings and their cancels, sign-ups and a
// cancel, attendance, a redemption, help calls. Ops on the same record come in
// an order that only makes sense kept (a cancel after its booking).
std::vector<proto::Op> dayOf(const std::string& station, const std::string& tag, const core::Clock& clock) {
    std::vector<proto::Op> ops;
    auto add = [&](const std::string& kind, json payload) {
        proto::Op o;
        o.seq = static_cast<std::int64_t>(ops.size()) + 1;
        o.uuid = tag + "-" + std::to_string(o.seq);
        o.kind = kind;
        o.created_at = core::isoLocal(clock.now());
        o.payload = std::move(payload);
        ops.push_back(std::move(o));
    };
    const int base = station == "st-a" ? 1 : 16;
    for (int i = 0; i < 15; ++i) {
        char m[8];
        std::snprintf(m, sizeof m, "m-%02d", base + i);
        add("checkin", {{"member_id", m}});
        add("meal_book", {{"booking_id", tag + "-b" + std::to_string(i)}, {"member_id", m},
                          {"slot_id", i % 2 ? "lunch-20261124" : "dinner-20261124"}});
        if (i % 3 == 0) add("meal_cancel", {{"booking_id", tag + "-b" + std::to_string(i)}});
        // Only st-a signs up: the two stations' ops have no order between
        // them, and three seats shared would make who gets one depend on it.
        if (i % 4 == 0 && station == "st-a")
            add("activity_signup", {{"signup_id", tag + "-s" + std::to_string(i)}, {"member_id", m},
                                    {"activity_id", "act-1"}, {"waitlist", true}});
        if (i == 8 && station == "st-a") add("activity_cancel", {{"signup_id", tag + "-s0"}});
        if (i % 5 == 0) add("help_call", {{"screen", "home"}});
    }
    add("tb_redeem", {{"redemption_id", tag + "-r1"}, {"member_id", "m-age70"}, {"item_id", "ci-escort"}});
    return ops;
}

// The same text from SQLite and PostgreSQL for the same rows.
std::string snapshot(Storage& storage) {
    std::string out;
    storage.read([&](Tx& tx) {
        for (const char* q :
             {"SELECT station_id||seq||uuid||status||reason||detail FROM ops ORDER BY station_id, seq",
              "SELECT id||member_id||slot_id||station_id||status||subsidy_cents||pay_cents FROM bookings ORDER BY id",
              "SELECT id||member_id||status||station_id FROM signups ORDER BY id",
              "SELECT member_id||station_id||day FROM checkins ORDER BY member_id",
              "SELECT id||station_id FROM help_calls ORDER BY id",
              "SELECT id||status FROM redemptions ORDER BY id",
              "SELECT id||last_applied_seq FROM stations ORDER BY id",
              "SELECT kind||target_id||station_id||seats FROM quotas ORDER BY 1"}) {
            for (const auto& row : queryTexts(tx, q)) out += row + "\n";
            out += "--\n";
        }
    });
    return out;
}

void giveQuotas(Storage& storage) {
    storage.write([](WriteTx& tx) {
        for (const char* st : {"st-a", "st-b"})
            for (const char* slot : {"lunch-20261124", "dinner-20261124"}) tx.putQuota({SeatKind::Meal, slot, st, 20});
    });
}

class Order : public District {};

TEST_F(Order, DuplicatedReorderedAndReplayedPushesEndAsOneCleanPush) {
    const auto a = dayOf("st-a", "a", clock), b = dayOf("st-b", "b", clock);
    // The reference: each station's ops once, in order, in one push, on
    // SQLite (in the "pg." run the pushes below go to PostgreSQL).
    TempDir cleanDir;
    SqliteStorage clean(cleanDir.path + "/district.db", StorageOptions{kTestMemberKey});
    seedDistrict(clean);
    giveQuotas(clean);
    PushService cleanPusher(clean, clock);
    cleanPusher.push("st-a", a);
    cleanPusher.push("st-b", b);
    const std::string expected = snapshot(clean);
    ASSERT_NE(expected.find("a-1"), std::string::npos);

    // The same ops through a bad network: random windows of each station's
    // log, shuffled, with repeats of what was already answered, until both
    // are fully applied; then every op replayed in random batches again.
    giveQuotas(*storage);
    std::mt19937 rng(20261124);
    std::map<std::string, const std::vector<proto::Op>*> logs = {{"st-a", &a}, {"st-b", &b}};
    std::map<std::string, std::int64_t> last = {{"st-a", 0}, {"st-b", 0}};
    int pushes = 0;
    while ((last["st-a"] < std::int64_t(a.size()) || last["st-b"] < std::int64_t(b.size())) && pushes < 2000) {
        const std::string station = rng() % 2 ? "st-a" : "st-b";
        const auto& log = *logs[station];
        const std::size_t from = rng() % log.size(), n = 1 + rng() % 8;
        std::vector<proto::Op> batch;
        for (std::size_t i = from; i < std::min(log.size(), from + n); ++i) {
            batch.push_back(log[i]);
            if (rng() % 4 == 0) batch.push_back(log[i]);  // duplicated in the same push
        }
        if (rng() % 3 == 0) std::shuffle(batch.begin(), batch.end(), rng);
        last[station] = push(station, batch).last_applied_seq;
        ++pushes;
    }
    ASSERT_EQ(last["st-a"], std::int64_t(a.size())) << "after " << pushes << " pushes";
    ASSERT_EQ(last["st-b"], std::int64_t(b.size()));
    for (int i = 0; i < 50; ++i) {
        const std::string station = i % 2 ? "st-a" : "st-b";
        auto replay = *logs[station];
        std::shuffle(replay.begin(), replay.end(), rng);
        replay.resize(1 + rng() % replay.size());
        push(station, replay);
    }
    EXPECT_EQ(snapshot(*storage), expected);
}

}  // namespace
}  // namespace district::test
