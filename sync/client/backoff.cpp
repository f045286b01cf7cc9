#include "backoff.h"

#include "curl_lib.h"

#include <algorithm>
#include <cctype>
#include <string>

namespace syncc {

using namespace std::chrono;

milliseconds backoffDelay(int failures, milliseconds base, milliseconds max, double unit) {
    if (failures < 1) return milliseconds(0);
    unit = std::clamp(unit, 0.0, 1.0);
    // Doubling stops once past max, so a long outage cannot overflow.
    std::int64_t d = std::max<std::int64_t>(base.count(), 1);
    for (int i = 1; i < failures && d < max.count(); ++i) d *= 2;
    d = std::min<std::int64_t>(d, max.count());
    const double half = static_cast<double>(d) / 2.0;
    return milliseconds(static_cast<std::int64_t>(half + unit * half));
}

std::optional<seconds> parseRetryAfter(std::string_view value, core::TimePoint now, seconds cap) {
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.front())))
        value.remove_prefix(1);
    while (!value.empty() && std::isspace(static_cast<unsigned char>(value.back())))
        value.remove_suffix(1);
    if (value.empty()) return std::nullopt;

    if (std::all_of(value.begin(), value.end(),
                    [](char c) { return std::isdigit(static_cast<unsigned char>(c)); })) {
        // More digits than fit are simply "a very long time": the cap.
        if (value.size() > 9) return cap;
        return std::min(seconds(std::stoll(std::string(value))), cap);
    }
    // curl_getdate understands the three date forms RFC 9110 allows.
    const std::string s(value);
    const time_t when = curl().getdate(s.c_str(), nullptr);
    if (when == -1) return std::nullopt;
    const auto delta = duration_cast<seconds>(system_clock::from_time_t(when) - now);
    return std::clamp(delta, seconds(0), cap);
}

}  // namespace syncc
