#include "shell/app/app.h"

// Index
//   [start]     start-up in named phases: script, worker (store, words, fonts), display,
//               ImGui, context, screens, sync
//   [loop]      run(): wait for events or the next due timer, draw only when owed
//   [timers]    clock minute, idle guard, notice, sync status, card timeout
//   [frame]     one frame: fonts, ImGui frame, screen, idle overlay, render, screenshot
//   [exit]      state file, timings
// SDL events, the card reader and the script driver's host: app_input.cpp.

#include <SDL.h>
#include <imgui.h>
#include <imgui_internal.h>

#include <malloc.h>

#include <algorithm>
#include <cstdio>
#include <exception>
#include <filesystem>
#include <fstream>
#include <future>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "screens/all_screens.h"
#include "screens/overlays.h"
#include "screens/staff/staff.h"
#include "shell/app/app_impl.h"
#include "shell/platform/keyboard.h"
#include "shell/driver/screenshot.h"
#include "shell/driver/script.h"
#include "domain/help.h"
#include "domain/hours.h"
#include "domain/members.h"
#include "domain/station.h"
#include "shell/ui/utf8.h"
#include "shell/app/store_open.h"
#include "shell/driver/state_file.h"

namespace shell {

App::Impl::~Impl() {
    syncLink.reset();  // stops the worker thread first
    screenList.clear();
    if (glyphTexture && platform) platform->deleteTexture(glyphTexture);
    if (imguiReady) {
        platform->rendererShutdown();
        // The atlas belongs to `fonts`, not to the context.
        ImGui::DestroyContext();
    }
    platform.reset();
    if (SDL_WasInit(SDL_INIT_VIDEO)) SDL_Quit();
}

// ---------------------------------------------------------------- [start]
//
// Two threads from the first phase to the first frame. The worker opens the
// store (a file this build cannot use stops the kiosk before any window
// opens, untouched), reads the string tables, finds the fonts and builds the
// atlas; the main thread brings up SDL, the window and the GL context
// (~100 ms here, most of start-up). Start-up then costs the longer of the
// two, not the sum.

struct App::Impl::Boot {
    std::thread worker;
    std::promise<bool> storeReady;
    std::promise<std::pair<int, int>> panelReady;  // {0, 0}: no display, build nothing
    std::string storeMessage;
    domain::StationStatus station;
    std::exception_ptr fontError;
    bool coversCjk = true;

    // Tells the worker the panel (or that there is none) and waits for it.
    void finish(std::pair<int, int> panel) {
        try {
            panelReady.set_value(panel);
        } catch (const std::future_error&) {
            // Already told.
        }
        if (worker.joinable()) worker.join();
    }
    ~Boot() { finish({0, 0}); }
};

int App::Impl::start() {
    textSize = parseTextSize(opt.textSize).value_or(TextSize::Standard);
    if (int rc = loadScript()) return rc;
    startWorker();
    if (int rc = openDisplay()) return rc;
    if (int rc = joinWorker()) return rc;
    startImGui();
    makeContext();
    makeScreens();
    syncEnrolled = boot->station.enrolled;
    boot.reset();
    queueTableWarm();
    if (hooks.onStart) hooks.onStart(*appOf);
    pacer.wake();
    return 0;
}

// On the worker: the main thread reads no string before it joins it.
void App::Impl::loadWords() {
    auto t = Steady::now();
    strings = Strings::load(opt.lang.empty() ? Strings::kFallbackLang : opt.lang);
    tStrings = msSince(t);
}

// A bad script fails before any window opens.
int App::Impl::loadScript() {
    if (!opt.scriptPath.empty()) {
        std::ifstream in(opt.scriptPath);
        std::stringstream text;
        text << in.rdbuf();
        if (!in) {
            std::fprintf(stderr, "kiosk: cannot read the script %s\n", opt.scriptPath.c_str());
            return 2;
        }
        try {
            script = std::make_unique<ScriptDriver>(parseScript(text.str()), opt.scriptPath);
        } catch (const ScriptError& e) {
            std::fprintf(stderr, "kiosk: %s:%s\n", opt.scriptPath.c_str(), e.what() + 4);  // "line N: ..."
            return 3;
        }
    } else if (!opt.screenshotPath.empty()) {
        ScriptStep shot{ScriptStep::Op::Screenshot, opt.screenshotPath, 0, 0, 1};
        ScriptStep quit{ScriptStep::Op::Quit, {}, 0, 0, 2};
        script = std::make_unique<ScriptDriver>(std::vector<ScriptStep>{shot, quit}, "--screenshot");
    }
    return 0;
}

void App::Impl::startWorker() {
    boot = std::make_shared<Boot>();
    Boot& b = *boot;
    b.worker = std::thread([this, &b] {
        auto t0 = Steady::now();
        bool storeSet = false;
        try {
            db = openStore(opt.dataDir, b.storeMessage);
            if (db) b.station = domain::stationStatus(*db);
            tStore = msSince(t0);
            storeSet = true;
            b.storeReady.set_value(db != nullptr);
            if (!db) return;
            loadWords();

            auto t1 = Steady::now();
            if (opt.fontSpec.empty()) {
                CjkFaces faces = findCjkFaces();
                b.coversCjk = faces.coversCjk;
                if (faces.regular.path.empty())
                    throw std::runtime_error("fontconfig found no font; install fonts-noto-cjk or pass --font");
                fonts.setFaces(faces.regular, faces.bold);
            } else {
                FontFace face = faceForFile(opt.fontSpec);
                fonts.setFaces(face, face);
            }
            // The sizes of the first screen; its own words are rasterized as
            // it is laid out (about 100 glyphs), the rest of the string table
            // while the kiosk is idle (warmAhead): rasterizing the whole table
            // here took the second core from the window's start-up.
            auto [pw, ph] = b.panelReady.get_future().get();
            if (pw > 0) {
                const Theme first = Theme::make(pw, ph, textSize);
                fonts.setSizes(first.m().bodyPx, first.m().titlePx);
            }
            tFontsThread = msSince(t1);
        } catch (const std::exception& e) {
            if (!storeSet) {
                b.storeMessage = std::string("cannot read the database: ") + e.what() + ". The file was not changed.";
                db.reset();
                b.storeReady.set_value(false);
            } else {
                b.fontError = std::current_exception();
            }
        }
    });
}

int App::Impl::openDisplay() {
    Boot& b = *boot;
    auto t = Steady::now();
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");  // a kiosk never minimises
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "1");             // touches arrive as mouse events
    // The kiosk takes no composed keys: its keyboards are on the screen and a
    // card reader types plain digits. Without this, SDL's X11 start parses
    // the locale's Compose table (6,000 lines, read a character at a time),
    // 12-20 ms of every start. An XCOMPOSEFILE set by the station is kept.
    setenv("XCOMPOSEFILE", "/dev/null", 0);
    const bool sdlOk = SDL_Init(SDL_INIT_VIDEO) == 0;
    const std::string sdlError = sdlOk ? "" : SDL_GetError();
    int w = opt.width, h = opt.height;
    if (sdlOk && opt.fullscreen) {
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
    }
    tSdl = msSince(t);
    // The store decides first: a bad database is reported even without a display.
    if (!b.storeReady.get_future().get()) {
        b.finish({0, 0});
        std::fprintf(stderr, "kiosk: %s\n", b.storeMessage.c_str());
        return 2;
    }
    if (!sdlOk) {
        b.finish({0, 0});
        std::fprintf(stderr, "kiosk: cannot open the display: %s\n", sdlError.c_str());
        return 2;
    }
    b.panelReady.set_value({w, h});
    status.stationName = b.station.stationName;
    status.sync = b.station.enrolled ? StatusInfo::Sync::Waiting : StatusInfo::Sync::NotEnrolled;
    if (b.station.lastSync) status.lastSyncHHMM = core::hhmmLocal(*b.station.lastSync);

