#include "shell/ui/widget_registry.h"

#include <algorithm>
#include <cstdio>

namespace shell {

void WidgetRegistry::beginFrame() {
    current_.clear();
    currentTexts_.clear();
}

void WidgetRegistry::endFrame() {
    last_.swap(current_);
    lastTexts_.swap(currentTexts_);
}

void WidgetRegistry::abandonFrame() {
    current_.clear();
    currentTexts_.clear();
}

void WidgetRegistry::add(std::string_view id, const Rect& rect, bool enabled) {
    for (auto& w : current_) {
        if (w.id == id && !w.occluded) {
            // Two live widgets with one id would make taps ambiguous: report once.
            if (std::find(duplicates_.begin(), duplicates_.end(), id) == duplicates_.end()) {
                duplicates_.emplace_back(id);
                std::fprintf(stderr, "kiosk: widget id '%.*s' registered twice in one frame\n",
                             int(id.size()), id.data());
            }
        }
    }
    current_.push_back({std::string(id), rect, enabled, false});
}

void WidgetRegistry::noteText(std::string_view text) {
    if (!text.empty()) currentTexts_.emplace_back(text);
}

void WidgetRegistry::occludeAll() {
    for (auto& w : current_) w.occluded = true;
}

const WidgetInfo* WidgetRegistry::find(std::string_view id) const {
    for (auto& w : last_)
        if (w.id == id && !w.occluded) return &w;
    return nullptr;
}

std::vector<std::string> WidgetRegistry::visibleIds() const {
    std::vector<std::string> out;
    for (auto& w : last_)
        if (!w.occluded) out.push_back(w.id);
    return out;
}

bool WidgetRegistry::textContains(std::string_view needle) const {
    for (auto& t : lastTexts_)
        if (t.find(needle) != std::string::npos) return true;
    return false;
}

}  // namespace shell
