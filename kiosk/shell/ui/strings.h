// strings.h — the one string table: every user-facing text, by key.
//
// Tables live in assets/strings/<lang>.json (flat {"key": "text"}) and are
// compiled into the binary (strings_data.cpp, generated), so a kiosk never
// starts without its words. A key missing in the chosen language falls back to
// zh-CN; a key missing everywhere shows the key itself (a bug a screenshot
// review catches) and is logged once.
#pragma once

#include <initializer_list>
#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace shell {

class Strings {
public:
    static constexpr const char* kFallbackLang = "zh-CN";

    // The languages compiled in, zh-CN first.
    static const std::vector<std::string>& languages();
    // Table for `lang` (an unknown language gets zh-CN alone). Throws
    // std::runtime_error if a compiled-in table is not valid JSON.
    static Strings load(const std::string& lang);
    // From JSON text (tests, and load()). `primary` may be empty.
    static Strings fromJson(const std::string& lang, std::string_view primaryJson,
                            std::string_view fallbackJson);
    // The compiled-in JSON of one language ("" if unknown).
    static std::string_view embeddedJson(std::string_view lang);

    const std::string& lang() const { return lang_; }
    const std::string& get(std::string_view key) const;
    bool has(std::string_view key) const;
    // get() with {name} placeholders replaced: format("idle.countdown", {{"seconds", "20"}}).
    std::string format(std::string_view key,
                       std::initializer_list<std::pair<std::string_view, std::string>> args) const;

    // Every text this table can show (chosen language and fallback): the glyph set.
    std::string allText() const;
    std::vector<std::string> keys() const;

private:
    std::string lang_;
    std::map<std::string, std::string, std::less<>> primary_;
    std::map<std::string, std::string, std::less<>> fallback_;
    mutable std::set<std::string, std::less<>> missing_;
};

// Replaces {name} placeholders; an unknown placeholder stays as written.
std::string substitute(std::string_view text,
                       std::initializer_list<std::pair<std::string_view, std::string>> args);

}  // namespace shell
