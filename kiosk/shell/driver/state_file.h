// state_file.h — what the kiosk reached, written on exit with --state-out
// (docs/SCRIPTS.md): the screen, who was identified, the text size, the idle
// guard, the answers shown, the font atlas, the layout audit's findings, and
// the longest frame. Tests compare its fields (tests/e2e/e2e_check state).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <utility>
#include <vector>

namespace shell {

struct KioskState {
    std::string screen;
    std::optional<std::string> memberId;
    std::string textSize, lang;
    bool idleOverlay = false;
    int idleExpiries = 0;
    int cardSwipes = 0;
    std::vector<std::string> sounds, reads;
    std::vector<std::string> readVoices;  // the espeak-ng voice of each read (cmn, yue, en)
    bool speechAvailable = false;
    struct Result {
        std::string kind, title, detail;
        bool visible = false;
    };
    std::optional<Result> lastResult;
    std::uint64_t frames = 0;
    struct Atlas {
        int width = 0, height = 0, glyphs = 0, builds = 0, evicted = 0;
    } atlas;
    // One line per violation found (audit.h), each once; at most 100.
    std::vector<std::string> layoutViolations;
    std::vector<std::pair<std::string, long>> memoryKb;  // the script's `memory` steps: VmRSS
    double frameMsMax = 0;         // the longest frame after start-up
    // The frames after start-up, whole and their display swap alone.
    struct Spread {
        std::uint64_t count = 0;
        double p50 = 0, p95 = 0, p99 = 0, max = 0;
    } frameMs, swapMs;
    double atlasRebuildMsMax = 0;  // the longest atlas rebuild after start-up
};

std::string stateJson(const KioskState& s);
// Writes stateJson() to `path`; false (and a line on stderr) when it cannot.
bool writeStateFile(const std::string& path, const KioskState& s);

}  // namespace shell
