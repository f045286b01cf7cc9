#include "shell/platform/pointer_queue.h"

namespace shell {

void PointerQueue::motion(float x, float y, bool /*touch*/) {
    tail_.x = x;
    tail_.y = y;
    events_.push_back({tail_, false});
}

void PointerQueue::button(float x, float y, bool down, bool touch) {
    tail_.x = x;
    tail_.y = y;
    tail_.down = down;
    events_.push_back({tail_, true});
    if (touch && !down) {
        tail_.x = tail_.y = -1e9f;
        events_.push_back({tail_, false});
    }
}

PointerQueue::State PointerQueue::next() {
    while (!events_.empty()) {
        Event e = events_.front();
        events_.pop_front();
        state_ = e.s;
        if (e.buttonChange) break;
    }
    return state_;
}

}  // namespace shell