    t = Steady::now();
    try {
        platform = std::make_unique<Platform>(WindowOptions{opt.fullscreen, w, h});
    } catch (const std::exception& e) {
        b.finish({0, 0});
        std::fprintf(stderr, "kiosk: %s\n", e.what());
        return 2;
    }
    tWindow = msSince(t);
    return 0;
}

int App::Impl::joinWorker() {
    auto t = Steady::now();
    boot->finish({0, 0});
    tFontsWait = msSince(t);
    if (boot->fontError) {
        try {
            std::rethrow_exception(boot->fontError);
        } catch (const std::exception& e) {
            std::fprintf(stderr, "kiosk: fonts: %s\n", e.what());
            return 2;
        }
    }
    if (!boot->coversCjk) std::fprintf(stderr, "kiosk: warning: the font found cannot draw Chinese; install fonts-noto-cjk\n");
    return 0;
}

void App::Impl::startImGui() {
    auto t = Steady::now();
    IMGUI_CHECKVERSION();
    ImGui::CreateContext();
    imguiReady = true;
    ImGuiIO& io = ImGui::GetIO();
    // ImGui's own atlas draws nothing here: text and shapes come from the
    // glyph page. It holds one glyph (its default font must exist), no mouse
    // cursors and no baked lines, instead of the 95 glyphs its renderer
    // rasterized on the first frame (1.5 ms and a 256 KB texture).
    static const ImWchar kSpaceOnly[] = {0x20, 0x20, 0};
    ImFontConfig own;
    own.GlyphRanges = kSpaceOnly;
    io.Fonts->Flags |= ImFontAtlasFlags_NoMouseCursors | ImFontAtlasFlags_NoBakedLines;
    io.Fonts->AddFontDefault(&own);
    io.IniFilename = nullptr;  // nothing written next to the kiosk
    io.LogFilename = nullptr;
    io.ConfigInputTextCursorBlink = false;  // a blinking caret would cost a frame every 0.5 s
    setupImGuiKeyMap(io);
    platform->rendererInit();
    glyphTexture = platform->createGlyphTexture();
    fonts.container()->SetTexID(reinterpret_cast<ImTextureID>(static_cast<std::uintptr_t>(glyphTexture)));
    uploadGlyphs();
    int w = 0, h = 0;
    platform->windowSize(w, h);
    theme = Theme::make(w, h, textSize);
    applyImGuiStyle(theme);
    ui = std::make_unique<Ui>(fonts, registry);
    tImgui = msSince(t);
}

