// bench_floor — the floor the kiosk's start-up and memory are measured
// against (DESIGN.md: "at most 40 ms over a bare SDL + GL window measured in
// the same run"): SDL video up, the kiosk's own window and GL context
// (shell/platform), one frame cleared and swapped, nothing else. Prints the
// monotonic time of that swap like the kiosk's --print-timings, then waits for
// SIGTERM (SDL_QUIT) so its memory can be read.
//
// --draw: the same, and a fill and a glyph drawn as the kiosk's renderer
// draws its first frame (drawAsKiosk). Not the budget's floor: it shows what
// the first thing drawn costs any window on this GL (on llvmpipe, compiling
// its shaders), so the kiosk's own part can be told apart.
// --sampled-fill: --draw, and later frames sample their fill from the texture
// too, as ImGui's renderer drew shapes.
// --frames N: after the first frame, N more drawn alike; prints their swaps
// (what the display costs a frame, against the kiosk's swaps in a day).
#include <SDL.h>
#include <SDL_opengl.h>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include "shell/platform/platform.h"

namespace {

// What the kiosk's renderer draws, reduced to one of each: a fill over the
// whole window, then a glyph-sized quad sampled from the glyph page's alpha
// texture (blending, scissor, client-side arrays, ImGui's fixed-function
// state). With `sampledFill` the fill samples the page's white texel too, as
// the kiosk's first frame and ImGui's own renderer draw shapes; without it,
// texturing is off for the fill, as the kiosk's later frames draw them
// (shell/platform/draw_runs.h).
void drawAsKiosk(shell::Platform& platform, int w, int h, bool sampledFill) {
    static const std::uint32_t tex = [&] {  // made once, as the kiosk's page
        const std::uint32_t t = platform.createGlyphTexture();
        platform.sizeGlyphTexture(t, 2048, 512);
        const std::vector<std::uint8_t> white(64 * 64, 255);
        platform.updateGlyphTexture(t, 0, 0, 64, 64, white.data());
        return t;
    }();
    glBindTexture(GL_TEXTURE_2D, tex);
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_LIGHTING);
    glEnable(GL_SCISSOR_TEST);
    glTexEnvi(GL_TEXTURE_ENV, GL_TEXTURE_ENV_MODE, GL_MODULATE);
    glViewport(0, 0, w, h);
    glMatrixMode(GL_PROJECTION);
    glLoadIdentity();
    glOrtho(0, w, h, 0, -1, 1);
    glMatrixMode(GL_MODELVIEW);
    glLoadIdentity();
    glScissor(0, 0, w, h);
    struct Vertex {
        float x, y, u, v;
        std::uint32_t colour;
    };
    const float fw = float(w), fh = float(h), white = 2.0f / 2048.0f;
    constexpr std::uint32_t kFill = 0xFF3D0B0Bu, kInk = 0xFF202020u;
    const Vertex v[8] = {
        // The fill, at the white texel.
        {0, 0, white, white, kFill}, {fw, 0, white, white, kFill}, {fw, fh, white, white, kFill}, {0, fh, white, white, kFill},
        // A glyph's 64 px square of the page.
        {100, 100, 0, 0, kInk}, {164, 100, 0.03f, 0, kInk}, {164, 164, 0.03f, 0.1f, kInk}, {100, 164, 0, 0.1f, kInk}};
    const GLushort idx[12] = {0, 1, 2, 0, 2, 3, 4, 5, 6, 4, 6, 7};
    glEnableClientState(GL_VERTEX_ARRAY);
    glEnableClientState(GL_TEXTURE_COORD_ARRAY);
    glEnableClientState(GL_COLOR_ARRAY);
    glVertexPointer(2, GL_FLOAT, sizeof(Vertex), &v[0].x);
    glTexCoordPointer(2, GL_FLOAT, sizeof(Vertex), &v[0].u);
    glColorPointer(4, GL_UNSIGNED_BYTE, sizeof(Vertex), &v[0].colour);
    if (sampledFill) glEnable(GL_TEXTURE_2D);
    else glDisable(GL_TEXTURE_2D);
    glDrawElements(GL_TRIANGLES, 6, GL_UNSIGNED_SHORT, idx);
    glEnable(GL_TEXTURE_2D);
    glDrawElements(GL_TRIANGLES, 6, GL_UNSIGNED_SHORT, idx + 6);
    glDisable(GL_SCISSOR_TEST);
}

