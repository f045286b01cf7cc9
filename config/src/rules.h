// rules.h — private helpers for checking and reading configuration documents:
// the small pieces of text and number handling that validate.cpp and
// station_config.cpp must agree on.
#pragma once

#include "core/clock.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace config::detail {

// The top-level fields a document may have (schema.json's "properties").
bool isTopLevelField(std::string_view name);
// " (did you mean \"x\"?)" for a near miss of a top-level field, else "".
std::string didYouMean(std::string_view unknown);

// JSON Schema's "integer": any number with no fractional part (so 60 and 60.0),
// within int64. nullopt for anything else.
std::optional<std::int64_t> asInteger(const nlohmann::json& v);

// Length as JSON Schema counts it: Unicode code points, not bytes (a Chinese
// character is one, though three bytes in UTF-8). Assumes valid UTF-8, which
// nlohmann's parser guarantees.
std::size_t codePoints(std::string_view utf8);
// Only spaces: ASCII whitespace, U+00A0 and the ideographic space U+3000.
bool isBlank(std::string_view utf8);
// C0 controls (including newline and tab) and DEL.
bool hasControlChars(std::string_view utf8);
// Station and staff ids: [A-Za-z0-9][A-Za-z0-9._-]{0,63}.
bool isIdentifier(std::string_view s);

// "YYYY-MM-DDTHH:MM:SS" + "Z" or "+HH:MM"/"-HH:MM", a real calendar date and
// time. core::parseIso alone is lenient about digit counts (sscanf).
std::optional<core::TimePoint> parseIsoStrict(std::string_view s);

// A value as it appears in a message: compact JSON, cut after 40 characters.
std::string shown(const nlohmann::json& v);

}  // namespace config::detail