void App::Impl::makeContext() {
    // Designated: a field added to Context later (a domain service) starts at
    // its default and is set in Hooks::onStart, without touching this list.
    ctx = std::unique_ptr<screens::Context>(new screens::Context{
        .ui = *ui,
        .strings = strings,
        .router = router,
        .session = session,
        .clock = clock,
        .status = status,
        .notice = notice,
        .setTextSize = [this](TextSize s) { setTextSize(s); },
        .showNotice =
            [this](std::string text) {
                notice = std::move(text);
                noticeUntil = clock.monotonicMs() + kNoticeMs;
                pacer.wake();
            },
        .addText = [this](std::string_view text) { fonts.expect(text); },
        .syncNow =
            [this] {
                if (syncLink) syncLink->syncNow();
            },
        .showResult = [this](screens::Feedback kind, std::string title,
                             std::string detail) { showResult(kind, std::move(title), std::move(detail)); },
        .requireMember = [this](const std::string& screenId) { return requireMember(screenId); },
    });
    ctx->playSound = [this](screens::Feedback kind) {
        sound.play(kind == screens::Feedback::Success   ? Tone::Success
                   : kind == screens::Feedback::Failure ? Tone::Failure
                                                        : Tone::Info);
    };
    ctx->readAloud = [this] { readAloud(); };
    ctx->setLanguage = [this](const std::string& wanted) {
        // "": the default (--lang, else the configuration's first language).
        const std::string lang = !wanted.empty()         ? wanted
                                 : !opt.lang.empty()      ? opt.lang
                                 : ctx->languages.empty() ? std::string(Strings::kFallbackLang)
                                                          : ctx->languages.front();
        if (lang == strings.lang()) return;
        strings = Strings::load(lang);  // ctx->strings refers to it
        queueTableWarm();
        pacer.wake();
    };
    ctx->openTextSize = [this] {
        textSizeOpen = true;
        pacer.wake();
    };
    // Staff mode (screens/staff/): frames while a worker answers, the
    // station's status, and the staff PIN hashes of the running config (the
    // last accepted document in the store; the built-in defaults before one).
    ctx->wake = [this] { pacer.wake(); };
    ctx->screenTitle = [this](const std::string& id) {
        for (const auto& s : screenList)
            if (s->id() == id) return s->title();
        return id;
    };
    ctx->alertsChanged = [this] {
        nextAlertPollMs = 0;
        pacer.wake();
    };
    ctx->stationInfo = [this] {
        screens::StationInfo info;
        info.configVersion = configs->current()->version;
        std::error_code ec;
        const auto space = std::filesystem::space(opt.dataDir, ec);
        if (!ec) info.freeDiskMb = std::int64_t(space.available / (1024 * 1024));
        info.dataDir = opt.dataDir;
        if (db) info.stationName = domain::stationStatus(*db).stationName;
        return info;
    };
    ctx->staffPins = [this] { return configs->current()->staffPins; };
}

void App::Impl::makeScreens() {
    auto t = Steady::now();
    configs = std::make_unique<cfgapply::ConfigManager>(*db, clock);
    applyConfig();
    screenList = screens::makeScreens(*ctx);
    current().onEnter();
    tImgui += msSince(t);
}

// After the first frame is on the screen: the sync worker's first cycle
// (libcurl loaded, a TLS handshake, the district's answer written) would
// otherwise take the second core from the first frame.
void App::Impl::startSync() {
#ifdef KIOSK_WITH_SYNC
    if (syncEnrolled) syncLink = startSyncLink(opt.dataDir, status.lastSyncHHMM, configs->syncInterval());
#endif
}

// ---------------------------------------------------------------- [loop]

int App::Impl::sleepMs() {
    const std::int64_t now = clock.monotonicMs();
    std::optional<std::int64_t> cardDeadline;
    if (auto d = cards.deadlineMs()) cardDeadline = now + std::max<std::int64_t>(0, *d - std::int64_t(SDL_GetTicks64()));
    std::optional<std::int64_t> noticeDeadline;
    if (!notice.empty()) noticeDeadline = noticeUntil;
    if (result.visible && (!noticeDeadline || result.until < *noticeDeadline)) noticeDeadline = result.until;
    std::optional<std::int64_t> syncDeadline;
    if (syncLink) syncDeadline = nextSyncPollMs;
    std::optional<std::int64_t> scriptDeadline;
    if (script && script->running()) scriptDeadline = now + script->pollIntervalMs();
    std::optional<std::int64_t> alertDeadline;
    if (ctx->domain) alertDeadline = std::min(nextAlertPollMs, alertIds.empty() ? nextAlertPollMs : nextChimeMs);
    std::optional<std::int64_t> warmDeadline;
    if (ctx->domain && (expectedLoadedMs < 0 || !warmQueue.empty() || fonts.pageRows() < Fonts::kPageSide))
        warmDeadline = nextWarmMs;
    return pacer.sleepMs(now, {nextMinuteMs, idle.nextChangeMs(), cardDeadline, noticeDeadline, syncDeadline,
                               scriptDeadline, warmDeadline, alertDeadline});
}

