// bench_floor — the floor the kiosk's start-up and memory are measured
// against (DESIGN.md: "at most 40 ms over a bare SDL + GL window measured in
// the same run"): SDL video up, the kiosk's own window and GL context
// (shell/platform), one frame cleared and swapped, nothing else. Prints the
// monotonic time of that swap like the kiosk's --print-timings, then waits for
// SIGTERM (SDL_QUIT) so its memory can be read.
//
// --draw: the same, and one quad over the window drawn as the kiosk's
// renderer draws (ImGui's fixed-function backend: the glyph page's alpha
// texture, blending, scissor, client-side arrays). Not the budget's floor:
// it shows what the first thing drawn costs any window on this GL (on
// llvmpipe, compiling its shaders), so the kiosk's own part can be told apart.
#include <SDL.h>
#include <SDL_opengl.h>

#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <vector>

#include "shell/platform/platform.h"

namespace {

void drawQuad(shell::Platform& platform, int w, int h) {
    const std::uint32_t tex = platform.createGlyphTexture();
    platform.sizeGlyphTexture(tex, 2048, 512);
    const std::vector<std::uint8_t> white(64 * 64, 255);
    platform.updateGlyphTexture(tex, 0, 0, 64, 64, white.data());
    glEnable(GL_BLEND);
    glBlendFunc(GL_SRC_ALPHA, GL_ONE_MINUS_SRC_ALPHA);
    glDisable(GL_CULL_FACE);
    glDisable(GL_DEPTH_TEST);
    glDisable(GL_LIGHTING);
    glEnable(GL_SCISSOR_TEST);
    glEnable(GL_TEXTURE_2D);
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
    const float fw = float(w), fh = float(h), uv = 32.0f / 2048.0f;
    const Vertex v[4] = {{0, 0, uv, uv, 0xFF3D0B0Bu}, {fw, 0, uv, uv, 0xFF3D0B0Bu}, {fw, fh, uv, uv, 0xFF3D0B0Bu},
                         {0, fh, uv, uv, 0xFF3D0B0Bu}};
    const GLushort idx[6] = {0, 1, 2, 0, 2, 3};
    glEnableClientState(GL_VERTEX_ARRAY);
    glEnableClientState(GL_TEXTURE_COORD_ARRAY);
    glEnableClientState(GL_COLOR_ARRAY);
    glVertexPointer(2, GL_FLOAT, sizeof(Vertex), &v[0].x);
    glTexCoordPointer(2, GL_FLOAT, sizeof(Vertex), &v[0].u);
    glColorPointer(4, GL_UNSIGNED_BYTE, sizeof(Vertex), &v[0].colour);
    glDrawElements(GL_TRIANGLES, 6, GL_UNSIGNED_SHORT, idx);
}

}  // namespace

int main(int argc, char** argv) {
    const bool draw = argc > 1 && std::strcmp(argv[1], "--draw") == 0;
    using Steady = std::chrono::steady_clock;
    const auto msSince = [](Steady::time_point t) {
        return std::chrono::duration<double, std::milli>(Steady::now() - t).count();
    };
    auto t = Steady::now();
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
            drawQuad(platform, dw, dh);
            drawMs = msSince(t);
            t = Steady::now();
        }
        platform.swap();
        const double swapMs = msSince(t);
        const auto mono = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::steady_clock::now().time_since_epoch())
                              .count();
        std::printf("floor timings: sdl_init_ms=%.1f window_gl_ms=%.1f draw_ms=%.1f swap_ms=%.1f first_frame_mono_ns=%lld "
                    "gl=\"%s\"\n",
                    sdlMs, windowMs, drawMs, swapMs, static_cast<long long>(mono), platform.glDescription().c_str());
        std::fflush(stdout);
        platform.enterFullscreen();
        SDL_Event e;
        while (SDL_WaitEvent(&e))
            if (e.type == SDL_QUIT) break;
    }
    SDL_Quit();
    return 0;
}
