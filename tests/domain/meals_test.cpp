#include "domain/meals.h"

#include <nlohmann/json.hpp>

#include "config/station_config.h"
#include "fixture.h"

using namespace domain;

namespace {
const char* kLunchCutoff = "2026-11-23T09:30:00+08:00";
}

// The kiosk prices by the same function and rules as the district
// (tests/server/meals_test.cpp checks the same tiers over the API).
TEST_F(DomainTest, EachTierOfTheCityStandard) {
    addMember("c100", "8800000010", "13800000010", "郑百顺", "1925-06-01", {true, {}, 0, true});
    addMember("nh75", "8800000011", "13800000011", "李德福", "1951-04-10", {false});
    addMember("d65", "8800000012", "13800000012", "黄桂兰", "1961-02-02", {true, {"dibao"}});
    addMember("p65", "8800000013", "13800000013", "吴建华", "1961-03-03", {true});
    addSlot("s1", "2026-11-24", "lunch", 1800, 50, "2026-11-24T09:30:00+08:00", 10);
    const auto slot = *mealSlot(*ctx, "s1");
    struct Case {
        const char* member;
        const char* tier;
        int subsidy;
    } cases[] = {{"c100", "centenarian", 1500}, {"m1", "age70", 500}, {"nh75", "", 0},
                 {"d65", "priority", 1500},     {"p65", "", 0},       {"m3", "priority", 1500}};
    for (const auto& c : cases) {
        const auto p = priceFor(*ctx, *memberById(*db, c.member), slot);
        EXPECT_EQ(p.subsidy_cents, c.subsidy) << c.member;
        EXPECT_EQ(p.pay_cents, 1800 - c.subsidy) << c.member;
        EXPECT_EQ(p.tier, c.tier) << c.member;
        EXPECT_EQ(p.rule, c.subsidy ? c.tier : "none") << c.member;
        // What the booking stores and the confirmation said.
        const auto r = bookMeal(*ctx, *memberById(*db, c.member), "s1", false);
        ASSERT_EQ(r.outcome, BookOutcome::Booked) << c.member;
        EXPECT_EQ(db->queryText("SELECT rule || '/' || subsidy_cents FROM bookings WHERE id=?", r.booking_id),
                  std::string(c.subsidy ? c.tier : "none") + "/" + std::to_string(c.subsidy));
    }
    // The why, in the rules' own words and amounts: "户籍70岁以上", 500.
    const auto* t = tierOf(*ctx, priceFor(*ctx, *memberById(*db, "m1"), slot));
    ASSERT_NE(t, nullptr);
    EXPECT_EQ(t->label.zh, "户籍70岁以上");
    EXPECT_EQ(t->amountCents, 500);
}

TEST_F(DomainTest, SaturdayWorkedSundayAndDinner) {
    clock.set(core::parseIso("2026-09-01T08:00:00+08:00"));
    addSlot("sat", "2026-09-19", "lunch", 1800, 50, "2026-09-19T09:30:00+08:00", 5);
    addSlot("sun", "2026-09-20", "lunch", 1800, 50, "2026-09-20T09:30:00+08:00", 5);
    addSlot("din", "2026-09-16", "dinner", 1600, 50, "2026-09-16T15:00:00+08:00", 5);
    auto m1 = *memberById(*db, "m1");
    auto sat = priceFor(*ctx, m1, *mealSlot(*ctx, "sat"));
    EXPECT_EQ(sat.subsidy_cents, 0);
    EXPECT_EQ(sat.why, config::NoSubsidy::NotWorkingDay);
    EXPECT_EQ(sat.tier, "age70") << "the elder's tier, to say why there is none today";
    EXPECT_EQ(priceFor(*ctx, m1, *mealSlot(*ctx, "sun")).subsidy_cents, 500) << "调休: a worked Sunday";
    auto dinner = priceFor(*ctx, m1, *mealSlot(*ctx, "din"));
    EXPECT_EQ(dinner.subsidy_cents, 0);
    EXPECT_EQ(dinner.why, config::NoSubsidy::Slot);
}

