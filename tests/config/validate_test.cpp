#include "config/validate.h"

#include "config/station_config.h"
#include "test_support.h"

#include <gtest/gtest.h>

namespace config {
namespace {

using json = nlohmann::json;
using test::exampleDocument;

std::string joined(const std::vector<std::string>& errors) {
    std::string out;
    for (const auto& e : errors) out += "\n  " + e;
    return out;
}

bool hasErrorAt(const std::vector<std::string>& errors, const std::string& path) {
    for (const auto& e : errors)
        if (e.starts_with(path + ": ")) return true;
    return false;
}

TEST(Validate, TheExampleDocumentIsValid) {
    auto errors = validateConfig(exampleDocument());
    EXPECT_TRUE(errors.empty()) << joined(errors);
}

// Found by fuzz/config_document: a year beyond 2262 overflowed the
// conversion to system_clock (undefined behaviour) instead of being refused.
TEST(Validate, AnExpiryCenturiesAwayIsNotATime) {
    EXPECT_THROW(core::parseIso("4054-06-30T23:59:59+08:00"), std::invalid_argument);
    EXPECT_THROW(core::parseIso("-999-06-30T23:59:59+08:00"), std::invalid_argument);
    EXPECT_THROW(core::parseDate("2263-01-01"), std::invalid_argument);
    EXPECT_NO_THROW(core::parseIso("2200-12-31T23:59:59+08:00"));
    json doc = exampleDocument();
    doc["expires_at"] = "4054-06-30T23:59:59+08:00";
    EXPECT_TRUE(hasErrorAt(validateConfig(doc), "expires_at")) << joined(validateConfig(doc));
}

TEST(Validate, OnlyVersionExpiryAndScopeAreRequired) {
    json minimal = {{"version", 1}, {"expires_at", "2030-01-01T00:00:00+08:00"}, {"scope", "district"}};
    auto errors = validateConfig(minimal);
    EXPECT_TRUE(errors.empty()) << joined(errors);
}

TEST(Validate, TheBuiltInDefaultsObeyTheSameRules) {
    json defaults = builtinDefaultsDocument();
    EXPECT_EQ(defaults.at("version"), 0);
    EXPECT_FALSE(defaults.contains("expires_at"));
    defaults["version"] = 1;
    defaults["expires_at"] = "2030-01-01T00:00:00+08:00";
    auto errors = validateConfig(defaults);
    EXPECT_TRUE(errors.empty()) << joined(errors);
}

// Every field rule, from the corpus that the schema conformance test also runs.
TEST(Validate, CasesAgreeWithTheCorpus) {
    const json corpus = test::readJsonFile(CONFIG_CASES_JSON);
    ASSERT_GT(corpus.at("cases").size(), 100u);
    for (const json& c : corpus.at("cases")) {
        const std::string name = c.at("name");
        json doc = exampleDocument().patch(c.at("patch"));
        auto errors = validateConfig(doc);
        if (c.at("valid").get<bool>()) {
            EXPECT_TRUE(errors.empty()) << name << joined(errors);
        } else {
            const std::string path = c.at("error_path");
            EXPECT_TRUE(hasErrorAt(errors, path)) << name << ": no error at " << path << joined(errors);
        }
    }
}

TEST(Validate, MessagesSayWhatIsWrongInPlainWords) {
    json doc = exampleDocument();
    doc["idle_timeout_seconds"] = 20;
    doc["opening_hours"]["mon"]["close"] = "08:00";
    doc["idle_timeout_second"] = 60;
    doc["staff_pins"][1]["staff_id"] = "s-chen";
    auto errors = validateConfig(doc);
    const std::vector<std::string> expected = {
        "opening_hours.mon.close: must be after open (08:30), got \"08:00\"",
        "idle_timeout_seconds: must be a whole number from 30 to 600, got 20",
        "staff_pins[1].staff_id: \"s-chen\" is used twice",
        "idle_timeout_second: unknown field (did you mean \"idle_timeout_seconds\"?)",
    };
    EXPECT_EQ(errors, expected);
}

TEST(Validate, AllProblemsAreReportedAtOnce) {
    json doc = {{"version", 0}, {"scope", "a b"}, {"languages", json::array()}, {"colour", "red"}};
    auto errors = validateConfig(doc);
    EXPECT_EQ(errors.size(), 5u) << joined(errors);
    for (const char* path : {"version", "expires_at", "scope", "languages", "colour"})
        EXPECT_TRUE(hasErrorAt(errors, path)) << path << joined(errors);
}

TEST(Validate, ADocumentMustBeAnObject) {
    for (const json& notObject : {json::array(), json("text"), json(nullptr), json(7)}) {
        auto errors = validateConfig(notObject);
        ASSERT_EQ(errors.size(), 1u);
        EXPECT_TRUE(errors[0].starts_with("(document): must be a JSON object")) << errors[0];
    }
}

TEST(Validate, LongValuesAreCutInMessages) {
    json doc = exampleDocument();
    doc["default_text_size"] = std::string(500, 'x');
    auto errors = validateConfig(doc);
    ASSERT_EQ(errors.size(), 1u);
    EXPECT_LT(errors[0].size(), 150u) << errors[0];
}

TEST(Validate, StaffListIsBounded) {
    json doc = exampleDocument();
    json staff = json::array();
    for (int i = 0; i < 51; ++i) {
        json s = doc["staff_pins"][0];
        s["staff_id"] = "s-" + std::to_string(i);
        staff.push_back(s);
    }
    doc["staff_pins"] = staff;
    EXPECT_TRUE(hasErrorAt(validateConfig(doc), "staff_pins"));
    doc["staff_pins"].erase(50);
    EXPECT_TRUE(validateConfig(doc).empty());
}

TEST(Validate, SchemaAndValidatorKnowTheSameFields) {
    const json schema = test::readJsonFile(CONFIG_SOURCE_DIR "/schema.json");
    const json& properties = schema.at("properties");
    json doc = builtinDefaultsDocument();
    for (const auto& [name, _] : properties.items()) {
        // Present in a valid document (the example has every field), or in the defaults.
        EXPECT_TRUE(exampleDocument().contains(name)) << name << " is missing from example-station.json";
        if (name != "expires_at" && name != "station_name") {
            EXPECT_TRUE(doc.contains(name)) << name << " has no built-in default in defaults.json";
        }
    }
    for (const auto& [name, _] : exampleDocument().items())
        EXPECT_TRUE(properties.contains(name)) << name << " is validated but not in schema.json";
    EXPECT_EQ(schema.at("required"), json({"version", "expires_at", "scope"}));
}

}  // namespace
}  // namespace config
