// The elder-friendly numbers of DESIGN.md, checked on the theme: text >= 44
// px, titles larger, contrast >= 7:1 for every text colour on every
// background it meets, at both orientations and every text size. The frame's
// targets: frame_test.cpp.
#include <gtest/gtest.h>

#include "shell/ui/theme.h"

namespace {

using shell::TextSize;
using shell::Theme;

constexpr TextSize kSizes[] = {TextSize::Standard, TextSize::Large, TextSize::ExtraLarge};
struct Panel {
    int w, h;
};
constexpr Panel kPanels[] = {{1920, 1080}, {1080, 1920}, {3840, 2160}};

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

}  // namespace
