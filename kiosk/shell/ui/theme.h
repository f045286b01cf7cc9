// theme.h — the ONE place that owns every size and colour of the kiosk.
//
// Sizes come from the panel: scale = min(width, height) / 1080, so a 1920x1080
// landscape and a 1080x1920 portrait panel both get scale 1 and the numbers of
// DESIGN.md ("Elder-friendly rules") apply as written:
//   body text >= 44 px, titles ~64 px (times the text-size factor 1.0/1.2/1.4),
//   touch targets >= 96x96 px, >= 24 px apart, primary actions larger,
//   text contrast >= 7:1 for every text/background pair (textPairs(), unit-tested).
// Plain C++ (no ImGui): the ImGui style is derived from it in ui.cpp.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>
#include <vector>

namespace shell {

enum class TextSize { Standard, Large, ExtraLarge };

// "standard" / "large" / "xlarge": the names used by widget ids, the state file
// and the command line.
const char* textSizeName(TextSize size);
std::optional<TextSize> parseTextSize(std::string_view name);
float textSizeFactor(TextSize size);  // 1.0 / 1.2 / 1.4

struct Rgb {
    std::uint8_t r = 0, g = 0, b = 0;
    static constexpr Rgb hex(std::uint32_t v) {
        return {std::uint8_t(v >> 16), std::uint8_t(v >> 8), std::uint8_t(v)};
    }
    friend bool operator==(const Rgb&, const Rgb&) = default;
};

// WCAG 2.x relative luminance and contrast ratio (1..21).
double relativeLuminance(Rgb c);
double contrastRatio(Rgb a, Rgb b);
// Mixes towards black by `amount` (0..1): pressed states.
Rgb darken(Rgb c, float amount);

struct Palette {
    Rgb page;                        // screen background: warm off-white
    Rgb text, textMuted;             // on page
    Rgb barBg, barText;              // top bar
    Rgb navBg, navText, navPressed;  // Back / Home / text-size buttons on the bar
    Rgb segmentSelectedBg, segmentSelectedText;
    Rgb statusBg, statusText;        // status bar
    Rgb card, cardText, cardBorder;  // white cards (welcome, idle overlay)
    Rgb primary, primaryText, primaryPressed;
    Rgb tileText;                    // on every tile colour below
    Rgb checkin, meals, activities, timebank, help;
    Rgb onlineIcon, offlineIcon;
    Rgb scrim;                       // behind the idle overlay (drawn with kScrimAlpha)
    Rgb noticeBg, noticeText;
};

struct Metrics {
    float scale = 1;       // min(w, h) / 1080
    float textFactor = 1;  // text-size switch
    float bodyPx = 44;     // font sizes: the atlas holds exactly these two
    float titlePx = 64;
    float touchMin = 96;   // smallest target side
    float targetGap = 24;  // smallest space between two targets
    float gap = 32;        // the spacing we actually lay out with (> targetGap)
    float margin = 40;     // screen edge to content
    float radius = 28;     // corner radius of tiles, buttons, cards
    float barPadding = 20; // inside the top and status bars
    float navHeight = 112; // Back / Home / text-size buttons
    float buttonPadX = 28; // text to button edge
    float statusHeight = 80;
    float primaryHeight = 176;  // welcome start, idle continue
    float primaryMinWidth = 480;
    float iconNav = 44;
    float iconTile = 112;
    float iconHero = 200;
    float stroke = 6;           // icon line width at iconTile; scaled per icon
    float border = 3;
    float dragThreshold = 20;   // a finger moving farther than this scrolls, not taps
    float scrollBar = 24;       // the bar a scrolling area shows on its right edge
    float scrollRoom = 36;      // what a scrolling area's content leaves it (bar and a gap)
};

class Theme {
public:
    static constexpr float kScrimAlpha = 0.8f;
    // A pressed tile or button is its colour darkened by this much (ui.cpp);
    // textPairs() checks the pressed colours too.
    static constexpr float kPressedDarken = 0.2f;

    static Theme make(int width, int height, TextSize size);

    TextSize textSize() const { return size_; }
    bool portrait() const { return height_ > width_; }
    int width() const { return width_; }
    int height() const { return height_; }
    const Metrics& m() const { return m_; }
    const Palette& c() const { return p_; }

    struct TextPair {
        const char* name;
        Rgb fg, bg;
    };
    // Every text colour on every background it is drawn on (pressed states too).
    std::vector<TextPair> textPairs() const;

private:
    int width_ = 1920, height_ = 1080;
    TextSize size_ = TextSize::Standard;
    Metrics m_;
    Palette p_;
};

}  // namespace shell
