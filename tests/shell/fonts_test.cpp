// The glyph cache (shell/ui/fonts.h) with the real Noto CJK faces: glyphs are
// rasterized when first needed, the page starts 512 rows tall and never grows
// past 2048x2048, the least recently used go first, and what the current frame
// draws stays.
#include <gtest/gtest.h>

#include <imgui.h>

#include <vector>

#include "shell/ui/fonts.h"
#include "shell/ui/utf8.h"

namespace {

class FontsTest : public ::testing::Test {
protected:
    void SetUp() override {
        ImGui::CreateContext();
        const shell::CjkFaces faces = shell::findCjkFaces();
        ASSERT_TRUE(faces.coversCjk) << "fonts-noto-cjk is needed (scripts/setup.sh installs it)";
        fonts.setFaces(faces.regular, faces.bold);
    }
    void TearDown() override { ImGui::DestroyContext(); }

    // How much of the glyph's page square is ink.
    long ink(ImFont* font, char32_t cp) {
        const ImFontGlyph* g = font->FindGlyphNoFallback(ImWchar(cp));
        if (!g) return -1;
        long sum = 0;
        const float rows = float(fonts.pageRows());
        const int x0 = int(g->U0 * 2048), y0 = int(g->V0 * rows), x1 = int(g->U1 * 2048), y1 = int(g->V1 * rows);
        for (int y = y0; y < y1; ++y)
            for (int x = x0; x < x1; ++x) sum += fonts.page()[std::size_t(y) * 2048 + std::size_t(x)];
        return sum;
    }

