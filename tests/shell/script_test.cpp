// The script format (docs/SCRIPTS.md) and the driver's rules, against a fake
// kiosk: steps wait for a settled frame, failures name the line.
#include <gtest/gtest.h>

#include <functional>

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
    std::string size = "standard";

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
    std::string drawnTextSize() const override { return size; }
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
    // A finger on a list: the list follows it (scroll_to).
    float fingerY = 0, scrollY = 0;
    bool listMoves = true;
    void pressAt(float, float y) override {
        fingerY = y;
        log.push_back("press");
    }
    void moveTo(float, float y) override {
        if (listMoves) scrollY += fingerY - y;
        fingerY = y;
        log.push_back("move");
    }
    void releaseAt(float, float) override { log.push_back("release"); }
    std::optional<std::string> stringFor(const std::string& key) const override {
        if (key == "staff.rapid.count") return std::string("已签到 {count} 人");
        return std::nullopt;
    }
};

// Runs `script` against frames `draw` makes until it stops (or 20 turns).
ScriptDriver run(FakeKiosk& k, const std::string& script, const std::function<void(FakeKiosk&)>& draw) {
    ScriptDriver d(shell::parseScript(script), "s");
    for (int i = 0; i < 20 && d.running(); ++i) {
        draw(k);
        d.poll(k);
    }
    return d;
}

shell::TextInfo drawn(std::string text, shell::Rect box, float needW, float needH) {
    shell::TextInfo t;
    t.text = std::move(text);
    t.box = box;
    t.clip = {0, 0, 1920, 1080};
    t.needW = needW;
    t.needH = needH;
    return t;
}

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

