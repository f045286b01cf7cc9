// drag_scroll.h — lists scroll by dragging a finger; a drag is not a tap.
//
// A press inside a scroll area starts a possible drag. Once the finger has
// moved farther than the threshold (Metrics::dragThreshold, generous because
// of tremor) the list follows the finger and the tap under it is cancelled.
// Plain C++: ui.cpp feeds it ImGui's pointer and applies the scroll.
#pragma once

namespace shell {

class DragScroll {
public:
    explicit DragScroll(float threshold) : threshold_(threshold) {}

    void press(float x, float y);
    // Pointer moved while held. Returns how far to move the content (0 until
    // the drag passes the threshold; then the full way, so the content stays
    // under the finger).
    float move(float x, float y);
    void release();
    bool pressed() const { return pressed_; }
    // Past the threshold: the tap under the finger must not fire.
    bool dragging() const { return dragging_; }
    void setThreshold(float t) { threshold_ = t; }

private:
    float threshold_;
    bool pressed_ = false;
    bool dragging_ = false;
    float startX_ = 0, startY_ = 0, lastY_ = 0;
};

}  // namespace shell
