// test_support.h — shared fixtures for config_tests: the repository's config
// files, and a district key pair made once per run (key generation is cheap,
// but one pair keeps the failure messages comparable).
#pragma once

#include "config/signing.h"

#include <nlohmann/json.hpp>

#include <string>

namespace config::test {

nlohmann::json readJsonFile(const std::string& path);
// config/example-station.json: version 7, scope "st-changcheng", expires 2036.
const nlohmann::json& exampleDocument();
// A key pair generated at first use and shared by the tests of this binary.
const KeyPair& districtKeys();
// Another key pair: "a key the station does not trust".
const KeyPair& otherKeys();

}  // namespace config::test
