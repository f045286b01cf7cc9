// pointer_queue.h — mouse and touch events to ImGui, one button change per frame.
//
// ImGui 1.86 reads the pointer as a state per frame, so a press and a release
// that arrive together (a quick tap, or the script driver) would vanish. The
// queue hands them out one button change per frame; motion before a change is
// merged into it. After a touch lifts, the pointer leaves the screen so no
// tile stays highlighted under a finger that is gone.
#pragma once

#include <deque>

namespace shell {

class PointerQueue {
public:
    struct State {
        float x = -1e9f, y = -1e9f;  // off screen
        bool down = false;
    };

    void motion(float x, float y, bool touch);
    void button(float x, float y, bool down, bool touch);
    bool pending() const { return !events_.empty(); }
    // Consumes the events for one frame and returns the pointer for it.
    State next();
    const State& state() const { return state_; }

private:
    struct Event {
        State s;
        bool buttonChange;
    };
    std::deque<Event> events_;
    State state_;
    State tail_;  // state after every queued event
};

}  // namespace shell
