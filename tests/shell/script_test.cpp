// The script format (docs/SCRIPTS.md) and the driver's rules, against a fake
// kiosk: steps wait for a settled frame, failures name the line.
#include <gtest/gtest.h>

#include "shell/driver/script.h"
#include "shell/driver/script_driver.h"

namespace {

using shell::ScriptDriver;
using shell::ScriptStep;
using Op = ScriptStep::Op;

TEST(ScriptParse, EveryStep) {
    auto steps = shell::parseScript(R"(# a comment
wait_for welcome.start
tap welcome.start

  wait 250
wait_for home.checkin 3000
expect_screen home
expect_text 您好 欢迎
type 4403001234
key Escape
screenshot out/home.png
size 1080x1920
idle_advance 60.5
quit
)");
    ASSERT_EQ(steps.size(), 12u);
    EXPECT_EQ(steps[0].op, Op::WaitFor);
    EXPECT_EQ(steps[0].a, 5000) << "default timeout";
    EXPECT_EQ(steps[0].line, 2);
    EXPECT_EQ(steps[1].op, Op::Tap);
    EXPECT_EQ(steps[1].arg, "welcome.start");
    EXPECT_EQ(steps[2].op, Op::Wait);
    EXPECT_EQ(steps[2].a, 250);
    EXPECT_EQ(steps[2].line, 5);
    EXPECT_EQ(steps[3].a, 3000);
    EXPECT_EQ(steps[5].arg, "您好 欢迎") << "text keeps its spaces";
    EXPECT_EQ(steps[6].op, Op::Type);
    EXPECT_EQ(steps[7].arg, "Escape");
    EXPECT_EQ(steps[8].arg, "out/home.png");
    EXPECT_EQ(steps[9].a, 1080);
    EXPECT_EQ(steps[9].b, 1920);
    EXPECT_EQ(steps[10].a, 60500);
    EXPECT_EQ(steps[11].op, Op::Quit);
}

TEST(ScriptParse, ErrorsNameTheLine) {
    auto lineOf = [](const char* text) {
        try {
            shell::parseScript(text);
        } catch (const shell::ScriptError& e) {
            return e.line();
        }
        return 0;
    };
    EXPECT_EQ(lineOf("tap a\nfly away\n"), 2);
    EXPECT_EQ(lineOf("wait soon"), 1);
    EXPECT_EQ(lineOf("\n\nsize 100"), 3);
    EXPECT_EQ(lineOf("tap"), 1);
    EXPECT_EQ(lineOf("tap a b"), 1);
    EXPECT_EQ(lineOf("quit now"), 1);
    EXPECT_EQ(lineOf("size 10x10"), 1);
    EXPECT_EQ(lineOf("idle_advance -1"), 1);
}

struct FakeKiosk : shell::ScriptHost {
    shell::WidgetRegistry reg;
    std::string screen = "welcome";
    bool isSettled = true;
    std::uint64_t frames = 0;
    std::int64_t now = 0;
    std::vector<std::string> log;
    bool shotPending = false;
    int w = 1920, h = 1080;

