#include "shell/app/frame_stats.h"

#include <algorithm>
#include <cmath>

namespace shell {

void FrameStats::add(double ms) {
    if (!(ms >= 0)) return;  // NaN or a clock that went back
    const int i = std::min(kBuckets - 1, int(ms / kBucketMs));
    ++buckets_[std::size_t(i)];
    ++count_;
    max_ = std::max(max_, ms);
}

double FrameStats::quantile(double q) const {
    if (count_ == 0) return 0;
    const auto rank = std::uint64_t(std::ceil(std::clamp(q, 0.0, 1.0) * double(count_)));
    std::uint64_t seen = 0;
    for (int i = 0; i < kBuckets; ++i) {
        seen += buckets_[std::size_t(i)];
        if (seen < std::max<std::uint64_t>(rank, 1)) continue;
        // The last bucket is open-ended: its frames are up to the longest.
        return i == kBuckets - 1 ? max_ : std::min(max_, double(i + 1) * kBucketMs);
    }
    return max_;
}

}  // namespace shell
