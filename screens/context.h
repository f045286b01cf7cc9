// context.h — what a screen may use: the shell's services, by reference.
//
// Screens lay out with `ui` (its measured stack), read words from `strings`,
// navigate with `router`, read who is here from `session`. They never touch
// SQLite, curl, SDL or ImGui.
// Domain services (members, check-ins, meals, activities, time bank) are
// added here as the domain layer lands, so every screen reaches them the same way.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "config/station_config.h"
#include "core/clock.h"
#include "domain/context.h"
#include "shell/app/router.h"
#include "shell/app/session.h"
#include "shell/app/status_info.h"
#include "shell/ui/strings.h"
#include "shell/ui/theme.h"
#include "shell/ui/ui.h"

namespace screens {

// What a finished action tells the elder: a full-screen answer with an icon,
// words and a sound (DESIGN.md: a clear success or failure screen after every
// action; state never by colour alone).
enum class Feedback { Success, Failure, Info };

// What staff see on 站点状态 besides the sync state (StatusInfo) and the op log.
struct StationInfo {
    std::string appVersion;
    std::int64_t configVersion = 0;  // 0: the built-in defaults
    std::int64_t freeDiskMb = -1;    // of the data directory; -1 unknown
    std::string dataDir;             // where staff exports go (DATA_DIR/exports)
    std::string stationName;         // as enrolled ("" before)
};

struct Context {
    shell::Ui& ui;
    const shell::Strings& strings;
    shell::Router& router;
    shell::Session& session;
    const core::Clock& clock;
    const shell::StatusInfo& status;
    // A short message shown above the status bar ("" when none); set with showNotice.
    const std::string& notice;
    // The text-size switch (top bar): rebuilds the fonts between frames.
    std::function<void(shell::TextSize)> setTextSize;
    // Shows a short message for a few seconds (text from the string table).
    std::function<void(std::string)> showNotice;
    // Text from data (names, menus) about to be shown: adds its characters to
    // the font atlas ahead of time so it never shows a missing glyph.
    std::function<void(std::string_view)> addText;
    // After a domain action committed: ask the background sync for a cycle
    // soon (never blocks; a no-op when the station is not enrolled).
    std::function<void()> syncNow;
    // The domain (members, check-ins, meals, activities, time bank, staff) on
    // the kiosk's database; set by the kiosk's onStart hook before the first
    // frame. Screens call its actions and never run SQL themselves.
    domain::Context* domain = nullptr;
    // Shows the full-screen answer to an action (icon, title, detail, sound)
    // over the current screen until tapped or a few seconds pass.
    std::function<void(Feedback, std::string title, std::string detail)> showResult;
    // A flow that needs to know who is here calls this in onEnter/drawContent:
    // true when an elder is identified; otherwise opens the identify screen,
    // which comes back to `screenId` once the elder is known.
    std::function<bool(const std::string& screenId)> requireMember;
    // Staff mode: the staff who may unlock it (PIN hashes of the running
    // config). Empty: staff mode cannot be unlocked.
    std::function<std::vector<config::StaffPin>()> staffPins = [] { return config::builtinDefaults().staffPins; };
    // Owe a few frames now: a screen waiting for a worker thread (the PIN
    // check) or timing a held target calls it every frame until done.
    std::function<void()> wake = [] {};
    // Station status for staff (app and config version, free disk).
    std::function<StationInfo()> stationInfo = [] { return StationInfo{}; };
    // The short success / failure / info tone alone (showResult plays it too),
    // for answers drawn on the screen itself (an unknown card on identify).
    std::function<void(Feedback)> playSound = [](Feedback) {};
    // Reads the current screen aloud (title, texts, choices), or the answer
    // overlay while it shows; a notice when speech is not installed.
    std::function<void()> readAloud = [] {};
    // Opens the text-size chooser over the screen (the top bar's 字号).
    std::function<void()> openTextSize = [] {};
    // A screen's title by its id, as the screen says it ("帮助" for "help");
    // the id itself for a screen this kiosk does not have.
    std::function<std::string(const std::string& screenId)> screenTitle = [](const std::string& id) { return id; };
    // A help call was made or handled: the staff's alert strip follows at
    // once, not at its next poll (two seconds of a stale red strip).
    std::function<void()> alertsChanged = [] {};
    // Tap-to-check-in: a card on the welcome screen checks the elder in at
    // once (the lead sets it from the pushed config). Default off.
    bool tapToCheckin = false;
    // From the running configuration (applied live by the shell): flows the
    // district turned off (their Home tiles are not shown) and the
    // announcement banner ("" when none).
    std::vector<std::string> flowsOff = {};
    std::string announcement = {};
    // Where the identify screen goes once the elder is known ("" = Home), set
    // by requireMember; and a problem it opens with (a string key, e.g. an
    // unknown card read on another screen). Read by identify and notices.
    std::string identifyReturnTo = {};
    std::string identifyProblemKey = {};
    // Open alerts (domain/help.h) as the strip words them: a help call, the
    // 紧急 button, a blocked card, a locked PIN pad. "" when none. Shown on
    // every screen over the announcement; a tap asks staff for their PIN and
    // opens the list where they deal with it.
    std::string alert = {};
    // Where staff mode opens once the PIN is right ("" its home).
    std::string staffThen = {};
    // The running configuration's languages (the first is the default; the
    // welcome screen offers a switch when there are several), and the switch
    // itself: the shell loads that table (and its glyphs) between frames.
    std::vector<std::string> languages = {};
    std::function<void(const std::string&)> setLanguage = [](const std::string&) {};
    // The read-aloud voice for the session (espeak-ng: cmn Mandarin, yue
    // Cantonese), chosen on the welcome screen beside the language; "" is the
    // language's own (zh-HK yue, en English, else cmn). Cleared with the session.
    std::string readVoice = {};
    // The 紧急 button (config emergency): the station's number, "" when off.
    std::string emergencyNumber = {};
};

}  // namespace screens
