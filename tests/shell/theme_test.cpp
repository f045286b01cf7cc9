// The elder-friendly numbers of DESIGN.md, checked on the theme and the
// layout: text >= 44 px, titles larger, contrast >= 7:1 for every text colour
// on every background it meets, targets >= 96x96 px and >= 24 px apart, at
// both orientations, every text size and both languages.
#include <gtest/gtest.h>

#include "shell/ui/layout.h"
#include "shell/ui/strings.h"
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

// A generous width estimate: a CJK character is one em, Latin 0.62 em.
shell::Measure estimate(const Theme& t) {
    return [&t](shell::FontRole role, std::string_view s) {
        float px = role == shell::FontRole::Title ? t.m().titlePx : t.m().bodyPx;
        float w = 0;
        for (char32_t c : shell::decodeUtf8(s)) w += c < 0x2E80 ? 0.62f * px : px;
        return w;
    };
}

TEST(Theme, ContrastIsAtLeastSevenToOne) {
    EXPECT_NEAR(shell::contrastRatio(shell::Rgb::hex(0x000000), shell::Rgb::hex(0xFFFFFF)), 21.0, 1e-9);
    EXPECT_NEAR(shell::contrastRatio(shell::Rgb::hex(0x777777), shell::Rgb::hex(0xFFFFFF)), 4.48, 0.01);
    for (const Panel& p : kPanels)
        for (TextSize s : kSizes) {
            Theme t = Theme::make(p.w, p.h, s);
            auto pairs = t.textPairs();
            ASSERT_GE(pairs.size(), 15u);
            for (auto& pair : pairs)
                EXPECT_GE(shell::contrastRatio(pair.fg, pair.bg), 7.0) << pair.name;
        }
}

TEST(Theme, ScaleFollowsTheShortSide) {
    EXPECT_FLOAT_EQ(Theme::make(1920, 1080, TextSize::Standard).m().scale, 1.0f);
    EXPECT_FLOAT_EQ(Theme::make(1080, 1920, TextSize::Standard).m().scale, 1.0f);
    EXPECT_FLOAT_EQ(Theme::make(3840, 2160, TextSize::Standard).m().scale, 2.0f);
}

TEST(Theme, TextIsLargeAndTitlesLarger) {
    for (const Panel& p : kPanels) {
        float prevBody = 0;
        for (TextSize s : kSizes) {
            Theme t = Theme::make(p.w, p.h, s);
            const float k = t.m().scale;
            EXPECT_GE(t.m().bodyPx, 44 * k) << p.w << "x" << p.h;
            EXPECT_GE(t.m().titlePx, 60 * k);
            EXPECT_GT(t.m().titlePx, t.m().bodyPx * 1.3f);
            EXPECT_GT(t.m().bodyPx, prevBody) << "each step of the switch is larger";
            prevBody = t.m().bodyPx;
        }
    }
    EXPECT_FLOAT_EQ(Theme::make(1920, 1080, TextSize::Large).m().bodyPx, 53);
    EXPECT_FLOAT_EQ(Theme::make(1920, 1080, TextSize::ExtraLarge).m().bodyPx, 62);
}

TEST(Theme, TextSizeNamesRoundTrip) {
    for (TextSize s : kSizes) EXPECT_EQ(shell::parseTextSize(shell::textSizeName(s)), s);
    EXPECT_FALSE(shell::parseTextSize("huge"));
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
            EXPECT_GE(shell::gapBetween(targets[i].second, targets[j].second), 24 * k)
                << targets[i].first << " / " << targets[j].first;
}