void App::Impl::loop() {
    nextMinuteMs = clock.monotonicMs() + msUntilNextMinute(clock.now());
    while (running) {
        SDL_Event e;
        // Blocks in the display connection's poll(): no CPU while nothing is due.
        if (SDL_WaitEventTimeout(&e, sleepMs())) {
            handle(e);
            while (running && SDL_PollEvent(&e)) handle(e);
        }
        if (!running) break;
        timers();
        applyNavigation();
        if (pacer.wantsFrame()) drawFrame();
        if (script && script->running()) {
            script->poll(*this);
            switch (script->status()) {
                case ScriptDriver::Status::Quit: running = false; break;
                case ScriptDriver::Status::Finished:
                    // The kiosk runs on as a normal kiosk; tools waiting on the script read this line.
                    std::printf("kiosk: script finished\n");
                    std::fflush(stdout);
                    break;
                case ScriptDriver::Status::Failed:
                    std::fprintf(stderr, "kiosk: script failed: %s\n", script->error().c_str());
                    exitCode = 3;
                    running = false;
                    break;
                default: break;
            }
        }
    }
}

// ---------------------------------------------------------------- [timers]

void App::Impl::timers() {
    const std::int64_t now = clock.monotonicMs();
    if (now >= nextMinuteMs) {
        nextMinuteMs = now + msUntilNextMinute(clock.now());
        pacer.redraw();
    }
    if (cards.expire(std::int64_t(SDL_GetTicks64()))) {
        releaseHeldKeys();  // a person typing: the digits go where they were typed
        pacer.wake();
    }
    if (!notice.empty() && now >= noticeUntil) {
        notice.clear();
        pacer.redraw();
    }
    if (result.visible && (now >= result.until || idle.expiries() != result.expiries)) {
        result.visible = false;
        pacer.redraw();
    }
    speech.poll();
    refreshAlerts(now);
    if (syncLink && now >= nextSyncPollMs) {
        nextSyncPollMs = now + kSyncPollMs;
        // What the last pull brought: a config is judged and, if accepted,
        // applied here, between frames, without a restart.
        configs->poll();
        if (configs->generation() != configGeneration) applyConfig();
        StatusInfo s = status;
        syncLink->fill(s);
        if (!(s == status)) {
            status = s;
            pacer.redraw();
        }
    }
    if (idle.tick()) pacer.redraw();
    warmAhead(now);
}

void App::Impl::refreshAlerts(std::int64_t now) {
    if (!ctx->domain) return;
    // Whoever acts now signs the ops: staff acting for the elder (代办), or
    // the staff on duty on the staff screens.
    // (On the staff screens it stays as the PIN step set it.)
    if (!session.actingStaffId().empty()) ctx->domain->staffId = session.actingStaffId();
    else if (router.current().rfind("staff", 0) != 0) ctx->domain->staffId.clear();
    if (now < nextAlertPollMs && now < nextChimeMs) return;
    if (now >= nextAlertPollMs) {
        nextAlertPollMs = now + kAlertPollMs;
        const auto open = domain::openHelpCalls(*ctx->domain);
        bool fresh = false;
        std::vector<std::string> ids;
        for (const auto& a : open) {
            ids.push_back(a.id);
            fresh = fresh || std::find(alertIds.begin(), alertIds.end(), a.id) == alertIds.end();
        }
        alertIds = std::move(ids);
        std::string words;
        if (!open.empty()) {
            const auto& a = open.back();  // the newest
            std::string who;
            if (!a.member_id.empty())
                if (auto m = domain::memberById(ctx->domain->db, a.member_id)) who = domain::maskName(m->name);
            words = strings.format("alert." + a.kind, {{"name", who.empty() ? strings.get("alert.someone") : who},
                                                       {"screen", a.screen}});
            if (open.size() > 1) words += strings.format("alert.more", {{"count", std::to_string(open.size())}});
            ctx->addText(words);
        }
        if (words != ctx->alert) {
            ctx->alert = words;
            pacer.redraw();
        }
        if (fresh) nextChimeMs = now;  // a new one chimes at once
    }
    if (!alertIds.empty() && now >= nextChimeMs) {
        nextChimeMs = now + kAlertChimeMs;
        ctx->playSound(screens::Feedback::Info);
        pacer.wake();
    } else if (alertIds.empty()) {
        nextChimeMs = now + kAlertChimeMs;
    }
}

// The string table, to rasterize ahead: every word at body size, the short
// ones (titles, labels) at title size.
void App::Impl::queueTableWarm() {
    std::string shortWords = status.stationName;
    for (const auto& key : strings.keys())
        if (const std::string& v = strings.get(key); codepointCount(v) <= 12) shortWords += v;
    warmQueue.push_back({FontRole::Body, strings.allText() + status.stationName, 0});
    warmQueue.push_back({FontRole::Title, std::move(shortWords), 0});
}

