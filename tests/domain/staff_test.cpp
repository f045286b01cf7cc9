#include "domain/activities.h"
#include "domain/meals.h"
#include "domain/staff.h"
#include "fixture.h"

using namespace domain;

TEST_F(DomainTest, RapidActivityCheckInCountsOnceAndUndoes) {
    addActivity("a1", "太极拳", "2026-11-23T10:00:00+08:00", 20, 5);
    signUp(*ctx, "m1", "a1", false);
    auto targets = todaysTargets(*ctx);
    ASSERT_EQ(targets.size(), 1u);
    const auto& t = targets[0];

    auto r1 = rapidCheckIn(*ctx, t, "8800000001");
    EXPECT_EQ(r1.outcome, RapidOutcome::Ok);
    EXPECT_EQ(r1.masked_name, "张*明");
    EXPECT_EQ(r1.count, 1);
    EXPECT_EQ(rapidCheckIn(*ctx, t, "8800000001").outcome, RapidOutcome::AlreadyDone);
    auto walkIn = rapidCheckIn(*ctx, t, "8800000002");
    EXPECT_EQ(walkIn.outcome, RapidOutcome::WalkIn);
    EXPECT_EQ(walkIn.count, 2);
    EXPECT_EQ(rapidCheckIn(*ctx, t, "8899999999").outcome, RapidOutcome::UnknownCard);
    EXPECT_EQ(rapidCheckIn(*ctx, t, "12ab").outcome, RapidOutcome::BadInput);
    EXPECT_EQ(pendingOps("activity_attend"), 2);

    EXPECT_TRUE(undoRapid(*ctx, t, walkIn));
    EXPECT_FALSE(undoRapid(*ctx, t, walkIn));  // only once
    EXPECT_EQ(rapidCount(*ctx, t), 1);
    EXPECT_EQ(pendingOps("activity_attend_undo"), 1);
    EXPECT_EQ(roster(*ctx, t).size(), 1u);
}

TEST_F(DomainTest, RapidMealPickupNeedsABooking) {
    addSlot("s1", "2026-11-23", "lunch", 1800, 50, "2026-11-23T09:30:00+08:00", 5);
    bookMeal(*ctx, *memberById(*db, "m1"), "s1", false);
    RapidTarget t{RapidKind::MealPickup, "s1", "午餐", ""};
    EXPECT_EQ(rapidCheckIn(*ctx, t, "8800000002").outcome, RapidOutcome::NotBooked);
    auto r = rapidCheckIn(*ctx, t, "8800000001");
    EXPECT_EQ(r.outcome, RapidOutcome::Ok);
    EXPECT_EQ(r.count, 1);
    EXPECT_EQ(rapidCheckIn(*ctx, t, "8800000001").outcome, RapidOutcome::AlreadyDone);
    EXPECT_TRUE(undoRapid(*ctx, t, r));
    EXPECT_EQ(rapidCount(*ctx, t), 0);
    EXPECT_EQ(pendingOps("meal_pickup"), 1);
    EXPECT_EQ(pendingOps("meal_pickup_undo"), 1);
}
