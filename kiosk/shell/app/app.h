// app.h — the kiosk: window, loop, input, screens, idle, script driver.
//
// The App owns every piece of the shell and runs the loop (app.cpp has the
// index). The lead wires the domain through Hooks: onStart builds services on
// the open database before the first frame (and may add them to the screens'
// Context); onCard receives a card number the current screen did not take.
#pragma once

#include <chrono>
#include <cstdint>
#include <functional>
#include <memory>
#include <string>

#include "config/station_config.h"
#include "store/sqlite.h"

namespace screens {
struct Context;
}

namespace shell {

class Router;
class Session;
class Strings;
class SyncLink;

struct Options {
    bool fullscreen = true;
    int width = 1920, height = 1080;   // --windowed WxH
    std::string dataDir;               // resolved (paths.h) before App
    std::string lang;  // "": the configuration's first language (zh-CN before one)
    std::string textSize;              // "" = standard, and the district's default may change it
    std::string scriptPath;
    std::string screenshotPath;        // first settled frame, then exit 0
    std::string fontSpec;              // PATH or PATH:INDEX; empty: fontconfig
    std::string stateOut;              // JSON written on exit
    bool printTimings = false;
    bool strictLayout = false;         // exit 3 at the first layout violation (audit.h)
    std::int64_t idleSeconds = 0;      // 0: from the running configuration (default 60 s)
    std::int64_t idleCountdownSeconds = 20;
    bool tapToCheckin = false;         // --checkin-mode tap (config can also turn it on)
};

class App {
public:
    struct Hooks {
        // The database is open and the screens exist; no frame drawn yet.
        std::function<void(App&)> onStart;
        // A card was read (digits only) and the current screen did not use it.
        std::function<void(App&, const std::string& cardNo)> onCard;
        // A code was scanned (a fast burst of text then Enter, not only
        // digits: the elder's QR code) and the current screen did not use it.
        std::function<void(App&, const std::string& text)> onScan;
    };

    App(Options options, std::chrono::steady_clock::time_point processStart);
    ~App();
    App(const App&) = delete;
    App& operator=(const App&) = delete;

    // Runs until quit. Returns the process exit code: 0 normal, 2 the store
    // or the display could not be opened, 3 a script step failed.
    int run();

    Hooks& hooks();
    // Valid from onStart on.
    store::Database& database();
    // The configuration the station runs now (immutable; a push makes a new one).
    std::shared_ptr<const config::StationConfig> runningConfig() const;
    Session& session();
    Router& router();
    const Strings& strings() const;
    screens::Context& context();
    SyncLink* sync();  // nullptr when not enrolled or built without sync
    void showNotice(std::string text);

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace shell
