// session.h — who is at the screen, and when they have walked away.
//
//   Session    the identified elder (member id + masked name); cleared on idle
//   IdleTimer  input-driven timer on an injected Clock: active → warning
//              (the "还需要更多时间吗？" overlay with its countdown) → expired
//   IdleGuard  the kiosk's idle policy in one place: armed away from the
//              welcome screen, on expiry clears the session and returns to
//              the welcome screen
// Plain C++; tests drive it with core::ManualClock.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

#include "core/clock.h"
#include "shell/app/router.h"

namespace shell {

class Session {
public:
    // Stores the name already masked (张三明 → 张*明): the full name is never kept here.
    void begin(std::string memberId, std::string_view fullName);
    void clear();
    bool active() const { return !memberId_.empty(); }
    const std::string& memberId() const { return memberId_; }
    const std::string& maskedName() const { return maskedName_; }
    // Changes on every begin() and clear(): a screen that cached member data can
    // tell it belongs to someone else now.
    std::uint64_t generation() const { return generation_; }
    // Staff acting for the elder (代办): their ops carry the staff id. Ends
    // with the session (idle, the welcome screen).
    void setActing(std::string staffId, std::string staffName) {
        actingStaffId_ = std::move(staffId);
        actingStaffName_ = std::move(staffName);
    }
    const std::string& actingStaffId() const { return actingStaffId_; }
    const std::string& actingStaffName() const { return actingStaffName_; }

private:
    std::string memberId_;
    std::string maskedName_;
    std::string actingStaffId_;
    std::string actingStaffName_;
    std::uint64_t generation_ = 0;
};

class IdleTimer {
public:
    struct Config {
        std::int64_t idleMs = 60'000;       // no input for this long → warning overlay
        std::int64_t countdownMs = 20'000;  // warning shown this long → expired
    };
    enum class State { Off, Active, Warning, Expired };

    IdleTimer(const core::Clock& clock, Config config) : clock_(clock), config_(config) {}

    void arm();    // starts counting from now
    void disarm();
    void touch();  // input: back to Active, counting from now
    bool armed() const { return armed_; }
    State state() const;
    // Whole seconds left on the countdown (rounded up), while in Warning.
    int secondsLeft() const;
    // Monotonic ms at which state() or secondsLeft() next changes.
    std::optional<std::int64_t> nextChangeMs() const;
    const Config& config() const { return config_; }
    void setConfig(Config c) { config_ = c; }

private:
    const core::Clock& clock_;
    Config config_;
    bool armed_ = false;
    std::int64_t lastInputMs_ = 0;
};

class IdleGuard {
public:
    IdleGuard(const core::Clock& clock, IdleTimer::Config config, Session& session, Router& router);

    void onInput();
    // Once per loop turn, after the router applied its requests. Returns true
    // when what the screen shows changed (overlay shown or hidden, a countdown
    // second passed, the session expired).
    bool tick();
    bool overlayVisible() const { return timer_.state() == IdleTimer::State::Warning; }
    int secondsLeft() const { return timer_.secondsLeft(); }
    std::optional<std::int64_t> nextChangeMs() const { return timer_.nextChangeMs(); }
    const IdleTimer& timer() const { return timer_; }
    IdleTimer& timer() { return timer_; }
    int expiries() const { return expiries_; }

private:
    IdleTimer timer_;
    Session& session_;
    Router& router_;
    IdleTimer::State lastState_ = IdleTimer::State::Off;
    int lastSeconds_ = -1;
    int expiries_ = 0;
};

}  // namespace shell
