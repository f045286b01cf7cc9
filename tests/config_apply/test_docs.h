// test_docs.h — configuration documents and envelopes for config_apply_tests.
#pragma once

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>

namespace cfgtest {

inline constexpr const char* kFarFuture = "2036-12-31T23:59:59+08:00";

// A valid document: the three required fields and the ones the UI applies.
inline nlohmann::json document(std::int64_t version, const std::string& scope = "district",
                               int idleSeconds = 90) {
    return {{"version", version},
            {"expires_at", kFarFuture},
            {"scope", scope},
            {"idle_timeout_seconds", idleSeconds},
            {"flows",
             {{"checkin", true}, {"meals", false}, {"activities", true}, {"timebank", true},
              {"help", true}}},
            {"announcement", "本周五上午九点健康讲座 (v" + std::to_string(version) + ")"},
            {"sync_interval_seconds", 30}};
}

}  // namespace cfgtest
