#include "shell/driver/script.h"

#include <charconv>
#include <cmath>

namespace shell {
namespace {

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

std::int64_t parseInt(std::string_view s, int line, const char* what) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size() || v < 0)
        throw ScriptError(line, std::string("expected ") + what + ", got '" + std::string(s) + "'");
    return v;
}

}  // namespace

const char* opName(ScriptStep::Op op) {
    using Op = ScriptStep::Op;
    switch (op) {
        case Op::Tap: return "tap";
        case Op::Hold: return "hold";
        case Op::ScrollTo: return "scroll_to";
        case Op::Type: return "type";
        case Op::Key: return "key";
        case Op::Wait: return "wait";
        case Op::WaitText: return "wait_text";
        case Op::ExpectAbsent: return "expect_absent";
        case Op::SyncNow: return "sync_now";
        case Op::WaitFor: return "wait_for";
        case Op::ExpectScreen: return "expect_screen";
        case Op::ExpectText: return "expect_text";
        case Op::ExpectString: return "expect_string";
        case Op::WaitString: return "wait_string";
        case Op::ExpectWhole: return "expect_whole";
        case Op::ExpectList: return "expect_list";
        case Op::Memory: return "memory";
        case Op::Screenshot: return "screenshot";
        case Op::Size: return "size";
        case Op::IdleAdvance: return "idle_advance";
        case Op::Quit: return "quit";
    }
    return "?";
}

bool matchesPattern(std::string_view text, std::string_view pattern) {
    // The literal pieces between placeholders, in order.
    std::vector<std::string_view> pieces;
    while (!pattern.empty()) {
        const std::size_t open = pattern.find('{');
        const std::size_t close = open == std::string_view::npos ? open : pattern.find('}', open);
        if (close == std::string_view::npos) {
            pieces.push_back(pattern);
            break;
        }
        if (open > 0) pieces.push_back(pattern.substr(0, open));
        pattern = pattern.substr(close + 1);
    }
    std::size_t at = 0;
    for (std::string_view p : pieces) {
        const std::size_t found = text.find(p, at);
        if (found == std::string_view::npos) return false;
        at = found + p.size();
    }
    return true;
}

