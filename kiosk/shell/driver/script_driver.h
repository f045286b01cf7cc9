// script_driver.h — runs a script (script.h) against the live kiosk.
//
// Each step starts once the kiosk has settled: the input it caused was drawn
// (at least two frames since), no frames are owed, nothing is queued, the
// fonts are built. Taps and typing go through the kiosk's real input path
// (SDL events pushed into its queue), so a script exercises real code. A
// failing step stops the script with "FILE:LINE: step: what went wrong".
// Plain C++: the kiosk implements ScriptHost; tests use a fake.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "shell/driver/script.h"
#include "shell/ui/widget_registry.h"

namespace shell {

class ScriptHost {
public:
    virtual ~ScriptHost() = default;
    virtual const WidgetRegistry& widgets() const = 0;
    virtual std::string screenId() const = 0;
    virtual bool settled() const = 0;
    virtual std::uint64_t framesDrawn() const = 0;
    virtual std::int64_t realMs() const = 0;
    virtual void tapAt(float x, float y) = 0;
    // A finger put down and lifted later (the `hold` step). A host without a
    // held pointer gets a tap when the finger lifts.
    virtual void pressAt(float /*x*/, float /*y*/) {}
    virtual void releaseAt(float x, float y) { tapAt(x, y); }
    // The finger, down, moves there (a drag).
    virtual void moveTo(float /*x*/, float /*y*/) {}
    virtual void typeAsCardReader(const std::string& text) = 0;
    virtual bool pressKey(const std::string& name) = 0;  // false: unknown key name
    virtual void requestScreenshot(const std::string& path) = 0;
    virtual bool screenshotPending() const = 0;
    virtual std::string takeScreenshotError() = 0;  // "" when the last one was written
    virtual void resizeWindow(int w, int h) = 0;
    virtual void windowSize(int& w, int& h) const = 0;
    virtual void advanceClock(std::int64_t ms) = 0;
    virtual void keepDrawing() = 0;  // owe frames now (wait keeps the loop drawing)
    // Asks the background sync for a cycle now (the `sync_now` step).
    virtual void syncNow() {}
    // The string table's text for `key` in the kiosk's language; nullopt when
    // no table has the key (expect_string, wait_string).
    virtual std::optional<std::string> stringFor(const std::string& key) const { return key; }
    // The text size the screens are drawn at: standard, large or xlarge (expect_list).
    virtual std::string drawnTextSize() const { return "standard"; }
    // Notes the resident memory now under `label` (the `memory` step).
    virtual void noteMemory(const std::string& /*label*/) {}
};

class ScriptDriver {
public:
    enum class Status { Running, Finished, Quit, Failed };

    ScriptDriver(std::vector<ScriptStep> steps, std::string name);

    // Once per loop turn, after events and timers were handled.
    void poll(ScriptHost& host);
    Status status() const { return status_; }
    bool running() const { return status_ == Status::Running; }
    // Wanted loop wake-up while running (ms): short, so waits end on time.
    int pollIntervalMs() const { return 10; }
    const std::string& error() const { return error_; }
    std::size_t nextStep() const { return next_; }

private:
    bool start(ScriptHost& host, const ScriptStep& st);     // true: step done at once
    bool continueStep(ScriptHost& host, const ScriptStep& st);
    void fail(const ScriptStep& st, const std::string& what);
    std::string describeScreen(ScriptHost& host) const;
    // A drawn text containing `what` (a pattern for the *_string steps); the
    // reason it does not count when only a cut or covered one does.
    bool seen(ScriptHost& host, const ScriptStep& st, std::string& why);

    std::vector<ScriptStep> steps_;
    std::string name_;
    std::size_t next_ = 0;
    bool inStep_ = false;
    std::int64_t deadline_ = 0;
    float holdX_ = 0, holdY_ = 0;  // where the `hold` step's finger is down
    // scroll_to: which part of a drag is next, where it goes, drags so far.
    enum class Drag { Press, Move, Release, Look } drag_ = Drag::Look;
    float dragX_ = 0, dragY0_ = 0, dragY1_ = 0;
    int drags_ = 0;
    std::uint64_t dragFrame_ = 0;
    bool planDrag(ScriptHost& host, const ScriptStep& st);
    std::uint64_t settleAfterFrame_ = 1;  // the first step waits for the first frame
    Status status_ = Status::Running;
    std::string error_;
};

}  // namespace shell
