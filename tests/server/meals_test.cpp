// Meals: subsidies by Shenzhen's rules (each tier, days and slots, 调休, caps,
// rules pushed as data), delivery and its marking, cutoffs judged by
// created_at, pickup.
#include "fixture.h"

#include "admin/config_push.h"
#include "config/signing.h"
#include "config/station_config.h"

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

// Shenzhen's standard (the built-in rules), over the API: each tier of the
// issue's list, answered with the rule that applied.
TEST_F(Meals, EachTierOfTheCityStandard) {
    struct Case {
        const char* member;
        const char* rule;
        int subsidy;
    } cases[] = {
        {"m-100", "centenarian", 1500},  // 户籍 centenarian
        {"m-age70", "age70", 500},       // 户籍 76-year-old
        {"m-75nh", "none", 0},           // non-户籍 75-year-old
        {"m-65dibao", "priority", 1500}, // 户籍 65-year-old 低保
        {"m-65", "none", 0},             // 65-year-old without a category
        {"m-prio", "priority", 1500},    // 低保 at 78: the larger tier, not the age one
    };
    int n = 0;
    for (const auto& c : cases) {
        auto r = book("b" + std::to_string(++n), c.member, "lunch-20261124");
        ASSERT_EQ(r.status, OpStatus::Applied) << c.member << " " << r.reason;
        EXPECT_EQ(r.detail["rule"], c.rule) << c.member;
        EXPECT_EQ(r.detail["subsidy_cents"], c.subsidy) << c.member;
        EXPECT_EQ(r.detail["price_cents"], 1800) << c.member;
        EXPECT_EQ(r.detail["pay_cents"], 1800 - c.subsidy) << c.member;
        EXPECT_EQ(r.detail["delivery_fee_cents"], 0) << c.member;
        if (c.subsidy == 0) EXPECT_EQ(r.detail["no_subsidy"], "no_tier") << c.member;
        else EXPECT_FALSE(r.detail.contains("no_subsidy")) << c.member;
    }
    // Stored with the rule, for the settlement report.
    EXPECT_EQ(sql("SELECT count(*) FROM bookings WHERE rule='centenarian' AND subsidy_cents=1500"), 1);
    EXPECT_EQ(sql("SELECT count(*) FROM bookings WHERE rule='none' AND subsidy_cents=0"), 2);
}

TEST_F(Meals, OnlyWorkingDayLunchesAreSubsidised) {
    auto r = book("b1", "m-age70", "lunch-20261128");  // Saturday
    EXPECT_EQ(r.status, OpStatus::Applied);
    EXPECT_EQ(r.detail["subsidy_cents"], 0);
    EXPECT_EQ(r.detail["rule"], "none");
    EXPECT_EQ(r.detail["no_subsidy"], "not_working_day");
    EXPECT_EQ(r.detail["pay_cents"], 1800);
    r = book("b2", "m-100", "dinner-20261124");  // a Tuesday's dinner
    EXPECT_EQ(r.detail["subsidy_cents"], 0);
    EXPECT_EQ(r.detail["no_subsidy"], "slot");
    EXPECT_EQ(r.detail["pay_cents"], 1600);
}

