// main.cpp — the kiosk's command line (CLI11) and its three modes:
//   kiosk [--windowed WxH] [--data-dir DIR] ...   the touch kiosk
//   kiosk --data-dir DIR --enroll BUNDLE          store an enrollment bundle, no window
//   kiosk --data-dir DIR --sync-once              one sync cycle, no window
// (the last two only in a build with the sync client).
#include <chrono>
#include <cstdio>

#include <CLI/CLI.hpp>

#include "screens/context.h"
#include "shell/app/app.h"
#include "shell/app/domain_hooks.h"
#include "shell/app/paths.h"
#ifdef KIOSK_WITH_SYNC
#include "shell/app/cli_sync.h"
#endif

int main(int argc, char** argv) {
    const auto started = std::chrono::steady_clock::now();
    shell::Options o;
    std::string windowed;
    std::string enrollBundle;
    bool syncOnce = false;
    std::string checkinMode = "off";

    CLI::App cli{"Elder-service station kiosk: full-screen touch kiosk for community elder-service stations."};
    cli.add_option("--windowed", windowed, "Run in a window of WxH pixels instead of full screen (development), "
                                           "e.g. 1920x1080 or 1080x1920");
    cli.add_option("--data-dir", o.dataDir,
                   "Data directory (kiosk.db). Default: $XDG_DATA_HOME/elder-kiosk, "
                   "else ~/.local/share/elder-kiosk");
    cli.add_option("--lang", o.lang, "Language of the screens (default: the configuration's first)")
        ->check(CLI::IsMember({"zh-CN", "en", "zh-HK"}));
    cli.add_option("--text-size", o.textSize,
                   "Text size at start; given, it stays (a pushed default text size does not change it)")
        ->check(CLI::IsMember({"standard", "large", "xlarge"}));
    cli.add_option("--script", o.scriptPath, "Drive the kiosk with a script (docs/SCRIPTS.md)")
        ->check(CLI::ExistingFile);
    cli.add_option("--screenshot", o.screenshotPath, "Write the first settled frame as PNG, then exit 0");
    cli.add_option("--font", o.fontSpec, "Font file (PATH or PATH:INDEX for a .ttc) instead of fontconfig's "
                                         "Noto Sans CJK SC");
    cli.add_option("--state-out", o.stateOut, "On exit write a JSON state file (screen, member, text size)");
    cli.add_flag("--print-timings", o.printTimings, "Print start-up timings after the first frame");
    cli.add_flag("--strict-layout", o.strictLayout,
                 "Audit every frame's layout and stop at the first overlap, cover or cut (exit 3)");
    cli.add_option("--idle-seconds", o.idleSeconds,
                   "Seconds without input before the idle overlay (default: the configuration's, 60)")
        ->check(CLI::Range(5, 3600));
    cli.add_option("--checkin-mode", checkinMode,
                   "tap: a card on the welcome screen checks the elder in at once (until pushed config sets it)")
        ->check(CLI::IsMember({"off", "tap"}))
        ->capture_default_str();
#ifdef KIOSK_WITH_SYNC
    auto* enroll = cli.add_option("--enroll", enrollBundle, "Store this enrollment bundle and exit (no window)")
                       ->check(CLI::ExistingFile);
    auto* once = cli.add_flag("--sync-once", syncOnce, "Run one sync cycle with the district and exit (no window)");
    enroll->excludes(once);
#endif
    CLI11_PARSE(cli, argc, argv);

    if (!windowed.empty()) {
        int w = 0, h = 0;
        char x = 0;
        if (std::sscanf(windowed.c_str(), "%d%c%d", &w, &x, &h) != 3 || x != 'x' || w < 320 || h < 320) {
            std::fprintf(stderr, "kiosk: --windowed needs WxH (at least 320x320), e.g. 1080x1920\n");
            return 2;
        }
        o.fullscreen = false;
        o.width = w;
        o.height = h;
    }
    if (o.dataDir.empty()) {
        try {
            o.dataDir = shell::defaultDataDir();
        } catch (const std::exception& e) {
            std::fprintf(stderr, "kiosk: %s\n", e.what());
            return 2;
        }
    }
#ifdef KIOSK_WITH_SYNC
    if (!enrollBundle.empty()) return shell::runEnroll(o.dataDir, enrollBundle);
    if (syncOnce) return shell::runSyncOnce(o.dataDir);
#else
    (void)syncOnce;
#endif

    // The pushed configuration sets the check-in mode; this flag forces tap
    // mode on top of it (tests, a station trying it out).
    o.tapToCheckin = checkinMode == "tap";
    shell::App app(o, started);
    shell::DomainHooks domainHooks(app);
    return app.run();
}
