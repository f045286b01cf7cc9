#include "shell/ui/layout.h"

#include <algorithm>
#include <cmath>

namespace shell {

float gapBetween(const Rect& a, const Rect& b) {
    float dx = std::max({0.0f, b.x - a.right(), a.x - b.right()});
    float dy = std::max({0.0f, b.y - a.bottom(), a.y - b.bottom()});
    return std::sqrt(dx * dx + dy * dy);
}

float navButtonWidth(const Theme& theme, std::string_view label, bool withIcon, const Measure& measure) {
    const Metrics& m = theme.m();
    float w = measure(FontRole::Body, label) + 2 * m.buttonPadX;
    if (withIcon) w += m.iconNav + m.buttonPadX * 0.5f;
    return std::ceil(std::max(w, std::max(m.touchMin, m.navHeight)));
}

FrameLayout layoutFrame(const Theme& theme, const TopBarLabels& labels, const Measure& measure) {
    const Metrics& m = theme.m();
    const float W = float(theme.width()), H = float(theme.height());
    FrameLayout f;

    const float backW = navButtonWidth(theme, labels.back, true, measure);
    const float homeW = navButtonWidth(theme, labels.home, true, measure);
    // The three segments share one width so switching never shifts the bar;
    // the selected one carries a check mark, so room for it is always kept.
    float segW = 0;
    for (auto& l : labels.textSizes) segW = std::max(segW, navButtonWidth(theme, l, true, measure));
    float labelW = std::ceil(measure(FontRole::Body, labels.textSizeLabel));
    const float span = W - 2 * m.margin;
    // Very large text on a narrow panel: first the "字号" label goes, then the
    // segments share the row (their labels are cut to fit, never below 96 px).
    const float readW = labels.read.empty() ? 0 : navButtonWidth(theme, labels.read, true, measure);
    // On two rows 朗读 shares the second row with the switch.
    const float readRoom = readW > 0 ? readW + m.gap : 0;
    if (readRoom + labelW + m.gap * 0.75f + 3 * segW + 2 * m.targetGap > span) labelW = 0;
    if (readRoom + 3 * segW + 2 * m.targetGap > span)
        segW = std::floor((span - readRoom - 2 * m.targetGap) / 3);
    const float labelGap = labelW > 0 ? m.gap * 0.75f : 0;
    const float switchW = labelW + labelGap + 3 * segW + 2 * m.targetGap;
    // Room kept for a title of five characters (时间银行 and a margin), whatever this screen's
    // title is, so the bar's shape never depends on the screen.
    const float titleAllowance = 5 * m.titlePx;

    const float left = m.margin, right = W - m.margin;
    const float oneRow = backW + homeW + readRoom + switchW + titleAllowance + 4 * m.gap;
    f.topRows = oneRow <= span ? 1 : 2;

    const float rowH = m.navHeight;
    f.topBar = {0, 0, W, 2 * m.barPadding + f.topRows * rowH + (f.topRows - 1) * m.gap};
    const float y1 = m.barPadding;
    f.back = {left, y1, backW, rowH};
    f.home = {f.back.right() + m.gap, y1, homeW, rowH};

    const float y2 = f.topRows == 1 ? y1 : y1 + rowH + m.gap;
    float x = right - 3 * segW - 2 * m.targetGap;
    for (int i = 0; i < 3; ++i) {
        f.textSize[size_t(i)] = {x, y2, segW, rowH};
        x += segW + m.targetGap;
    }
    f.textSizeLabel = {f.textSize[0].x - labelGap - labelW, y2, labelW, rowH};

    f.read = f.topRows == 1 ? Rect{f.home.right() + m.gap, y1, readW, rowH} : Rect{left, y2, readW, rowH};

    // The title is centred on the panel when it fits there, else in the free span.
    const float titleLeft = (f.topRows == 1 && readW > 0 ? f.read.right() : f.home.right()) + m.gap;
    const float titleRight = f.topRows == 1 ? f.textSizeLabel.x - m.gap : right;
    f.title = {titleLeft, y1, std::max(0.0f, titleRight - titleLeft), rowH};

    f.statusBar = {0, H - m.statusHeight, W, m.statusHeight};
    f.content = {m.margin, f.topBar.bottom() + m.gap, W - 2 * m.margin,
                 f.statusBar.y - m.gap - (f.topBar.bottom() + m.gap)};
    return f;
}

std::vector<Rect> layoutGrid(const Rect& area, int count, int cols, float gap) {
    std::vector<Rect> out;
    if (count <= 0) return out;
    cols = std::min(cols, count);
    const int rows = (count + cols - 1) / cols;
    const float w = (area.w - float(cols - 1) * gap) / float(cols);
    const float h = (area.h - float(rows - 1) * gap) / float(rows);
    for (int i = 0; i < count; ++i) {
        const int row = i / cols, col = i % cols;
        const int inRow = std::min(cols, count - row * cols);
        const float x0 = area.x + (area.w - (float(inRow) * w + float(inRow - 1) * gap)) / 2;
        out.push_back({x0 + float(col) * (w + gap), area.y + float(row) * (h + gap), w, h});
    }
    return out;
}

std::vector<Rect> layoutTiles(const Theme& theme, const Rect& area, int count) {
    std::vector<Rect> out;
    if (count <= 0) return out;
    const Metrics& m = theme.m();
    const int cols = std::min(count, theme.portrait() ? 2 : 3);
    const int rows = (count + cols - 1) / cols;
    const float gap = m.gap;
    const float w = std::floor((area.w - float(cols - 1) * gap) / float(cols));
    const float h = std::floor((area.h - float(rows - 1) * gap) / float(rows));
    for (int i = 0; i < count; ++i) {
        int row = i / cols, col = i % cols;
        int inRow = std::min(cols, count - row * cols);
        float rowW = float(inRow) * w + float(inRow - 1) * gap;
        float x0 = area.x + (area.w - rowW) / 2;
        out.push_back({std::floor(x0 + float(col) * (w + gap)), area.y + float(row) * (h + gap), w, h});
    }
    return out;
}

Rect centredButton(const Rect& area, float y, float width, float height) {
    float w = std::min(width, area.w);
    return {std::floor(area.x + (area.w - w) / 2), y, w, height};
}

}  // namespace shell
