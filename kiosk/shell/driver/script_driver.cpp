#include "shell/driver/script_driver.h"

#include <algorithm>
#include <cstdio>

namespace shell {

namespace {
constexpr std::int64_t kResizeTimeoutMs = 3000;
constexpr std::int64_t kScreenshotTimeoutMs = 5000;
}  // namespace

ScriptDriver::ScriptDriver(std::vector<ScriptStep> steps, std::string name)
    : steps_(std::move(steps)), name_(std::move(name)) {
    if (steps_.empty()) status_ = Status::Finished;
}

void ScriptDriver::fail(const ScriptStep& st, const std::string& what) {
    error_ = name_ + ":" + std::to_string(st.line) + ": " + opName(st.op) +
             (st.arg.empty() ? "" : " " + st.arg) + ": " + what;
    status_ = Status::Failed;
}

std::string ScriptDriver::describeScreen(ScriptHost& host) const {
    std::string ids;
    for (auto& id : host.widgets().visibleIds()) ids += (ids.empty() ? "" : ", ") + id;
    return "screen '" + host.screenId() + "', visible widgets: " + (ids.empty() ? "none" : ids);
}

bool ScriptDriver::seen(ScriptHost& host, const ScriptStep& st, std::string& why) {
    using Op = ScriptStep::Op;
    std::string pattern = st.arg;
    const bool byKey = st.op == Op::ExpectString || st.op == Op::WaitString;
    if (byKey) {
        auto s = host.stringFor(st.arg);
        if (!s) {
            why = "no string table has the key";
            return false;
        }
        pattern = *s;
    }
    const FrameRecord& f = host.widgets().lastFrame();
    const TextInfo* partial = nullptr;
    for (const TextInfo& t : f.texts) {
        if (!(byKey ? matchesPattern(t.text, pattern) : t.text.find(pattern) != std::string::npos)) continue;
        const bool shows = !t.occluded && t.coveredBy.empty() && !t.cut() && (t.scrolled || !t.clipped());
        if (shows) return true;
        if (!partial) partial = &t;
    }
    if (partial) {
        why = partial->occluded       ? "it is drawn only under an overlay"
              : !partial->coveredBy.empty() ? "it is drawn only under the " + partial->coveredBy
              : partial->cut()               ? "it is drawn only cut off (it does not fit its box)"
                                             : "it is drawn only outside its region";
        return false;
    }
    std::string drawn;
    for (auto& t : host.widgets().texts()) {
        if (drawn.size() > 300) break;
        drawn += (drawn.empty() ? "" : " | ") + t;
    }
    why = "no drawn text contains " + (byKey ? "'" + pattern + "'" : std::string("it")) + " on screen '" +
          host.screenId() + "'; drawn: " + drawn;
    return false;
}

void ScriptDriver::poll(ScriptHost& host) {
    while (status_ == Status::Running) {
        if (next_ >= steps_.size()) {
            status_ = Status::Finished;
            return;
        }
        const ScriptStep& st = steps_[next_];
        if (!inStep_) {
            if (host.framesDrawn() < settleAfterFrame_) {
                host.keepDrawing();  // the frames the last step's effects need
                return;
            }
            if (!host.settled()) return;
            inStep_ = true;
            if (!start(host, st)) return;
        } else if (!continueStep(host, st)) {
            return;
        }
        if (status_ != Status::Running) return;
        inStep_ = false;
        ++next_;
        // The effects of the step must be drawn before the next one looks.
        settleAfterFrame_ = host.framesDrawn() + 2;
    }
}

bool ScriptDriver::start(ScriptHost& host, const ScriptStep& st) {
    using Op = ScriptStep::Op;
    switch (st.op) {
        case Op::Tap: {
            const WidgetInfo* w = host.widgets().find(st.arg);
            if (!w) {
                fail(st, "no such widget on screen; " + describeScreen(host));
                return true;
            }
            // A finger cannot reach what lies under the banner or outside the screen's region.
            if (!w->coveredBy.empty()) {
                fail(st, "the widget is under the " + w->coveredBy + " on screen '" + host.screenId() + "'");
                return true;
            }
            if (w->clipped()) {
                fail(st, "the widget is partly outside its region (scrolled away or cut off) on screen '" +
                             host.screenId() + "'");
                return true;
            }
            host.tapAt(w->rect.cx(), w->rect.cy());
            return true;
        }
        case Op::ScrollTo:
            drags_ = 0;
            return planDrag(host, st);
        case Op::Hold: {
            const WidgetInfo* w = host.widgets().find(st.arg);
            if (!w) {
                fail(st, "no such widget on screen; " + describeScreen(host));
                return true;
            }
            if (!w->coveredBy.empty() || w->clipped()) {
                fail(st, "the widget is covered or partly outside its region on screen '" + host.screenId() + "'");
                return true;
            }
            holdX_ = w->rect.cx();
            holdY_ = w->rect.cy();
            host.pressAt(holdX_, holdY_);
            deadline_ = host.realMs() + st.a;
            return false;
        }
        case Op::Type: host.typeAsCardReader(st.arg); return true;
        case Op::Key:
            if (!host.pressKey(st.arg)) fail(st, "unknown key name (use SDL key names: Return, Escape, A ...)");
            return true;
        case Op::Wait:
            deadline_ = host.realMs() + st.a;
            return continueStep(host, st);
        case Op::WaitFor:
        case Op::WaitText:
            deadline_ = host.realMs() + st.a;
            return continueStep(host, st);
        case Op::ExpectAbsent:
            if (host.widgets().find(st.arg)) fail(st, "the widget is on screen '" + host.screenId() + "'");
            return true;
        case Op::SyncNow: host.syncNow(); return true;
        case Op::Memory: host.noteMemory(st.arg); return true;
        case Op::ExpectScreen:
            if (host.screenId() != st.arg) fail(st, "the screen is '" + host.screenId() + "'");
            return true;
        case Op::ExpectText:
        case Op::ExpectString: {
            std::string why;
            if (!seen(host, st, why)) fail(st, why);
            return true;
        }
        case Op::WaitString:
            deadline_ = host.realMs() + st.a;
            return continueStep(host, st);
        case Op::ExpectWhole: {
            int whole = 0;
            for (const WidgetInfo& w : host.widgets().lastFrame().widgets)
                if (w.id.rfind(st.arg, 0) == 0 && !w.occluded && w.coveredBy.empty() && !w.clipped()) ++whole;
            if (whole < st.a)
                fail(st, std::to_string(whole) + " whole on screen '" + host.screenId() + "', expected at least " +
                             std::to_string(st.a));
            return true;
        }
        case Op::ExpectList: {
            // Issue 13's rule for a list: two whole items (一 when there is
            // one), one and a half at 特大, where it starts.
            int items = 0, whole = 0;
            float shown = 0;
            for (const WidgetInfo& w : host.widgets().lastFrame().widgets) {
                if (w.id.rfind(st.arg, 0) != 0) continue;
                ++items;
                if (w.occluded || !w.coveredBy.empty() || w.rect.h <= 0) continue;
                if (!w.clipped()) ++whole;
                shown += std::clamp(w.visible.h / w.rect.h, 0.0f, 1.0f);
            }
            const bool xlarge = host.drawnTextSize() == "xlarge";
            const float wantShown = std::min(float(items), xlarge ? 1.5f : 2.0f);
            const int wantWhole = std::min(items, xlarge ? 1 : 2);
            if (items == 0) {
                fail(st, "no '" + st.arg + "' items on screen '" + host.screenId() + "'");
            } else if (whole < wantWhole || shown + 0.01f < wantShown) {
                char buf[64];
                std::snprintf(buf, sizeof buf, "%.2f", shown);
                fail(st, "'" + st.arg + "' on screen '" + host.screenId() + "' at " + host.drawnTextSize() + ": " +
                             std::to_string(whole) + " whole, " + buf + " shown of " + std::to_string(items) +
                             "; a list shows " + (xlarge ? "one and a half" : "two whole"));
            }
            return true;
        }
        case Op::Screenshot:
            host.requestScreenshot(st.arg);
            deadline_ = host.realMs() + kScreenshotTimeoutMs;
            return false;
        case Op::Size:
            host.resizeWindow(int(st.a), int(st.b));
            deadline_ = host.realMs() + kResizeTimeoutMs;
            return false;
        case Op::IdleAdvance: host.advanceClock(st.a); return true;
        case Op::Quit: status_ = Status::Quit; return true;
    }
    return true;
}

// scroll_to: done (true) when the widget shows whole or the step failed;
// else the next drag is planned: the finger moves the list by what is hidden.
bool ScriptDriver::planDrag(ScriptHost& host, const ScriptStep& st) {
    const WidgetInfo* w = host.widgets().findLaidOut(st.arg);
    if (!w) {
        fail(st, "no such widget on screen; " + describeScreen(host));
        return true;
    }
    if (!w->clipped()) return true;
    if (!w->scrolled) {
        fail(st, "the widget is cut off but not in a list that scrolls on screen '" + host.screenId() + "'");
        return true;
    }
    constexpr int kMaxDrags = 8;
    if (drags_++ >= kMaxDrags) {
        fail(st, "still not whole on screen after " + std::to_string(kMaxDrags) + " drags on screen '" +
                     host.screenId() + "'");
        return true;
    }
    const Rect& c = w->clip;
    const float margin = std::min(48.0f, c.h * 0.1f);
    const float below = w->rect.y + w->rect.h - (c.y + c.h), above = c.y - w->rect.y;
    // Past the drag threshold (20 px at 标准), so the list moves and nothing is tapped.
    const float need = std::max(64.0f, (below > 0 ? below : above) + margin);
    dragX_ = c.x + c.w * 0.5f;
    if (below > 0) {
        dragY0_ = c.y + c.h * 0.9f;
        dragY1_ = std::max(c.y + c.h * 0.1f, dragY0_ - need);
    } else {
        dragY0_ = c.y + c.h * 0.1f;
        dragY1_ = std::min(c.y + c.h * 0.9f, dragY0_ + need);
    }
    drag_ = Drag::Press;
    dragFrame_ = 0;
    return false;
}

bool ScriptDriver::continueStep(ScriptHost& host, const ScriptStep& st) {
    using Op = ScriptStep::Op;
    switch (st.op) {
        case Op::Wait:
            host.keepDrawing();
            return host.realMs() >= deadline_;
        case Op::Hold:
            // The finger stays down (no events): the screen keeps drawing.
            host.keepDrawing();
            if (host.realMs() < deadline_) return false;
            host.releaseAt(holdX_, holdY_);
            return true;
        case Op::ScrollTo:
            // One part of the drag a settled frame: press, move, release, look.
            // As poll() does between steps: frames owed first, then a settled one.
            if (host.framesDrawn() < dragFrame_) {
                host.keepDrawing();
                return false;
            }
            if (!host.settled()) return false;
            dragFrame_ = host.framesDrawn() + 2;
            switch (drag_) {
                case Drag::Press: host.pressAt(dragX_, dragY0_), drag_ = Drag::Move; return false;
                case Drag::Move: host.moveTo(dragX_, dragY1_), drag_ = Drag::Release; return false;
                case Drag::Release: host.releaseAt(dragX_, dragY1_), drag_ = Drag::Look; return false;
                case Drag::Look: return planDrag(host, st);
            }
            return true;
        case Op::WaitText:
        case Op::WaitString: {
            host.keepDrawing();
            std::string why;
            if (seen(host, st, why)) return true;
            if (host.realMs() >= deadline_)
                fail(st, "not within " + std::to_string(st.a) + " ms: " + why);
            return host.realMs() >= deadline_;
        }
        case Op::WaitFor:
            if (host.widgets().find(st.arg)) return true;
            if (host.realMs() >= deadline_)
                fail(st, "did not appear within " + std::to_string(st.a) + " ms; " + describeScreen(host));
            return host.realMs() >= deadline_;
        case Op::Screenshot: {
            if (host.screenshotPending()) {
                if (host.realMs() >= deadline_) {
                    fail(st, "no frame was drawn to capture");
                    return true;
                }
                return false;
            }
            std::string err = host.takeScreenshotError();
            if (!err.empty()) fail(st, err);
            return true;
        }
        case Op::Size: {
            int w = 0, h = 0;
            host.windowSize(w, h);
            if (w == int(st.a) && h == int(st.b)) return host.settled();
            if (host.realMs() >= deadline_) {
                fail(st, "the window is " + std::to_string(w) + "x" + std::to_string(h) +
                             " (the display may be too small)");
                return true;
            }
            return false;
        }
        default: return true;
    }
}

}  // namespace shell
