#include "shell/ui/layout.h"

#include <algorithm>
#include <cmath>

#include "shell/ui/text.h"

namespace shell {

float gapBetween(const Rect& a, const Rect& b) {
    float dx = std::max({0.0f, b.x - a.right(), a.x - b.right()});
    float dy = std::max({0.0f, b.y - a.bottom(), a.y - b.bottom()});
    return std::sqrt(dx * dx + dy * dy);
}

float labelLine(const Metrics& m, FontRole role) {
    return std::round(role == FontRole::Title ? m.titlePx * 1.2f : m.bodyPx * 1.3f);
}

float paragraphLine(const Metrics& m, FontRole role) {
    return std::round((role == FontRole::Title ? m.titlePx : m.bodyPx) * 1.5f);
}

float navButtonWidth(const Theme& theme, std::string_view label, bool withIcon, const Measure& measure) {
    const Metrics& m = theme.m();
    float w = measure(FontRole::Body, label) + 2 * m.buttonPadX;
    if (withIcon) w += m.iconNav + m.buttonPadX * 0.5f;
    return std::ceil(std::max(w, std::max(m.touchMin, m.navHeight)));
}

namespace {

// Room kept between the frame's parts: small where no targets meet, the
// target gap where the content's targets meet the strip.
float smallGap(const Metrics& m) { return std::round(m.gap * 0.5f); }

}  // namespace

FrameLayout layoutFrame(const Theme& theme, const FrameWords& words, const Measure& measure) {
    const Metrics& m = theme.m();
    const float W = float(theme.width()), H = float(theme.height());
    const float left = m.margin, span = W - 2 * m.margin;
    const TextWidth body = [&](std::string_view s) { return measure(FontRole::Body, s); };
    const TextWidth title = [&](std::string_view s) { return measure(FontRole::Title, s); };
    FrameLayout f;

    // ---- top bar: 返回 首页 朗读 on the left, 字号 on the right.
    const float backW = navButtonWidth(theme, words.back, true, measure);
    const float homeW = navButtonWidth(theme, words.home, true, measure);
    const float readW = navButtonWidth(theme, words.read, true, measure);
    const float sizeW = navButtonWidth(theme, words.textSize, true, measure);
    const float leftGroup = backW + homeW + readW + 2 * m.gap;
    const bool readOnFirst = leftGroup <= span;
    const float firstRow = readOnFirst ? leftGroup : backW + homeW + m.gap;
    f.topRows = readOnFirst && firstRow + m.gap + sizeW <= span ? 1 : 2;
    const float rowH = m.navHeight;
    f.topBar = {0, 0, W, 2 * m.barPadding + float(f.topRows) * rowH + float(f.topRows - 1) * m.gap};
    const float y1 = m.barPadding, y2 = y1 + rowH + m.gap;
    f.back = {left, y1, backW, rowH};
    f.home = {f.back.right() + m.gap, y1, homeW, rowH};
    f.read = readOnFirst ? Rect{f.home.right() + m.gap, y1, readW, rowH} : Rect{left, y2, readW, rowH};
    f.textSize = {W - m.margin - sizeW, f.topRows == 1 ? y1 : y2, sizeW, rowH};

    // ---- status bar: station | sync | clock on one row; else the station and
    // the clock on one row and the sync state under them; else each on its own
    // rows, wrapped. Never cut.
    const float lh = labelLine(m, FontRole::Body);
    const float statusPad = std::round(10 * m.scale);
    const float iconS = std::round(m.iconNav * 0.8f);
    const float iconGap = std::round(m.gap * 0.4f);
    const float syncTextW = body(words.sync), clockW = body(words.clock), stationW = body(words.station);
    const float syncW = iconS + iconGap + std::max(syncTextW, body(words.syncLongest));
    const float sy0 = 0;  // rows are placed from the bar's top, moved down below
    std::vector<std::string> syncLines{words.sync};
    float statusH = 0;
    Rect clock, sync, station;
    if (stationW + syncW + clockW + 3 * m.gap <= span) {
        f.statusRows = 1;
        f.stationLines = {words.station};
        clock = {W - m.margin - clockW, sy0, clockW, lh};
        sync = {clock.x - m.gap * 1.5f - syncTextW, sy0, syncTextW, lh};
        station = {left, sy0, std::max(stationW, sync.x - iconS - iconGap - m.gap * 1.5f - left), lh};
    } else if (stationW + clockW + 2 * m.gap <= span && syncW <= span) {
        f.statusRows = 2;
        f.stationLines = {words.station};
        clock = {W - m.margin - clockW, sy0, clockW, lh};
        station = {left, sy0, std::max(stationW, clock.x - m.gap * 1.5f - left), lh};
        sync = {W - m.margin - syncTextW, sy0 + lh, syncTextW, lh};
    } else {
        f.stationLines = wrapText(words.station, span, body);
        syncLines = wrapText(words.sync, span - iconS - iconGap, body);
        // Rows for the longest state: the bar's height does not follow the words.
        const std::size_t longest = wrapText(words.syncLongest, span - iconS - iconGap, body).size();
        while (syncLines.size() < longest) syncLines.emplace_back();
        station = {left, sy0, span, float(f.stationLines.size()) * lh};
        float w = 0;
        for (auto& l : syncLines) w = std::max(w, body(l));
        sync = {W - m.margin - w, station.bottom(), w, float(syncLines.size()) * lh};
        clock = {W - m.margin - clockW, sync.bottom(), clockW, lh};
        f.statusRows = int(f.stationLines.size() + syncLines.size()) + 1;
    }
    statusH = float(f.statusRows) * lh + 2 * statusPad;
    f.statusBar = {0, H - statusH, W, statusH};
    const float dy = f.statusBar.y + statusPad;
    f.clock = {clock.x, clock.y + dy, clock.w, clock.h};
    f.sync = {sync.x, sync.y + dy, sync.w, sync.h};
    f.syncLines = syncLines;
    f.syncIcon = {f.sync.x - iconGap - iconS, f.sync.y + (lh - iconS) / 2, iconS, iconS};
    f.station = {station.x, station.y + dy, station.w, station.h};

    // ---- title, centred on the window ("": none, it gave way).
    if (!words.title.empty()) f.titleLines = wrapText(words.title, span, title);
    const float titleH = float(f.titleLines.size()) * labelLine(m, FontRole::Title);
    f.title = {left, f.topBar.bottom() + smallGap(m), span, titleH};

    // ---- strip: a notice, or the announcement. In landscape the title and
    // content keep at least 60 % of the height: the strip gets what is left of
    // the other 40 %, at least one line.
    const float pl = paragraphLine(m, FontRole::Body);
    const float stripPadY = std::round(8 * m.scale), stripPadX = m.gap;
    int maxLines = 3;
    if (!theme.portrait()) {
        const float budget = 0.4f * H - f.topBar.h - statusH - 2 * smallGap(m) - m.targetGap;
        maxLines = std::max(1, int(std::floor((std::max(budget, m.touchMin) - 2 * stripPadY) / pl)));
        maxLines = std::min(maxLines, 3);
    }
    const std::string& stripWords = !words.notice.empty() ? words.notice : words.banner;
    if (!stripWords.empty()) {
        f.stripIsBanner = words.notice.empty();
        // An announcement opens in whole ("全文"); an alert has nothing more to open.
        const bool opens = f.stripIsBanner && !words.bannerMore.empty();
        const float moreW = opens ? body(words.bannerMore) + m.gap : 0;
        const float textW = span - 2 * stripPadX - moreW;
        f.stripLines = wrapText(stripWords, textW, body);
        if (opens && int(f.stripLines.size()) > maxLines) {
            std::string part = sentencesThatFit(stripWords, textW, maxLines, body);
            if (part.empty()) part = words.bannerShort;
            f.stripLines = wrapText(part, textW, body);
            f.bannerPartial = true;
        }
        const float textH = float(f.stripLines.size()) * pl;
        const float h = std::max(f.stripIsBanner ? m.touchMin : 0.0f, textH + 2 * stripPadY);
        f.strip = {left, f.statusBar.y - smallGap(m) - h, span, h};
        f.stripText = {f.strip.x + stripPadX, f.strip.cy() - textH / 2, textW, textH};
        if (opens) {
            const float w = body(words.bannerMore);
            f.stripMore = {f.strip.right() - stripPadX - w, f.strip.cy() - lh / 2, w, lh};
        }
    }

    const float contentTop = f.title.bottom() + smallGap(m);
    const float contentBottom = f.strip.h > 0 ? f.strip.y - m.targetGap : f.statusBar.y - smallGap(m);
    f.content = {left, contentTop, span, std::max(0.0f, contentBottom - contentTop)};
    return f;
}

}  // namespace shell