// N more frames after the first, each cleared, drawn as the first and
// swapped, as a kiosk redraws a static screen.
void steadyFrames(shell::Platform& platform, bool draw, bool sampledFill, int n) {
    std::vector<double> swaps;
    for (int i = 0; i < n; ++i) {
        platform.clear(0.97f, 0.95f, 0.92f);
        if (draw && !platform.gles()) {
            int dw = 0, dh = 0;
            platform.drawableSize(dw, dh);
            drawAsKiosk(platform, dw, dh, sampledFill);
        }
        const auto t = std::chrono::steady_clock::now();
        platform.swap();
        swaps.push_back(std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t).count());
    }
    std::sort(swaps.begin(), swaps.end());
    auto at = [&](double q) { return swaps[std::min(swaps.size() - 1, std::size_t(q * double(swaps.size())))]; };
    std::printf("floor frames: count=%d swap_p50_ms=%.1f swap_p95_ms=%.1f swap_p99_ms=%.1f swap_max_ms=%.1f\n", n,
                at(0.5), at(0.95), at(0.99), swaps.back());
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    bool draw = false, sampledFill = false;
    int frames = 0;
    for (int i = 1; i < argc; ++i) {
        if (std::strcmp(argv[i], "--draw") == 0) draw = true;
        else if (std::strcmp(argv[i], "--sampled-fill") == 0) draw = sampledFill = true;
        else if (std::strcmp(argv[i], "--frames") == 0 && i + 1 < argc) frames = std::atoi(argv[++i]);
        else {
            std::fprintf(stderr, "usage: bench_floor [--draw | --sampled-fill] [--frames N]\n");
            return 2;
        }
    }
    using Steady = std::chrono::steady_clock;
    const auto msSince = [](Steady::time_point t) {
        return std::chrono::duration<double, std::milli>(Steady::now() - t).count();
    };
    const auto mainStart = Steady::now();
    auto t = mainStart;
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    if (SDL_Init(SDL_INIT_VIDEO) != 0) {
        std::fprintf(stderr, "bench_floor: cannot open the display: %s\n", SDL_GetError());
        return 2;
    }
    SDL_DisplayMode mode;
    int w = 1920, h = 1080;
    if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
        w = mode.w;
        h = mode.h;
    }
    const double sdlMs = msSince(t);
    {
        t = Steady::now();
        shell::Platform platform(shell::WindowOptions{true, w, h});
        const double windowMs = msSince(t);
        t = Steady::now();
        platform.clear(0.97f, 0.95f, 0.92f);
        double drawMs = 0;
        if (draw && !platform.gles()) {
            int dw = w, dh = h;
            platform.drawableSize(dw, dh);
            drawAsKiosk(platform, dw, dh, true);
            drawMs = msSince(t);
            t = Steady::now();
        }
        platform.swap();
        const double swapMs = msSince(t);
        const auto mono = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::steady_clock::now().time_since_epoch())
                              .count();
        std::printf("floor timings: first_frame_ms=%.1f sdl_init_ms=%.1f window_gl_ms=%.1f draw_ms=%.1f swap_ms=%.1f "
                    "first_frame_mono_ns=%lld gl=\"%s\"\n",
                    msSince(mainStart), sdlMs, windowMs, drawMs, swapMs, static_cast<long long>(mono),
                    platform.glDescription().c_str());
        std::fflush(stdout);
        platform.enterFullscreen();
        if (frames > 0) steadyFrames(platform, draw, sampledFill, frames);
        SDL_Event e;
        while (SDL_WaitEvent(&e))
            if (e.type == SDL_QUIT) break;
    }
    SDL_Quit();
    return 0;
}
