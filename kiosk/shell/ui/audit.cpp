#include "shell/ui/audit.h"

#include <algorithm>
#include <cmath>
#include <cstdio>

#include "shell/ui/utf8.h"

namespace shell {

namespace {

constexpr float kTolerance = 0.5f;

std::string num(float v) {
    char b[32];
    std::snprintf(b, sizeof b, "%.0f", double(v));
    return b;
}

std::string rect(const Rect& r) { return "(" + num(r.x) + "," + num(r.y) + " " + num(r.w) + "x" + num(r.h) + ")"; }

// A text named by its first characters: enough to find it on the screenshot.
std::string textName(const std::string& t) {
    std::u32string cps = decodeUtf8(t);
    std::string s;
    for (std::size_t i = 0; i < cps.size() && i < 16; ++i) s += encodeUtf8(cps[i] == U'\n' ? U' ' : cps[i]);
    if (cps.size() > 16) s += "...";
    return "text '" + s + "'";
}

bool live(const WidgetInfo& w) { return !w.occluded && w.visible.w > kTolerance && w.visible.h > kTolerance; }

Rect intersect(const Rect& a, const Rect& b) {
    const float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const float x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
    return {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}

}  // namespace

std::string Violation::line(const std::string& screen) const {
    std::string ids;
    for (const auto& w : widgets) ids += (ids.empty() ? "" : ", ") + w;
    return "layout: screen '" + screen + "': " + rule + ": " + ids + (detail.empty() ? "" : ": " + detail);
}

std::vector<Violation> auditFrame(const FrameRecord& frame, const AuditRules& rules) {
    std::vector<Violation> out;
    const auto& ws = frame.widgets;
    for (const WidgetInfo& w : ws) {
        if (w.occluded) continue;
        if (!w.scrolled && w.clipped())
            out.push_back({"outside", {w.id}, rect(w.rect) + " is not inside its region " + rect(w.clip)});
        if (!live(w)) continue;
        if (!w.coveredBy.empty()) out.push_back({"covered", {w.id}, "under the " + w.coveredBy + " " + rect(w.visible)});
        if (w.rect.w < rules.minTarget - kTolerance || w.rect.h < rules.minTarget - kTolerance)
            out.push_back({"small", {w.id}, num(w.rect.w) + "x" + num(w.rect.h) + " px, the least is " +
                                                num(rules.minTarget) + " either way"});
    }
    for (std::size_t i = 0; i < ws.size(); ++i) {
        if (!live(ws[i])) continue;
        for (std::size_t j = i + 1; j < ws.size(); ++j) {
            if (!live(ws[j])) continue;
            const Rect& a = ws[i].visible;
            const Rect& b = ws[j].visible;
            const Rect both = intersect(a, b);
            if (both.w > kTolerance && both.h > kTolerance) {
                out.push_back({"overlap", {ws[i].id, ws[j].id}, rect(a) + " and " + rect(b)});
                continue;
            }
            const float g = gapBetween(a, b);
            if (g < rules.minGap - kTolerance)
                out.push_back({"close", {ws[i].id, ws[j].id},
                               num(g) + " px apart, the least is " + num(rules.minGap)});
        }
    }
    for (const TextInfo& t : frame.texts) {
        if (t.occluded) continue;
        if (t.cut())
            out.push_back({"cut", {textName(t.text)}, "needs " + num(t.needW) + "x" + num(t.needH) + ", its box is " +
                                                           num(t.box.w) + "x" + num(t.box.h)});
        if (!t.scrolled && t.clipped())
            out.push_back({"clipped", {textName(t.text)}, rect(t.box) + " is not inside its region " + rect(t.clip)});
        if (!t.coveredBy.empty() && (t.scrolled ? intersect(t.box, t.clip).h > kTolerance : true))
            out.push_back({"covered", {textName(t.text)}, "under the " + t.coveredBy});
    }
    for (const OverflowInfo& o : frame.overflows)
        out.push_back({"overflow", {"content"}, "needs " + num(o.need) + " px at least, has " + num(o.area.h)});
    return out;
}

}  // namespace shell
