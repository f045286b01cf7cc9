// The string tables: every zh-CN key has English, nothing is empty, the
// placeholders agree, and the compiled-in tables match the files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <vector>
#include <regex>
#include <set>
#include <sstream>

#include <nlohmann/json.hpp>

#include "shell/ui/strings.h"

namespace {

// A language's table as the build embeds it: <lang>.json plus the per-flow
// fragments <lang>/*.json. A key defined in two files is a mistake (the build
// would keep one of them silently).
nlohmann::json readTable(const std::string& lang) {
    std::vector<std::filesystem::path> files{std::filesystem::path(STRINGS_DIR) / (lang + ".json")};
    const auto dir = std::filesystem::path(STRINGS_DIR) / lang;
    if (std::filesystem::is_directory(dir))
        for (const auto& e : std::filesystem::directory_iterator(dir))
            if (e.path().extension() == ".json") files.push_back(e.path());
    nlohmann::json merged = nlohmann::json::object();
    for (const auto& f : files) {
        std::ifstream in(f);
        EXPECT_TRUE(in) << "missing " << f;
        auto part = nlohmann::json::parse(in);
        for (auto& [key, value] : part.items()) {
            EXPECT_FALSE(merged.contains(key)) << key << " is defined twice (again in " << f << ")";
            merged[key] = value;
        }
    }
    return merged;
}

std::set<std::string> placeholders(const std::string& s) {
    std::set<std::string> out;
    std::regex re("\\{([a-z_]+)\\}");
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator(); ++it)
        out.insert((*it)[1]);
    return out;
}

TEST(Strings, EveryChineseKeyHasEnglish) {
    auto zh = readTable("zh-CN");
    auto en = readTable("en");
    for (auto& [key, value] : zh.items()) EXPECT_TRUE(en.contains(key)) << "en.json lacks " << key;
    for (auto& [key, value] : en.items()) EXPECT_TRUE(zh.contains(key)) << "zh-CN.json lacks " << key;
}

TEST(Strings, NoEmptyStringsAndPlaceholdersAgree) {
    auto zh = readTable("zh-CN");
    auto en = readTable("en");
    for (auto& [key, value] : zh.items()) {
        ASSERT_TRUE(value.is_string()) << key;
        EXPECT_FALSE(value.get<std::string>().empty()) << "zh-CN " << key;
        if (en.contains(key)) {
            EXPECT_FALSE(en[key].get<std::string>().empty()) << "en " << key;
            EXPECT_EQ(placeholders(value), placeholders(en[key].get<std::string>())) << key;
        }
    }
}

TEST(Strings, CompiledInTablesAreTheFiles) {
    for (const std::string& lang : shell::Strings::languages()) {
        auto file = readTable(lang);
        auto embedded = nlohmann::json::parse(shell::Strings::embeddedJson(lang));
        EXPECT_EQ(file, embedded) << lang << ": rebuild to embed the current table";
    }
}

TEST(Strings, LoadsByLanguageWithChineseFallback) {
    auto zh = shell::Strings::load("zh-CN");
    EXPECT_EQ(zh.get("home.checkin"), "签到");
    EXPECT_EQ(zh.get("nav.back"), "返回");
    auto en = shell::Strings::load("en");
    EXPECT_EQ(en.get("home.checkin"), "Check in");
    auto fr = shell::Strings::load("fr");
    EXPECT_EQ(fr.lang(), "zh-CN") << "an unknown language gets Chinese";
    EXPECT_EQ(fr.get("home.help"), "帮助");
    auto partial = shell::Strings::fromJson("en", R"({"a": "A"})", R"({"a": "甲", "b": "乙"})");
    EXPECT_EQ(partial.get("a"), "A");
    EXPECT_EQ(partial.get("b"), "乙") << "missing in English: Chinese";
    EXPECT_EQ(partial.get("c"), "c") << "missing everywhere: the key shows";
}

TEST(Strings, HongKongTableIsTraditionalAndComplete) {
    // zh-HK (scripts/gen_zh_hk.sh): every zh-CN key, in Traditional characters
    // and Hong Kong's words.
    auto hk = shell::Strings::load("zh-HK");
    EXPECT_EQ(hk.lang(), "zh-HK");
    EXPECT_EQ(hk.get("home.checkin"), "簽到");
    EXPECT_EQ(hk.get("home.meals"), "訂餐");
    EXPECT_EQ(hk.get("welcome.card_prompt"), "請刷頤年卡");
    auto zh = shell::Strings::load("zh-CN");
    const auto table = nlohmann::json::parse(shell::Strings::embeddedJson("zh-HK"));
    for (const std::string& key : zh.keys()) {
        ASSERT_TRUE(table.contains(key)) << "zh-HK lacks " << key;
        EXPECT_EQ(table[key].get<std::string>().find("\xe2\x80\x9c"), std::string::npos)
            << key << ": Hong Kong quotes with 「」";
    }
}

TEST(Strings, FormatsPlaceholders) {
    auto zh = shell::Strings::load("zh-CN");
    EXPECT_EQ(zh.format("idle.countdown", {{"seconds", "20"}}), "20 秒后自动退出");
    EXPECT_EQ(zh.format("status.last_sync", {{"time", "10:32"}}), "上次同步 10:32");
    EXPECT_EQ(shell::substitute("{a}-{b}-{c}", {{"a", "1"}, {"b", "2"}}), "1-2-{c}");
}

TEST(Strings, TheIdleWordsAreTheDesignsWords) {
    auto zh = shell::Strings::load("zh-CN");
    EXPECT_EQ(zh.get("idle.title"), "还需要更多时间吗？");
    EXPECT_EQ(zh.get("textsize.standard"), "标准");
    EXPECT_EQ(zh.get("textsize.large"), "大");
    EXPECT_EQ(zh.get("textsize.xlarge"), "特大");
}

TEST(Strings, AllTextCoversEveryValue) {
    auto zh = shell::Strings::load("zh-CN");
    std::string all = zh.allText();
    for (auto& key : zh.keys()) EXPECT_NE(all.find(zh.get(key)), std::string::npos) << key;
}

TEST(Strings, BadJsonIsAClearError) {
    EXPECT_THROW(shell::Strings::fromJson("en", "{", "{}"), std::runtime_error);
    EXPECT_THROW(shell::Strings::fromJson("en", R"({"a": 1})", "{}"), std::runtime_error);
}

}  // namespace
