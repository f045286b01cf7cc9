// widget_registry.h — what the last frame showed: tappable widgets by stable
// id with their screen rectangles, and every string drawn.
//
// The script driver taps a widget by id at its centre (through the real input
// path) and checks drawn text; tests read the same record. Ids are stable
// strings ("home.checkin", "nav.back", "idle.continue"), never positions.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shell/ui/layout.h"

namespace shell {

struct WidgetInfo {
    std::string id;
    Rect rect;
    bool enabled = true;
    bool occluded = false;  // covered by an overlay drawn after it
};

class WidgetRegistry {
public:
    // Starts recording a frame; the previous complete frame stays queryable.
    void beginFrame();
    void endFrame();
    // Aborted frame (exception): keep the last complete record.
    void abandonFrame();

    void add(std::string_view id, const Rect& rect, bool enabled = true);
    void noteText(std::string_view text);
    // An overlay now covers everything registered so far this frame.
    void occludeAll();

    // Queries on the last complete frame. find() sees visible widgets only.
    const WidgetInfo* find(std::string_view id) const;
    std::vector<std::string> visibleIds() const;
    bool textContains(std::string_view needle) const;
    const std::vector<std::string>& texts() const { return lastTexts_; }
    const std::vector<std::string>& duplicateIds() const { return duplicates_; }

private:
    std::vector<WidgetInfo> current_, last_;
    std::vector<std::string> currentTexts_, lastTexts_;
    std::vector<std::string> duplicates_;
};

}  // namespace shell
