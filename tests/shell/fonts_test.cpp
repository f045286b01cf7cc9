// The glyph cache (shell/ui/fonts.h) with the real Noto CJK faces: glyphs are
// rasterized when first needed, the page starts 512 rows tall and never grows
// past 2048x2048, the least recently used go first, and what the current frame
// draws stays.
#include <gtest/gtest.h>

#include <imgui.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <filesystem>
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

    // The GL texture as the kiosk keeps it (App::uploadGlyphs): made anew
    // when the page grows, its content undefined (`undefined` stands for
    // it), then the rectangles Fonts hands out. True if it grew.
    bool upload(std::uint8_t undefined = 0) {
        const bool grew = fonts.takeGrown();
        if (grew || tex.empty()) tex.assign(std::size_t(2048) * std::size_t(fonts.pageRows()), undefined);
        for (const shell::Fonts::Upload& u : fonts.takeUploads()) {
            EXPECT_TRUE(u.x >= 0 && u.y >= 0 && u.w > 0 && u.h > 0 && u.x + u.w <= 2048 && u.y + u.h <= fonts.pageRows())
                << "a rectangle outside the page: " << u.x << "," << u.y << " " << u.w << "x" << u.h;
            EXPECT_EQ(u.pixels.size(), std::size_t(u.w) * std::size_t(u.h));
            for (int row = 0; row < u.h; ++row)
                std::copy_n(u.pixels.data() + std::size_t(row) * std::size_t(u.w), u.w,
                            tex.data() + std::size_t(u.y + row) * 2048 + std::size_t(u.x));
            ++uploads;
        }
        return grew;
    }

    // The glyph's square in the texture: [x0, x1) x [y0, y1).
    struct Box {
        int x0 = 0, y0 = 0, x1 = 0, y1 = 0;
    };
    Box box(ImFont* font, char32_t cp) {
        const ImFontGlyph* g = font->FindGlyphNoFallback(ImWchar(cp));
        if (!g) return {};
        const float rows = float(fonts.pageRows());
        return {int(std::lround(g->U0 * 2048)), int(std::lround(g->V0 * rows)), int(std::lround(g->U1 * 2048)),
                int(std::lround(g->V1 * rows))};
    }
    std::uint8_t at(int x, int y) const { return tex[std::size_t(y) * 2048 + std::size_t(x)]; }

    // How much of the glyph's square in the texture is ink.
    long ink(ImFont* font, char32_t cp) {
        if (!font->FindGlyphNoFallback(ImWchar(cp))) return -1;
        const Box b = box(font, cp);
        long sum = 0;
        for (int y = b.y0; y < b.y1; ++y)
            for (int x = b.x0; x < b.x1; ++x) sum += at(x, y);
        return sum;
    }

    // What filtering samples around the glyph (the column after it, the rows
    // above and below) holds no ink.
    bool padded(ImFont* font, char32_t cp) {
        const Box b = box(font, cp);
        for (int x = b.x0; x <= b.x1 && x < 2048; ++x)
            if (at(x, b.y0 - 1) != 0 || (b.y1 < fonts.pageRows() && at(x, b.y1) != 0)) return false;
        for (int y = b.y0; y < b.y1; ++y)
            if (b.x1 < 2048 && at(b.x1, y) != 0) return false;
        return true;
    }

    std::vector<std::uint8_t> tex;
    int uploads = 0;
    shell::Fonts fonts;
};