std::vector<ScriptStep> parseScript(std::string_view text) {
    using Op = ScriptStep::Op;
    std::vector<ScriptStep> steps;
    int lineNo = 0;
    while (!text.empty()) {
        std::size_t nl = text.find('\n');
        std::string_view line = trim(text.substr(0, nl));
        text = nl == std::string_view::npos ? std::string_view() : text.substr(nl + 1);
        ++lineNo;
        if (line.empty() || line.front() == '#') continue;

        std::size_t sp = line.find_first_of(" \t");
        std::string_view verb = line.substr(0, sp);
        std::string_view rest = sp == std::string_view::npos ? std::string_view() : trim(line.substr(sp));
        ScriptStep st;
        st.line = lineNo;
        auto needArg = [&](const char* what) {
            if (rest.empty()) throw ScriptError(lineNo, std::string(verb) + " needs " + what);
        };
        auto single = [&](const char* what) {
            needArg(what);
            if (rest.find_first_of(" \t") != std::string_view::npos)
                throw ScriptError(lineNo, std::string(verb) + " takes one " + what);
            st.arg = std::string(rest);
        };

        if (verb == "tap") {
            st.op = Op::Tap;
            single("a widget id");
        } else if (verb == "scroll_to") {
            st.op = Op::ScrollTo;
            single("a widget id");
        } else if (verb == "hold") {
            st.op = Op::Hold;
            needArg("a widget id and milliseconds");
            std::size_t s2 = rest.find_first_of(" \t");
            if (s2 == std::string_view::npos) throw ScriptError(lineNo, "hold needs a widget id and milliseconds");
            st.arg = std::string(rest.substr(0, s2));
            st.a = parseInt(trim(rest.substr(s2)), lineNo, "milliseconds");
        } else if (verb == "type") {
            st.op = Op::Type;
            needArg("text");
            st.arg = std::string(rest);
        } else if (verb == "key") {
            st.op = Op::Key;
            needArg("a key name");
            st.arg = std::string(rest);
        } else if (verb == "wait") {
            st.op = Op::Wait;
            needArg("milliseconds");
            st.a = parseInt(rest, lineNo, "milliseconds");
        } else if (verb == "wait_for") {
            st.op = Op::WaitFor;
            needArg("a widget id");
            std::size_t s2 = rest.find_first_of(" \t");
            st.arg = std::string(rest.substr(0, s2));
            st.a = s2 == std::string_view::npos ? 5000 : parseInt(trim(rest.substr(s2)), lineNo, "a timeout in ms");
        } else if (verb == "wait_text") {
            // Until some drawn text contains TEXT (10 s at most): data that
            // arrives by sync, e.g. a pushed announcement.
            st.op = Op::WaitText;
            needArg("text");
            st.arg = std::string(rest);
            st.a = 10000;
        } else if (verb == "expect_absent") {
            st.op = Op::ExpectAbsent;
            single("a widget id");
        } else if (verb == "sync_now") {
            st.op = Op::SyncNow;
            if (!rest.empty()) throw ScriptError(lineNo, "sync_now takes no argument");
        } else if (verb == "expect_screen") {
            st.op = Op::ExpectScreen;
            single("a screen id");
        } else if (verb == "expect_text") {
            st.op = Op::ExpectText;
            needArg("text");
            st.arg = std::string(rest);
        } else if (verb == "expect_string") {
            st.op = Op::ExpectString;
            single("a string key");
        } else if (verb == "wait_string") {
            st.op = Op::WaitString;
            single("a string key");
            st.a = 10000;
        } else if (verb == "expect_list") {
            st.op = Op::ExpectList;
            single("a widget id prefix");
        } else if (verb == "expect_whole") {
            st.op = Op::ExpectWhole;
            needArg("a widget id prefix and a count");
            std::size_t s2 = rest.find_first_of(" \t");
            if (s2 == std::string_view::npos) throw ScriptError(lineNo, "expect_whole needs a widget id prefix and a count");
            st.arg = std::string(rest.substr(0, s2));
            st.a = parseInt(trim(rest.substr(s2)), lineNo, "a count");
        } else if (verb == "memory") {
            st.op = Op::Memory;
            single("a label");
        } else if (verb == "screenshot") {
            st.op = Op::Screenshot;
            single("a file name");
        } else if (verb == "size") {
            st.op = Op::Size;
            needArg("WxH");
            std::size_t x = rest.find('x');
            if (x == std::string_view::npos) throw ScriptError(lineNo, "size needs WxH, e.g. 1080x1920");
            st.a = parseInt(rest.substr(0, x), lineNo, "a width");
            st.b = parseInt(rest.substr(x + 1), lineNo, "a height");
            if (st.a < 320 || st.b < 320) throw ScriptError(lineNo, "size is too small (at least 320x320)");
        } else if (verb == "idle_advance") {
            st.op = Op::IdleAdvance;
            needArg("seconds");
            double secs = 0;
            auto [p, ec] = std::from_chars(rest.data(), rest.data() + rest.size(), secs);
            if (ec != std::errc() || p != rest.data() + rest.size() || secs < 0)
                throw ScriptError(lineNo, "expected seconds, got '" + std::string(rest) + "'");
            st.a = std::llround(secs * 1000);
        } else if (verb == "quit") {
            st.op = Op::Quit;
            if (!rest.empty()) throw ScriptError(lineNo, "quit takes no argument");
        } else {
            throw ScriptError(lineNo, "unknown step '" + std::string(verb) + "'");
        }
        steps.push_back(std::move(st));
    }
    return steps;
}

}  // namespace shell
