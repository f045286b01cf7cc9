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

// A Chinese name or place inside English ("Dinner · 长城长者饭堂") stays on
// one line when it can (CSS's word-break: keep-all): runs up to this long, in
// a text with at least as many Latin letters as Chinese characters. A longer
// run (a Chinese sentence) breaks between its characters.
constexpr std::size_t kWholeRun = 10;

// In a short Chinese text (a title, a button, a greeting) a clause of up to
// this many characters between its punctuation stays on one line when a
// line holds it: 您好，/ 歡迎光臨！, not 您好，歡迎光 / 臨！. A paragraph
// (longer than kShortText) fills its lines and breaks between characters.
constexpr std::size_t kWholeClause = 6;
constexpr std::size_t kShortText = 16;

std::size_t cjkCount(std::u32string_view cps) {
    return std::size_t(std::count_if(cps.begin(), cps.end(), [](char32_t c) { return isCjk(c) && !noLineStart(c); }));
}

bool latinText(std::u32string_view cps) {
    std::size_t latin = 0, cjk = 0;
    for (char32_t c : cps) {
        if ((c >= U'a' && c <= U'z') || (c >= U'A' && c <= U'Z')) ++latin;
        else if (isCjk(c)) ++cjk;
    }
    return latin > 0 && latin >= cjk;
}

// The closing punctuation and spaces that go with the piece before them.
void takeTail(std::u32string_view cps, std::size_t& i, std::u32string& tok) {
    while (i < cps.size() && noLineStart(cps[i])) tok += cps[i++];
    while (i < cps.size() && cps[i] == U' ') tok += cps[i++];
}

// A piece of text the lines break between. A Chinese character with the
// closing punctuation after it; a Latin word (or a path's part up to its
// '/') with the spaces after it; a forced '\n' on its own; or a run that
// breaks inside only when no line holds it (`run`): in Latin text a short
// Chinese run, in a short Chinese text a short clause.
struct Token {
    std::u32string text;
    bool run = false;
};

std::vector<Token> tokens(std::u32string_view cps) {
    std::vector<Token> out;
    const bool keepRuns = latinText(cps);
    const bool keepClauses = !keepRuns && cjkCount(cps) <= kShortText;
    std::size_t runEnd = 0;  // the end of the Chinese run being cut into characters
    for (std::size_t i = 0; i < cps.size();) {
        std::u32string tok;
        if (cps[i] == U'\n') {
            out.push_back({std::u32string(1, U'\n')});
            ++i;
            continue;
        }
        if (isCjk(cps[i])) {
            std::size_t end = i;
            if (keepRuns)  // a masked name (欧**珍) is one run with its '*'
                while (end < cps.size() && (isCjk(cps[end]) || cps[end] == U'*')) ++end;
            else if (keepClauses)  // a clause: up to its punctuation
                while (end < cps.size() && isCjk(cps[end]) && !noLineStart(cps[end])) ++end;
            const std::size_t most = keepRuns ? kWholeRun : kWholeClause;
            if ((keepRuns || keepClauses) && i >= runEnd && end - i > 1 && end - i <= most) {
                Token run{std::u32string(cps.begin() + std::ptrdiff_t(i), cps.begin() + std::ptrdiff_t(end)), true};
                i = end;
                takeTail(cps, i, run.text);
                out.push_back(std::move(run));
                continue;
            }
            runEnd = std::max(runEnd, end);
            tok += cps[i++];
        } else {
            // A path or an address may break after a '/' (UAX #14's SY), not
            // between the two of "//".
            while (i < cps.size() && !isCjk(cps[i]) && cps[i] != U' ' && cps[i] != U'\n') {
                tok += cps[i++];
                if (tok.back() == U'/' && i < cps.size() && cps[i] != U'/') break;
            }
        }
        takeTail(cps, i, tok);
        if (!tok.empty()) out.push_back({std::move(tok)});
    }
    return out;
}

// A run's own pieces: its characters, each with its closing punctuation.
std::vector<std::u32string> pieces(const Token& t) {
    if (!t.run) return {t.text};
    std::vector<std::u32string> out;
    for (std::size_t i = 0; i < t.text.size();) {
        std::u32string p(1, t.text[i++]);
        takeTail(t.text, i, p);
        out.push_back(std::move(p));
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
    for (const Token& token : tokens(decodeUtf8(text))) {
        const std::u32string& tok = token.text;
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
        if (token.run && measure(trimRight(t)) > width) {
            // No line holds the run: it breaks between its characters,
            // from where the line is, as Chinese text does.
            for (const std::u32string& p : pieces(token)) {
                const std::string ps = utf8(p);
                if (!lines.back().empty() && measure(trimRight(lines.back() + ps)) > width) {
                    lines.back() = trimRight(lines.back());
                    lines.emplace_back();
                }
                lines.back() += ps;
            }
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
    for (const Token& tok : tokens(decodeUtf8(text)))
        for (const std::u32string& p : pieces(tok))
            if (p != U"\n") w = std::max(w, measure(trimRight(utf8(p))));
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
