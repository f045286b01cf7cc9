// bounded_json.h — the one way this project parses JSON that came from
// outside (a request body, a server's answer, a pushed config envelope):
// nesting is bounded before any DOM is built (DESIGN principle 8).
//
// nlohmann's parser itself is iterative, but copying, comparing or dumping
// a DOM recurses once per level: 100,000 nested arrays (200 KB) overflow a
// thread's stack. parseBounded() first runs a SAX pass that only counts depth
// (no allocation beyond the lexer's token), then builds the DOM; the costs
// are one extra scan of the text (about a third of a full parse).
#pragma once

#include <cstddef>
#include <stdexcept>
#include <string_view>

#include <nlohmann/json.hpp>

namespace proto {

// Deep enough for every document of the protocol and of config (they nest at
// most 6 levels), far below what a stack cannot take.
inline constexpr int kMaxJsonDepth = 32;

// The text nests objects and arrays deeper than allowed.
class JsonTooDeep : public std::runtime_error {
public:
    explicit JsonTooDeep(int maxDepth);
    int maxDepth() const { return maxDepth_; }

private:
    int maxDepth_;
};

// Parses `text` whose objects and arrays nest at most `maxDepth` levels (the
// top level is 1). Throws JsonTooDeep, or nlohmann::json::parse_error for
// text that is not JSON.
nlohmann::json parseBounded(std::string_view text, int maxDepth = kMaxJsonDepth);

// True for either exception of parseBounded(): the input was not acceptable
// JSON (as opposed to JSON of the wrong shape).
bool isBadJson(const std::exception& e);

}  // namespace proto
