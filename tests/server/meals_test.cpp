// Meals: subsidies and their caps, cutoffs judged by created_at, delivery, pickup.
#include "fixture.h"

namespace district::test {
namespace {

using nlohmann::json;
using proto::OpStatus;

class Meals : public District {
protected:
    proto::OpResult book(const std::string& id, const std::string& member, const std::string& slot,
                         json extra = json::object()) {
        json p = {{"booking_id", id}, {"member_id", member}, {"slot_id", slot}};
        p.update(extra);
        return apply("st-a", "meal_book", p);
    }
};

TEST_F(Meals, SubsidyFollowsCategoryAndAge) {
    auto r = book("b1", "m-age70", "lunch-20261124");
    EXPECT_EQ(r.detail["subsidy_cents"], 500);
    EXPECT_EQ(r.detail["pay_cents"], 1300);
    r = book("b2", "m-prio", "lunch-20261124");
    EXPECT_EQ(r.detail["subsidy_cents"], 1500);
    EXPECT_EQ(r.detail["pay_cents"], 300);
    r = book("b3", "m-reg", "lunch-20261124");
    EXPECT_EQ(r.detail["subsidy_cents"], 0);
    EXPECT_EQ(r.detail["pay_cents"], 1800);
}

TEST_F(Meals, DailyCapBooksTheSecondMealAtFullPrice) {
    EXPECT_EQ(book("b1", "m-age70", "lunch-20261124").detail["subsidy_cents"], 500);
    auto r = book("b2", "m-age70", "dinner-20261124");
    EXPECT_EQ(r.status, OpStatus::Applied);
    EXPECT_EQ(r.detail["subsidy_cents"], 0);
    EXPECT_EQ(r.detail["pay_cents"], 1600);
    EXPECT_EQ(r.detail["subsidy_cap"], "daily");
}

TEST_F(Meals, WeeklyCapCountsTheIsoWeek) {
    for (const char* day : {"20261123", "20261124", "20261125", "20261126", "20261127"})
        EXPECT_EQ(book(std::string("b") + day, "m-prio", std::string("dinner-") + day).detail["subsidy_cents"], 1500);
    auto r = book("b6", "m-prio", "dinner-20261128");
    EXPECT_EQ(r.detail["subsidy_cents"], 0);
    EXPECT_EQ(r.detail["subsidy_cap"], "weekly");
}

TEST_F(Meals, ElderWhoWantsOnlyASubsidisedMealIsRejectedAtTheCap) {
    book("b1", "m-age70", "lunch-20261124");
    auto r = book("b2", "m-age70", "dinner-20261124", {{"full_price_ok", false}});
    EXPECT_EQ(r.status, OpStatus::Rejected);
    EXPECT_EQ(r.reason, "subsidy_cap");
    EXPECT_EQ(bookingStatus("b2"), "");
}

TEST_F(Meals, CancellingASubsidisedMealFreesTheCap) {
    book("b1", "m-age70", "lunch-20261124");
    EXPECT_EQ(apply("st-a", "meal_cancel", {{"booking_id", "b1"}}).status, OpStatus::Applied);
    EXPECT_EQ(book("b2", "m-age70", "dinner-20261124").detail["subsidy_cents"], 500);
}

TEST_F(Meals, CutoffIsJudgedByCreatedAtNotArrival) {
    // Created offline at 09:00, pushed at 11:00: on time.
    clock.set(at("2026-11-23T11:00:00+08:00"));
    auto r = apply("st-a", "meal_book", {{"booking_id", "b1"}, {"member_id", "m-01"}, {"slot_id", "lunch-mon"}},
                   "2026-11-23T09:00:00+08:00");
    EXPECT_EQ(r.status, OpStatus::Applied);
    // Created after the cutoff: too late.
    r = apply("st-a", "meal_book", {{"booking_id", "b2"}, {"member_id", "m-02"}, {"slot_id", "lunch-mon"}},
              "2026-11-23T09:31:00+08:00");
    EXPECT_EQ(r.reason, "past_cutoff");
    EXPECT_EQ(r.detail["cutoff"], "2026-11-23T09:30:00+08:00");
    // Created the day before, pushed late: on time.
    r = apply("st-a", "meal_book", {{"booking_id", "b3"}, {"member_id", "m-03"}, {"slot_id", "lunch-mon"}},
              "2026-11-22T09:00:00+08:00");
    EXPECT_EQ(r.status, OpStatus::Applied) << "created the day before";
    r = apply("st-a", "meal_cancel", {{"booking_id", "b1"}});
    EXPECT_EQ(r.reason, "past_cutoff");
    EXPECT_EQ(bookingStatus("b1"), "booked");
}

TEST_F(Meals, FutureCreatedAtIsJudgedAtServerTime) {
    clock.set(at("2026-11-23T10:00:00+08:00"));
    auto r = apply("st-a", "meal_book", {{"booking_id", "b1"}, {"member_id", "m-01"}, {"slot_id", "lunch-mon"}},
                   "2030-01-01T00:00:00+08:00");
    EXPECT_EQ(r.reason, "past_cutoff");
}

TEST_F(Meals, UnknownsDeliveryAndDuplicateIds) {
    EXPECT_EQ(book("b1", "nobody", "lunch-20261124").reason, "unknown_member");
    EXPECT_EQ(book("b2", "m-age70", "no-slot").reason, "unknown_slot");
    EXPECT_EQ(book("b3", "m-age70", "lunch-20261124", {{"delivery", true}}).reason, "not_eligible_delivery");
    auto r = book("b4", "m-prio", "lunch-20261124", {{"delivery", true}});
    EXPECT_EQ(r.status, OpStatus::Applied);
    EXPECT_EQ(book("b4", "m-reg", "lunch-20261125").reason, "duplicate_uuid");
    EXPECT_EQ(apply("st-a", "meal_cancel", {{"booking_id", "nope"}}).reason, "unknown_booking");
    EXPECT_EQ(apply("st-a", "meal_pickup", {{"booking_id", "nope"}}).reason, "unknown_booking");
}

TEST_F(Meals, PickupAndCancelRules) {
    book("b1", "m-01", "lunch-20261124");
    book("b2", "m-02", "lunch-20261124");
    EXPECT_EQ(apply("st-a", "meal_pickup", {{"booking_id", "b1"}}).status, OpStatus::Applied);
    EXPECT_EQ(bookingStatus("b1"), "picked_up");
    EXPECT_EQ(apply("st-a", "meal_cancel", {{"booking_id", "b1"}}).reason, "picked_up");
    EXPECT_EQ(apply("st-a", "meal_cancel", {{"booking_id", "b2"}}).status, OpStatus::Applied);
    EXPECT_EQ(apply("st-a", "meal_cancel", {{"booking_id", "b2"}}).status, OpStatus::Applied)
        << "cancelling twice is harmless";
    EXPECT_EQ(apply("st-a", "meal_pickup", {{"booking_id", "b2"}}).reason, "cancelled");
}

TEST_F(Meals, PickupUndoBooksTheMealAgain) {
    book("b1", "m-01", "lunch-20261124");
    apply("st-a", "meal_pickup", {{"booking_id", "b1"}});
    EXPECT_EQ(apply("st-a", "meal_pickup_undo", {{"booking_id", "b1"}}).detail["status"], "booked");
    EXPECT_EQ(bookingStatus("b1"), "booked");
    EXPECT_EQ(apply("st-a", "meal_pickup_undo", {{"booking_id", "nope"}}).reason, "unknown_booking");
}

TEST_F(Meals, BookingIsSentToEveryStation) {
    book("b1", "m-01", "lunch-20261124");
    std::string data;
    storage->read([&](Tx& tx) {
        tx.changesSince("st-b", 0, 100000, [&](const ChangeRow& r) {
            if (r.entity == "booking" && r.key == "b1") data = r.data_json;
        });
    });
    ASSERT_FALSE(data.empty());
    auto j = json::parse(data);
    EXPECT_EQ(j["status"], "booked");
    EXPECT_EQ(j["station_id"], "st-a");
    EXPECT_EQ(j["pay_cents"], 1300);
}

}  // namespace
}  // namespace district::test
