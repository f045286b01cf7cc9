// Pointer queue (one button change per frame), drag-to-scroll, frame pacing
// and the widget registry.
#include <gtest/gtest.h>

#include "shell/ui/drag_scroll.h"
#include "shell/app/frame_pacer.h"
#include "shell/app/frame_stats.h"
#include "shell/platform/pointer_queue.h"
#include "shell/ui/widget_registry.h"

namespace {

TEST(PointerQueue, APressAndReleaseTogetherSpanTwoFrames) {
    shell::PointerQueue q;
    q.motion(100, 200, false);
    q.button(100, 200, true, false);
    q.button(100, 200, false, false);
    auto f1 = q.next();
    EXPECT_TRUE(f1.down);
    EXPECT_FLOAT_EQ(f1.x, 100);
    EXPECT_TRUE(q.pending());
    auto f2 = q.next();
    EXPECT_FALSE(f2.down);
    EXPECT_FLOAT_EQ(f2.y, 200);
    EXPECT_FALSE(q.pending());
}

TEST(PointerQueue, MotionIsMergedIntoTheNextChange) {
    shell::PointerQueue q;
    q.motion(1, 1, false);
    q.motion(2, 2, false);
    q.motion(3, 3, false);
    auto f = q.next();
    EXPECT_FLOAT_EQ(f.x, 3);
    EXPECT_FALSE(q.pending());
}

TEST(PointerQueue, ALiftedFingerLeavesTheScreen) {
    shell::PointerQueue q;
    q.button(50, 60, true, true);
    q.button(50, 60, false, true);
    q.next();
    auto up = q.next();
    EXPECT_FALSE(up.down);
    EXPECT_FLOAT_EQ(up.x, 50) << "the release happens over the target, so the tap fires";
    auto gone = q.next();
    EXPECT_LT(gone.x, -1e8f) << "then nothing stays highlighted";
}

TEST(DragScroll, SmallMovesAreStillATap) {
    shell::DragScroll d(20);
    d.press(100, 100);
    EXPECT_EQ(d.move(105, 110), 0);
    EXPECT_FALSE(d.dragging()) << "a trembling finger still taps";
    d.release();
    EXPECT_FALSE(d.pressed());
}

TEST(DragScroll, ADragScrollsWithTheFingerAndCancelsTheTap) {
    shell::DragScroll d(20);
    d.press(100, 500);
    EXPECT_EQ(d.move(100, 530), 30) << "past the threshold the content catches up with the finger";
    EXPECT_TRUE(d.dragging());
    EXPECT_EQ(d.move(100, 480), -50);
    d.release();
    EXPECT_FALSE(d.dragging());
    EXPECT_EQ(d.move(100, 400), 0) << "no scroll after release";
}

TEST(FramePacer, DrawsAFewFramesThenSleepsUntilTheNextDeadline) {
    shell::FramePacer p({3, 60'000});
    EXPECT_FALSE(p.wantsFrame());
    p.wake();
    int frames = 0;
    while (p.wantsFrame()) {
        EXPECT_EQ(p.sleepMs(0, {}), 0);
        p.frameDrawn();
        ++frames;
    }
    EXPECT_EQ(frames, 3);
    EXPECT_EQ(p.sleepMs(1000, {std::nullopt, 1500, 9000}), 500);
    EXPECT_EQ(p.sleepMs(1000, {}), 60'000);
    EXPECT_EQ(p.sleepMs(1000, {500}), 0) << "an overdue timer does not wait";
}

TEST(FramePacer, ATimerOwesOneFrameInputOwesSettleFrames) {
    shell::FramePacer p({3, 60'000});
    p.redraw();
    EXPECT_TRUE(p.wantsFrame());
    p.frameDrawn();
    EXPECT_FALSE(p.wantsFrame()) << "a countdown second is one frame";
    p.wake();
    p.redraw();
    int frames = 0;
    while (p.wantsFrame()) {
        p.frameDrawn();
        ++frames;
    }
    EXPECT_EQ(frames, 3) << "a timer never cuts short the frames input is owed";
}

TEST(FramePacer, NextMinute) {
    auto t = core::parseIso("2026-11-23T10:15:42+08:00");
    EXPECT_EQ(shell::msUntilNextMinute(t), 18'000);
    EXPECT_EQ(shell::msUntilNextMinute(core::parseIso("2026-11-23T10:16:00+08:00")), 60'000);
}

TEST(FrameStats, QuantilesComeFromTheFramesAndNeverPassTheLongest) {
    shell::FrameStats s;
    EXPECT_EQ(s.quantile(0.5), 0) << "no frames";
    for (int i = 0; i < 98; ++i) s.add(10.2);
    s.add(40.0);
    s.add(91.3);
    EXPECT_EQ(s.count(), 100u);
    EXPECT_DOUBLE_EQ(s.quantile(0.5), 10.5) << "the median's bucket: 10.0-10.5 ms";
    EXPECT_DOUBLE_EQ(s.quantile(0.98), 10.5);
    EXPECT_DOUBLE_EQ(s.quantile(0.99), 40.5) << "the 99th frame's bucket: 40.0-40.5 ms";
    EXPECT_DOUBLE_EQ(s.quantile(1.0), 91.3);
    EXPECT_DOUBLE_EQ(s.max(), 91.3);
    s.add(2000);  // past the last bucket: counted there, and the longest
    s.add(-1);    // a clock that went back: not a frame
    EXPECT_EQ(s.count(), 101u);
    EXPECT_DOUBLE_EQ(s.quantile(1.0), 2000);
}

TEST(WidgetRegistry, QueriesSeeTheLastCompleteFrame) {
    shell::WidgetRegistry r;
    r.beginFrame();
    r.add("home.checkin", {0, 0, 100, 100});
    r.noteText("签到");
    EXPECT_EQ(r.find("home.checkin"), nullptr) << "the frame is not complete";
    r.endFrame();
    ASSERT_NE(r.find("home.checkin"), nullptr);
    EXPECT_TRUE(r.textContains("签"));
    r.beginFrame();
    r.add("nav.back", {0, 0, 100, 100});
    r.abandonFrame();  // a screen threw
    EXPECT_NE(r.find("home.checkin"), nullptr);
    EXPECT_EQ(r.find("nav.back"), nullptr);
    EXPECT_EQ(r.visibleIds(), std::vector<std::string>{"home.checkin"});
}

TEST(WidgetRegistry, DuplicateIdsAreReported) {
    shell::WidgetRegistry r;
    r.beginFrame();
    r.add("x", {0, 0, 1, 1});
    r.add("x", {2, 2, 1, 1});
    r.endFrame();
    EXPECT_EQ(r.duplicateIds(), std::vector<std::string>{"x"});
}

}  // namespace
