// The frame every screen shares (layout.h), at both orientations, every text
// size and both languages, with the long fixture's announcement:
//   - landscape keeps one bar row, and the title and content keep >= 60 % of
//     the height even with the banner;
//   - the title is centred on the window (portrait titles sat off-centre);
//   - the banner has its own strip: it never lies over the content (it lay
//     over the welcome screen's start button at 大, over the voucher's cancel);
//   - the banner and the status bar never end in "…": the strip shows whole
//     sentences and says there is more; the station wraps to its own row;
//   - the bar's targets are >= 96 px and >= 24 px apart.
#include <gtest/gtest.h>

#include <functional>
#include <string>

#include "shell/ui/layout.h"
#include "shell/ui/strings.h"
#include "shell/ui/text.h"
#include "shell/ui/theme.h"
#include "shell/ui/utf8.h"

namespace {

using shell::Rect;
using shell::TextSize;
using shell::Theme;

constexpr TextSize kSizes[] = {TextSize::Standard, TextSize::Large, TextSize::ExtraLarge};
struct Panel {
    int w, h;
};
constexpr Panel kPanels[] = {{1920, 1080}, {1080, 1920}, {3840, 2160}};

// The long fixture's announcement (scripts/tour/fixture.sh): 200 characters.
const std::string kAnnouncement =
    "本周五上午九点在二楼活动室举办防诈骗讲座，请带好颐年卡准时参加。讲座后免费测量血压和血糖，名额有限，先到先得。"
    "下周一起长者饭堂午餐增加软烂易嚼的菜式，需要送餐上门的长者请提前一天在自助终端预订或者致电服务站登记。"
    "天气转凉，请注意保暖，出门记得带好雨具和常用药品，如有不适请及时告诉工作人员，我们会尽快安排。";

// A generous width estimate: a CJK character is one em, Latin 0.62 em.
shell::Measure estimate(const Theme& t) {
    return [&t](shell::FontRole role, std::string_view s) {
        float px = role == shell::FontRole::Title ? t.m().titlePx : t.m().bodyPx;
        float w = 0;
        for (char32_t c : shell::decodeUtf8(s)) w += c < 0x2E80 ? 0.62f * px : px;
        return w;
    };
}

shell::FrameWords words(const shell::Strings& s, const std::string& title, const std::string& announcement) {
    shell::FrameWords w;
    w.back = s.get("nav.back");
    w.home = s.get("nav.home");
    w.read = s.get("nav.read");
    w.textSize = s.format("textsize.button", {{"size", s.get("textsize.xlarge")}});
    w.title = title;
    w.banner = announcement.empty() ? "" : s.format("announcement.banner", {{"text", announcement}});
    w.bannerMore = s.get("banner.more");
    w.bannerShort = s.get("banner.short");
    w.station = "长城长者服务站";
    w.sync = s.get("status.offline") + "  " + s.format("status.last_sync", {{"time", "12:34"}});
    w.clock = "12:34";
    w.syncLongest = w.sync;
    return w;
}

void expectTargetsOk(const Theme& t, const std::vector<std::pair<std::string, Rect>>& targets) {
    const float k = t.m().scale;
    for (auto& [name, r] : targets) {
        EXPECT_GE(r.w, 96 * k) << name;
        EXPECT_GE(r.h, 96 * k) << name;
        EXPECT_GE(r.x, 0) << name;
        EXPECT_GE(r.y, 0) << name;
        EXPECT_LE(r.right(), float(t.width())) << name;
        EXPECT_LE(r.bottom(), float(t.height())) << name;
    }
    for (std::size_t i = 0; i < targets.size(); ++i)
        for (std::size_t j = i + 1; j < targets.size(); ++j)
            EXPECT_GE(shell::gapBetween(targets[i].second, targets[j].second), 24 * k - 0.5f)
                << targets[i].first << " / " << targets[j].first;
}

// Every language, panel and text size, each checked under a trace that names it.
void forEveryFrame(const std::function<void(const shell::Strings&, const Theme&)>& check) {
    for (const std::string& lang : shell::Strings::languages()) {
        const auto str = shell::Strings::load(lang);
        for (const Panel& p : kPanels)
            for (TextSize s : kSizes) {
                SCOPED_TRACE(lang + " " + std::to_string(p.w) + "x" + std::to_string(p.h) + " " + shell::textSizeName(s));
                check(str, Theme::make(p.w, p.h, s));
            }
    }
}

// The strip's words when an elder has called staff: an alert, nothing more to open.
shell::FrameWords alertWords(const shell::Strings& s, const std::string& title) {
    auto w = words(s, title, "");
    w.banner = s.format("alert.help", {{"name", s.get("alert.someone")}});
    w.bannerMore.clear();
    return w;
}

TEST(Frame, EveryPanelSizeAndLanguage) {
    forEveryFrame([&](const shell::Strings& str, const Theme& t) {
        const auto m = estimate(t);
        auto f = shell::layoutFrame(t, words(str, str.get("timebank.statement.title"), kAnnouncement), m);
        expectTargetsOk(t, {{"back", f.back}, {"home", f.home}, {"read", f.read}, {"textsize", f.textSize},
                            {"banner", f.strip}});
        if (!t.portrait()) {
            EXPECT_EQ(f.topRows, 1) << "landscape: one bar row at every text size";
            EXPECT_GE(f.content.bottom() - f.title.y, 0.6f * float(t.height()))
                << "the title and content keep 60 % of the height";
        }
        EXPECT_NEAR(f.title.cx(), float(t.width()) / 2, 0.5f) << "the title is centred on the window";
        EXPECT_GE(f.title.y, f.topBar.bottom());
        EXPECT_GE(f.content.y, f.title.bottom());
        // The banner's strip is outside the content, a target's gap away.
        EXPECT_FALSE(f.strip.overlaps(f.content));
        EXPECT_GE(f.strip.y - f.content.bottom(), t.m().targetGap - 0.5f);
        EXPECT_LE(f.strip.bottom(), f.statusBar.y);
        EXPECT_TRUE(f.bannerPartial) << "200 characters never fit the strip";
        // Whole sentences, never cut: each line fits and the words end a sentence.
        std::string shown;
        for (auto& l : f.stripLines) {
            EXPECT_LE(m(shell::FontRole::Body, l), f.stripText.w + 0.5f);
            shown += l;
        }
        EXPECT_FALSE(shown.empty());
        EXPECT_EQ(shown.find("…"), std::string::npos);
        auto noSpaces = [](std::string v) {
            std::erase(v, ' ');
            return v;
        };
        EXPECT_TRUE(noSpaces(shown) == noSpaces(str.get("banner.short")) || shown.ends_with("。")) << shown;
        EXPECT_FALSE(f.stripMore.overlaps(f.stripText));
        // The status bar: every word fits its box.
        for (auto& l : f.stationLines) EXPECT_LE(m(shell::FontRole::Body, l), f.station.w + 0.5f) << l;
        EXPECT_FALSE(f.station.overlaps(f.syncIcon));
        EXPECT_FALSE(f.sync.overlaps(f.clock));
        EXPECT_GE(f.syncIcon.x, t.m().margin - 0.5f);
        // Nothing depends on the title's words but the title's own height.
        auto g = shell::layoutFrame(t, words(str, str.get("home.title"), kAnnouncement), m);
        EXPECT_EQ(g.topRows, f.topRows);
        EXPECT_FLOAT_EQ(g.textSize.x, f.textSize.x);
        EXPECT_FLOAT_EQ(g.read.x, f.read.x);
    });
}

TEST(Frame, AShortAnnouncementShowsWhole) {
    auto str = shell::Strings::load("zh-CN");
    Theme t = Theme::make(1920, 1080, TextSize::Large);
    auto f = shell::layoutFrame(t, words(str, "首页", "本周五上午九点健康讲座，欢迎参加。"), estimate(t));
    EXPECT_FALSE(f.bannerPartial);
    ASSERT_EQ(f.stripLines.size(), 1u);
    EXPECT_EQ(f.stripLines[0], "公告：本周五上午九点健康讲座，欢迎参加。");
    auto none = shell::layoutFrame(t, words(str, "首页", ""), estimate(t));
    EXPECT_FLOAT_EQ(none.strip.h, 0);
    EXPECT_GT(none.content.h, f.content.h) << "no banner, no strip: the content gets the room";
}

TEST(Frame, ANoticeTakesTheStripWithoutBeingATarget) {
    auto str = shell::Strings::load("zh-CN");
    Theme t = Theme::make(1080, 1920, TextSize::Standard);
    auto w = words(str, "首页", kAnnouncement);
    w.notice = str.get("notice.frame_error");
    auto f = shell::layoutFrame(t, w, estimate(t));
    EXPECT_FALSE(f.stripIsBanner);
    EXPECT_GT(f.strip.h, 0);
    EXPECT_FALSE(f.strip.overlaps(f.content));
}

// An elder called staff; at 特大 in English portrait the alert ("Help: An
// elder needs help. Staff, tap here") wrapped into three lines beside the
// room kept for the announcement's "Tap to read it all", which an alert does
// not show, and home no longer fitted (needs 1003 px, had 967). An alert
// (nothing more to open) has the strip's whole width.
TEST(Frame, AnAlertHasTheWholeStrip) {
    forEveryFrame([&](const shell::Strings& str, const Theme& t) {
        const auto m = estimate(t);
        const auto f = shell::layoutFrame(t, alertWords(str, str.get("home.title")), m);
        EXPECT_TRUE(f.stripIsBanner);
        EXPECT_FALSE(f.bannerPartial) << "an alert shows whole";
        EXPECT_FLOAT_EQ(f.stripMore.w, 0);
        EXPECT_FLOAT_EQ(f.stripText.w, f.strip.w - 2 * t.m().gap) << "the words have the strip's width";
        EXPECT_LE(f.stripLines.size(), 2u);
        expectTargetsOk(t, {{"alert", f.strip}});
    });
}

// With the alert, welcome at 特大 in English landscape needed 621 px and had
// 544: the alert never gives way, so the title does (the card greets).
TEST(Frame, ATitleThatGivesWayLeavesItsRoomToTheContent) {
    auto str = shell::Strings::load("en");
    Theme t = Theme::make(1920, 1080, TextSize::ExtraLarge);
    auto w = alertWords(str, str.get("welcome.title"));
    const auto with = shell::layoutFrame(t, w, estimate(t));
    w.title.clear();
    const auto without = shell::layoutFrame(t, w, estimate(t));
    EXPECT_TRUE(without.titleLines.empty());
    EXPECT_FLOAT_EQ(without.title.h, 0);
    EXPECT_FLOAT_EQ(without.content.bottom(), with.content.bottom());
    EXPECT_GE(without.content.h - with.content.h, with.title.h) << "the title's room goes to the content";
}

// A tap on identify's keypad was lost at 特大 in portrait: the status bar
// went from two rows to three when the sync state's words changed, and the
// keypad moved between the frame the finger aimed at and the next.
TEST(Frame, TheStatusBarKeepsItsRowsWhateverTheSyncStateSays) {
    forEveryFrame([&](const shell::Strings& str, const Theme& t) {
        auto w = words(str, "首页", kAnnouncement);
        w.sync = str.get("status.connecting");
        const auto waiting = shell::layoutFrame(t, w, estimate(t));
        w.sync = str.get("status.offline") + "  " + str.format("status.last_sync", {{"time", "12:34"}});
        const auto offline = shell::layoutFrame(t, w, estimate(t));
        EXPECT_FLOAT_EQ(waiting.content.y, offline.content.y);
        EXPECT_FLOAT_EQ(waiting.content.h, offline.content.h);
    });
}

TEST(Frame, PortraitStationNameWrapsInsteadOfBeingCut) {
    // 长城长… in portrait at 大: the station now gets a row of its own.
    auto str = shell::Strings::load("zh-CN");
    Theme t = Theme::make(1080, 1920, TextSize::Large);
    auto f = shell::layoutFrame(t, words(str, "时间明细", ""), estimate(t));
    EXPECT_EQ(f.statusRows, 2);
    ASSERT_EQ(f.stationLines.size(), 1u);
    EXPECT_EQ(f.stationLines[0], "长城长者服务站");
    EXPECT_GT(f.sync.y, f.station.y);
}

}  // namespace
