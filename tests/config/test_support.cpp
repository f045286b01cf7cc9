#include "test_support.h"

#include <fstream>
#include <sstream>
#include <stdexcept>

namespace config::test {

nlohmann::json readJsonFile(const std::string& path) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::stringstream text;
    text << in.rdbuf();
    return nlohmann::json::parse(text.str());
}

const nlohmann::json& exampleDocument() {
    static const nlohmann::json doc = readJsonFile(CONFIG_SOURCE_DIR "/example-station.json");
    return doc;
}

const KeyPair& districtKeys() {
    static const KeyPair keys = generateKeyPair();
    return keys;
}

const KeyPair& otherKeys() {
    static const KeyPair keys = generateKeyPair();
    return keys;
}

}  // namespace config::test
