// payload.h — reading an op's payload. A missing or mistyped field throws
// InvalidPayload, which the push walker turns into a final `invalid_payload`
// rejection: one bad op must not block the station's queue behind it.
//
// Handlers read their whole payload before they write anything, so a throw
// never leaves half an op behind.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.h"

namespace district {

class InvalidPayload : public std::runtime_error {
public:
    InvalidPayload(const std::string& field, const std::string& what)
        : std::runtime_error(field + ": " + what), field_(field) {}
    const std::string& field() const { return field_; }

private:
    std::string field_;
};

// A non-empty string of at most 128 bytes (ids, UUIDs).
std::string needId(const nlohmann::json& p, const char* field);
// Any string up to maxLen bytes; `fallback` when absent.
std::string optString(const nlohmann::json& p, const char* field, const std::string& fallback,
                      std::size_t maxLen = 200);
bool optBool(const nlohmann::json& p, const char* field, bool fallback);
std::int64_t needInt(const nlohmann::json& p, const char* field);
// An ISO-8601 time with offset.
core::TimePoint needTime(const nlohmann::json& p, const char* field);
core::TimePoint optTime(const nlohmann::json& p, const char* field, core::TimePoint fallback);
// A staff id as config/schema.json allows it: [A-Za-z0-9][A-Za-z0-9._-]{0,63}.
bool isStaffId(const std::string& s);

}  // namespace district
