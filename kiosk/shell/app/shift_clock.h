// shift_clock.h — the kiosk's clock: the system's, plus an offset the script
// driver's `idle_advance` moves, so idle tests run in seconds, not minutes.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "core/clock.h"

namespace shell {

class ShiftableClock final : public core::Clock {
public:
    core::TimePoint now() const override {
        return std::chrono::system_clock::now() + std::chrono::milliseconds(offsetMs_.load());
    }
    std::int64_t monotonicMs() const override { return system_.monotonicMs() + offsetMs_.load(); }
    void advanceMs(std::int64_t ms) { offsetMs_ += ms; }

private:
    core::SystemClock system_;
    std::atomic<std::int64_t> offsetMs_{0};
};

}  // namespace shell
