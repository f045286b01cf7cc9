// script.h — the kiosk's test script: one step per line (docs/SCRIPTS.md).
//
//   tap ID                 press and release at the widget's centre
//   hold ID MS             press at the widget's centre, keep it down MS ms, release
//   scroll_to ID           drag its list with a finger until the widget shows
//                          whole (as staff would swipe), at most 8 drags
//   type TEXT              type as a card reader: fast keys, then Enter
//   key NAME               one key (SDL key name: Return, Escape, A ...)
//   wait MS                real time passes; the loop keeps drawing
//   wait_for ID [MS]       until the widget is on screen (default 5000 ms)
//   expect_screen ID       the current screen's id
//   expect_text TEXT       some text drawn whole in the last frame (not cut,
//                          covered or under an overlay) contains TEXT
//   expect_string KEY      ... contains the string table's text for KEY, in the
//                          kiosk's language ({placeholders} match anything)
//   wait_string KEY        until it does (10 s at most)
//   expect_whole PREFIX N  at least N widgets whose id starts with PREFIX lie
//                          wholly on screen (not scrolled away, covered or cut off)
//   screenshot FILE.png    the next settled frame, as PNG
//   size WxH               resize the window
//   idle_advance SECONDS   move the kiosk's clock (idle timeout tests)
//   memory LABEL           note the kiosk's resident memory now (the state file's memory_kb)
//   quit                   stop, exit 0
// '#' starts a comment line; blank lines are skipped.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace shell {

struct ScriptStep {
    enum class Op {
        Tap, Hold, ScrollTo, Type, Key, Wait, WaitFor, WaitText, ExpectScreen, ExpectText, ExpectAbsent,
        ExpectString, WaitString, ExpectWhole, ExpectList, Memory, Screenshot, Size, IdleAdvance, SyncNow, Quit
    };
    Op op = Op::Quit;
    std::string arg;        // id, text, key name, file
    std::int64_t a = 0;     // ms (wait, wait_for timeout, hold, idle_advance), width (size)
    std::int64_t b = 0;     // height (size)
    int line = 0;
};

class ScriptError : public std::runtime_error {
public:
    ScriptError(int line, const std::string& message)
        : std::runtime_error("line " + std::to_string(line) + ": " + message), line_(line) {}
    int line() const { return line_; }

private:
    int line_;
};

// Throws ScriptError naming the line of the first bad step.
std::vector<ScriptStep> parseScript(std::string_view text);
// Does `text` contain the string-table text `pattern`, its {placeholders}
// matching anything? ("已签到 200 人" matches "已签到 {count} 人".)
bool matchesPattern(std::string_view text, std::string_view pattern);
const char* opName(ScriptStep::Op op);

}  // namespace shell
