#include "rules.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <stdexcept>
#include <vector>

namespace config::detail {
namespace {

constexpr std::array<std::string_view, 20> kTopLevel = {
    "version",          "expires_at",           "scope",                  "station_name",
    "opening_hours",    "languages",            "default_text_size",      "idle_timeout_seconds",
    "idle_countdown_seconds", "flows",          "checkin_mode",           "canteen",
    "subsidy",          "announcement",         "staff_pins",             "sync_interval_seconds",
    "calendar",         "when_closed",          "emergency",              "care_days"};

std::size_t editDistance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diag = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diag = up;
        }
    }
    return row[b.size()];
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }

// Two decimal digits at s[pos], within [lo, hi].
bool twoDigits(std::string_view s, std::size_t pos, int lo, int hi) {
    if (!isDigit(s[pos]) || !isDigit(s[pos + 1])) return false;
    int v = (s[pos] - '0') * 10 + (s[pos + 1] - '0');
    return v >= lo && v <= hi;
}

}  // namespace

bool isTopLevelField(std::string_view name) {
    return std::find(kTopLevel.begin(), kTopLevel.end(), name) != kTopLevel.end();
}

std::string didYouMean(std::string_view unknown) {
    std::string_view best;
    std::size_t bestDistance = 3;  // more than two edits away is not a typo
    for (auto known : kTopLevel) {
        std::size_t d = editDistance(unknown, known);
        if (d < bestDistance) {
            bestDistance = d;
            best = known;
        }
    }
    // "idle_timeout" for "idle_timeout_seconds": a truncated name is a near miss too.
    if (best.empty() && unknown.size() >= 4)
        for (auto known : kTopLevel)
            if (known.substr(0, unknown.size()) == unknown) best = known;
    return best.empty() ? std::string() : " (did you mean \"" + std::string(best) + "\"?)";
}

std::optional<std::int64_t> asInteger(const nlohmann::json& v) {
    if (v.is_number_unsigned()) {
        auto u = v.get<std::uint64_t>();
        if (u > std::uint64_t(std::numeric_limits<std::int64_t>::max())) return std::nullopt;
        return std::int64_t(u);
    }
    if (v.is_number_integer()) return v.get<std::int64_t>();
    if (v.is_number_float()) {
        double d = v.get<double>();
        // 2^63 is exactly representable; anything at or beyond it does not fit.
        if (!std::isfinite(d) || d != std::trunc(d) || d >= 9223372036854775808.0 ||
            d < -9223372036854775808.0)
            return std::nullopt;
        return std::int64_t(d);
    }
    return std::nullopt;
}

std::size_t codePoints(std::string_view utf8) {
    // Every code point has exactly one byte that is not a continuation byte (10xxxxxx).
    return std::size_t(std::count_if(utf8.begin(), utf8.end(),
                                     [](char c) { return (static_cast<unsigned char>(c) & 0xC0) != 0x80; }));
}

bool isBlank(std::string_view s) {
    while (!s.empty()) {
        if (s.front() == ' ' || (s.front() >= '\t' && s.front() <= '\r')) s.remove_prefix(1);
        else if (s.substr(0, 2) == "\xC2\xA0") s.remove_prefix(2);
        else if (s.substr(0, 3) == "\xE3\x80\x80") s.remove_prefix(3);
        else return false;
    }
    return true;
}

bool hasControlChars(std::string_view s) {
    return std::any_of(s.begin(), s.end(), [](char c) {
        auto u = static_cast<unsigned char>(c);
        return u < 0x20 || u == 0x7F;
    });
}

bool isIdentifier(std::string_view s) {
    if (s.empty() || s.size() > 64) return false;
    auto alnum = [](char c) { return isDigit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); };
    if (!alnum(s.front())) return false;
    return std::all_of(s.begin(), s.end(), [&](char c) { return alnum(c) || c == '.' || c == '_' || c == '-'; });
}

std::optional<core::TimePoint> parseIsoStrict(std::string_view s) {
    // Same shape as schema.json's pattern for expires_at.
    if (s.size() != 20 && s.size() != 25) return std::nullopt;
    for (std::size_t i = 0; i < 4; ++i)
        if (!isDigit(s[i])) return std::nullopt;
    if (s[4] != '-' || s[7] != '-' || s[10] != 'T' || s[13] != ':' || s[16] != ':') return std::nullopt;
    if (!twoDigits(s, 5, 1, 12) || !twoDigits(s, 8, 1, 31) || !twoDigits(s, 11, 0, 23) ||
        !twoDigits(s, 14, 0, 59) || !twoDigits(s, 17, 0, 59))
        return std::nullopt;
    if (s.size() == 20) {
        if (s[19] != 'Z') return std::nullopt;
    } else if ((s[19] != '+' && s[19] != '-') || !twoDigits(s, 20, 0, 14) || s[22] != ':' ||
               !twoDigits(s, 23, 0, 59)) {
        return std::nullopt;
    }
    try {
        return core::parseIso(std::string(s));  // rejects dates such as 02-30
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
}

std::string shown(const nlohmann::json& v) {
    std::string text = v.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    constexpr std::size_t kMaxChars = 40;
    std::size_t chars = 0;
    for (std::size_t i = 0; i < text.size(); ++i) {
        if ((static_cast<unsigned char>(text[i]) & 0xC0) == 0x80) continue;
        if (++chars > kMaxChars) return text.substr(0, i) + "…";
    }
    return text;
}

}  // namespace config::detail