    shell::Fonts fonts;
};

TEST_F(FontsTest, AGlyphIsRasterizedWhenFirstNeeded) {
    fonts.setSizes(44, 64);
    fonts.pageUploaded();
    fonts.beginFrame(1);
    const long before = fonts.stats().added;
    fonts.ensure(shell::FontRole::Body, "颐年卡");
    EXPECT_EQ(fonts.stats().added, before + 3);
    int y0 = 0, y1 = 0;
    EXPECT_TRUE(fonts.pageDirty(y0, y1)) << "the rows it went into are sent to the GPU";
    EXPECT_GT(ink(fonts.body(), U'颐'), 0);
    EXPECT_EQ(fonts.title()->FindGlyphNoFallback(ImWchar(U'颐')), nullptr) << "the title size was not asked";
    fonts.ensure(shell::FontRole::Body, "颐年卡");
    EXPECT_EQ(fonts.stats().added, before + 3) << "once";
}

// 字号：特大 showed without its colon at 特大: ImGui's lookup table marked a
// glyph invisible when the font had no space.
TEST_F(FontsTest, EveryGlyphOfALineIsVisibleAfterTheSizeChanges) {
    fonts.setSizes(44, 64);
    fonts.warm(shell::FontRole::Body, "字号：标准大特", 100);
    fonts.setSizes(62, 90);
    fonts.beginFrame(5);
    fonts.ensure(shell::FontRole::Body, "字号：特大");
    for (char32_t cp : shell::decodeUtf8("字号：特大")) {
        const ImFontGlyph* g = fonts.body()->FindGlyphNoFallback(ImWchar(cp));
        ASSERT_NE(g, nullptr);
        EXPECT_TRUE(g->Visible) << std::hex << unsigned(cp);
        EXPECT_GT(ink(fonts.body(), cp), 0);
    }
    EXPECT_EQ(fonts.stats().builds, 2) << "a text size is a whole rebuild; nothing else is";
}

// A day at the station: thousands of different names' characters, two new
// ones a card, at 特大.
TEST_F(FontsTest, ADayOfNamesStaysInOnePageAndTheLeastRecentGoFirst) {
    fonts.setSizes(62, 90);
    const std::string screen = "您好，请选择要办的事签到订餐活动时间银行帮助返回首页朗读字号特大长城长者服务站上次同步";
    std::uint64_t frame = 10;
    for (int card = 0; card < 1500; ++card, ++frame) {
        fonts.beginFrame(frame);
        std::string name = shell::encodeUtf8(char32_t(0x4E00 + card * 7)) + "*" + shell::encodeUtf8(char32_t(0x4E01 + card * 7));
        fonts.ensure(shell::FontRole::Body, screen);
        fonts.ensure(shell::FontRole::Title, "您好，" + name + "！");
        fonts.ensure(shell::FontRole::Body, name);
        // What this frame draws is all there.
        for (char32_t cp : shell::decodeUtf8(name)) {
            ASSERT_NE(fonts.title()->FindGlyphNoFallback(ImWchar(cp)), nullptr) << card;
            ASSERT_NE(fonts.body()->FindGlyphNoFallback(ImWchar(cp)), nullptr) << card;
        }
        for (char32_t cp : shell::decodeUtf8(screen)) ASSERT_NE(fonts.body()->FindGlyphNoFallback(ImWchar(cp)), nullptr);
    }
    EXPECT_EQ(fonts.stats().width, 2048);
    EXPECT_EQ(fonts.stats().height, 2048);
    EXPECT_GT(fonts.stats().evicted, 1000) << "old names made room for new ones";
    EXPECT_EQ(fonts.stats().missing, 0);
    EXPECT_EQ(fonts.stats().builds, 1) << "never rebuilt";
    // The first card's characters went long ago; the screen's words stayed.
    EXPECT_EQ(fonts.title()->FindGlyphNoFallback(ImWchar(0x4E00)), nullptr);
    EXPECT_NE(fonts.body()->FindGlyphNoFallback(ImWchar(U'签')), nullptr);
}

TEST_F(FontsTest, WarmingFillsFreeRoomButNeverEvicts) {
    fonts.setSizes(62, 90);
    std::string many;
    for (int i = 0; i < 4000; ++i) many += shell::encodeUtf8(char32_t(0x4E00 + i * 3));
    fonts.beginFrame(1);
    const int added = fonts.warm(shell::FontRole::Title, many, 100000);
    EXPECT_GT(added, 200);
    EXPECT_LT(added, 4000) << "the page filled up";
    EXPECT_EQ(fonts.stats().evicted, 0);
    EXPECT_EQ(fonts.pageRows(), 2048) << "it grew to its most first";
    EXPECT_EQ(fonts.warm(shell::FontRole::Title, "鑫", 10), 0) << "full: nothing more, nothing dropped";
}

// The first screen needs about 100 glyphs: the page starts 512 rows tall
// (a quarter of the texture) and doubles when a glyph needs room, before
// anything is evicted. Each growth moves every glyph's texture coordinates,
// which takeGrown() tells the frame (laid out again), and the rows in use go
// to the GPU again.
TEST_F(FontsTest, ThePageStartsSmallAndGrowsBeforeAnythingIsEvicted) {
    fonts.setSizes(62, 90);
    EXPECT_EQ(fonts.pageRows(), 512);
    EXPECT_TRUE(fonts.takeGrown()) << "a new page: the texture is made at its size";
    EXPECT_FALSE(fonts.takeGrown());
    fonts.pageUploaded();
    fonts.beginFrame(1);
    fonts.ensure(shell::FontRole::Title, "颐");
    const long firstInk = ink(fonts.title(), U'颐');
    ASSERT_GT(firstInk, 0);
    EXPECT_FALSE(fonts.takeGrown());

    std::vector<int> rowsSeen{fonts.pageRows()};
    for (int i = 0; i < 1200 && fonts.pageRows() < 2048; ++i) {
        fonts.ensure(shell::FontRole::Title, shell::encodeUtf8(char32_t(0x4E00 + i * 5)));
        if (fonts.takeGrown()) {
            rowsSeen.push_back(fonts.pageRows());
            int y0 = 0, y1 = 0;
            ASSERT_TRUE(fonts.pageDirty(y0, y1));
            EXPECT_EQ(y0, 0) << "the texture is made anew: every row in use goes up";
            EXPECT_EQ(fonts.stats().height, fonts.pageRows());
            fonts.pageUploaded();
        }
    }
    EXPECT_EQ(rowsSeen, (std::vector<int>{512, 1024, 2048}));
    EXPECT_EQ(fonts.stats().evicted, 0) << "the page grew first";
    // The first glyph's coordinates follow the page's height: the same ink.
    EXPECT_EQ(ink(fonts.title(), U'颐'), firstInk);
    const auto [u, v] = fonts.whiteUv();
    EXPECT_FLOAT_EQ(u * 2048, 1.5f);
    EXPECT_FLOAT_EQ(v * 2048, 1.5f);
    fonts.setSizes(44, 64);
    EXPECT_EQ(fonts.pageRows(), 2048) << "a new text size keeps the page's rows";
    EXPECT_FALSE(fonts.takeGrown()) << "and its texture";
}

// While idle after start-up the kiosk takes the page to its full size at once,
// so that no frame answering an elder pays for a growth.
TEST_F(FontsTest, ReservingTakesThePageToItsMostOnce) {
    fonts.setSizes(44, 64);
    ASSERT_TRUE(fonts.takeGrown());
    fonts.beginFrame(1);
    fonts.ensure(shell::FontRole::Body, "颐年卡");
    const long before = ink(fonts.body(), U'颐');
    fonts.reserveAll();
    EXPECT_EQ(fonts.pageRows(), 2048);
    EXPECT_TRUE(fonts.takeGrown());
    EXPECT_EQ(ink(fonts.body(), U'颐'), before) << "its coordinates follow";
    fonts.reserveAll();
    EXPECT_FALSE(fonts.takeGrown()) << "once";
}

}  // namespace