TEST_F(DomainTest, CapsByTheRunningConfiguration) {
    // A district that subsidises dinners too: the daily cap of one then counts.
    nlohmann::json doc = config::builtinDefaultsDocument();
    doc["version"] = 3;
    doc["expires_at"] = "2036-01-01T00:00:00+08:00";
    doc["subsidy"]["slots"] = {"lunch", "dinner"};
    doc["calendar"]["working_weekends"].push_back("2026-11-28");  // a worked Saturday
    auto cfg = std::make_shared<const config::StationConfig>(config::parseConfig(doc));
    ctx->config = [cfg] { return cfg; };
    for (int d = 0; d < 7; ++d) {
        auto date = core::addDays("2026-11-23", d);
        addSlot("L" + std::to_string(d), date, "lunch", 1800, 50, date + "T09:30:00+08:00", 5);
        addSlot("D" + std::to_string(d), date, "dinner", 1800, 50, date + "T15:00:00+08:00", 5);
    }
    auto m3 = *memberById(*db, "m3");
    EXPECT_EQ(bookMeal(*ctx, m3, "L0", false).price.subsidy_cents, 1500);
    auto sameDay = bookMeal(*ctx, m3, "D0", false);  // daily cap: full price
    EXPECT_EQ(sameDay.outcome, BookOutcome::Booked);
    EXPECT_EQ(sameDay.price.subsidy_cents, 0);
    EXPECT_TRUE(sameDay.price.capped);
    EXPECT_EQ(sameDay.price.why, config::NoSubsidy::DailyCap);
    for (int d = 1; d < 5; ++d)
        EXPECT_EQ(bookMeal(*ctx, m3, "D" + std::to_string(d), false).price.subsidy_cents, 1500);
    // Five subsidised meals this week: the sixth, the worked Saturday's lunch, is at full price.
    auto sixth = bookMeal(*ctx, m3, "L5", false);
    EXPECT_EQ(sixth.price.subsidy_cents, 0);
    EXPECT_EQ(sixth.price.why, config::NoSubsidy::WeeklyCap);
}

TEST_F(DomainTest, BookWithinQuotaThenFull) {
    addSlot("s1", "2026-11-23", "lunch", 1800, 50, kLunchCutoff, 2);
    EXPECT_EQ(mealSlot(*ctx, "s1")->seats_left, 2);
    EXPECT_EQ(bookMeal(*ctx, *memberById(*db, "m1"), "s1", false).outcome, BookOutcome::Booked);
    EXPECT_EQ(bookMeal(*ctx, *memberById(*db, "m1"), "s1", false).outcome,
              BookOutcome::AlreadyBooked);
    EXPECT_EQ(bookMeal(*ctx, *memberById(*db, "m2"), "s1", false).outcome, BookOutcome::Booked);
    EXPECT_EQ(bookMeal(*ctx, *memberById(*db, "m3"), "s1", false).outcome, BookOutcome::Full);
    EXPECT_EQ(mealSlot(*ctx, "s1")->seats_left, 0);
    EXPECT_EQ(pendingOps("meal_book"), 2);
}

TEST_F(DomainTest, CutoffRefusesBookingAndCancel) {
    addSlot("s1", "2026-11-23", "lunch", 1800, 50, kLunchCutoff, 5);
    auto r = bookMeal(*ctx, *memberById(*db, "m1"), "s1", false);
    ASSERT_EQ(r.outcome, BookOutcome::Booked);
    clock.advanceMs(90 * 60 * 1000);  // 09:30
    EXPECT_EQ(bookMeal(*ctx, *memberById(*db, "m2"), "s1", false).outcome, BookOutcome::PastCutoff);
    EXPECT_EQ(cancelBooking(*ctx, "m1", r.booking_id), CancelOutcome::PastCutoff);
}

TEST_F(DomainTest, CancelReturnsTheSeat) {
    addSlot("s1", "2026-11-23", "lunch", 1800, 50, kLunchCutoff, 1);
    auto r = bookMeal(*ctx, *memberById(*db, "m1"), "s1", false);
    EXPECT_EQ(mealSlot(*ctx, "s1")->seats_left, 0);
    EXPECT_EQ(cancelBooking(*ctx, "m1", r.booking_id), CancelOutcome::Cancelled);
    EXPECT_EQ(cancelBooking(*ctx, "m1", r.booking_id), CancelOutcome::NotFound);
    EXPECT_EQ(mealSlot(*ctx, "s1")->seats_left, 1);
    EXPECT_EQ(pendingOps("meal_cancel"), 1);
    EXPECT_TRUE(myBookings(*ctx, "m1").empty());
}

