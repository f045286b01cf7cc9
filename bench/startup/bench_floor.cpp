// bench_floor — the floor the kiosk's start-up and memory are measured
// against (DESIGN.md: "at most 40 ms over a bare SDL + GL window measured in
// the same run"): SDL video up, the kiosk's own window and GL context
// (shell/platform), one frame cleared and swapped, nothing else. Prints the
// monotonic time of that swap like the kiosk's --print-timings, then waits for
// SIGTERM (SDL_QUIT) so its memory can be read.
#include <SDL.h>

#include <chrono>
#include <cstdio>

#include "shell/platform/platform.h"

int main() {
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
        platform.swap();
        const double swapMs = msSince(t);
        const auto mono = std::chrono::duration_cast<std::chrono::nanoseconds>(
                              std::chrono::steady_clock::now().time_since_epoch())
                              .count();
        std::printf("floor timings: sdl_init_ms=%.1f window_gl_ms=%.1f swap_ms=%.1f first_frame_mono_ns=%lld gl=\"%s\"\n",
                    sdlMs, windowMs, swapMs, static_cast<long long>(mono), platform.glDescription().c_str());
        std::fflush(stdout);
        platform.enterFullscreen();
        SDL_Event e;
        while (SDL_WaitEvent(&e))
            if (e.type == SDL_QUIT) break;
    }
    SDL_Quit();
    return 0;
}