// Text the kiosk will show, rasterized a chunk at a time while nothing is
// drawn, never evicting (Fonts::warm): the string table, then the names the
// station expects today (domain::expectedNames), so the frame that answers
// their card finds their glyphs in the page. First of all, the page is taken
// to its full size.
void App::Impl::warmAhead(std::int64_t now) {
    if (!ctx->domain || now < nextWarmMs) return;
    nextWarmMs = now + kWarmEveryMs;
    if (expectedLoadedMs < 0 || now - expectedLoadedMs > kExpectedReloadMs) {
        std::string names;
        for (const std::string& name : domain::expectedNames(*ctx->domain, kExpectedNames)) names += name;
        warmQueue.push_back({FontRole::Body, names, 0});
        warmQueue.push_back({FontRole::Title, std::move(names), 0});
        expectedLoadedMs = now;
    }
    if (pacer.wantsFrame()) return;
    // The page's full size first: a growth (the 2048x2048 texture made, every
    // glyph in the page rasterized and sent again) is then never on the frame
    // that answers a card.
    if (fonts.pageRows() < Fonts::kPageSide) {
        fonts.reserveAll();
        uploadGlyphs();
        return;
    }
    if (warmQueue.empty()) return;
    // A chunk a tick: well under a millisecond of FreeType each glyph.
    WarmItem& item = warmQueue.front();
    const std::u32string cps = decodeUtf8(std::string_view(item.text).substr(item.at, 64 * 4));
    std::string chunk;
    for (std::size_t i = 0; i < cps.size() && i < 64; ++i) chunk += encodeUtf8(cps[i]);
    item.at += chunk.size();
    fonts.warm(item.role, chunk, 64);
    if (item.at >= item.text.size()) warmQueue.pop_front();
    uploadGlyphs();
    // Start-up's last work done: from here the kiosk is idle (bench_startup
    // measures idle CPU after this line).
    if (warmQueue.empty() && opt.printTimings && !warmedReported) {
        warmedReported = true;
        std::printf("kiosk: warmed ahead: %d glyphs in the page (%dx%d)\n", fonts.stats().glyphs, fonts.stats().width,
                    fonts.stats().height);
        std::fflush(stdout);
    }
}

// The running configuration into the shell: idle timer, flows, banner,
// check-in mode, text size (only when the district changes it, never over an
// elder's own choice otherwise), station name, sync interval.
void App::Impl::applyConfig() {
    configGeneration = configs->generation();
    const auto cfg = configs->current();
    // --idle-seconds (tests, development) wins over the configuration.
    const std::int64_t idleS = opt.idleSeconds > 0 ? opt.idleSeconds : cfg->idleTimeoutSeconds;
    idle.timer().setConfig({idleS * 1000, std::int64_t(cfg->idleCountdownSeconds) * 1000});
    ctx->flowsOff.clear();
    const std::pair<bool, const char*> flows[] = {{cfg->flows.checkin, screens::ids::kCheckin},
                                                  {cfg->flows.meals, screens::ids::kMeals},
                                                  {cfg->flows.activities, screens::ids::kActivities},
                                                  {cfg->flows.timebank, screens::ids::kTimeBank},
                                                  {cfg->flows.help, screens::ids::kHelp}};
    for (const auto& [on, id] : flows)
        if (!on) ctx->flowsOff.push_back(id);
    ctx->announcement = cfg->announcement;
    ctx->languages = cfg->languages;
    // Nobody at the screen: the district's default language now.
    if (!session.active() && router.current() == screens::ids::kWelcome) ctx->setLanguage("");
    ctx->emergencyNumber = cfg->emergency.button ? cfg->emergency.number : "";
    ctx->tapToCheckin = opt.tapToCheckin || cfg->checkinMode == config::CheckinMode::TapToCheckin;
    // --text-size (tests, the tour) wins over the district's default.
    if (opt.textSize.empty() && configTextSize && *configTextSize != cfg->defaultTextSize)
        setTextSize(cfg->defaultTextSize == config::TextSize::XLarge ? TextSize::ExtraLarge
                    : cfg->defaultTextSize == config::TextSize::Large ? TextSize::Large
                                                                       : TextSize::Standard);
    configTextSize = cfg->defaultTextSize;
    if (!cfg->stationName.empty()) {
        status.stationName = cfg->stationName;
    }
    if (syncLink) syncLink->setInterval(configs->syncInterval());
    pacer.wake();
}

void App::Impl::applyNavigation() {
    bool changed = router.apply([this](const std::string& from, const std::string& to) {
        for (auto& s : screenList)
            if (s->id() == from) s->onLeave();
        for (auto& s : screenList)
            if (s->id() == to) s->onEnter();
    });
    if (changed) {
        idle.tick();
        pacer.wake();
    }
}

// ---------------------------------------------------------------- [frame]

// Frames before this one are start-up: their costs are not the kiosk's in use.
constexpr std::uint64_t kStartupFrames = 3;
constexpr double kSlowFrameMs = 50;  // DESIGN.md: a frame within 50 ms

void App::Impl::ensureFonts() {
    if (fonts.hasSizes(theme.m().bodyPx, theme.m().titlePx)) return;
    // A new text size: the page starts again (glyphs come as they are drawn).
    auto t = Steady::now();
    fonts.setSizes(theme.m().bodyPx, theme.m().titlePx);
    if (frames >= kStartupFrames) atlasRebuildMsMax = std::max(atlasRebuildMsMax, msSince(t));
    // What was rasterized ahead is gone with the old size: again, while idle.
    warmQueue.clear();
    queueTableWarm();
    expectedLoadedMs = -1;
}