TEST_F(DomainTest, DeliveryForTheEligibleAndTheRefused) {
    addSlot("s1", "2026-11-24", "lunch", 1800, 50, "2026-11-24T09:30:00+08:00", 5);
    addMember("c100", "8800000010", "13800000010", "郑百顺", "1925-06-01", {true, {}, 0, true});
    addMember("care", "8800000014", "13800000014", "何秀珍", "1946-01-20", {true, {}, 2, false});
    EXPECT_EQ(deliveryFor(*ctx, *memberById(*db, "m3"), "2026-11-24"), config::DeliveryCheck::Eligible);
    EXPECT_EQ(deliveryFor(*ctx, *memberById(*db, "m1"), "2026-11-24"), config::DeliveryCheck::NotEligible);
    EXPECT_EQ(bookMeal(*ctx, *memberById(*db, "m1"), "s1", true).outcome, BookOutcome::NotEligibleDelivery);
    EXPECT_EQ(bookMeal(*ctx, *memberById(*db, "care"), "s1", true).outcome, BookOutcome::NoAddress);
    auto r = bookMeal(*ctx, *memberById(*db, "m3"), "s1", true);
    ASSERT_EQ(r.outcome, BookOutcome::Booked);
    EXPECT_EQ(r.price.subsidy_cents, 1500);
    EXPECT_EQ(r.price.delivery_fee_cents, 500);
    EXPECT_EQ(r.price.delivery_subsidy_cents, 200);
    EXPECT_EQ(r.price.pay_cents, 1800 - 1500 + 500 - 200);
    EXPECT_EQ(bookMeal(*ctx, *memberById(*db, "c100"), "s1", true).outcome, BookOutcome::Booked);
    EXPECT_EQ(pendingOps("meal_book"), 2);
    auto mine = myBookings(*ctx, "m3");
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_TRUE(mine[0].delivery);
    EXPECT_EQ(mine[0].delivery_fee_cents, 500);
}

TEST_F(DomainTest, RejectedBookingShowsAsRejectedAndFreesTheSeat) {
    addSlot("s1", "2026-11-23", "lunch", 1800, 50, kLunchCutoff, 1);
    auto r = bookMeal(*ctx, *memberById(*db, "m1"), "s1", false);
    db->run("UPDATE bookings SET local_state='rejected', reason='full' WHERE id=?", r.booking_id);
    auto mine = myBookings(*ctx, "m1");
    ASSERT_EQ(mine.size(), 1u);
    EXPECT_EQ(mine[0].status, "rejected");
    EXPECT_EQ(mealSlot(*ctx, "s1")->seats_left, 1);
}

TEST_F(DomainTest, OnlyThisStationsCanteensAreOffered) {
    addSlot("s1", "2026-11-23", "lunch", 1800, 50, kLunchCutoff, 5);
    db->run("INSERT INTO canteens(id, name, station_id) VALUES ('c2', '梅林长者饭堂', 'st-b')");
    db->run("INSERT INTO meal_slots(id, canteen_id, date, slot, price_cents, capacity, cutoff) "
            "VALUES ('s2', 'c2', '2026-11-23', 'lunch', 1800, 50, ?)",
            kLunchCutoff);
    auto slots = mealSlots(*ctx, "2026-11-23", 1);
    ASSERT_EQ(slots.size(), 1u);
    EXPECT_EQ(slots[0].id, "s1");
}

TEST_F(DomainTest, APickedUpMealIsStillBooked) {
    addSlot("s1", "2026-11-23", "lunch", 1800, 50, kLunchCutoff, 5);
    auto r = bookMeal(*ctx, *memberById(*db, "m1"), "s1", false);
    ASSERT_EQ(r.outcome, BookOutcome::Booked);
    db->run("UPDATE bookings SET status='picked_up' WHERE id=?", r.booking_id);
    EXPECT_EQ(bookMeal(*ctx, *memberById(*db, "m1"), "s1", false).outcome, BookOutcome::AlreadyBooked);
}

// Issue 11, finding 5: the district takes a cancel only from the booking's
// station or the canteen's; the kiosk says so at once instead of later.
TEST_F(DomainTest, AMealBookedElsewhereForAnotherCanteenIsCancelledThere) {
    db->run("INSERT INTO canteens(id, name, station_id) VALUES ('c2', '梅河饭堂', 'st-b')");
    db->run("INSERT INTO meal_slots(id, canteen_id, date, slot, dishes, price_cents, capacity, cutoff) "
            "VALUES ('s2', 'c2', '2026-11-23', 'lunch', '[]', 1800, 50, ?)", kLunchCutoff);
    db->run("INSERT INTO bookings(id, member_id, slot_id, station_id, status, local_state) "
            "VALUES ('b-other', 'm1', 's2', 'st-b', 'booked', 'synced')");
    EXPECT_EQ(cancelBooking(*ctx, "m1", "b-other"), CancelOutcome::NotHere);
    EXPECT_EQ(pendingOps("meal_cancel"), 0);
    // Booked at st-b for this station's canteen: this station may cancel it.
    addSlot("s1", "2026-11-23", "lunch", 1800, 50, kLunchCutoff, 5);
    db->run("INSERT INTO bookings(id, member_id, slot_id, station_id, status, local_state) "
            "VALUES ('b-here', 'm2', 's1', 'st-b', 'booked', 'synced')");
    EXPECT_EQ(cancelBooking(*ctx, "m2", "b-here"), CancelOutcome::Cancelled);
}
