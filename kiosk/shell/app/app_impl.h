// app_impl.h — App::Impl, shared by app.cpp (start-up, loop, frame) and
// app_input.cpp (SDL events, the card reader, the script driver's host).
// Internal to the kiosk executable.
#pragma once

#include <SDL.h>

#include <chrono>
#include <cstdint>
#include <deque>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "config_apply/config_manager.h"
#include "screens/context.h"
#include "screens/screen.h"
#include "screens/ids.h"
#include "shell/app/app.h"
#include "shell/ui/audit.h"
#include "shell/platform/card_burst.h"
#include "shell/ui/fonts.h"
#include "shell/app/frame_pacer.h"
#include "shell/app/frame_stats.h"
#include "shell/platform/platform.h"
#include "shell/platform/pointer_queue.h"
#include "shell/app/router.h"
#include "shell/driver/script_driver.h"
#include "shell/app/session.h"
#include "shell/app/shift_clock.h"
#include "shell/platform/sound.h"
#include "shell/app/status_info.h"
#include "shell/ui/strings.h"
#include "shell/app/sync_link.h"
#include "shell/ui/theme.h"
#include "shell/ui/ui.h"
#include "shell/ui/widget_registry.h"

namespace shell {

using Steady = std::chrono::steady_clock;

inline double msSince(Steady::time_point t) {
    return std::chrono::duration<double, std::milli>(Steady::now() - t).count();
}

inline constexpr std::int64_t kNoticeMs = 5000;
inline constexpr std::int64_t kSyncPollMs = 2000;
inline constexpr std::int64_t kAlertPollMs = 2000;   // one indexed SELECT on a small table
inline constexpr std::int64_t kAlertChimeMs = 30000;  // a locked copy of the snapshot: microseconds
inline constexpr std::int64_t kResultMs = 8000;   // the answer overlay goes by itself after this
inline constexpr int kMaxFrameErrorsInRow = 3;      // then the kiosk goes back to the welcome screen
inline constexpr std::int64_t kWarmEveryMs = 100;   // warmAhead: a chunk this often while idle
inline constexpr std::int64_t kExpectedReloadMs = 30 * 60 * 1000;
inline constexpr int kExpectedNames = 400;

struct App::Impl final : ScriptHost {
    Options opt;
    Steady::time_point processStart;
    Hooks hooks;
    App* appOf = nullptr;  // handed to hooks

    // Plain parts (tested in tests/shell).
    ShiftableClock clock;
    Strings strings;
    Router router{screens::ids::kWelcome, screens::ids::kHome};
    Session session;
    IdleGuard idle;
    CardBurstDetector cards;
    PointerQueue pointer;
    FramePacer pacer;
    WidgetRegistry registry;
    Theme theme;
    TextSize textSize = TextSize::Standard;
    StatusInfo status;
    std::string notice;
    std::int64_t noticeUntil = 0;

    // The answer to the last action (Context::showResult), over the screen.
    struct Result {
        bool visible = false;
        screens::Feedback kind = screens::Feedback::Info;
        std::string title, detail;
        std::int64_t until = 0;
        int expiries = 0;        // the idle guard's count when shown: a session that ended takes it away
        bool shownOnce = false;  // for the state file: the last one stays recorded
    } result;
    Sound sound;
    Speech speech;

    // Platform, fonts, UI, screens.
    std::unique_ptr<store::Database> db;
    std::unique_ptr<Platform> platform;
    Fonts fonts;
    std::unique_ptr<Ui> ui;
    std::unique_ptr<screens::Context> ctx;
    std::vector<std::unique_ptr<screens::Screen>> screenList;
    std::unique_ptr<SyncLink> syncLink;  // started after the first frame
    bool syncEnrolled = false;
    // The running configuration (pushed by the district over sync), applied
    // live between frames when its generation changes.
    std::unique_ptr<cfgapply::ConfigManager> configs;
    std::uint64_t configGeneration = 0;
    std::optional<config::TextSize> configTextSize;
    void applyConfig();
    std::unique_ptr<ScriptDriver> script;
    std::uint32_t glyphTexture = 0;  // the glyph page (fonts.h) on the GPU
    // Text to rasterize ahead while idle (warmAhead): the string table, then
    // the names the station expects.
    struct WarmItem {
        FontRole role;
        std::string text;
        std::size_t at = 0;  // bytes done
    };
    std::deque<WarmItem> warmQueue;
    std::int64_t expectedLoadedMs = -1, nextWarmMs = 0;
    bool warmedReported = false;  // --print-timings: the queue emptied once
    bool imguiReady = false;
    bool gpuReady = false;  // device objects exist (first NewFrame done)

