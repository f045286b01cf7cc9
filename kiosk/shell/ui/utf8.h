// utf8.h — the few UTF-8 helpers the shell needs (glyph sets, name masking).
#pragma once

#include <string>
#include <string_view>

namespace shell {

// Decodes UTF-8; a malformed byte becomes U+FFFD so bad data never stops a frame.
std::u32string decodeUtf8(std::string_view text);
std::string encodeUtf8(char32_t cp);
std::size_t codepointCount(std::string_view text);

// Names on screen are masked (DESIGN.md, secure by default): the first and the
// last character stay, the ones between become '*'. 张三明 → 张*明, 张三 → 张*,
// a single character stays as it is.
std::string maskName(std::string_view name);

}  // namespace shell
