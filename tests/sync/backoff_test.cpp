// When to try again: backoff with jitter and Retry-After, as numbers.
#include <gtest/gtest.h>

#include <random>

#include "backoff.h"

using namespace std::chrono;
using syncc::backoffDelay;
using syncc::parseRetryAfter;

namespace {
constexpr milliseconds kBase{2'000}, kMax{300'000};
}

TEST(Backoff, NoFailureNoWait) { EXPECT_EQ(backoffDelay(0, kBase, kMax, 0.5), 0ms); }

TEST(Backoff, DoublesAndHalfIsFixed) {
    // failures n: window d = base * 2^(n-1); the delay is in [d/2, d).
    EXPECT_EQ(backoffDelay(1, kBase, kMax, 0.0), 1'000ms);
    EXPECT_EQ(backoffDelay(1, kBase, kMax, 0.999), 1'999ms);
    EXPECT_EQ(backoffDelay(2, kBase, kMax, 0.0), 2'000ms);
    EXPECT_EQ(backoffDelay(3, kBase, kMax, 0.0), 4'000ms);
    EXPECT_EQ(backoffDelay(4, kBase, kMax, 0.5), 12'000ms);
}

TEST(Backoff, CappedAndNeverOverflows) {
    EXPECT_EQ(backoffDelay(9, kBase, kMax, 0.0), 150'000ms);
    EXPECT_EQ(backoffDelay(10'000, kBase, kMax, 0.0), 150'000ms);
    EXPECT_LE(backoffDelay(10'000, kBase, kMax, 1.0), kMax);
}

TEST(Backoff, JitterSpreadsStations) {
    // A hundred stations losing the district together do not come back together.
    std::mt19937 rng(7);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    milliseconds lo = kMax, hi{0};
    for (int i = 0; i < 100; ++i) {
        auto d = backoffDelay(5, kBase, kMax, u(rng));
        EXPECT_GE(d, 16'000ms);
        EXPECT_LE(d, 32'000ms);
        lo = std::min(lo, d);
        hi = std::max(hi, d);
    }
    EXPECT_GT(hi - lo, 10'000ms);
}

TEST(RetryAfter, Seconds) {
    const auto now = system_clock::now();
    EXPECT_EQ(parseRetryAfter("120", now, 900s), 120s);
    EXPECT_EQ(parseRetryAfter("  7 ", now, 900s), 7s);
    EXPECT_EQ(parseRetryAfter("0", now, 900s), 0s);
    EXPECT_EQ(parseRetryAfter("3600", now, 900s), 900s);
    EXPECT_EQ(parseRetryAfter("99999999999999999999", now, 900s), 900s);
}

TEST(RetryAfter, HttpDate) {
    // Wed, 21 Oct 2026 07:28:00 GMT
    const auto at = sys_days(2026y / October / 21) + 7h + 28min;
    const auto now = time_point_cast<system_clock::duration>(at - 30s);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2026 07:28:00 GMT", now, 900s), 30s);
    EXPECT_EQ(parseRetryAfter("Wed, 21 Oct 2026 07:27:00 GMT", now, 900s), 0s);  // past
    EXPECT_EQ(parseRetryAfter("Thu, 22 Oct 2026 07:28:00 GMT", now, 900s), 900s);
}

TEST(RetryAfter, GarbageIsIgnored) {
    const auto now = system_clock::now();
    EXPECT_FALSE(parseRetryAfter("", now, 900s));
    EXPECT_FALSE(parseRetryAfter("soon", now, 900s));
    EXPECT_FALSE(parseRetryAfter("-5", now, 900s));
    EXPECT_FALSE(parseRetryAfter("1.5", now, 900s));
}