// The glyphs placed since the last frame go to the GL texture; a page that
// grew gets a texture of its new size first. True if it grew: what was laid
// out before has the old texture coordinates.
bool App::Impl::uploadGlyphs() {
    const bool grew = fonts.takeGrown();
    if (grew) platform->sizeGlyphTexture(glyphTexture, Fonts::kPageSide, fonts.pageRows());
    for (const Fonts::Upload& u : fonts.takeUploads())
        platform->updateGlyphTexture(glyphTexture, u.x, u.y, u.w, u.h, u.pixels.data());
    return grew;
}

void App::Impl::setTextSize(TextSize size) {
    textSize = size;
    int w = 0, h = 0;
    platform->windowSize(w, h);
    theme = Theme::make(w, h, size);
    applyImGuiStyle(theme);
    pacer.wake();
}

void App::Impl::resized() {
    int w = 0, h = 0;
    platform->windowSize(w, h);
    if (w == theme.width() && h == theme.height()) return;
    theme = Theme::make(w, h, textSize);
    applyImGuiStyle(theme);
}

void App::Impl::drawFrame() {
    const auto tStart = Steady::now();
    try {
        ensureFonts();
    } catch (const std::exception& e) {
        // Keep the atlas we have; a missing glyph shows as a box, the kiosk stays up.
        std::fprintf(stderr, "kiosk: font rebuild failed: %s\n", e.what());
    }
    uploadGlyphs();  // what was rasterized between frames (a grown page before it is used)
    auto tFrame = Steady::now();
    platform->rendererNewFrame();  // the first call makes its device objects (and uploads ImGui's own small atlas)
    if (!gpuReady) tGpuInit = msSince(tFrame);
    gpuReady = true;
    // Everything draws from the glyph page: text, and shapes from its white
    // block (which moves in texture coordinates when the page grows). One
    // texture a frame: far fewer draw calls on a software renderer.
    ImGuiIO& fio = ImGui::GetIO();
    fio.Fonts->SetTexID(fonts.container()->TexID);
    const auto [whiteU, whiteV] = fonts.whiteUv();
    fio.Fonts->TexUvWhitePixel = ImVec2(whiteU, whiteV);
    fonts.beginFrame(frames + 1);
    fonts.takeWorkMs();

    ImGuiIO& io = ImGui::GetIO();
    int w = 0, h = 0, dw = 0, dh = 0;
    platform->windowSize(w, h);
    platform->drawableSize(dw, dh);
    io.DisplaySize = ImVec2(float(w), float(h));
    if (w > 0 && h > 0) io.DisplayFramebufferScale = ImVec2(float(dw) / float(w), float(dh) / float(h));
    auto now = Steady::now();
    io.DeltaTime = std::clamp(float(std::chrono::duration<double>(now - lastFrameTime).count()), 1e-4f, 1.0f);
    lastFrameTime = now;
    PointerQueue::State p = pointer.next();
    io.MousePos = ImVec2(p.x, p.y);
    io.MouseDown[0] = p.down;
    if (pointer.pending()) pacer.wake();  // one button change per frame: more frames owed

    ImGui::NewFrame();
    registry.beginFrame();
    ui->begin(theme);
    constexpr ImGuiWindowFlags kFull = ImGuiWindowFlags_NoDecoration | ImGuiWindowFlags_NoMove |
                                       ImGuiWindowFlags_NoSavedSettings | ImGuiWindowFlags_NoBackground |
                                       ImGuiWindowFlags_NoScrollWithMouse;
    try {
        ImGui::SetNextWindowPos(ImVec2(0, 0));
        ImGui::SetNextWindowSize(io.DisplaySize);
        ImGui::Begin("##screen", nullptr, kFull | ImGuiWindowFlags_NoBringToFrontOnFocus);
        current().draw();
        // Closed (opening_hours): the corner only where the district leaves staff mode on.
        if (router.current() == screens::ids::kWelcome &&
            (!ctx->domain || domain::openState(*ctx->domain->running(), clock.now()).open ||
             ctx->domain->running()->whenClosed.staffMode))
            screens::drawStaffCorner(*ctx);
        ImGui::End();
        if (textSizeOpen) {
            registry.occludeAll();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(io.DisplaySize);
            ImGui::SetNextWindowFocus();
            ImGui::Begin("##textsize", nullptr, kFull);
            const screens::TextSizeChoice choice = screens::drawTextSizeChooser(*ctx);
            if (choice.size) setTextSize(*choice.size);
            if (choice.size || choice.close) {
                textSizeOpen = false;
                pacer.wake();
            }
            ImGui::End();
        }
        if (result.visible) {
            registry.occludeAll();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(io.DisplaySize);
            ImGui::SetNextWindowFocus();
            ImGui::Begin("##result", nullptr, kFull);
            if (screens::drawResultOverlay(*ctx, result.kind, result.title, result.detail)) {
                result.visible = false;
                pacer.wake();
            }
            ImGui::End();
        }
        if (idle.overlayVisible()) {
            registry.occludeAll();
            ImGui::SetNextWindowPos(ImVec2(0, 0));
            ImGui::SetNextWindowSize(io.DisplaySize);
            ImGui::SetNextWindowFocus();
            ImGui::Begin("##idle", nullptr, kFull);
            if (screens::drawIdleOverlay(*ctx, idle.secondsLeft())) idle.onInput();
            ImGui::End();
        }
        registry.endFrame();
        frameErrorsInRow = 0;
        audit();
    } catch (const std::exception& e) {
        // A screen threw: close what it left open, keep the kiosk running.
        ImGui::ErrorCheckEndFrameRecover(nullptr);
        registry.abandonFrame();
        std::fprintf(stderr, "kiosk: screen '%s' failed to draw: %s\n", router.current().c_str(), e.what());
        ctx->showNotice(strings.get("notice.frame_error"));
        if (++frameErrorsInRow >= kMaxFrameErrorsInRow) {
            frameErrorsInRow = 0;
            session.clear();
            router.reset(router.root());
        }
    }
    ImGui::Render();
    if (frames == 0) tFirstBuild = msSince(tFrame) - tGpuInit;
    // This frame's new glyphs: rasterized while it was laid out, sent now.
    const auto tGlyphs = Steady::now();
    if (uploadGlyphs()) {
        // The page grew while this frame was laid out: the glyphs placed
        // before that point at the old texture coordinates. Not shown; laid
        // out again at once (at most twice a text size: 512, 1024, 2048 rows).
        pacer.redraw();
        return;
    }
    const double glyphMs = fonts.takeWorkMs() + msSince(tGlyphs);
    if (frames >= kStartupFrames) atlasRebuildMsMax = std::max(atlasRebuildMsMax, glyphMs);

    auto tRender = Steady::now();
    const Rgb bg = theme.c().page;
    platform->clear(float(bg.r) / 255.f, float(bg.g) / 255.f, float(bg.b) / 255.f);
    platform->rendererDraw(ImGui::GetDrawData());
    // The driver asks only once the kiosk has settled: this frame shows that state.
    double screenshotMs = 0;
    if (screenshotRequested) {
        const auto tShot = Steady::now();
        int sw = 0, sh = 0;
        auto rgb = platform->readBackBuffer(sw, sh);
        screenshotError = writePng(screenshotPath, rgb, sw, sh);
        screenshotRequested = false;
        screenshotMs = msSince(tShot);  // the driver's, not the frame's
    }
    if (frames == 0) tFirstRender = msSince(tRender);
    const double renderMs = msSince(tRender) - screenshotMs;
    const auto tSwap = Steady::now();
    platform->swap();
    if (frames == 0) tFirstSwap = msSince(tRender) - tFirstRender;
    pacer.frameDrawn();
    ++frames;
    if (frames > kStartupFrames) {
        const double ms = msSince(tStart) - screenshotMs;
        frameStats.add(ms);
        swapStats.add(msSince(tSwap));
        // A frame over the budget (DESIGN.md: 50 ms) says where its time went.
        if (ms > kSlowFrameMs)
            std::fprintf(stderr, "kiosk: slow frame on '%s': %.1f ms (fonts %.1f, build %.1f, glyphs %.1f, draw %.1f, swap %.1f)\n",
                         router.current().c_str(), ms, std::chrono::duration<double, std::milli>(tFrame - tStart).count(),
                         std::chrono::duration<double, std::milli>(tGlyphs - tFrame).count(), glyphMs, renderMs,
                         msSince(tSwap));
    }
    if (frames == 1 && opt.printTimings) printTimings();
    if (frames == 1) {
        platform->enterFullscreen();
        startSync();
    }
    // Settled after start-up: the shader JIT's and the first frames' scratch
    // memory can go back to the system.
    if (frames == 3) malloc_trim(0);
}

