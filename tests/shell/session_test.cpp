// Session and the idle policy on a manual clock: 60 s without input shows the
// overlay, its 20 s countdown clears the session and returns to the welcome
// screen, any input resets (DESIGN.md, "Idle").
#include <gtest/gtest.h>

#include "shell/app/session.h"

namespace {

using shell::IdleGuard;
using shell::IdleTimer;
using shell::Router;
using shell::Session;

core::ManualClock makeClock() { return core::ManualClock(core::parseIso("2026-11-23T10:00:00+08:00")); }

TEST(Session, KeepsOnlyTheMaskedName) {
    Session s;
    EXPECT_FALSE(s.active());
    s.begin("m-000123", "张三明");
    EXPECT_TRUE(s.active());
    EXPECT_EQ(s.memberId(), "m-000123");
    EXPECT_EQ(s.maskedName(), "张*明");
    auto g = s.generation();
    s.clear();
    EXPECT_FALSE(s.active());
    EXPECT_EQ(s.maskedName(), "");
    EXPECT_NE(s.generation(), g);
}

struct IdleFixture : ::testing::Test {
    core::ManualClock clock = makeClock();
    Session session;
    Router router{"welcome", "home"};
    IdleGuard idle{clock, {60'000, 20'000}, session, router};

    void go(const std::string& id) {
        router.push(id);
        router.apply(nullptr);
        idle.tick();
    }
    void advance(std::int64_t ms) {
        clock.advanceMs(ms);
        idle.tick();
        router.apply(nullptr);
    }
};

TEST_F(IdleFixture, WelcomeWithNobodyIsNeverTimedOut) {
    idle.tick();
    advance(10 * 60'000);
    EXPECT_FALSE(idle.overlayVisible());
    EXPECT_EQ(router.current(), "welcome");
    EXPECT_FALSE(idle.nextChangeMs().has_value()) << "nothing due: the loop may sleep";
}

TEST_F(IdleFixture, SixtySecondsShowTheOverlay) {
    go("home");
    advance(59'999);
    EXPECT_FALSE(idle.overlayVisible());
    advance(1);
    EXPECT_TRUE(idle.overlayVisible());
    EXPECT_EQ(idle.secondsLeft(), 20);
    EXPECT_EQ(router.current(), "home") << "the overlay covers the screen; it does not leave it";
}

TEST_F(IdleFixture, CountdownEndsTheSession) {
    go("home");
    session.begin("m-1", "李四");
    go("meals");
    advance(60'000);
    ASSERT_TRUE(idle.overlayVisible());
    advance(10'500);
    EXPECT_EQ(idle.secondsLeft(), 10);
    advance(9'499);
    EXPECT_TRUE(idle.overlayVisible());
    EXPECT_EQ(idle.secondsLeft(), 1);
    advance(1);
    EXPECT_FALSE(idle.overlayVisible());
    EXPECT_FALSE(session.active()) << "the session is cleared";
    EXPECT_EQ(router.current(), "welcome") << "the welcome screen returns";
    EXPECT_EQ(router.stack().size(), 1u);
    EXPECT_EQ(idle.expiries(), 1);
    advance(5 * 60'000);
    EXPECT_EQ(idle.expiries(), 1) << "back on welcome with nobody: disarmed";
}

TEST_F(IdleFixture, AnyInputResetsTheTimer) {
    go("home");
    advance(50'000);
    idle.onInput();
    advance(50'000);
    EXPECT_FALSE(idle.overlayVisible()) << "input 50 s ago: not idle yet";
    advance(10'000);
    EXPECT_TRUE(idle.overlayVisible());
    idle.onInput();  // a tap on 需要, or anywhere
    idle.tick();
    EXPECT_FALSE(idle.overlayVisible());
    advance(59'000);
    EXPECT_FALSE(idle.overlayVisible());
    EXPECT_EQ(router.current(), "home");
}

TEST_F(IdleFixture, TickReportsVisibleChangesOnly) {
    go("home");
    EXPECT_FALSE(idle.tick());
    clock.advanceMs(60'000);
    EXPECT_TRUE(idle.tick()) << "overlay appears";
    EXPECT_FALSE(idle.tick());
    clock.advanceMs(1'000);
    EXPECT_TRUE(idle.tick()) << "20 → 19";
    clock.advanceMs(400);
    EXPECT_FALSE(idle.tick()) << "still 19";
}

TEST_F(IdleFixture, NextChangeIsTheNextVisibleChange) {
    go("home");
    const std::int64_t t0 = clock.monotonicMs();
    ASSERT_TRUE(idle.nextChangeMs());
    EXPECT_EQ(*idle.nextChangeMs(), t0 + 60'000);
    advance(60'000);
    EXPECT_EQ(*idle.nextChangeMs(), t0 + 61'000) << "the countdown shows whole seconds";
    advance(300);
    EXPECT_EQ(*idle.nextChangeMs(), t0 + 61'000);
}

TEST_F(IdleFixture, ASessionOnTheWelcomeScreenIsGuardedToo) {
    session.begin("m-2", "王五");
    idle.tick();
    advance(60'000);
    EXPECT_TRUE(idle.overlayVisible());
    advance(20'000);
    EXPECT_FALSE(session.active());
}

}  // namespace
