// text.h — where lines break, in plain C++ (the Ui, the frame layout and
// tests share it). Chinese breaks between any two characters, except before
// closing punctuation (，。！？ …); Latin breaks at spaces; a short Chinese
// run in Latin text (a name, a canteen), and a short clause in a short
// Chinese text (您好，/ 歡迎光臨！), stay on one line when a line holds them;
// a word wider than the line (a long code) is broken between letters as a
// last resort, so a wrapped line is never wider than its box.
//
//   wrapText("本周五上午九点健康讲座", 300, width) -> {"本周五上午", "九点健康讲座"}
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

namespace shell {

// Width of a run of text in pixels (the real font in the kiosk, an estimate in tests).
using TextWidth = std::function<float(std::string_view)>;

bool isCjk(char32_t c);
// Punctuation that must not start a line (Chinese typesetting rule).
bool noLineStart(char32_t c);

// The lines of `text` at `width` ('\n' forces a break). Never empty: "" gives {""}.
std::vector<std::string> wrapText(std::string_view text, float width, const TextWidth& measure);

// The narrowest width `text` can wrap to without breaking a word: its widest
// unbreakable piece (a Chinese character with its closing punctuation, a Latin
// word; a Chinese run in Latin text may break between its characters).
float narrowestWidth(std::string_view text, const TextWidth& measure);

// Whole sentences from the start of `text` (ending in 。！？!? or ；;) that fit
// `maxLines` lines of `width`: what a strip shows of a long announcement
// instead of cutting it with "…". "" when not even the first sentence fits.
std::string sentencesThatFit(std::string_view text, float width, int maxLines, const TextWidth& measure);

}  // namespace shell
