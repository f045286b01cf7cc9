// Quotas: a slot is never overbooked, whatever order two stations' ops arrive in.
#include "fixture.h"
#include "rules/capacity.h"

namespace district::test {
namespace {

using nlohmann::json;
using proto::OpStatus;

class Capacity : public District {
protected:
    // The invariants of rules/capacity.h, checked straight in the tables.
    void expectInvariants(const std::string& slot, std::int64_t capacity) {
        const std::int64_t held = sql("SELECT count(*) FROM bookings WHERE slot_id='" + slot +
                                      "' AND status IN ('booked','picked_up')");
        const std::int64_t quotas = sql("SELECT coalesce(sum(seats),0) FROM quotas WHERE target_id='" + slot + "'");
        EXPECT_LE(held, capacity) << "overbooked";
        EXPECT_LE(quotas, capacity) << "quotas above capacity";
        EXPECT_EQ(sql("SELECT count(*) FROM (SELECT b.station_id, count(*) AS n FROM bookings b "
                      "WHERE b.slot_id='" + slot + "' AND b.status IN ('booked','picked_up') "
                      "GROUP BY b.station_id) h LEFT JOIN quotas q ON q.kind='meal' AND q.target_id='" +
                      slot + "' AND q.station_id=h.station_id WHERE h.n > coalesce(q.seats,0)"),
                  0)
            << "a station holds more than its quota";
    }
    json book(const std::string& id, const std::string& member, const std::string& slot = "lunch-20261124") {
        return {{"booking_id", id}, {"member_id", member}, {"slot_id", slot}};
    }
    std::string member(int i) { return "m-" + std::string(i < 10 ? "0" : "") + std::to_string(i); }
};

TEST_F(Capacity, TwoStationsCompetingNeverOverbook) {
    storage->write([](WriteTx& tx) { tx.putQuota({SeatKind::Meal, "lunch-mon", "st-a", 4}); });
    int booked = 0;
    for (int i = 1; i <= 14; ++i) {
        const std::string station = i % 2 ? "st-a" : "st-b";
        auto r = apply(station, "meal_book", book("b" + std::to_string(i), member(i), "lunch-mon"));
        if (r.status == OpStatus::Applied) ++booked;
        else EXPECT_EQ(r.reason, "full");
        expectInvariants("lunch-mon", 10);
    }
    EXPECT_EQ(booked, 10);
}

TEST_F(Capacity, RandomBookAndCancelFromThreeStationsKeepsTheInvariants) {
    storage->write([](WriteTx& tx) {
        tx.putStation({"st-c", "下沙长者服务站", "下沙", 0});
        tx.putQuota({SeatKind::Meal, "lunch-mon", "st-a", 3});
        tx.putQuota({SeatKind::Meal, "lunch-mon", "st-c", 3});
    });
    std::uint64_t rnd = 12345;
    auto next = [&] { return (rnd = rnd * 6364136223846793005ULL + 1442695040888963407ULL) >> 33; };
    std::vector<std::string> bookings;
    const char* stations[] = {"st-a", "st-b", "st-c"};
    for (int i = 0; i < 150; ++i) {
        const std::string st = stations[next() % 3];
        if (!bookings.empty() && next() % 3 == 0) {
            apply(st, "meal_cancel", {{"booking_id", bookings[next() % bookings.size()]}});
        } else {
            const std::string id = "rb" + std::to_string(i);
            if (apply(st, "meal_book", book(id, member(static_cast<int>(next() % 30) + 1), "lunch-mon")).status ==
                OpStatus::Applied)
                bookings.push_back(id);
        }
        expectInvariants("lunch-mon", 10);
    }
}

TEST_F(Capacity, TopUpGrantsAFewSeatsAtATimeAndOnlyToThePullingStation) {
    EXPECT_GT(topUpQuotas(*storage, "st-a", clock.now()), 0);
    EXPECT_EQ(sql("SELECT seats FROM quotas WHERE target_id='lunch-20261124' AND station_id='st-a'"), 5);
    EXPECT_EQ(topUpQuotas(*storage, "st-a", clock.now()), 0) << "5 free seats need no top-up";
    EXPECT_EQ(topUpQuotas(*storage, "st-b", clock.now()), 0) << "st-b has no canteen";
    for (int i = 1; i <= 4; ++i) apply("st-a", "meal_book", book("b" + std::to_string(i), member(i)));
    EXPECT_GT(topUpQuotas(*storage, "st-a", clock.now()), 0);
    EXPECT_EQ(sql("SELECT seats FROM quotas WHERE target_id='lunch-20261124' AND station_id='st-a'"), 10);

    // The quota change is visible to st-a only.
    auto sees = [&](const std::string& station) {
        bool found = false;
        storage->read([&](Tx& tx) {
            tx.changesSince(station, 0, 100000, [&](const ChangeRow& r) {
                if (r.entity == "quota" && r.key == "meal:lunch-20261124:st-a") found = true;
            });
        });
        return found;
    };
    EXPECT_TRUE(sees("st-a"));
    EXPECT_FALSE(sees("st-b"));
}

TEST_F(Capacity, TopUpNeverGoesAboveCapacityAndSkipsPastSlots) {
    clock.set(at("2026-11-23T10:00:00+08:00"));  // after Monday lunch's cutoff
    for (int i = 0; i < 20; ++i) {
        topUpQuotas(*storage, "st-a", clock.now());
        for (int k = 0; k < 5; ++k) {
            const int n = i * 5 + k;
            apply("st-a", "meal_book", book("tb" + std::to_string(n), member(n % 30 + 1), "dinner-20261123"));
        }
    }
    EXPECT_LE(sql("SELECT sum(seats) FROM quotas WHERE target_id='dinner-20261123'"), 50);
    EXPECT_EQ(sql("SELECT count(*) FROM quotas WHERE target_id='lunch-mon'"), 0);
    expectInvariants("dinner-20261123", 50);
}

TEST_F(Capacity, CancellationReturnsTheSeatToTheStationsQuota) {
    storage->write([](WriteTx& tx) {
        tx.putQuota({SeatKind::Meal, "lunch-mon", "st-a", 5});
        tx.putQuota({SeatKind::Meal, "lunch-mon", "st-b", 5});
    });
    for (int i = 1; i <= 5; ++i) apply("st-a", "meal_book", book("a" + std::to_string(i), member(i), "lunch-mon"));
    for (int i = 6; i <= 10; ++i) apply("st-b", "meal_book", book("b" + std::to_string(i), member(i), "lunch-mon"));
    EXPECT_EQ(apply("st-b", "meal_book", book("b11", member(11), "lunch-mon")).reason, "full");
    EXPECT_EQ(apply("st-b", "meal_cancel", {{"booking_id", "a1"}}).reason, "not_owner")
        << "st-b neither booked a1 nor runs its canteen";
    EXPECT_EQ(apply("st-a", "meal_cancel", {{"booking_id", "a1"}}).status, OpStatus::Applied);
    EXPECT_EQ(apply("st-b", "meal_book", book("b12", member(12), "lunch-mon")).reason, "full")
        << "the seat went back to st-a's quota, which st-a may already have promised offline";
    EXPECT_EQ(apply("st-a", "meal_book", book("a13", member(13), "lunch-mon")).status, OpStatus::Applied);
    expectInvariants("lunch-mon", 10);
}

}  // namespace
}  // namespace district::test
