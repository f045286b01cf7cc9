// app_input.cpp — what comes into the kiosk: SDL events (pointer queue,
// card-reader burst detector, keys to ImGui) and, for the script driver, the
// same events pushed into SDL's queue (ScriptHost).
//
// Index
//   [events]    handle, routeKey, onCard
//   [script]    ScriptHost: settled, tap, type, key, screenshot

#include <SDL.h>
#include <imgui.h>

#include <cstdio>
#include <fstream>
#include <string>

#include "shell/app/app_impl.h"
#include "shell/platform/keyboard.h"

namespace shell {

// ---------------------------------------------------------------- [events]

void App::Impl::handle(const SDL_Event& e) {
    switch (e.type) {
        case SDL_QUIT: running = false; return;
        case SDL_WINDOWEVENT:
            if (e.window.event == SDL_WINDOWEVENT_SIZE_CHANGED) resized();
            pacer.wake();  // exposed, shown, focus: redraw
            return;
        case SDL_MOUSEMOTION: {
            bool touch = e.motion.which == SDL_TOUCH_MOUSEID;
            pointer.motion(float(e.motion.x), float(e.motion.y), touch);
            // Hovering is not presence: only a held pointer keeps the session alive.
            if (e.motion.state & SDL_BUTTON_LMASK) idle.onInput();
            pacer.wake();
            return;
        }
        case SDL_MOUSEBUTTONDOWN:
        case SDL_MOUSEBUTTONUP:
            if (e.button.button != SDL_BUTTON_LEFT) return;
            pointer.button(float(e.button.x), float(e.button.y), e.type == SDL_MOUSEBUTTONDOWN,
                           e.button.which == SDL_TOUCH_MOUSEID);
            idle.onInput();
            pacer.wake();
            return;
        case SDL_MOUSEWHEEL:
            if (imguiReady) ImGui::GetIO().MouseWheel += float(e.wheel.y);
            idle.onInput();
            pacer.wake();
            return;
        case SDL_KEYDOWN:
        case SDL_KEYUP:
        case SDL_TEXTINPUT:
        case SDL_TEXTEDITING:
            idle.onInput();
            routeKey(e);
            pacer.wake();
            return;
        default: return;
    }
}

void App::Impl::routeKey(const SDL_Event& e) {
    using K = CardBurstDetector::Kind;
    K kind = K::Other;
    char digit = 0;
    if (e.type == SDL_TEXTINPUT) {
        const char* t = e.text.text;
        if (t[0] >= '0' && t[0] <= '9' && t[1] == 0) {
            kind = K::Digit;
            digit = t[0];
        } else if (t[0] > ' ' && t[0] <= '~' && t[1] == 0) {
            kind = K::Char;  // may be part of a QR scan ("ELDER:m-000001")
            digit = t[0];
        }
    } else if (e.type == SDL_KEYDOWN) {
        SDL_Keycode k = e.key.keysym.sym;
        if (k == SDLK_RETURN || k == SDLK_KP_ENTER) kind = K::Enter;
        else if ((k >= SDLK_0 && k <= SDLK_9) || (k >= SDLK_KP_1 && k <= SDLK_KP_0)) kind = K::DigitKey;
        else if (k > SDLK_SPACE && k <= SDLK_z && (e.key.keysym.mod & (KMOD_CTRL | KMOD_ALT | KMOD_GUI)) == 0)
            kind = K::DigitKey;  // a printable key: a scanner types these between the text events
        else if (k == SDLK_LSHIFT || k == SDLK_RSHIFT) kind = K::Passive;
    } else if (e.type == SDL_KEYUP) {
        kind = K::Passive;
    }

    ImGuiIO& io = ImGui::GetIO();
    // SDL stamps events when they arrive (32-bit ms): map onto the 64-bit
    // tick line so the gaps stay right across the 49-day wrap.
    const Uint64 now64 = SDL_GetTicks64();
    const std::int64_t at = std::int64_t(now64) - std::int64_t(Uint32(Uint32(now64) - e.common.timestamp));
    switch (cards.feed(kind, digit, at)) {
        case CardBurstDetector::Action::Hold: heldKeys.push_back(e); break;
        case CardBurstDetector::Action::Pass: feedImGuiKey(io, e); break;
        case CardBurstDetector::Action::ReleaseThenPass:
            releaseHeldKeys();
            feedImGuiKey(io, e);
            break;
        case CardBurstDetector::Action::ReleaseThenHold:
            releaseHeldKeys();
            heldKeys.push_back(e);
            break;
        case CardBurstDetector::Action::Card:
            heldKeys.clear();  // the number never reaches a text field
            onCard(cards.cardNumber());
            break;
        case CardBurstDetector::Action::Scan:
            heldKeys.clear();
            onScan(cards.scanText());
            break;
    }
}

void App::Impl::releaseHeldKeys() {
    ImGuiIO& io = ImGui::GetIO();
    for (auto& k : heldKeys) feedImGuiKey(io, k);
    heldKeys.clear();
}

void App::Impl::onCard(const std::string& cardNo) {
    ++cardSwipes;
    try {
        if (current().onCard(cardNo)) return;
        if (hooks.onCard) {
            hooks.onCard(*appOf, cardNo);
            return;
        }
        // No domain wired yet: the swipe is counted and otherwise ignored.
        // The number itself is personal data and never logged.
        std::fprintf(stderr, "kiosk: card read (%zu digits), no card handler\n", cardNo.size());
    } catch (const std::exception& ex) {
        std::fprintf(stderr, "kiosk: card handler failed: %s\n", ex.what());
        ctx->showNotice(strings.get("notice.frame_error"));
    }
}

void App::Impl::onScan(const std::string& text) {
    ++cardSwipes;
    try {
        if (current().onScan(text)) return;
        if (hooks.onScan) {
            hooks.onScan(*appOf, text);
            return;
        }
        std::fprintf(stderr, "kiosk: code scanned (%zu characters), no scan handler\n", text.size());
    } catch (const std::exception& ex) {
        std::fprintf(stderr, "kiosk: scan handler failed: %s\n", ex.what());
        ctx->showNotice(strings.get("notice.frame_error"));
    }
}

// ---------------------------------------------------------------- [script]

bool App::Impl::settled() const {
    return !pacer.wantsFrame() && !pointer.pending() && !cards.holding() &&
           !router.pending() && !screenshotRequested &&
           SDL_PeepEvents(nullptr, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) == 0;
}

// The script's finger: the events a touch panel produces through SDL
// (touch → mouse), for tap, hold and scroll_to.
namespace {

void pushMotion(std::uint32_t window, float x, float y, bool down) {
    SDL_Event e{};
    e.type = SDL_MOUSEMOTION;
    e.motion.windowID = window;
    e.motion.which = SDL_TOUCH_MOUSEID;
    e.motion.state = down ? SDL_BUTTON_LMASK : 0;
    e.motion.x = int(x);
    e.motion.y = int(y);
    SDL_PushEvent(&e);
}

void pushButton(std::uint32_t window, float x, float y, bool down) {
    SDL_Event e{};
    e.type = down ? SDL_MOUSEBUTTONDOWN : SDL_MOUSEBUTTONUP;
    e.button.windowID = window;
    e.button.which = SDL_TOUCH_MOUSEID;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = down ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = int(x);
    e.button.y = int(y);
    SDL_PushEvent(&e);
}

}  // namespace

void App::Impl::tapAt(float x, float y) {
    pressAt(x, y);
    releaseAt(x, y);
}

// The `hold` step: the same touch-down as a tap, the touch-up later.
void App::Impl::pressAt(float x, float y) {
    pushMotion(platform->windowId(), x, y, false);
    pushButton(platform->windowId(), x, y, true);
    pacer.wake();
}

// The `scroll_to` step's finger, down, moving (a drag on a list).
void App::Impl::moveTo(float x, float y) {
    pushMotion(platform->windowId(), x, y, true);
    pacer.wake();
}

void App::Impl::releaseAt(float x, float y) {
    pushButton(platform->windowId(), x, y, false);
    pacer.wake();
}

void App::Impl::typeAsCardReader(const std::string& text) {
    // A card reader is a keyboard that types fast: key down, text, key up per
    // character, then Enter — all pushed now, so they arrive as one burst.
    auto key = [this](Uint32 type, SDL_Keycode sym) {
        SDL_Event e{};
        e.type = type;
        e.key.windowID = platform->windowId();
        e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.key.keysym.sym = sym;
        e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
        SDL_PushEvent(&e);
    };
    for (std::size_t i = 0; i < text.size();) {
        const char c = text[i];
        // One text event a character: a multi-byte UTF-8 character (a name
        // typed with an input method) arrives whole, as an IME sends it.
        std::size_t n = 1;
        while (i + n < text.size() && (static_cast<unsigned char>(text[i + n]) & 0xC0) == 0x80 && n < 4) ++n;
        SDL_Keycode sym = (c >= '0' && c <= '9') || (c >= 'a' && c <= 'z') ? SDL_Keycode(c) : SDLK_UNKNOWN;
        if (sym != SDLK_UNKNOWN) key(SDL_KEYDOWN, sym);
        SDL_Event t{};
        t.type = SDL_TEXTINPUT;
        t.text.windowID = platform->windowId();
        for (std::size_t k = 0; k < n; ++k) t.text.text[k] = text[i + k];
        SDL_PushEvent(&t);
        if (sym != SDLK_UNKNOWN) key(SDL_KEYUP, sym);
        i += n;
    }
    key(SDL_KEYDOWN, SDLK_RETURN);
    key(SDL_KEYUP, SDLK_RETURN);
    pacer.wake();
}

bool App::Impl::pressKey(const std::string& name) {
    SDL_Keycode sym = SDL_GetKeyFromName(name.c_str());
    if (sym == SDLK_UNKNOWN) return false;
    for (Uint32 type : {Uint32(SDL_KEYDOWN), Uint32(SDL_KEYUP)}) {
        SDL_Event e{};
        e.type = type;
        e.key.windowID = platform->windowId();
        e.key.state = type == SDL_KEYDOWN ? SDL_PRESSED : SDL_RELEASED;
        e.key.keysym.sym = sym;
        e.key.keysym.scancode = SDL_GetScancodeFromKey(sym);
        SDL_PushEvent(&e);
    }
    pacer.wake();
    return true;
}

void App::Impl::noteMemory(const std::string& label) {
    std::ifstream in("/proc/self/status");
    std::string line;
    long kb = -1;
    while (std::getline(in, line))
        if (line.rfind("VmRSS:", 0) == 0) kb = std::stol(line.substr(6));
    memoryKb.emplace_back(label, kb);
}

void App::Impl::requestScreenshot(const std::string& path) {
    screenshotPath = path;
    screenshotRequested = true;
    screenshotError.clear();
    pacer.wake();
}

}  // namespace shell
