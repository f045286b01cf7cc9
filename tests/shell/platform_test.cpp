// The kiosk's renderer on a real GL context (run under Xvfb by ctest): what
// it draws with solid shapes split from textured ones (draw_runs.h) is the
// picture ImGui's way draws, and each frame starts from a whole cleared
// buffer whatever the last frame's scissor was.
#include <SDL.h>
#include <gtest/gtest.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <cstdlib>
#include <memory>
#include <vector>

#include "shell/platform/platform.h"

namespace {

constexpr int kW = 320, kH = 240;

class Renderer : public ::testing::Test {
protected:
    void SetUp() override {
        ASSERT_EQ(SDL_Init(SDL_INIT_VIDEO), 0) << SDL_GetError();
        platform = std::make_unique<shell::Platform>(shell::WindowOptions{false, kW, kH});
        ImGui::CreateContext();
        // A page like the kiosk's: the white block in its corner, a "glyph"
        // (a ramp of coverage) beside it.
        tex = platform->createGlyphTexture();
        platform->sizeGlyphTexture(tex, 64, 64);
        std::vector<std::uint8_t> white(16, 255), glyph(16 * 16);
        for (int i = 0; i < 16 * 16; ++i) glyph[std::size_t(i)] = std::uint8_t(i);
        platform->updateGlyphTexture(tex, 0, 0, 4, 4, white.data());
        platform->updateGlyphTexture(tex, 8, 8, 16, 16, glyph.data());
        whiteUv = ImVec2(2.0f / 64, 2.0f / 64);
        ImGui::GetIO().Fonts->TexUvWhitePixel = whiteUv;
        shared.TexUvWhitePixel = whiteUv;
        shared.SetCircleTessellationMaxError(0.3f);
        shared.InitialFlags = ImDrawListFlags_AntiAliasedFill | ImDrawListFlags_AntiAliasedLines;
    }
    void TearDown() override {
        platform->deleteTexture(tex);
        ImGui::DestroyContext();
        platform.reset();
        SDL_Quit();
    }

    // One frame: cleared, `build` drawn into a list clipped to `clip`; the
    // back buffer read before the swap.
    template <typename Build>
    std::vector<std::uint8_t> frame(ImVec4 clip, Build build) {
        ImDrawList list(&shared);
        list._ResetForNewFrame();
        list.PushClipRect(ImVec2(clip.x, clip.y), ImVec2(clip.z, clip.w));
        list.PushTextureID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex)));
        build(list);
        list._PopUnusedDrawCmd();  // as ImGui::Render() leaves a list
        ImDrawList* lists[] = {&list};
        ImDrawData data;
        data.Valid = true;
        data.CmdLists = lists;
        data.CmdListsCount = 1;
        data.TotalVtxCount = list.VtxBuffer.Size;
        data.TotalIdxCount = list.IdxBuffer.Size;
        data.DisplayPos = ImVec2(0, 0);
        data.DisplaySize = ImVec2(kW, kH);
        data.FramebufferScale = ImVec2(1, 1);
        platform->clear(0.97f, 0.95f, 0.92f);
        platform->rendererDraw(&data);
        int w = 0, h = 0;
        auto rgb = platform->readBackBuffer(w, h);
        platform->swap();
        return rgb;
    }

    std::unique_ptr<shell::Platform> platform;
    std::uint32_t tex = 0;
    ImVec2 whiteUv;
    ImDrawListSharedData shared;
};

// Cards with soft shadows, an outline, a disc and text-like quads between them.
void screenLike(ImDrawList& l, ImTextureID tex) {
    for (int i = 0; i < 3; ++i) {
        const float x = 10 + 100 * float(i);
        l.AddRectFilled(ImVec2(x + 2, 70), ImVec2(x + 88, 120), IM_COL32(40, 30, 10, 22), 12, ImDrawFlags_RoundCornersBottom);
        l.AddRectFilled(ImVec2(x, 20), ImVec2(x + 90, 110), IM_COL32(11, 61, 145, 255), 12);
        l.AddRect(ImVec2(x, 20), ImVec2(x + 90, 110), IM_COL32(200, 190, 170, 200), 12, 0, 2);
        l.AddImage(tex, ImVec2(x + 10, 30), ImVec2(x + 26, 46), ImVec2(8.0f / 64, 8.0f / 64), ImVec2(24.0f / 64, 24.0f / 64),
                   IM_COL32(255, 255, 255, 255));
        l.AddCircleFilled(ImVec2(x + 45, 160), 30, IM_COL32(200, 40, 40, 160), 48);
    }
}

TEST_F(Renderer, SolidShapesDrawnApartLookAsWhenSampledFromTheWhiteTexel) {
    const auto id = reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(tex));
    const ImVec4 all(0, 0, kW, kH);
    // The first frame draws all of it sampled (one shader at start-up), the
    // next ones split: the same pictures.
    const auto sampled = frame(all, [&](ImDrawList& l) { screenLike(l, id); });
    const auto split = frame(all, [&](ImDrawList& l) { screenLike(l, id); });
    ASSERT_EQ(sampled.size(), split.size());
    long differ = 0, inked = 0;
    for (std::size_t i = 0; i < sampled.size(); ++i) {
        if (std::abs(int(sampled[i]) - int(split[i])) > 1) ++differ;
        if (i % 3 == 0 && sampled[i] != 247) ++inked;  // drawn over the cleared page
    }
    EXPECT_EQ(differ, 0);
    EXPECT_GT(inked, 10000) << "the frame drew what it was given";
}

TEST_F(Renderer, EachFrameClearsTheWholeBufferWhateverTheLastScissor) {
    // Frames painted black whose last command is clipped to a corner (a
    // scrolling list drawn last)...
    auto blackThenCorner = [](ImDrawList& l) {
        l.AddRectFilled(ImVec2(0, 0), ImVec2(kW, kH), IM_COL32(0, 0, 0, 255));
        l.PushClipRect(ImVec2(0, 0), ImVec2(40, 40));
        l.AddRectFilled(ImVec2(0, 0), ImVec2(kW, kH), IM_COL32(0, 0, 0, 255));
        l.PopClipRect();
    };
    const ImVec4 all(0, 0, kW, kH);
    frame(all, blackThenCorner);
    frame(all, blackThenCorner);
    // ...then one that draws nothing: every pixel is the page colour, none
    // left black by the buffers' earlier frames.
    const auto rgb = frame(all, [](ImDrawList&) {});
    long notCleared = 0;
    for (std::size_t i = 0; i < rgb.size(); i += 3)
        if (rgb[i] != 247) ++notCleared;
    EXPECT_EQ(notCleared, 0);
}

}  // namespace