// 调休: the week before National Day 2026 has six working days, Sunday 20
// September among them; Thursday 1 October is a holiday. Six working-day
// lunches in one week also reach the weekly cap of five.
TEST_F(Meals, WorkedSundayHolidayAndTheWeeklyCap) {
    clock.set(at("2026-09-01T08:00:00+08:00"));
    storage->write([](WriteTx& tx) {
        for (const char* date : {"2026-09-15", "2026-09-16", "2026-09-17", "2026-09-18", "2026-09-19",
                                 "2026-09-20", "2026-10-01"}) {
            const std::string d = date;
            tx.putSlot({"lunch-" + d, "ct-a", d, "lunch", {"白切鸡"}, 1800, 50, d + "T09:30:00+08:00"});
        }
    });
    auto sunday = book("b-sun", "m-age70", "lunch-2026-09-20");
    EXPECT_EQ(sunday.detail["subsidy_cents"], 500) << "a 调休 Sunday is a working day";
    EXPECT_EQ(sunday.detail["rule"], "age70");
    auto saturday = book("b-sat", "m-age70", "lunch-2026-09-19");
    EXPECT_EQ(saturday.detail["no_subsidy"], "not_working_day");
    EXPECT_EQ(book("b-hol", "m-age70", "lunch-2026-10-01").detail["no_subsidy"], "not_working_day")
        << "National Day, a Thursday";
    for (const char* d : {"2026-09-15", "2026-09-16", "2026-09-17"})
        EXPECT_EQ(book(std::string("b-") + d, "m-age70", std::string("lunch-") + d).detail["subsidy_cents"], 500);
    // Monday 14 September was not booked: Tue-Thu and the Sunday make four; Friday is the fifth.
    EXPECT_EQ(book("b-fri", "m-age70", "lunch-2026-09-18").detail["subsidy_cents"], 500);
    // A sixth working-day lunch in the same week (another elder's week is untouched).
    storage->write([](WriteTx& tx) {
        tx.putSlot({"lunch-2026-09-14", "ct-a", "2026-09-14", "lunch", {"白切鸡"}, 1800, 50,
                    "2026-09-14T09:30:00+08:00"});
    });
    auto sixth = book("b-mon", "m-age70", "lunch-2026-09-14");
    EXPECT_EQ(sixth.status, OpStatus::Applied);
    EXPECT_EQ(sixth.detail["subsidy_cents"], 0);
    EXPECT_EQ(sixth.detail["subsidy_cap"], "weekly");
    EXPECT_EQ(sixth.detail["no_subsidy"], "weekly_cap");
    EXPECT_EQ(book("b-other", "m-100", "lunch-2026-09-14").detail["subsidy_cents"], 1500);
}

TEST_F(Meals, ElderWhoWantsOnlyASubsidisedMealIsRejectedAtTheCap) {
    clock.set(at("2026-09-01T08:00:00+08:00"));
    storage->write([](WriteTx& tx) {
        for (int d = 14; d <= 20; ++d) {
            const std::string date = "2026-09-" + std::to_string(d);
            tx.putSlot({"lunch-" + date, "ct-a", date, "lunch", {"白切鸡"}, 1800, 50, date + "T09:30:00+08:00"});
        }
    });
    for (int d : {14, 15, 16, 17, 18})
        book("b" + std::to_string(d), "m-age70", "lunch-2026-09-" + std::to_string(d));
    auto r = book("b20", "m-age70", "lunch-2026-09-20", {{"full_price_ok", false}});
    EXPECT_EQ(r.status, OpStatus::Rejected);
    EXPECT_EQ(r.reason, "subsidy_cap");
    EXPECT_EQ(r.detail["subsidy_cap"], "weekly");
    EXPECT_EQ(bookingStatus("b20"), "");
    // Cancelling one frees the cap.
    EXPECT_EQ(apply("st-a", "meal_cancel", {{"booking_id", "b18"}}).status, OpStatus::Applied);
    EXPECT_EQ(book("b20b", "m-age70", "lunch-2026-09-20", {{"full_price_ok", false}}).detail["subsidy_cents"], 500);
}

// The rules are data: a district document that subsidises dinners too, at
// most one meal a day, reaches the server's answers.
TEST_F(Meals, PushedRulesDecideAndTheDailyCapCounts) {
    nlohmann::json doc = config::builtinDefaultsDocument();
    doc.erase("version");
    doc["expires_at"] = "2036-12-31T23:59:59+08:00";
    doc["subsidy"]["slots"] = {"lunch", "dinner"};
    doc["subsidy"]["tiers"][2]["amount_cents"] = 600;
    const auto keys = config::generateKeyPair();
    const auto pushed = pushConfig(*storage, keys.privatePem, {doc.dump(), "", false}, clock.now());
    ASSERT_TRUE(pushed.meal_rules_changed.has_value());
    auto lunch = book("b1", "m-age70", "lunch-20261124");
    EXPECT_EQ(lunch.detail["subsidy_cents"], 600);
    auto dinner = book("b2", "m-age70", "dinner-20261124");
    EXPECT_EQ(dinner.status, OpStatus::Applied);
    EXPECT_EQ(dinner.detail["subsidy_cents"], 0);
    EXPECT_EQ(dinner.detail["subsidy_cap"], "daily");
    EXPECT_EQ(dinner.detail["pay_cents"], 1600);
    EXPECT_EQ(book("b3", "m-age70", "dinner-20261125").detail["subsidy_cents"], 600) << "dinners now count";
}

