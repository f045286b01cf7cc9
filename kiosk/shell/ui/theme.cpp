#include "shell/ui/theme.h"

#include <algorithm>
#include <cmath>

namespace shell {

const char* textSizeName(TextSize size) {
    switch (size) {
        case TextSize::Standard: return "standard";
        case TextSize::Large: return "large";
        case TextSize::ExtraLarge: return "xlarge";
    }
    return "standard";
}

std::optional<TextSize> parseTextSize(std::string_view name) {
    for (TextSize s : {TextSize::Standard, TextSize::Large, TextSize::ExtraLarge})
        if (name == textSizeName(s)) return s;
    return std::nullopt;
}

float textSizeFactor(TextSize size) {
    switch (size) {
        case TextSize::Standard: return 1.0f;
        case TextSize::Large: return 1.2f;
        case TextSize::ExtraLarge: return 1.4f;
    }
    return 1.0f;
}

double relativeLuminance(Rgb c) {
    auto lin = [](std::uint8_t v) {
        double s = v / 255.0;
        return s <= 0.04045 ? s / 12.92 : std::pow((s + 0.055) / 1.055, 2.4);
    };
    return 0.2126 * lin(c.r) + 0.7152 * lin(c.g) + 0.0722 * lin(c.b);
}

double contrastRatio(Rgb a, Rgb b) {
    double la = relativeLuminance(a), lb = relativeLuminance(b);
    if (la < lb) std::swap(la, lb);
    return (la + 0.05) / (lb + 0.05);
}

Rgb darken(Rgb c, float amount) {
    auto d = [amount](std::uint8_t v) { return std::uint8_t(std::lround(v * (1.0f - amount))); };
    return {d(c.r), d(c.g), d(c.b)};
}

Theme Theme::make(int width, int height, TextSize size) {
    Theme t;
    t.width_ = std::max(width, 1);
    t.height_ = std::max(height, 1);
    t.size_ = size;

    // Sizes: DESIGN.md numbers at 1080 px on the short side, scaled with the panel.
    Metrics& m = t.m_;
    const float s = float(std::min(t.width_, t.height_)) / 1080.0f;
    const float f = textSizeFactor(size);
    auto px = [s](float v) { return std::round(v * s); };
    m.scale = s;
    m.textFactor = f;
    m.bodyPx = std::round(44.0f * s * f);
    m.titlePx = std::round(64.0f * s * f);
    m.touchMin = px(96);
    m.targetGap = px(24);
    m.gap = px(32);
    m.margin = px(40);
    m.radius = px(28);
    m.barPadding = px(14);
    m.buttonPadX = px(28);
    // Buttons grow with the text so a label never touches the edge.
    m.navHeight = std::max(px(112), std::round(m.bodyPx * 1.9f));
    m.statusHeight = std::round(m.bodyPx * 1.3f + 2 * px(14));
    m.primaryHeight = std::max(px(176), std::round(m.titlePx + m.bodyPx + 2 * px(28)));
    m.primaryMinWidth = px(480);
    m.iconNav = std::round(m.bodyPx * 0.95f);
    m.iconTile = px(112);
    m.iconHero = px(200);
    m.stroke = px(8);
    m.border = std::max(2.0f, px(3));
    m.dragThreshold = px(20);
    m.scrollBar = px(24);
    m.scrollRoom = m.scrollBar + px(12);

    // Colours: calm, warm page; deep tile colours under white text. Every pair
    // is checked >= 7:1 by tests/shell/theme_test.cpp.
    Palette& c = t.p_;
    c.page = Rgb::hex(0xF7F3EA);
    c.text = Rgb::hex(0x1B1B1B);
    c.textMuted = Rgb::hex(0x3A3A3A);
    c.barBg = Rgb::hex(0x0B3D91);
    c.barText = Rgb::hex(0xFFFFFF);
    c.navBg = Rgb::hex(0xFFFFFF);
    c.navText = Rgb::hex(0x0B3D91);
    c.navPressed = Rgb::hex(0xD6E2F5);
    c.segmentSelectedBg = Rgb::hex(0xFFD54A);
    c.segmentSelectedText = Rgb::hex(0x1B1B1B);
    c.statusBg = Rgb::hex(0xE9E3D6);
    c.statusText = Rgb::hex(0x1B1B1B);
    c.card = Rgb::hex(0xFFFFFF);
    c.cardText = Rgb::hex(0x1B1B1B);
    c.cardBorder = Rgb::hex(0xD8D0C0);
    c.primary = Rgb::hex(0x0B3D91);
    c.primaryText = Rgb::hex(0xFFFFFF);
    c.primaryPressed = darken(c.primary, 0.25f);
    c.tileText = Rgb::hex(0xFFFFFF);
    c.checkin = Rgb::hex(0x0B3D91);
    c.meals = Rgb::hex(0x1D5B2B);
    c.activities = Rgb::hex(0x5B2A86);
    c.timebank = Rgb::hex(0x00545E);
    c.help = Rgb::hex(0x8A3A00);
    c.onlineIcon = Rgb::hex(0x1D5B2B);
    c.offlineIcon = Rgb::hex(0x9A1B1B);
    c.scrim = Rgb::hex(0x101828);
    c.noticeBg = Rgb::hex(0xFFF1C2);
    c.noticeText = Rgb::hex(0x1B1B1B);
    return t;
}

std::vector<Theme::TextPair> Theme::textPairs() const {
    const Palette& c = p_;
    constexpr float kPressed = kPressedDarken;
    return {
        {"text on page", c.text, c.page},
        {"muted text on page", c.textMuted, c.page},
        {"bar text", c.barText, c.barBg},
        {"nav button", c.navText, c.navBg},
        {"nav button pressed", c.navText, c.navPressed},
        {"selected text size", c.segmentSelectedText, c.segmentSelectedBg},
        {"status bar", c.statusText, c.statusBg},
        {"card text", c.cardText, c.card},
        {"muted text on card", c.textMuted, c.card},
        {"primary button", c.primaryText, c.primary},
        {"primary button pressed", c.primaryText, c.primaryPressed},
        {"tile check-in", c.tileText, c.checkin},
        {"tile meals", c.tileText, c.meals},
        {"tile activities", c.tileText, c.activities},
        {"tile time bank", c.tileText, c.timebank},
        {"tile help", c.tileText, c.help},
        {"tile check-in pressed", c.tileText, darken(c.checkin, kPressed)},
        {"tile meals pressed", c.tileText, darken(c.meals, kPressed)},
        {"tile activities pressed", c.tileText, darken(c.activities, kPressed)},
        {"tile time bank pressed", c.tileText, darken(c.timebank, kPressed)},
        {"tile help pressed", c.tileText, darken(c.help, kPressed)},
        {"notice", c.noticeText, c.noticeBg},
        {"alert strip", c.primaryText, c.offlineIcon},
    };
}

}  // namespace shell