// Every frame is audited: its glyphs were rasterized before it was measured.
void App::Impl::audit() {
    const auto found = auditFrame(registry.lastFrame(), {theme.m().touchMin, theme.m().targetGap});
    for (const Violation& v : found) {
        const std::string line = v.line(router.current());
        if (opt.strictLayout) {
            std::fprintf(stderr, "kiosk: %s\n", line.c_str());
            if (layoutViolations.empty()) layoutViolations.push_back(line);
            exitCode = 3;
            running = false;
            return;
        }
        if (layoutViolations.size() < 100 &&
            std::find(layoutViolations.begin(), layoutViolations.end(), line) == layoutViolations.end()) {
            std::fprintf(stderr, "kiosk: %s\n", line.c_str());
            layoutViolations.push_back(line);
        }
    }
}

// ---------------------------------------------------------------- [answers]

void App::Impl::showResult(screens::Feedback kind, std::string title, std::string detail) {
    result.visible = true;
    result.shownOnce = true;
    result.kind = kind;
    result.title = std::move(title);
    result.detail = std::move(detail);
    result.until = clock.monotonicMs() + kResultMs;
    result.expiries = idle.expiries();
    ctx->playSound(kind);
    pacer.wake();
}

bool App::Impl::requireMember(const std::string& screenId) {
    if (session.active()) return true;
    ctx->identifyReturnTo = screenId;
    ctx->identifyProblemKey.clear();
    // The flow gives way to identify, so Back from identify does not land on
    // a flow that would only send the elder to identify again.
    if (router.current() == screenId) router.back();
    router.push(screens::ids::kIdentify);
    return false;
}