TEST_F(Meals, DeliveryForTheEligibleAndTheRefused) {
    // 低保 78-year-old at 中度失能 with an address: eligible.
    auto r = book("b1", "m-prio", "lunch-20261124", {{"delivery", true}});
    ASSERT_EQ(r.status, OpStatus::Applied);
    EXPECT_EQ(r.detail["subsidy_cents"], 1500);
    EXPECT_EQ(r.detail["delivery_fee_cents"], 500);
    EXPECT_EQ(r.detail["delivery_subsidy_cents"], 200);
    EXPECT_EQ(r.detail["pay_cents"], 1800 - 1500 + 500 - 200);
    // A centenarian with an address: eligible whatever the care level.
    EXPECT_EQ(book("b2", "m-100", "lunch-20261124", {{"delivery", true}}).status, OpStatus::Applied);
    // Refused: 76 without a care need; 80 at 中度失能 without an address.
    EXPECT_EQ(book("b3", "m-age70", "lunch-20261124", {{"delivery", true}}).reason, "not_eligible_delivery");
    EXPECT_EQ(book("b4", "m-80care", "lunch-20261124", {{"delivery", true}}).reason, "no_address");
    EXPECT_EQ(bookingStatus("b3"), "");
    // A Saturday delivery: the fee, no subsidy.
    r = book("b5", "m-prio", "lunch-20261128", {{"delivery", true}});
    EXPECT_EQ(r.detail["delivery_subsidy_cents"], 0);
    EXPECT_EQ(r.detail["pay_cents"], 1800 + 500);
}

TEST_F(Meals, TheCanteenStationsDeliveryListCarriesAddressAndPhone) {
    book("b1", "m-100", "lunch-20261124", {{"delivery", true}});
    std::string forA, forB;
    storage->read([&](Tx& tx) {
        tx.changesSince("st-a", 0, 100000, [&](const ChangeRow& c) {
            if (c.entity == "delivery") forA = c.data_json;
        });
        tx.changesSince("st-b", 0, 100000, [&](const ChangeRow& c) {
            if (c.entity == "delivery") forB = c.data_json;
        });
    });
    ASSERT_FALSE(forA.empty());
    EXPECT_TRUE(forB.empty()) << "only the canteen's station gets the address and phone";
    auto d = json::parse(forA);
    EXPECT_EQ(d["masked_name"], "郑*顺");
    EXPECT_EQ(d["address"], "福田区华富街道长城花园1栋101室");
    EXPECT_EQ(d["phone"], "13801000004");
    EXPECT_EQ(d["living_alone"], true);
    EXPECT_EQ(d["status"], "booked");
    EXPECT_EQ(d["pay_cents"], 1800 - 1500 + 500 - 200);
}

TEST_F(Meals, StaffMarkDeliveriesDoneOrFailed) {
    book("b1", "m-prio", "lunch-20261124", {{"delivery", true}});
    book("b2", "m-age70", "lunch-20261124");
    auto mark = [&](const std::string& station, const std::string& id, const std::string& outcome) {
        return apply(station, "meal_delivery", {{"booking_id", id}, {"outcome", outcome}});
    };
    auto r = mark("st-a", "b1", "failed");
    EXPECT_EQ(r.status, OpStatus::Applied);
    EXPECT_EQ(r.detail["delivery_status"], "failed");
    EXPECT_EQ(bookingStatus("b1"), "booked");
    r = mark("st-a", "b1", "delivered");  // the second attempt
    EXPECT_EQ(r.detail["status"], "picked_up");
    EXPECT_EQ(bookingStatus("b1"), "picked_up");
    EXPECT_EQ(sql("SELECT count(*) FROM bookings WHERE id='b1' AND delivery_status='delivered'"), 1);
    EXPECT_EQ(mark("st-a", "b2", "delivered").reason, "not_delivery");
    EXPECT_EQ(mark("st-a", "nope", "delivered").reason, "unknown_booking");
    storage->write([](WriteTx& tx) { tx.putStation({"st-c", "第三站", "", 0}); });
    EXPECT_EQ(mark("st-c", "b1", "failed").reason, "not_owner");
    EXPECT_EQ(mark("st-a", "b1", "lost").reason, "invalid_payload");
    book("b3", "m-100", "lunch-20261125", {{"delivery", true}});
    apply("st-a", "meal_cancel", {{"booking_id", "b3"}});
    EXPECT_EQ(mark("st-a", "b3", "delivered").reason, "cancelled");
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
        Booking b;
        b.id = "b2";
        b.member_id = "m-01";
        b.slot_id = "lunch-mon";
        b.station_id = "st-b";
        b.status = "booked";
        b.pay_cents = 1800;
        b.date = "2026-11-23";
        b.created_at = "2026-11-23T08:00:00+08:00";
        tx.putBooking(b);
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
