// layout.h — where the frame's parts and targets go, as plain rectangles.
//
// Plain C++ so tests can check every target at both orientations and every
// text size (>= 96x96 px, >= 24 px apart, inside the window) without a window.
// Text widths come from a Measure callback: the real font in the kiosk, a
// per-character estimate in tests.
#pragma once

#include <array>
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

// Labels of the top bar: they decide the button widths.
struct TopBarLabels {
    std::string back, home, textSizeLabel;
    std::array<std::string, 3> textSizes;  // standard, large, xlarge
    std::string read = {};                 // 朗读; empty: no read-aloud button
};

struct FrameLayout {
    Rect topBar;
    Rect back, home;                  // nav buttons (drawn unless the screen hides them)
    Rect read;                        // 朗读: after Home (one row) or first on the second row
    Rect title;                       // centred title area
    Rect textSizeLabel;               // "字号"
    std::array<Rect, 3> textSize{};   // standard, large, xlarge
    int topRows = 1;                  // 1 in landscape; 2 when the switch does not fit beside the title
    Rect content;                     // between the bars, inside the margins
    Rect statusBar;
};

// The frame every screen shares. Positions depend only on the window, the
// theme and the labels, never on the screen's title, so Back, Home and the
// text-size switch never move between screens.
FrameLayout layoutFrame(const Theme& theme, const TopBarLabels& labels, const Measure& measure);

// Width of a bar button: icon + label + padding, at least a touch target.
float navButtonWidth(const Theme& theme, std::string_view label, bool withIcon, const Measure& measure);

// A grid of `count` tiles filling `area`: 3 columns in landscape, 2 in
// portrait; a short last row is centred.
std::vector<Rect> layoutTiles(const Theme& theme, const Rect& area, int count);
// A grid of `count` equal cells, `cols` across (a short last row is centred).
std::vector<Rect> layoutGrid(const Rect& area, int count, int cols, float gap);

// One wide button centred in `area` at `y`, for primary actions.
Rect centredButton(const Rect& area, float y, float width, float height);

}  // namespace shell
