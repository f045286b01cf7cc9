// layout.h — rectangles, and the frame every screen shares.
//
// The frame, from the top:
//   top bar     返回 首页 朗读 on the left, 字号 (one button that opens the
//               chooser) on the right: one row in landscape at every text
//               size; a second row in portrait only when they do not fit
//   title       the screen's title, centred on the window, wrapped
//   content     what the screen lays out with its measured stack (stack.h)
//   strip       the district's announcement (a target: it opens the whole
//               text) or a short notice; it takes its own room, nothing lies
//               under it
//   status bar  station, sync state, clock; two rows when one is too narrow
//
// Plain C++ so tests can check every panel, text size and language without a
// window: positions come from the theme, the words and a text-width callback
// (the real font in the kiosk, a per-character estimate in tests), never from
// the screen, so Back, Home, 朗读 and 字号 never move between screens.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "shell/ui/theme.h"

namespace shell {

struct Rect {
    float x = 0, y = 0, w = 0, h = 0;
    float right() const { return x + w; }
    float bottom() const { return y + h; }
    float cx() const { return x + w / 2; }
    float cy() const { return y + h / 2; }
    bool contains(float px, float py) const { return px >= x && px < x + w && py >= y && py < y + h; }
    Rect inset(float d) const { return {x + d, y + d, w - 2 * d, h - 2 * d}; }
    Rect insetXY(float dx, float dy) const { return {x + dx, y + dy, w - 2 * dx, h - 2 * dy}; }
    bool overlaps(const Rect& o) const {
        return x < o.right() && o.x < right() && y < o.bottom() && o.y < bottom();
    }
};

// Distance between two rectangles (0 if they touch or overlap).
float gapBetween(const Rect& a, const Rect& b);

enum class FontRole { Body, Title };
using Measure = std::function<float(FontRole, std::string_view)>;

// Line heights of the theme's two fonts: a single line of a label (1.3 em
// body, 1.2 em title: the bold title's ink needs less air, and a list card's
// title line is what lets two cards fit at 大 in landscape) and a line of
// wrapped text (1.5 em body, titles as their labels).
float labelLine(const Metrics& m, FontRole role);
float paragraphLine(const Metrics& m, FontRole role);

// What the frame shows, in words (from the string table).
struct FrameWords {
    std::string back, home, read;
    std::string textSize;      // the chooser's button: "字号：大"
    std::string title;         // "": none (it gave way to the content)
    std::string banner;        // the announcement as the strip words it ("公告：..."), or an alert; "" none
    std::string bannerMore;    // "全文" on the strip when it shows only part; "" for an alert
    std::string bannerShort;   // the strip's words when not even a sentence fits
    std::string notice;        // a short notice (wins over the banner while it shows), "" none
    std::string station, sync, clock;
    // The longest thing the sync state can say: the status bar keeps the rows
    // it needs, so nothing above moves when the state changes under a finger.
    std::string syncLongest;
};

struct FrameLayout {
    Rect topBar;
    Rect back, home, read;     // read: 朗读
    Rect textSize;             // the 字号 button
    int topRows = 1;
    Rect title;                // the title's lines, centred on the window
    std::vector<std::string> titleLines;
    Rect content;              // the screen's own rectangle
    Rect strip;                // banner or notice; h == 0 when neither shows
    Rect stripText, stripMore; // inside the strip: the words, and "全文"
    std::vector<std::string> stripLines;
    bool stripIsBanner = false;
    bool bannerPartial = false;  // the strip shows only part of the announcement
    Rect statusBar;
    int statusRows = 1;
    Rect station, syncIcon, sync, clock;
    std::vector<std::string> stationLines, syncLines;
};

// The frame for this window, text size and words.
FrameLayout layoutFrame(const Theme& theme, const FrameWords& words, const Measure& measure);

// Width of a bar button: icon + label + padding, at least a touch target.
float navButtonWidth(const Theme& theme, std::string_view label, bool withIcon, const Measure& measure);

}  // namespace shell
