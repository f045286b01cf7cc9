// widget_registry.h — what the last frame showed, for the script driver, the
// read-aloud and the layout audit (audit.h):
//   widgets  every target by stable id ("home.checkin", "nav.back"), with the
//            rectangle it was laid out at, the region it had to lie in (the
//            content, a bar, an overlay, a scroll area) and what covers it
//   texts    every string drawn, with the box it had to fit and the room its
//            lines took
//   covers   strips drawn over the content (the banner, a notice)
// The script driver taps a widget by id at the centre of what shows of it
// (through the real input path) and refuses one that is covered or clipped.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "shell/ui/layout.h"

namespace shell {

struct WidgetInfo {
    std::string id;
    Rect rect;              // as laid out
    Rect visible;           // the part inside its clip
    Rect clip;              // the region it must lie in
    bool scrolled = false;  // clip is a scroll area: partly outside means scrolled away, not misplaced
    bool enabled = true;
    bool occluded = false;  // a modal overlay (idle, answer, chooser) drawn after it
    std::string coveredBy;  // a strip drawn over it ("banner", "notice"); "" none
    // Part of it is outside its clip (scrolled away, or misplaced).
    bool clipped() const;
};

struct TextInfo {
    std::string text;
    Rect box;               // where it had to fit
    Rect clip;
    bool scrolled = false;
    float needW = 0, needH = 0;  // what its lines took
    float wordW = 0;             // its widest word (wrapped texts only; 0: not measured)
    bool occluded = false;
    std::string coveredBy;
    // The lines did not fit the box: some of it is drawn outside it.
    bool cut() const;
    // A word wider than the box: wrapping split it ("Statem" / "ent").
    bool broken() const;
    bool clipped() const;
};

struct CoverInfo {
    std::string what;
    Rect rect;
};

// A layout whose required parts did not fit even at their least: all of it
// scrolls (the last resort: nothing is cut, but the elder must drag).
struct OverflowInfo {
    Rect area;
    float need = 0;
};

struct FrameRecord {
    std::vector<WidgetInfo> widgets;
    std::vector<TextInfo> texts;
    std::vector<CoverInfo> covers;
    std::vector<OverflowInfo> overflows;
};

class WidgetRegistry {
public:
    // Starts recording a frame; the previous complete frame stays queryable.
    void beginFrame();
    void endFrame();
    // Aborted frame (exception): keep the last complete record.
    void abandonFrame();

    void add(std::string_view id, const Rect& rect, const Rect& clip, bool scrolled = false, bool enabled = true);
    // A widget with no region of its own (tests): its rect is its clip.
    void add(std::string_view id, const Rect& rect) { add(id, rect, rect); }
    void addText(TextInfo text);
    // A bare string (tests): drawn in a box that fits it.
    void noteText(std::string_view text);
    // A strip now lies over everything registered so far that it meets
    // (what is registered after it is drawn on top of it).
    void cover(std::string_view what, const Rect& rect);
    // A modal overlay now covers everything registered so far this frame.
    void occludeAll();
    void addOverflow(const Rect& area, float need) { current_.overflows.push_back({area, need}); }

    // Queries on the last complete frame. find() sees widgets not under a modal overlay.
    const WidgetInfo* find(std::string_view id) const;
    // Also a widget laid out wholly outside its region (a list scrolled away from it).
    const WidgetInfo* findLaidOut(std::string_view id) const;
    std::vector<std::string> visibleIds() const;
    // Strings drawn in the last frame, in drawing order.
    std::vector<std::string> texts() const;
    // A string containing `needle` drawn whole (not cut, clipped, covered or
    // under an overlay). textSeen() is any drawn string containing it.
    bool textContains(std::string_view needle) const;
    const TextInfo* textSeen(std::string_view needle) const;
    const FrameRecord& lastFrame() const { return last_; }
    const std::vector<std::string>& duplicateIds() const { return duplicates_; }

private:
    FrameRecord current_, last_;
    std::vector<std::string> duplicates_;
};

}  // namespace shell