    // Loop state.
    bool running = true;
    int exitCode = 0;
    std::uint64_t frames = 0;
    int frameErrorsInRow = 0;
    int cardSwipes = 0;
    std::vector<SDL_Event> heldKeys;  // keys held back by the card-burst detector
    std::int64_t nextMinuteMs = 0;
    std::int64_t nextSyncPollMs = 0;
    // Open alerts (domain/help.h): the strip on every screen, and a chime
    // when one is new and again every kAlertChimeMs while any is open.
    std::int64_t nextAlertPollMs = 0, nextChimeMs = 0;
    std::vector<std::string> alertIds;
    void refreshAlerts(std::int64_t now);
    Steady::time_point lastFrameTime = Steady::now();
    std::string screenshotPath;
    bool screenshotRequested = false;
    std::string screenshotError;

    // Layout audit (audit.h): every settled frame; --strict-layout stops at
    // the first violation, otherwise each one is kept once for the state file.
    std::vector<std::string> layoutViolations;
    bool textSizeOpen = false;  // the 字号 chooser is over the screen
    // Frame costs after start-up (the state file).
    double atlasRebuildMsMax = 0;
    FrameStats frameStats, swapStats;  // the frames after start-up (the longest is frame_ms_max)
    std::vector<std::pair<std::string, long>> memoryKb;  // the script's `memory` steps

    // Start-up (app.cpp [start]): the worker thread's side of it.
    struct Boot;
    std::shared_ptr<Boot> boot;  // shared_ptr: Boot is complete only in app.cpp

    // Timings (--print-timings).
    double tStrings = 0, tStore = 0, tSdl = 0, tWindow = 0, tFontsThread = 0, tFontsWait = 0, tImgui = 0;
    double tGpuInit = 0, tFirstBuild = 0, tFirstRender = 0, tFirstSwap = 0;

    Impl(Options o, Steady::time_point start)
        : opt(std::move(o)),
          processStart(start),
          idle(clock, {(opt.idleSeconds > 0 ? opt.idleSeconds : 60) * 1000, opt.idleCountdownSeconds * 1000},
               session, router) {}

    ~Impl() override;

    screens::Screen& current() {
        for (auto& s : screenList)
            if (s->id() == router.current()) return *s;
        IM_ASSERT(false && "the router shows a screen id that makeScreens() did not create");
        return *screenList.front();
    }

    int start();
    // The phases of start(), in order; a non-zero result stops start-up.
    void loadWords();
    int loadScript();
    void startWorker();
    int openDisplay();
    int joinWorker();
    void startImGui();
    void makeContext();
    void makeScreens();
    void startSync();
    void audit();
    void loop();
    void handle(const SDL_Event& e);
    void routeKey(const SDL_Event& e);
    void releaseHeldKeys();
    void onCard(const std::string& cardNo);
    void onScan(const std::string& text);
    void showResult(screens::Feedback kind, std::string title, std::string detail);
    bool requireMember(const std::string& screenId);
    void readAloud();
    void timers();
    void applyNavigation();
    void drawFrame();
    void ensureFonts();
    bool uploadGlyphs();
    void queueTableWarm();
    void warmAhead(std::int64_t now);
    void setTextSize(TextSize size);
    void resized();
    void writeState() const;
    void printTimings() const;
    int sleepMs();

    // ScriptHost
    const WidgetRegistry& widgets() const override { return registry; }
    std::string screenId() const override { return router.current(); }
    bool settled() const override;
    std::uint64_t framesDrawn() const override { return frames; }
    std::int64_t realMs() const override { return std::int64_t(SDL_GetTicks64()); }
    void tapAt(float x, float y) override;
    void pressAt(float x, float y) override;
    void releaseAt(float x, float y) override;
    void moveTo(float x, float y) override;
    void typeAsCardReader(const std::string& text) override;
    bool pressKey(const std::string& name) override;
    void requestScreenshot(const std::string& path) override;
    bool screenshotPending() const override { return screenshotRequested; }
    std::string takeScreenshotError() override { return std::exchange(screenshotError, {}); }
    void resizeWindow(int w, int h) override { platform->setWindowSize(w, h); }
    void windowSize(int& w, int& h) const override { platform->windowSize(w, h); }
    void advanceClock(std::int64_t ms) override {
        clock.advanceMs(ms);
        pacer.wake();
    }
    void keepDrawing() override { pacer.wake(); }
    void syncNow() override {
        if (syncLink) syncLink->syncNow();
    }
    void noteMemory(const std::string& label) override;
    std::string drawnTextSize() const override { return textSizeName(textSize); }
    std::optional<std::string> stringFor(const std::string& key) const override {
        if (!strings.has(key)) return std::nullopt;
        return strings.get(key);
    }
};

}  // namespace shell
