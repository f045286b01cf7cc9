#include "domain/activities.h"
#include "fixture.h"

using namespace domain;

TEST_F(DomainTest, SignUpWaitlistAndCancel) {
    addActivity("a1", "太极拳", "2026-11-23T10:00:00+08:00", 20, 1);
    EXPECT_EQ(signUp(*ctx, "m1", "a1", false).outcome, SignupOutcome::SignedUp);
    EXPECT_EQ(signUp(*ctx, "m1", "a1", false).outcome, SignupOutcome::AlreadySignedUp);
    EXPECT_EQ(signUp(*ctx, "m2", "a1", false).outcome, SignupOutcome::Full);
    auto w = signUp(*ctx, "m2", "a1", true);
    EXPECT_EQ(w.outcome, SignupOutcome::Waitlisted);
    EXPECT_EQ(activityById(*ctx, "a1", "m2")->my_status, "waitlisted");
    auto first = activityById(*ctx, "a1", "m1");
    EXPECT_TRUE(cancelSignup(*ctx, "m1", first->my_signup_id));
    EXPECT_EQ(activityById(*ctx, "a1", "m3")->seats_left, 1);
    EXPECT_EQ(pendingOps("activity_signup"), 2);
    EXPECT_EQ(pendingOps("activity_cancel"), 1);
}

TEST_F(DomainTest, MySignupsComeFirst) {
    addActivity("a1", "八段锦", "2026-11-23T09:00:00+08:00", 20, 5);
    addActivity("a2", "书画", "2026-11-23T14:00:00+08:00", 20, 5);
    signUp(*ctx, "m1", "a2", false);
    auto list = activitiesOn(*ctx, "2026-11-23", "", "m1");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, "a2");
    EXPECT_EQ(list[1].id, "a1");
    EXPECT_EQ(mySignups(*ctx, "m1").size(), 1u);
}

TEST_F(DomainTest, NoSignUpAfterStart) {
    addActivity("a1", "健康讲座", "2026-11-23T07:00:00+08:00", 20, 5);
    EXPECT_EQ(signUp(*ctx, "m1", "a1", false).outcome, SignupOutcome::Started);
    EXPECT_EQ(pendingOps("activity_signup"), 0);
}

TEST_F(DomainTest, OtherStationsActivitiesAreNotOffered) {
    addActivity("a1", "太极拳", "2026-11-23T10:00:00+08:00", 20, 5);
    db->run("INSERT INTO activities(id, station_id, title, category, starts_at, capacity) VALUES "
            "('a2', 'st-b', '书画', '文化', '2026-11-23T10:00:00+08:00', 20), "
            "('a3', NULL, '健康讲座', '讲座', '2026-11-23T15:00:00+08:00', 200)");
    auto list = activitiesOn(*ctx, "2026-11-23", "", "m1");
    ASSERT_EQ(list.size(), 2u);
    EXPECT_EQ(list[0].id, "a1");
    EXPECT_EQ(list[1].id, "a3");
    auto cats = activityCategories(*ctx, "2026-11-23");
    EXPECT_EQ(cats.size(), 2u);
}