void App::Impl::readAloud() {
    std::string text;
    auto add = [&](const std::string& t) {
        if (t.empty()) return;
        if (!text.empty()) text += "\n";
        text += t;
    };
    if (result.visible) {
        add(result.title);
        add(result.detail);
    } else {
        // The screen's title, then what its content drew (texts and choices)
        // in drawing order: content comes first in a frame, then the top bar,
        // which starts with 朗读 itself (screens/screen.cpp).
        const std::string& marker = strings.get("nav.read");
        const std::string title = current().title();
        add(title);
        std::vector<std::string> seen;
        for (const auto& t : registry.texts()) {
            if (t == marker) break;
            if (t == title || std::find(seen.begin(), seen.end(), t) != seen.end()) continue;
            seen.push_back(t);
            add(t);
        }
    }
    // The session's voice (chosen beside the language), else the language's.
    const std::string voice = strings.lang() == "en"        ? "en"
                              : !ctx->readVoice.empty()     ? ctx->readVoice
                              : strings.lang() == "zh-HK"   ? "yue"
                                                            : "cmn";
    const bool started = speech.speak(text, voice);
    if (!speech.available()) ctx->showNotice(strings.get("read.unavailable"));
    else if (!started) ctx->showNotice(strings.get("read.failed"));
}

// ---------------------------------------------------------------- [exit]

void App::Impl::writeState() const {
    if (opt.stateOut.empty()) return;
    KioskState st;
    st.screen = router.current();
    if (session.active()) st.memberId = session.memberId();
    st.textSize = textSizeName(textSize);
    st.lang = strings.lang();
    st.idleOverlay = idle.overlayVisible();
    st.idleExpiries = idle.expiries();
    st.cardSwipes = cardSwipes;
    st.sounds = sound.played();
    st.reads = speech.spoken();
    st.readVoices = speech.voices();
    st.speechAvailable = speech.available();
    if (result.shownOnce) st.lastResult = KioskState::Result{screens::feedbackName(result.kind), result.title, result.detail, result.visible};
    st.frames = frames;
    const auto& fs = fonts.stats();
    st.atlas = {fs.width, fs.height, fs.glyphs, fs.builds, int(fs.evicted)};
    st.layoutViolations = layoutViolations;
    st.memoryKb = memoryKb;
    st.frameMsMax = frameStats.max();
    auto spread = [](const FrameStats& f) {
        return KioskState::Spread{f.count(), f.quantile(0.5), f.quantile(0.95), f.quantile(0.99), f.max()};
    };
    st.frameMs = spread(frameStats);
    st.swapMs = spread(swapStats);
    st.atlasRebuildMsMax = atlasRebuildMsMax;
    writeStateFile(opt.stateOut, st);
}

void App::Impl::printTimings() const {
    const auto& fs = fonts.stats();
    const auto mono = std::chrono::duration_cast<std::chrono::nanoseconds>(Steady::now().time_since_epoch()).count();
    std::printf(
        "kiosk timings: first_frame_ms=%.1f strings_ms=%.1f store_ms=%.1f sdl_init_ms=%.1f window_gl_ms=%.1f "
        "fonts_thread_ms=%.1f fonts_wait_ms=%.1f imgui_ms=%.1f gpu_init_ms=%.1f frame_build_ms=%.1f "
        "frame_render_ms=%.1f swap_ms=%.1f atlas=%dx%d atlas_build_ms=%.1f glyphs=%d "
        "gl=\"%s\" first_frame_mono_ns=%lld\n",
        msSince(processStart), tStrings, tStore, tSdl, tWindow, tFontsThread, tFontsWait, tImgui, tGpuInit,
        tFirstBuild, tFirstRender, tFirstSwap, fs.width, fs.height, fs.buildMs, fs.glyphs,
        platform->glDescription().c_str(), static_cast<long long>(mono));
    std::fflush(stdout);
}

// ---------------------------------------------------------------- App

App::App(Options options, Steady::time_point processStart)
    : impl_(std::make_unique<Impl>(std::move(options), processStart)) {
    impl_->appOf = this;
}

App::~App() = default;

int App::run() {
    int rc = impl_->start();
    if (rc != 0) return rc;
    impl_->loop();
    impl_->writeState();
    return impl_->exitCode;
}

App::Hooks& App::hooks() { return impl_->hooks; }
store::Database& App::database() { return *impl_->db; }
std::shared_ptr<const config::StationConfig> App::runningConfig() const {
    return impl_->configs ? impl_->configs->current() : nullptr;
}
Session& App::session() { return impl_->session; }
Router& App::router() { return impl_->router; }
const Strings& App::strings() const { return impl_->strings; }
screens::Context& App::context() { return *impl_->ctx; }
SyncLink* App::sync() { return impl_->syncLink.get(); }
void App::showNotice(std::string text) { impl_->ctx->showNotice(std::move(text)); }

}  // namespace shell

