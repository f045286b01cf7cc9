#include "shell/ui/text.h"

#include <algorithm>

#include "shell/ui/utf8.h"

namespace shell {

bool isCjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x3000 && c <= 0x303F);
}

bool noLineStart(char32_t c) {
    static constexpr std::u32string_view kClosing = U"，。！？、；：）》」』”’…,.!?;:)";
    return kClosing.find(c) != std::u32string_view::npos;
}

namespace {

// Unbreakable pieces: a CJK character with the closing punctuation after it;
// a Latin word with the spaces after it; a forced '\n' on its own.
std::vector<std::u32string> tokens(std::u32string_view cps) {
    std::vector<std::u32string> out;
    for (std::size_t i = 0; i < cps.size();) {
        std::u32string tok;
        if (cps[i] == U'\n') {
            out.emplace_back(1, U'\n');
            ++i;
            continue;
        }
        if (isCjk(cps[i])) {
            tok += cps[i++];
        } else {
            while (i < cps.size() && !isCjk(cps[i]) && cps[i] != U' ' && cps[i] != U'\n') tok += cps[i++];
        }
        while (i < cps.size() && noLineStart(cps[i])) tok += cps[i++];
        while (i < cps.size() && cps[i] == U' ') tok += cps[i++];
        if (!tok.empty()) out.push_back(std::move(tok));
    }
    return out;
}

std::string utf8(std::u32string_view cps) {
    std::string s;
    for (char32_t c : cps) s += encodeUtf8(c);
    return s;
}

std::string trimRight(std::string s) {
    while (!s.empty() && s.back() == ' ') s.pop_back();
    return s;
}

}  // namespace

std::vector<std::string> wrapText(std::string_view text, float width, const TextWidth& measure) {
    std::vector<std::string> lines(1);
    for (const std::u32string& tok : tokens(decodeUtf8(text))) {
        if (tok == U"\n") {
            lines.back() = trimRight(lines.back());
            lines.emplace_back();
            continue;
        }
        const std::string t = utf8(tok);
        if (measure(trimRight(lines.back() + t)) <= width) {
            lines.back() += t;
            continue;
        }
        if (!lines.back().empty()) {
            lines.back() = trimRight(lines.back());
            lines.emplace_back();
        }
        if (measure(trimRight(t)) <= width) {
            lines.back() = t;
            continue;
        }
        // A word wider than the whole line: break it between characters.
        for (char32_t c : tok) {
            const std::string ch = encodeUtf8(c);
            if (!lines.back().empty() && measure(trimRight(lines.back() + ch)) > width) {
                lines.back() = trimRight(lines.back());
                lines.emplace_back();
            }
            lines.back() += ch;
        }
    }
    for (auto& l : lines) l = trimRight(l);
    return lines;
}

float narrowestWidth(std::string_view text, const TextWidth& measure) {
    float w = 0;
    for (const std::u32string& tok : tokens(decodeUtf8(text)))
        if (tok != U"\n") w = std::max(w, measure(trimRight(utf8(tok))));
    return w;
}

std::string sentencesThatFit(std::string_view text, float width, int maxLines, const TextWidth& measure) {
    static constexpr std::u32string_view kEnds = U"。！？!?；;";
    const std::u32string cps = decodeUtf8(text);
    std::string best;
    for (std::size_t i = 0; i < cps.size(); ++i) {
        const bool end = kEnds.find(cps[i]) != std::u32string_view::npos &&
                         (i + 1 == cps.size() || kEnds.find(cps[i + 1]) == std::u32string_view::npos);
        if (!end && i + 1 != cps.size()) continue;
        std::string candidate = trimRight(utf8(std::u32string_view(cps).substr(0, i + 1)));
        if (int(wrapText(candidate, width, measure).size()) > maxLines) break;
        best = std::move(candidate);
    }
    return best;
}

}  // namespace shell
