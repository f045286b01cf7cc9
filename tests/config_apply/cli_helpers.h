// cli_helpers.h — running `district-server config ...` in tests: documents
// written to files, refusals caught, status lines split into columns.
#pragma once

#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>
#include <vector>

#include "district_server.h"
#include "temp_dir.h"

namespace cfgtest {

// Writes `doc` to DIR/NAME and returns the path.
inline std::string writeDoc(const testsupport::TempDir& dir, const std::string& name,
                            const nlohmann::json& doc) {
    const std::string path = dir / name;
    std::ofstream(path) << doc.dump(2);
    return path;
}

// The output of a command expected to fail ("" if it succeeded).
inline std::string refusal(const testsupport::DistrictServer& server,
                           const std::vector<std::string>& args) {
    try {
        server.cli(args);
    } catch (const std::exception& e) {
        return e.what();
    }
    return "";
}

// The whitespace-separated columns of the line of `table` that starts with `first`.
inline std::vector<std::string> row(const std::string& table, const std::string& first) {
    std::istringstream lines(table);
    for (std::string line; std::getline(lines, line);) {
        std::istringstream cols(line);
        std::vector<std::string> out;
        for (std::string c; cols >> c;) out.push_back(c);
        if (!out.empty() && out[0] == first) return out;
    }
    return {};
}

// The text of `config status` after the REPORTED_AT column: the refusal.
inline std::string rejectionOf(const std::string& status, const std::string& stationId) {
    const auto cols = row(status, stationId);
    std::string out;
    for (std::size_t i = 5; i < cols.size(); ++i) out += (out.empty() ? "" : " ") + cols[i];
    return out;
}

}  // namespace cfgtest
