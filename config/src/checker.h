// checker.h — how validate.cpp and validate_meals.cpp report problems: one
// message per problem, "<path>: <what is wrong>", and the small checks they
// share (whole numbers in a range, one of a set, names, ids).
#pragma once

#include <nlohmann/json.hpp>

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "config/station_config.h"
#include "rules.h"

namespace config::detail {

inline constexpr int kMaxNameChars = 40;

template <std::size_t N>
inline bool oneOf(const std::array<std::string_view, N>& set, std::string_view v) {
    for (auto s : set)
        if (s == v) return true;
    return false;
}

template <std::size_t N>
inline std::string listed(const std::array<std::string_view, N>& set) {
    std::string out;
    for (auto s : set) out += (out.empty() ? "\"" : ", \"") + std::string(s) + "\"";
    return out;
}

class Checker {
public:
    using json = nlohmann::json;

    std::vector<std::string> errors;

    void fail(const std::string& path, const std::string& what) { errors.push_back(path + ": " + what); }

    // For an object whose members are all required and no others allowed.
    // Returns false (after reporting) if `v` is not an object at all.
    template <std::size_t N>
    bool exactObject(const std::string& path, const json& v, const std::array<std::string_view, N>& keys) {
        if (!v.is_object()) {
            fail(path, "must be an object, got " + shown(v));
            return false;
        }
        for (auto k : keys)
            if (!v.contains(k)) fail(path, "missing \"" + std::string(k) + "\"");
        for (const auto& [k, _] : v.items())
            if (!oneOf(keys, k)) fail(path, "unknown field \"" + k + "\" (allowed: " + listed(keys) + ")");
        return true;
    }

    // For an object with required members `req`, optional members `opt`, no others.
    template <std::size_t N, std::size_t M>
    bool object(const std::string& path, const json& v, const std::array<std::string_view, N>& req,
                const std::array<std::string_view, M>& opt) {
        if (!v.is_object()) {
            fail(path, "must be an object, got " + shown(v));
            return false;
        }
        for (auto k : req)
            if (!v.contains(k)) fail(path, "missing \"" + std::string(k) + "\"");
        for (const auto& [k, _] : v.items())
            if (!oneOf(req, k) && !oneOf(opt, k)) {
                std::string all = listed(req);
                if (M) all += (N ? ", " : "") + listed(opt);
                fail(path, "unknown field \"" + k + "\" (allowed: " + all + ")");
            }
        return true;
    }

    bool boolean(const std::string& path, const json& v) {
        if (v.is_boolean()) return true;
        fail(path, "must be true or false, got " + shown(v));
        return false;
    }

    void intRange(const std::string& path, const json& v, std::int64_t lo, std::int64_t hi) {
        auto n = detail::asInteger(v);
        if (!n || *n < lo || *n > hi)
            fail(path, "must be a whole number from " + std::to_string(lo) + " to " + std::to_string(hi) +
                           ", got " + shown(v));
    }

    template <std::size_t N>
    void enumString(const std::string& path, const json& v, const std::array<std::string_view, N>& allowed) {
        if (!v.is_string() || !oneOf(allowed, v.get_ref<const std::string&>()))
            fail(path, "must be one of " + listed(allowed) + ", got " + shown(v));
    }

    std::optional<int> hhmm(const std::string& path, const json& v) {
        std::optional<int> m = v.is_string() ? parseHhmm(v.get_ref<const std::string&>()) : std::nullopt;
        if (!m) fail(path, "must be a time \"HH:MM\" (00:00 to 23:59), got " + shown(v));
        return m;
    }

    // Station and staff names: shown on screen, one line, not blank.
    void name(const std::string& path, const json& v) {
        if (!v.is_string()) return fail(path, "must be a string, got " + shown(v));
        const auto& s = v.get_ref<const std::string&>();
        std::size_t n = detail::codePoints(s);
        if (n < 1 || n > std::size_t(kMaxNameChars) || detail::isBlank(s))
            fail(path, "must be 1 to " + std::to_string(kMaxNameChars) + " characters and not only spaces, got " +
                           shown(v));
        else if (detail::hasControlChars(s))
            fail(path, "must be one line without control characters");
    }

    void identifier(const std::string& path, const json& v) {
        if (!v.is_string() || !detail::isIdentifier(v.get_ref<const std::string&>()))
            fail(path, "must be an id of 1 to 64 letters, digits, '.', '_' or '-' starting with a letter or digit, got " +
                           shown(v));
    }

    static std::string shown(const json& v) { return detail::shown(v); }
};

// validate_meals.cpp: the `subsidy` and `calendar` sections.
void checkSubsidy(Checker& c, const nlohmann::json& v);
void checkCalendar(Checker& c, const nlohmann::json& v);

}  // namespace config::detail
