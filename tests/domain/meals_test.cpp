#include "domain/meals.h"
#include "fixture.h"

using namespace domain;

namespace {
const char* kLunchCutoff = "2026-11-23T09:30:00+08:00";
}

TEST_F(DomainTest, SubsidyByCategoryAndAge) {
    addSlot("s1", "2026-11-23", "lunch", 1800, 50, kLunchCutoff, 10);
    auto slot = *mealSlot(*ctx, "s1");
    auto age70 = priceFor(*ctx, *memberById(*db, "m1"), slot);
    EXPECT_EQ(age70.subsidy_cents, 500);
    EXPECT_EQ(age70.pay_cents, 1300);
    auto regular = priceFor(*ctx, *memberById(*db, "m2"), slot);
    EXPECT_EQ(regular.subsidy_cents, 0);
    EXPECT_EQ(regular.pay_cents, 1800);
    auto priority = priceFor(*ctx, *memberById(*db, "m3"), slot);
    EXPECT_EQ(priority.subsidy_cents, 1500);
    EXPECT_EQ(priority.pay_cents, 300);
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

TEST_F(DomainTest, DailyAndWeeklySubsidyCaps) {
    for (int d = 0; d < 7; ++d) {
        auto date = core::addDays("2026-11-23", d);
        addSlot("L" + std::to_string(d), date, "lunch", 1800, 50, date + "T09:30:00+08:00", 5);
        addSlot("D" + std::to_string(d), date, "dinner", 1800, 50, date + "T15:00:00+08:00", 5);
    }
    auto m3 = *memberById(*db, "m3");
    auto first = bookMeal(*ctx, m3, "L0", false);
    EXPECT_EQ(first.price.subsidy_cents, 1500);
    auto sameDay = bookMeal(*ctx, m3, "D0", false);  // daily cap: full price
    EXPECT_EQ(sameDay.outcome, BookOutcome::Booked);
    EXPECT_EQ(sameDay.price.subsidy_cents, 0);
    EXPECT_TRUE(sameDay.price.capped);
    for (int d = 1; d < 5; ++d)
        EXPECT_EQ(bookMeal(*ctx, m3, "L" + std::to_string(d), false).price.subsidy_cents, 1500);
    // Five subsidised meals this week (Mon-Fri): Saturday is at full price.
    EXPECT_EQ(bookMeal(*ctx, m3, "L5", false).price.subsidy_cents, 0);
}

TEST_F(DomainTest, DeliveryOnlyForEligibleElders) {
    addSlot("s1", "2026-11-23", "lunch", 1800, 50, kLunchCutoff, 5);
    EXPECT_EQ(bookMeal(*ctx, *memberById(*db, "m1"), "s1", true).outcome,
              BookOutcome::NotEligibleDelivery);
    EXPECT_EQ(bookMeal(*ctx, *memberById(*db, "m3"), "s1", true).outcome, BookOutcome::Booked);
    EXPECT_EQ(pendingOps("meal_book"), 1);
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
