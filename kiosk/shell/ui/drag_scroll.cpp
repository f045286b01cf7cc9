#include "shell/ui/drag_scroll.h"

#include <cmath>

namespace shell {

void DragScroll::press(float x, float y) {
    pressed_ = true;
    dragging_ = false;
    startX_ = x;
    startY_ = y;
    lastY_ = y;
}

float DragScroll::move(float x, float y) {
    if (!pressed_) return 0;
    if (!dragging_) {
        float dx = x - startX_, dy = y - startY_;
        if (std::sqrt(dx * dx + dy * dy) <= threshold_) return 0;
        dragging_ = true;
        lastY_ = startY_;
    }
    float d = y - lastY_;
    lastY_ = y;
    return d;
}

void DragScroll::release() {
    pressed_ = false;
    dragging_ = false;
}

}  // namespace shell