TEST(Layout, BarTargetsAreBigAndApartEverywhere) {
    for (const std::string& lang : shell::Strings::languages()) {
        auto str = shell::Strings::load(lang);
        shell::TopBarLabels labels{str.get("nav.back"), str.get("nav.home"), str.get("textsize.label"),
                                   {str.get("textsize.standard"), str.get("textsize.large"), str.get("textsize.xlarge")}};
        for (const Panel& p : kPanels)
            for (TextSize s : kSizes) {
                SCOPED_TRACE(lang + " " + std::to_string(p.w) + "x" + std::to_string(p.h) + " " + shell::textSizeName(s));
                Theme t = Theme::make(p.w, p.h, s);
                auto f = shell::layoutFrame(t, labels, estimate(t));
                expectTargetsOk(t, {{"back", f.back}, {"home", f.home}, {"textsize.standard", f.textSize[0]},
                                    {"textsize.large", f.textSize[1]}, {"textsize.xlarge", f.textSize[2]}});
                EXPECT_GE(f.title.w, 3 * t.m().titlePx) << "room for a title";
                EXPECT_FALSE(f.textSizeLabel.overlaps(f.home));
                EXPECT_GT(f.content.h, t.height() * 0.5f) << "the bars leave most of the screen to the content";
                EXPECT_GE(f.content.y, f.topBar.bottom());
                EXPECT_LE(f.content.bottom(), f.statusBar.y);
                // The bar is the same on every screen: nothing depends on the title.
                EXPECT_EQ(f.topRows, shell::layoutFrame(t, labels, estimate(t)).topRows);
            }
    }
}

TEST(Layout, LandscapeKeepsOneBarRowAtStandardSize) {
    auto str = shell::Strings::load("zh-CN");
    shell::TopBarLabels labels{str.get("nav.back"), str.get("nav.home"), str.get("textsize.label"),
                               {str.get("textsize.standard"), str.get("textsize.large"), str.get("textsize.xlarge")}};
    Theme t = Theme::make(1920, 1080, TextSize::Standard);
    EXPECT_EQ(shell::layoutFrame(t, labels, estimate(t)).topRows, 1);
    Theme portrait = Theme::make(1080, 1920, TextSize::Standard);
    EXPECT_EQ(shell::layoutFrame(portrait, labels, estimate(portrait)).topRows, 2);
}

TEST(Layout, HomeTilesAreBigAndApart) {
    for (const Panel& p : kPanels)
        for (TextSize s : kSizes) {
            Theme t = Theme::make(p.w, p.h, s);
            auto str = shell::Strings::load("zh-CN");
            shell::TopBarLabels labels{str.get("nav.back"), str.get("nav.home"), str.get("textsize.label"),
                                       {str.get("textsize.standard"), str.get("textsize.large"),
                                        str.get("textsize.xlarge")}};
            auto f = shell::layoutFrame(t, labels, estimate(t));
            // home_screen.cpp: one greeting line above the tiles.
            Rect area{f.content.x, f.content.y + t.m().titlePx + t.m().gap, f.content.w,
                      f.content.h - t.m().titlePx - t.m().gap};
            auto tiles = shell::layoutTiles(t, area, 5);
            ASSERT_EQ(tiles.size(), 5u);
            std::vector<std::pair<std::string, Rect>> named;
            for (std::size_t i = 0; i < tiles.size(); ++i) {
                named.emplace_back("tile " + std::to_string(i), tiles[i]);
                EXPECT_GE(tiles[i].h, 1.5f * t.m().touchMin) << "primary choices are larger than the minimum";
                EXPECT_GE(tiles[i].w, 1.5f * t.m().touchMin);
                EXPECT_GE(tiles[i].x, area.x - 0.5f);
                EXPECT_LE(tiles[i].right(), area.right() + 0.5f);
                EXPECT_LE(tiles[i].bottom(), area.bottom() + 0.5f);
            }
            expectTargetsOk(t, named);
        }
}

TEST(Layout, TilesUseThreeColumnsInLandscapeTwoInPortrait) {
    Theme land = Theme::make(1920, 1080, TextSize::Standard);
    auto a = shell::layoutTiles(land, {0, 0, 1800, 800}, 5);
    EXPECT_FLOAT_EQ(a[0].y, a[2].y);
    EXPECT_GT(a[3].y, a[0].y);
    Theme port = Theme::make(1080, 1920, TextSize::Standard);
    auto b = shell::layoutTiles(port, {0, 0, 1000, 1500}, 5);
    EXPECT_FLOAT_EQ(b[0].y, b[1].y);
    EXPECT_GT(b[2].y, b[1].y);
    EXPECT_NEAR(b[4].cx(), 500, 1) << "a short last row is centred";
}

}  // namespace
