// frame_stats.h — how long the frames after start-up took, as a histogram:
// the state file's frame_ms / swap_ms (median, p95, p99, longest), so a day's
// longest frame can be read against the frames around it. Fixed memory: 0.5 ms
// buckets up to 500 ms, longer ones in the last.
#pragma once

#include <array>
#include <cstdint>

namespace shell {

class FrameStats {
public:
    void add(double ms);
    std::uint64_t count() const { return count_; }
    double max() const { return max_; }
    // The upper edge of the bucket holding the q-th quantile (0 < q <= 1):
    // at most 0.5 ms above it, never above max(). 0 with no frames.
    double quantile(double q) const;

private:
    static constexpr double kBucketMs = 0.5;
    static constexpr int kBuckets = 1000;
    std::array<std::uint32_t, kBuckets> buckets_{};
    std::uint64_t count_ = 0;
    double max_ = 0;
};

}  // namespace shell
