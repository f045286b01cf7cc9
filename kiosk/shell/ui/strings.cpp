#include "shell/ui/strings.h"

#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

namespace shell {
namespace {

std::map<std::string, std::string, std::less<>> parseTable(std::string_view json,
                                                           const std::string& what) {
    std::map<std::string, std::string, std::less<>> out;
    if (json.empty()) return out;
    nlohmann::json doc;
    try {
        doc = nlohmann::json::parse(json);
    } catch (const nlohmann::json::exception& e) {
        throw std::runtime_error("string table " + what + " is not valid JSON: " + e.what());
    }
    if (!doc.is_object()) throw std::runtime_error("string table " + what + " is not an object");
    for (auto& [key, value] : doc.items()) {
        if (!value.is_string())
            throw std::runtime_error("string table " + what + ": '" + key + "' is not a string");
        out.emplace(key, value.get<std::string>());
    }
    return out;
}

}  // namespace

const std::vector<std::string>& Strings::languages() {
    static const std::vector<std::string> langs = {"zh-CN", "en", "zh-HK"};
    return langs;
}

Strings Strings::load(const std::string& lang) {
    std::string_view fallback = embeddedJson(kFallbackLang);
    std::string_view primary = lang == kFallbackLang ? std::string_view() : embeddedJson(lang);
    return fromJson(primary.empty() ? kFallbackLang : lang, primary, fallback);
}

Strings Strings::fromJson(const std::string& lang, std::string_view primaryJson,
                          std::string_view fallbackJson) {
    Strings s;
    s.lang_ = lang;
    s.primary_ = parseTable(primaryJson, lang);
    s.fallback_ = parseTable(fallbackJson, kFallbackLang);
    return s;
}

const std::string& Strings::get(std::string_view key) const {
    if (auto it = primary_.find(key); it != primary_.end()) return it->second;
    if (auto it = fallback_.find(key); it != fallback_.end()) return it->second;
    auto [it, inserted] = missing_.emplace(key);
    if (inserted)
        std::fprintf(stderr, "kiosk: string key '%.*s' is in no table\n", int(key.size()), key.data());
    return *it;
}

bool Strings::has(std::string_view key) const {
    return primary_.find(key) != primary_.end() || fallback_.find(key) != fallback_.end();
}

std::string Strings::format(std::string_view key,
                            std::initializer_list<std::pair<std::string_view, std::string>> args) const {
    return substitute(get(key), args);
}

std::string Strings::allText() const {
    std::string out;
    for (auto& [k, v] : primary_) out += v;
    for (auto& [k, v] : fallback_)
        if (!primary_.contains(k)) out += v;
    return out;
}

std::vector<std::string> Strings::keys() const {
    std::set<std::string> all;
    for (auto& [k, v] : primary_) all.insert(k);
    for (auto& [k, v] : fallback_) all.insert(k);
    return {all.begin(), all.end()};
}

std::string substitute(std::string_view text,
                       std::initializer_list<std::pair<std::string_view, std::string>> args) {
    std::string out;
    out.reserve(text.size() + 16);
    std::size_t i = 0;
    while (i < text.size()) {
        if (text[i] == '{') {
            std::size_t close = text.find('}', i + 1);
            if (close != std::string_view::npos) {
                std::string_view name = text.substr(i + 1, close - i - 1);
                bool replaced = false;
                for (auto& [n, v] : args) {
                    if (n == name) {
                        out += v;
                        replaced = true;
                        break;
                    }
                }
                if (replaced) {
                    i = close + 1;
                    continue;
                }
            }
        }
        out += text[i++];
    }
    return out;
}

}  // namespace shell