// The meal voucher's cancel button lay under the announcement banner, and
// `tap` found it anyway: a finger would have pressed the banner.
TEST(ScriptDriver, ACoveredTargetIsNotTapped) {
    FakeKiosk k;
    auto d = run(k, "tap meals.voucher.cancel\n", [](FakeKiosk& f) {
        f.reg.beginFrame();
        f.reg.add("meals.voucher.cancel", {560, 820, 480, 130}, {40, 200, 1840, 800});
        f.reg.cover("banner", {140, 860, 1640, 110});
        f.reg.endFrame();
        ++f.frames;
    });
    EXPECT_EQ(d.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(d.error().find("under the banner"), std::string::npos) << d.error();
    EXPECT_TRUE(k.log.empty()) << "no tap was sent";
}

TEST(ScriptDriver, AClippedTargetIsNotTapped) {
    FakeKiosk k;
    auto d = run(k, "tap activities.item.2\n", [](FakeKiosk& f) {
        f.reg.beginFrame();
        f.reg.add("activities.item.2", {40, 800, 1840, 300}, {40, 300, 1840, 600}, /*scrolled=*/true);
        f.reg.endFrame();
        ++f.frames;
    });
    EXPECT_EQ(d.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(d.error().find("partly outside its region"), std::string::npos) << d.error();
}

// expect_text passed on text that was cut or covered.
TEST(ScriptDriver, ExpectTextCountsOnlyWholeUncoveredText) {
    FakeKiosk k;
    auto cut = run(k, "expect_text 删除\n", [](FakeKiosk& f) {
        f.reg.beginFrame();
        f.reg.addText(drawn("删除", {100, 100, 60, 70}, 124, 57));
        f.reg.endFrame();
        ++f.frames;
    });
    EXPECT_EQ(cut.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(cut.error().find("cut off"), std::string::npos) << cut.error();

    FakeKiosk k2;
    auto covered = run(k2, "expect_text 取消\n", [](FakeKiosk& f) {
        f.reg.beginFrame();
        f.reg.addText(drawn("取消这一餐", {600, 850, 400, 70}, 220, 57));
        f.reg.cover("banner", {140, 860, 1640, 110});
        f.reg.endFrame();
        ++f.frames;
    });
    EXPECT_EQ(covered.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(covered.error().find("under the banner"), std::string::npos) << covered.error();

    FakeKiosk k3;
    auto whole = run(k3, "expect_text 取消\n", [](FakeKiosk& f) {
        f.reg.beginFrame();
        f.reg.addText(drawn("取消这一餐", {600, 650, 400, 70}, 220, 57));
        f.reg.cover("banner", {140, 860, 1640, 110});
        f.reg.endFrame();
        ++f.frames;
    });
    EXPECT_EQ(whole.status(), ScriptDriver::Status::Finished);
}

// The flow scripts expected Chinese words, so the tour failed in English:
// expect_string checks the string table's words in the kiosk's language.
TEST(ScriptDriver, ExpectStringMatchesTheTablesWordsWithPlaceholders) {
    EXPECT_TRUE(shell::matchesPattern("已签到 200 人", "已签到 {count} 人"));
    EXPECT_FALSE(shell::matchesPattern("已签到 200", "已签到 {count} 人"));
    EXPECT_TRUE(shell::matchesPattern("Checked in: 200", "Checked in: {count}"));
    FakeKiosk k;
    auto ok = run(k, "expect_string staff.rapid.count\n", [](FakeKiosk& f) { f.frame({}, "已签到 201 人"); });
    EXPECT_EQ(ok.status(), ScriptDriver::Status::Finished);
    FakeKiosk k2;
    auto unknown = run(k2, "expect_string no.such.key\n", [](FakeKiosk& f) { f.frame({}, "x"); });
    EXPECT_EQ(unknown.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(unknown.error().find("no string table has the key"), std::string::npos);
}

// Landscape lists showed one item at a time: expect_whole counts the items
// wholly on screen.
TEST(ScriptDriver, ExpectWholeCountsItemsWhollyOnScreen) {
    auto list = [](FakeKiosk& f) {
        f.reg.beginFrame();
        const shell::Rect area{40, 300, 1840, 600};
        f.reg.add("activities.item.0", {40, 300, 1840, 250}, area, true);
        f.reg.add("activities.item.1", {40, 574, 1840, 250}, area, true);
        f.reg.add("activities.item.2", {40, 848, 1840, 250}, area, true);  // half scrolled away
        f.reg.endFrame();
        ++f.frames;
    };
    FakeKiosk k;
    EXPECT_EQ(run(k, "expect_whole activities.item. 2\n", list).status(), ScriptDriver::Status::Finished);
    FakeKiosk k2;
    auto three = run(k2, "expect_whole activities.item. 3\n", list);
    EXPECT_EQ(three.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(three.error().find("2 whole"), std::string::npos) << three.error();
}

// Issue 13's rule for lists: two whole items where the list starts, one and
// a half at 特大; a list with one item shows it whole.
TEST(ScriptDriver, ExpectListWantsTwoWholeOrOneAndAHalfAtExtraLarge) {
    const shell::Rect area{40, 300, 1840, 583};
    auto cards = [area](float h) {
        return [area, h](FakeKiosk& f) {
            f.reg.beginFrame();
            for (int i = 0; i < 3; ++i)
                f.reg.add("meals.book." + std::to_string(i), {40, 300 + float(i) * (h + 24), 1840, h}, area, true);
            f.reg.endFrame();
            ++f.frames;
        };
    };
    FakeKiosk fits;  // 2 x 273 + 24 = 570 in 583
    EXPECT_EQ(run(fits, "expect_list meals.book.\n", cards(273)).status(), ScriptDriver::Status::Finished);
    FakeKiosk tall;  // 2 x 303 + 24 = 630: the second is cut
    auto one = run(tall, "expect_list meals.book.\n", cards(303));
    EXPECT_EQ(one.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(one.error().find("1 whole"), std::string::npos) << one.error();
    FakeKiosk big;  // at 特大 one and a half: 303 + 24 + 256 of the second
    big.size = "xlarge";
    EXPECT_EQ(run(big, "expect_list meals.book.\n", cards(303)).status(), ScriptDriver::Status::Finished);
    FakeKiosk bigger;  // 400 + 24 + 159: 1.4 shown
    bigger.size = "xlarge";
    EXPECT_EQ(run(bigger, "expect_list meals.book.\n", cards(400)).status(), ScriptDriver::Status::Failed);
    FakeKiosk none;
    EXPECT_EQ(run(none, "expect_list activities.item.\n", cards(100)).status(), ScriptDriver::Status::Failed);
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

// scroll_to drags the list (press, move, release, each on a settled frame)
// until the widget is whole, then tap reaches it.
TEST(ScriptDriver, ScrollToDragsTheListUntilTheWidgetShows) {
    FakeKiosk k;
    const auto list = [](FakeKiosk& f) {
        f.reg.beginFrame();
        f.reg.add("staff.enrol.hukou", {40, 1000 - f.scrollY, 800, 96}, {40, 300, 1840, 600}, /*scrolled=*/true);
        f.reg.endFrame();
        ++f.frames;
    };
    ScriptDriver d(shell::parseScript("scroll_to staff.enrol.hukou\ntap staff.enrol.hukou\n"), "s");
    for (int i = 0; i < 60 && d.running(); ++i) {
        list(k);
        d.poll(k);
    }
    EXPECT_EQ(d.status(), ScriptDriver::Status::Finished) << d.error();
    ASSERT_GE(k.log.size(), 4u);
    EXPECT_EQ(k.log[0], "press");
    EXPECT_EQ(k.log[1], "move");
    EXPECT_EQ(k.log[2], "release");
    EXPECT_EQ(k.log.back().rfind("tap ", 0), 0u) << "the widget, whole now, is tapped";
    EXPECT_GE(1000 - k.scrollY + 96, 300.f);
    EXPECT_LE(1000 - k.scrollY + 96, 900.f) << "its bottom inside the list";
}

TEST(ScriptDriver, ScrollToGivesUpWhenTheListDoesNotMove) {
    FakeKiosk k;
    k.listMoves = false;
    ScriptDriver d(shell::parseScript("scroll_to staff.enrol.hukou\n"), "s");
    for (int i = 0; i < 200 && d.running(); ++i) {
        k.reg.beginFrame();
        k.reg.add("staff.enrol.hukou", {40, 1000, 800, 96}, {40, 300, 1840, 600}, /*scrolled=*/true);
        k.reg.endFrame();
        ++k.frames;
        d.poll(k);
    }
    EXPECT_EQ(d.status(), ScriptDriver::Status::Failed);
    EXPECT_NE(d.error().find("after 8 drags"), std::string::npos) << d.error();
}

TEST(ScriptDriver, ScrollToOnAWholeWidgetDoesNothing) {
    FakeKiosk k;
    auto d = run(k, "scroll_to home.checkin\n", [](FakeKiosk& f) { f.frame({{"home.checkin", {100, 100, 400, 200}}}); });
    EXPECT_EQ(d.status(), ScriptDriver::Status::Finished) << d.error();
    EXPECT_TRUE(k.log.empty());
}