TEST_F(FontsTest, AGlyphIsRasterizedWhenFirstNeeded) {
    fonts.setSizes(44, 64);
    upload();
    fonts.beginFrame(1);
    const long before = fonts.stats().added;
    fonts.ensure(shell::FontRole::Body, "颐年卡");
    EXPECT_EQ(fonts.stats().added, before + 3);
    const int sent = uploads;
    upload();
    EXPECT_EQ(uploads, sent + 3) << "each glyph goes to the GPU, alone";
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
    upload();
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

// A glyph placed after the list was made is appended to it and set in the
// lookup table (the table is not made anew for each text: that was 7 ms of
// the first frame). What ImGui reads must be the same as after a rebuild.
TEST_F(FontsTest, GlyphsPlacedLaterAreFoundAsAfterARebuild) {
    fonts.setSizes(44, 64);
    fonts.beginFrame(1);
    fonts.ensure(shell::FontRole::Body, "颐年卡");
    ImFont* font = fonts.body();
    for (int round = 0; round < 2; ++round) {
        // Round 0: appended one text at a time. Round 1: the same after a
        // growth of the page, which rebuilds the list.
        for (const char* text : {"欧阳", "淑珍", "签到成功"}) fonts.ensure(shell::FontRole::Body, text);
        upload();
        for (char32_t cp : shell::decodeUtf8("颐年卡欧阳淑珍签到成功")) {
            const ImFontGlyph* g = font->FindGlyphNoFallback(ImWchar(cp));
            ASSERT_NE(g, nullptr) << "U+" << std::hex << unsigned(cp) << " (round " << round << ")";
            EXPECT_EQ(g->Codepoint, unsigned(cp));
            EXPECT_TRUE(g->Visible);
            EXPECT_GT(ink(font, cp), 0) << "its coordinates are its ink";
            EXPECT_EQ(font->GetCharAdvance(ImWchar(cp)), g->AdvanceX);
        }
        // The fallback still points into the (moved) list, and a glyph never
        // placed measures as the fallback.
        ASSERT_NE(font->FallbackGlyph, nullptr);
        EXPECT_GE(font->FallbackGlyph, font->Glyphs.begin());
        EXPECT_LT(font->FallbackGlyph, font->Glyphs.end());
        EXPECT_EQ(font->FallbackGlyph->Codepoint, 0x3000u);
        EXPECT_EQ(font->GetCharAdvance(ImWchar(U'龘')), font->FallbackAdvanceX);
        EXPECT_EQ(font->FindGlyph(ImWchar(U'龘')), font->FallbackGlyph);
        EXPECT_EQ(font->CalcTextSizeA(font->FontSize, 1e9f, 0, "欧阳").x,
                  font->GetCharAdvance(ImWchar(U'欧')) + font->GetCharAdvance(ImWchar(U'阳')));
        fonts.reserveAll();
    }
}

// The first screen needs about 100 glyphs: the page starts 512 rows tall
// (a quarter of the texture) and doubles when a glyph needs room, before
// anything is evicted. Each growth moves every glyph's texture coordinates,
// which takeGrown() tells the frame (laid out again), and the new texture
// gets everything the page holds again (there is no copy of it in memory:
// the glyphs are rasterized again).
TEST_F(FontsTest, ThePageStartsSmallAndGrowsBeforeAnythingIsEvicted) {
    fonts.setSizes(62, 90);
    EXPECT_EQ(fonts.pageRows(), 512);
    EXPECT_TRUE(upload()) << "a new page: the texture is made at its size";
    EXPECT_FALSE(upload());
    fonts.beginFrame(1);
    fonts.ensure(shell::FontRole::Title, "颐");
    EXPECT_FALSE(upload());
    const long firstInk = ink(fonts.title(), U'颐');
    ASSERT_GT(firstInk, 0);

    std::vector<int> rowsSeen{fonts.pageRows()};
    for (int i = 0; i < 1200 && fonts.pageRows() < 2048; ++i) {
        fonts.ensure(shell::FontRole::Title, shell::encodeUtf8(char32_t(0x4E00 + i * 5)));
        // The new texture's content is undefined: 0x55 here, so that a glyph
        // not sent again, or sent without its padding, shows.
        if (upload(0x55)) {
            rowsSeen.push_back(fonts.pageRows());
            EXPECT_EQ(fonts.stats().height, fonts.pageRows());
            EXPECT_EQ(ink(fonts.title(), U'颐'), firstInk) << "the first glyph, sent again after growing to "
                                                          << fonts.pageRows();
            EXPECT_TRUE(padded(fonts.title(), U'颐'));
            EXPECT_EQ(at(1, 1), 255) << "the white block";
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
    ASSERT_TRUE(upload());
    fonts.beginFrame(1);
    fonts.ensure(shell::FontRole::Body, "颐年卡");
    upload();
    const long before = ink(fonts.body(), U'颐');
    fonts.reserveAll();
    EXPECT_EQ(fonts.pageRows(), 2048);
    EXPECT_TRUE(upload(0x55));
    EXPECT_EQ(ink(fonts.body(), U'颐'), before) << "its coordinates follow, and it was sent again";
    fonts.reserveAll();
    EXPECT_FALSE(upload()) << "once";
}

// A glyph goes into the room an evicted one left: what the texture held
// there must not bleed into it. Every glyph of a day goes up with its
// padding, whatever the texture held before.
TEST_F(FontsTest, AGlyphInAnEvictedGlyphsRoomCarriesItsOwnPadding) {
    fonts.setSizes(62, 90);
    fonts.reserveAll();
    upload(0x55);
    std::uint64_t frame = 1;
    for (int card = 0; card < 900; ++card, ++frame) {
        fonts.beginFrame(frame);
        const std::string name = shell::encodeUtf8(char32_t(0x4E00 + card * 7)) + shell::encodeUtf8(char32_t(0x4E01 + card * 7));
        fonts.ensure(shell::FontRole::Title, name);
        upload();
        for (char32_t cp : shell::decodeUtf8(name)) {
            ASSERT_GT(ink(fonts.title(), cp), 0) << card;
            ASSERT_TRUE(padded(fonts.title(), cp)) << "card " << card << ", U+" << std::hex << unsigned(cp);
        }
    }
    EXPECT_GT(fonts.stats().evicted, 300) << "the page was full and cycled";
}

}  // namespace

namespace {

int openFiles() {
    int n = 0;
    for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator("/proc/self/fd")) ++n;
    return n;
}

}  // namespace

// The faces' files are closed with them (they were left open: the faces'
// descriptors outlived every Fonts and every face it replaced).
TEST(FontFilesTest, AreClosedWithTheirFaces) {
    const shell::CjkFaces faces = shell::findCjkFaces();
    ASSERT_TRUE(faces.coversCjk) << "fonts-noto-cjk is needed (scripts/setup.sh installs it)";
    ImGui::CreateContext();
    const int before = openFiles();
    {
        shell::Fonts fonts;
        fonts.setFaces(faces.regular, faces.bold);
        EXPECT_EQ(openFiles(), before + 2) << "one descriptor per face, read with pread";
        fonts.setFaces(faces.regular, faces.bold);
        EXPECT_EQ(openFiles(), before + 2) << "the faces it replaced are closed";
    }
    EXPECT_EQ(openFiles(), before);
    ImGui::DestroyContext();
}
