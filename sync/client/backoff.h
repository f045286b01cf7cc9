// backoff.h — when to try again: exponential backoff with jitter, Retry-After.
//
// Pure functions (the random draw is a parameter) so tests check the numbers
// without sleeping.
#pragma once

#include <chrono>
#include <optional>
#include <string_view>

#include "core/clock.h"

namespace syncc {

// Delay before the next attempt after `failures` failures in a row (>= 1):
// d = min(max, base * 2^(failures-1)), then "equal jitter": d/2 + unit * d/2,
// with `unit` uniform in [0, 1). The fixed half keeps a flapping link from
// being hammered; the random half keeps a hundred stations that lost the
// district at the same moment from coming back in lockstep.
std::chrono::milliseconds backoffDelay(int failures, std::chrono::milliseconds base,
                                       std::chrono::milliseconds max, double unit);

// A Retry-After header value: delta-seconds ("120") or an HTTP date
// ("Wed, 21 Oct 2026 07:28:00 GMT"), as seconds from `now` (0 for a date in the
// past), capped at `cap`. nullopt when the value is neither.
std::optional<std::chrono::seconds> parseRetryAfter(std::string_view value, core::TimePoint now,
                                                    std::chrono::seconds cap);

}  // namespace syncc