    void frame(const std::vector<std::pair<std::string, shell::Rect>>& ws, const std::string& text = "") {
        reg.beginFrame();
        for (auto& [id, r] : ws) reg.add(id, r);
        reg.noteText(text);
        reg.endFrame();
        ++frames;
        shotPending = false;
    }
    const shell::WidgetRegistry& widgets() const override { return reg; }
    std::string screenId() const override { return screen; }
    bool settled() const override { return isSettled; }
    std::uint64_t framesDrawn() const override { return frames; }
    std::int64_t realMs() const override { return now; }
    void tapAt(float x, float y) override { log.push_back("tap " + std::to_string(int(x)) + "," + std::to_string(int(y))); }
    void typeAsCardReader(const std::string& t) override { log.push_back("type " + t); }
    bool pressKey(const std::string& n) override {
        log.push_back("key " + n);
        return n != "Nope";
    }
    void requestScreenshot(const std::string& p) override {
        log.push_back("shot " + p);
        shotPending = true;
    }
    bool screenshotPending() const override { return shotPending; }
    std::string takeScreenshotError() override { return ""; }
    void resizeWindow(int nw, int nh) override {
        w = nw;
        h = nh;
        log.push_back("size");
    }
    void windowSize(int& ow, int& oh) const override {
        ow = w;
        oh = h;
    }
    void advanceClock(std::int64_t ms) override { log.push_back("advance " + std::to_string(ms)); }
    void keepDrawing() override {}
};

TEST(ScriptDriver, TapsAtTheCentreOnceSettled) {
    FakeKiosk k;
    ScriptDriver d(shell::parseScript("tap home.meals\nquit\n"), "t.script");
    d.poll(k);
    EXPECT_TRUE(k.log.empty()) << "waits for the first frame";
    k.frame({{"home.meals", {100, 200, 300, 400}}});
    k.isSettled = false;
    d.poll(k);
    EXPECT_TRUE(k.log.empty()) << "waits until settled";
    k.isSettled = true;
    d.poll(k);
    ASSERT_EQ(k.log.size(), 1u);
    EXPECT_EQ(k.log[0], "tap 250,400");
    d.poll(k);
    EXPECT_EQ(d.status(), ScriptDriver::Status::Running) << "the tap's frames must be drawn first";
    k.frame({});
    k.frame({});
    d.poll(k);
    EXPECT_EQ(d.status(), ScriptDriver::Status::Quit);
}

TEST(ScriptDriver, FailuresNameFileLineAndWhatWasThere) {
    FakeKiosk k;
    k.frame({{"welcome.start", {0, 0, 100, 100}}}, "您好，欢迎光临！");
    ScriptDriver d(shell::parseScript("expect_text 欢迎\n\ntap home.help\n"), "e2e.script");
    d.poll(k);
    k.frame({{"welcome.start", {0, 0, 100, 100}}}, "您好，欢迎光临！");
    k.frame({{"welcome.start", {0, 0, 100, 100}}}, "您好，欢迎光临！");
    d.poll(k);
    ASSERT_EQ(d.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(d.error().find("e2e.script:3: tap home.help"), std::string::npos) << d.error();
    EXPECT_NE(d.error().find("welcome.start"), std::string::npos) << "lists what is visible";
}

TEST(ScriptDriver, ExpectScreenAndText) {
    FakeKiosk k;
    k.frame({}, "签到");
    ScriptDriver d(shell::parseScript("expect_screen welcome\nexpect_text 签\nexpect_screen home\n"), "s");
    for (int i = 0; i < 6 && d.running(); ++i) {
        d.poll(k);
        k.frame({}, "签到");
    }
    ASSERT_EQ(d.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(d.error().find("s:3: expect_screen home: the screen is 'welcome'"), std::string::npos) << d.error();
}

TEST(ScriptDriver, WaitForTimesOut) {
    FakeKiosk k;
    k.frame({});
    ScriptDriver d(shell::parseScript("wait_for nav.back 1000\n"), "s");
    d.poll(k);
    EXPECT_TRUE(d.running());
    k.now = 999;
    d.poll(k);
    EXPECT_TRUE(d.running());
    k.now = 1000;
    d.poll(k);
    EXPECT_EQ(d.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(d.error().find("did not appear within 1000 ms"), std::string::npos);
}

TEST(ScriptDriver, WaitForSucceedsWhenTheWidgetShows) {
    FakeKiosk k;
    k.frame({});
    ScriptDriver d(shell::parseScript("wait_for nav.back\n"), "s");
    d.poll(k);
    k.frame({{"nav.back", {0, 0, 200, 112}}});
    d.poll(k);
    EXPECT_EQ(d.status(), ScriptDriver::Status::Finished);
}

TEST(ScriptDriver, OccludedWidgetsCannotBeTapped) {
    FakeKiosk k;
    k.reg.beginFrame();
    k.reg.add("nav.home", {0, 0, 200, 112});
    k.reg.occludeAll();  // the idle overlay came up
    k.reg.add("idle.continue", {500, 500, 800, 200});
    k.reg.endFrame();
    k.frames = 1;
    ScriptDriver d(shell::parseScript("tap nav.home\n"), "s");
    d.poll(k);
    EXPECT_EQ(d.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(d.error().find("idle.continue"), std::string::npos);
}

TEST(ScriptDriver, ScreenshotWaitsForTheCapture) {
    FakeKiosk k;
    k.frame({});
    ScriptDriver d(shell::parseScript("screenshot a.png\nidle_advance 61\ntype 123456\nkey Return\n"), "s");
    d.poll(k);
    EXPECT_EQ(k.log.back(), "shot a.png");
    d.poll(k);
    EXPECT_EQ(k.log.size(), 1u) << "still capturing";
    for (int i = 0; i < 8; ++i) {
        k.frame({});
        d.poll(k);
    }
    EXPECT_EQ(d.status(), ScriptDriver::Status::Finished);
    EXPECT_EQ(k.log, (std::vector<std::string>{"shot a.png", "advance 61000", "type 123456", "key Return"}));
}

TEST(ScriptDriver, UnknownKeyFails) {
    FakeKiosk k;
    k.frame({});
    ScriptDriver d(shell::parseScript("key Nope\n"), "s");
    d.poll(k);
    EXPECT_EQ(d.status(), ScriptDriver::Status::Failed);
}

TEST(ScriptDriver, SizeWaitsForTheWindow) {
    FakeKiosk k;
    k.frame({});
    ScriptDriver d(shell::parseScript("size 1080x1920\n"), "s");
    d.poll(k);
    EXPECT_EQ(k.w, 1080);
    d.poll(k);
    EXPECT_EQ(d.status(), ScriptDriver::Status::Finished);
}

}  // namespace
