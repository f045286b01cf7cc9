#include "shell/app/frame_pacer.h"

#include <algorithm>

namespace shell {

int FramePacer::sleepMs(std::int64_t nowMs, std::initializer_list<std::optional<std::int64_t>> deadlines) const {
    if (owed_ > 0) return 0;
    std::int64_t best = config_.maxSleepMs;
    for (auto& d : deadlines)
        if (d) best = std::min(best, std::max<std::int64_t>(0, *d - nowMs));
    return int(best);
}

std::int64_t msUntilNextMinute(core::TimePoint now) {
    using namespace std::chrono;
    auto ms = duration_cast<milliseconds>(now.time_since_epoch()).count();
    std::int64_t into = ((ms % 60'000) + 60'000) % 60'000;
    return 60'000 - into;
}

}  // namespace shell
