// frame_pacer.h — render only when something changed, then sleep.
//
// An ImGui loop that never waits burns a core (DESIGN.md: idle under 0.5 % of
// a core). After input, a due timer or navigation the pacer owes a few frames
// (ImGui needs one or two to settle hover and active states); once they are
// drawn the loop sleeps in SDL_WaitEventTimeout until the earliest deadline:
// the next minute of the on-screen clock, the idle timer, a held card-reader
// key, the next sync-status poll.
#pragma once

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <initializer_list>
#include <optional>

#include "core/clock.h"

namespace shell {

class FramePacer {
public:
    struct Config {
        int settleFrames = 3;      // frames drawn after anything happens
        int maxSleepMs = 60'000;   // a wake-up at least this often, whatever is due
    };
    FramePacer() = default;
    explicit FramePacer(Config c) : config_(c) {}

    // Input or navigation: a few frames, so ImGui settles hover and press states.
    void wake() { owed_ = std::max(owed_, config_.settleFrames); }
    // A timer changed what is shown (the clock's minute, a countdown second):
    // one frame draws it; on the software renderer a frame costs ~30-50 ms.
    void redraw() { owed_ = std::max(owed_, 1); }
    bool wantsFrame() const { return owed_ > 0; }
    void frameDrawn() {
        if (owed_ > 0) --owed_;
    }
    // How long the loop may block: 0 while frames are owed, else until the
    // earliest deadline (monotonic ms), capped by maxSleepMs.
    int sleepMs(std::int64_t nowMs, std::initializer_list<std::optional<std::int64_t>> deadlines) const;

private:
    Config config_;
    int owed_ = 0;
};

// Milliseconds from `now` until the wall clock's next whole minute (>= 1).
std::int64_t msUntilNextMinute(core::TimePoint now);

}  // namespace shell
