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
    // Created the day before at another station, pushed late: on time.
    r = apply("st-b", "meal_book", {{"booking_id", "b3"}, {"member_id", "m-03"}, {"slot_id", "lunch-mon"}},
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

namespace district::test {
namespace {

class MealsOwnership : public District {};

// Finding 4: the same elder books the same meal at two stations (or once
// offline, once online): the second is refused, never applied at full price.
TEST_F(MealsOwnership, ASecondActiveBookingOfTheSameMealIsAlreadyBooked) {
    auto r = apply("st-a", "meal_book", {{"booking_id", "b1"}, {"member_id", "m-age70"}, {"slot_id", "lunch-mon"}});
    ASSERT_EQ(r.status, proto::OpStatus::Applied);
    r = apply("st-b", "meal_book", {{"booking_id", "b2"}, {"member_id", "m-age70"}, {"slot_id", "lunch-mon"}});
    EXPECT_EQ(r.status, proto::OpStatus::Rejected);
    EXPECT_EQ(r.reason, "already_booked");
    EXPECT_EQ(r.detail["existing_booking_id"], "b1");
    EXPECT_EQ(sql("SELECT count(*) FROM bookings WHERE member_id='m-age70'"), 1);
    // Once cancelled, the meal may be booked again.
    ASSERT_EQ(apply("st-a", "meal_cancel", {{"booking_id", "b1"}}).status, proto::OpStatus::Applied);
    EXPECT_EQ(apply("st-b", "meal_book", {{"booking_id", "b3"}, {"member_id", "m-age70"}, {"slot_id", "lunch-mon"}})
                  .status,
              proto::OpStatus::Applied);
}

TEST_F(MealsOwnership, TheDatabaseRefusesASecondActiveBookingWhateverTheRules) {
    apply("st-a", "meal_book", {{"booking_id", "b1"}, {"member_id", "m-01"}, {"slot_id", "lunch-mon"}});
    EXPECT_THROW(storage->write([](WriteTx& tx) {
        tx.putBooking({"b2", "m-01", "lunch-mon", "st-b", "booked", 0, 1800, false, "2026-11-23",
                       "2026-11-23T08:00:00+08:00"});
    }), std::exception);
}

// Finding 5: a station acts only on its own records, or on those of its
// canteen or activity.
TEST_F(MealsOwnership, AnotherStationCannotCancelOrPickUpABooking) {
    // st-b books a meal at st-a's canteen: st-b (the booker) and st-a (the
    // canteen) may act on it; a third station may not.
    storage->write([](WriteTx& tx) { tx.putStation({"st-c", "第三站", "", 0}); });
    apply("st-b", "meal_book", {{"booking_id", "b1"}, {"member_id", "m-01"}, {"slot_id", "lunch-20261124"}});
    EXPECT_EQ(apply("st-c", "meal_cancel", {{"booking_id", "b1"}}).reason, "not_owner");
    EXPECT_EQ(apply("st-c", "meal_pickup", {{"booking_id", "b1"}}).reason, "not_owner");
    EXPECT_EQ(apply("st-c", "meal_pickup_undo", {{"booking_id", "b1"}}).reason, "not_owner");
    EXPECT_EQ(bookingStatus("b1"), "booked");
    EXPECT_EQ(apply("st-a", "meal_pickup", {{"booking_id", "b1"}}).status, proto::OpStatus::Applied)
        << "the canteen's station hands the meal out";
    EXPECT_EQ(apply("st-b", "meal_pickup_undo", {{"booking_id", "b1"}}).status, proto::OpStatus::Applied)
        << "the booking station";
}

TEST_F(MealsOwnership, AnotherStationCannotCancelASignupOrTakeAttendance) {
    storage->write([](WriteTx& tx) { tx.putStation({"st-c", "第三站", "", 0}); });
    apply("st-b", "activity_signup", {{"signup_id", "s1"}, {"member_id", "m-01"}, {"activity_id", "act-1"}});
    EXPECT_EQ(apply("st-c", "activity_cancel", {{"signup_id", "s1"}}).reason, "not_owner");
    EXPECT_EQ(apply("st-c", "activity_attend", {{"member_id", "m-01"}, {"activity_id", "act-1"}}).reason,
              "not_owner");
    EXPECT_EQ(apply("st-b", "activity_attend", {{"member_id", "m-01"}, {"activity_id", "act-1"}}).reason,
              "not_owner")
        << "attendance is taken where the activity is held (st-a)";
    EXPECT_EQ(apply("st-a", "activity_attend", {{"member_id", "m-01"}, {"activity_id", "act-1"}}).status,
              proto::OpStatus::Applied);
    EXPECT_EQ(apply("st-c", "activity_attend_undo", {{"member_id", "m-01"}, {"activity_id", "act-1"}}).reason,
              "not_owner");
    EXPECT_EQ(apply("st-b", "activity_cancel", {{"signup_id", "s1"}}).status, proto::OpStatus::Applied)
        << "the station that signed the elder up";
}

}  // namespace
}  // namespace district::test
