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

// The text is not acceptable JSON: a syntax error, a number out of range
// (1E500), invalid UTF-8, or nesting too deep (JsonTooDeep). what() says
// which, and where.
class BadJson : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// The text nests objects and arrays deeper than allowed.
class JsonTooDeep : public BadJson {
public:
    explicit JsonTooDeep(int maxDepth);
    int maxDepth() const { return maxDepth_; }

private:
    int maxDepth_;
};

// Parses `text` whose objects and arrays nest at most `maxDepth` levels (the
// top level is 1). Throws BadJson (JsonTooDeep for the depth), nothing else
// but std::bad_alloc.
nlohmann::json parseBounded(std::string_view text, int maxDepth = kMaxJsonDepth);

// True for an exception of parseBounded(): the input was not acceptable JSON
// (as opposed to JSON of the wrong shape).
bool isBadJson(const std::exception& e);

}  // namespace proto
