#include "rules/payload.h"

namespace district {

using nlohmann::json;

std::string needId(const json& p, const char* field) {
    auto it = p.find(field);
    if (it == p.end()) throw InvalidPayload(field, "missing");
    if (!it->is_string()) throw InvalidPayload(field, "must be a string");
    const auto& s = it->get_ref<const std::string&>();
    if (s.empty() || s.size() > 128) throw InvalidPayload(field, "must be 1 to 128 characters");
    return s;
}

std::string optString(const json& p, const char* field, const std::string& fallback,
                      std::size_t maxLen) {
    auto it = p.find(field);
    if (it == p.end() || it->is_null()) return fallback;
    if (!it->is_string()) throw InvalidPayload(field, "must be a string");
    const auto& s = it->get_ref<const std::string&>();
    if (s.size() > maxLen) throw InvalidPayload(field, "too long");
    return s;
}

bool optBool(const json& p, const char* field, bool fallback) {
    auto it = p.find(field);
    if (it == p.end() || it->is_null()) return fallback;
    if (!it->is_boolean()) throw InvalidPayload(field, "must be true or false");
    return it->get<bool>();
}

std::int64_t needInt(const json& p, const char* field) {
    auto it = p.find(field);
    if (it == p.end()) throw InvalidPayload(field, "missing");
    if (!it->is_number_integer()) throw InvalidPayload(field, "must be an integer");
    return it->get<std::int64_t>();
}

core::TimePoint needTime(const json& p, const char* field) {
    auto it = p.find(field);
    if (it == p.end()) throw InvalidPayload(field, "missing");
    if (!it->is_string()) throw InvalidPayload(field, "must be an ISO-8601 time");
    try {
        return core::parseIso(it->get<std::string>());
    } catch (const std::invalid_argument&) {
        throw InvalidPayload(field, "must be an ISO-8601 time with offset");
    }
}

bool isStaffId(const std::string& s) {
    if (s.empty() || s.size() > 64) return false;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        const bool alnum = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!alnum && (i == 0 || (c != '.' && c != '_' && c != '-'))) return false;
    }
    return true;
}

core::TimePoint optTime(const json& p, const char* field, core::TimePoint fallback) {
    if (!p.contains(field) || p.at(field).is_null()) return fallback;
    return needTime(p, field);
}

}  // namespace district
