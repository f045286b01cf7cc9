#include "shell/ui/widget_registry.h"

#include <algorithm>
#include <cstdio>

namespace shell {

namespace {

constexpr float kTolerance = 0.5f;  // sub-pixel rounding is not a fault

bool inside(const Rect& r, const Rect& clip) {
    return r.x >= clip.x - kTolerance && r.y >= clip.y - kTolerance && r.right() <= clip.right() + kTolerance &&
           r.bottom() <= clip.bottom() + kTolerance;
}

Rect intersect(const Rect& a, const Rect& b) {
    const float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const float x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
    return {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}

bool meets(const Rect& a, const Rect& b) {
    const Rect i = intersect(a, b);
    return i.w > kTolerance && i.h > kTolerance;
}

}  // namespace

bool WidgetInfo::clipped() const { return !inside(rect, clip); }
bool TextInfo::cut() const { return needH > box.h + kTolerance || needW > box.w + kTolerance; }
bool TextInfo::broken() const { return wordW > box.w + kTolerance; }
bool TextInfo::clipped() const { return !inside(box, clip); }

void WidgetRegistry::beginFrame() { current_ = {}; }

void WidgetRegistry::endFrame() { std::swap(last_, current_); }

void WidgetRegistry::abandonFrame() { current_ = {}; }

void WidgetRegistry::add(std::string_view id, const Rect& rect, const Rect& clip, bool scrolled, bool enabled) {
    for (auto& w : current_.widgets) {
        if (w.id == id && !w.occluded) {
            // Two live widgets with one id would make taps ambiguous: report once.
            if (std::find(duplicates_.begin(), duplicates_.end(), id) == duplicates_.end()) {
                duplicates_.emplace_back(id);
                std::fprintf(stderr, "kiosk: widget id '%.*s' registered twice in one frame\n", int(id.size()),
                             id.data());
            }
        }
    }
    WidgetInfo w;
    w.id = std::string(id);
    w.rect = rect;
    w.clip = clip;
    w.visible = intersect(rect, clip);
    w.scrolled = scrolled;
    w.enabled = enabled;
    // Drawn after a strip, it lies on top of it: not covered.
    current_.widgets.push_back(std::move(w));
}

void WidgetRegistry::addText(TextInfo text) {
    if (text.text.empty()) return;
    current_.texts.push_back(std::move(text));
}

void WidgetRegistry::noteText(std::string_view text) {
    TextInfo t;
    t.text = std::string(text);
    t.box = t.clip = {0, 0, 1e6f, 1e6f};
    addText(std::move(t));
}

void WidgetRegistry::cover(std::string_view what, const Rect& rect) {
    for (auto& w : current_.widgets)
        if (!w.occluded && w.coveredBy.empty() && meets(w.visible, rect)) w.coveredBy = std::string(what);
    for (auto& t : current_.texts)
        if (!t.occluded && t.coveredBy.empty() && meets(intersect(t.box, t.clip), rect)) t.coveredBy = std::string(what);
    current_.covers.push_back({std::string(what), rect});
}

void WidgetRegistry::occludeAll() {
    for (auto& w : current_.widgets) w.occluded = true;
    for (auto& t : current_.texts) t.occluded = true;
}

const WidgetInfo* WidgetRegistry::find(std::string_view id) const {
    for (auto& w : last_.widgets)
        if (w.id == id && !w.occluded && w.visible.w > 0 && w.visible.h > 0) return &w;
    return nullptr;
}

const WidgetInfo* WidgetRegistry::findLaidOut(std::string_view id) const {
    for (auto& w : last_.widgets)
        if (w.id == id && !w.occluded) return &w;
    return nullptr;
}

std::vector<std::string> WidgetRegistry::visibleIds() const {
    std::vector<std::string> out;
    for (auto& w : last_.widgets)
        if (!w.occluded && w.visible.w > 0 && w.visible.h > 0) out.push_back(w.id);
    return out;
}

std::vector<std::string> WidgetRegistry::texts() const {
    std::vector<std::string> out;
    for (auto& t : last_.texts) out.push_back(t.text);
    return out;
}

bool WidgetRegistry::textContains(std::string_view needle) const {
    for (auto& t : last_.texts)
        if (t.text.find(needle) != std::string::npos && !t.cut() && !t.occluded && t.coveredBy.empty() &&
            (t.scrolled ? meets(t.box, t.clip) : !t.clipped()))
            return true;
    return false;
}

const TextInfo* WidgetRegistry::textSeen(std::string_view needle) const {
    for (auto& t : last_.texts)
        if (t.text.find(needle) != std::string::npos) return &t;
    return nullptr;
}

}  // namespace shell
