#include "shell/app/session.h"

#include <algorithm>

#include "shell/ui/utf8.h"

namespace shell {

void Session::begin(std::string memberId, std::string_view fullName) {
    memberId_ = std::move(memberId);
    maskedName_ = maskName(fullName);
    ++generation_;
}

void Session::clear() {
    actingStaffId_.clear();
    actingStaffName_.clear();
    if (memberId_.empty() && maskedName_.empty()) return;
    memberId_.clear();
    maskedName_.clear();
    ++generation_;
}

void IdleTimer::arm() {
    armed_ = true;
    lastInputMs_ = clock_.monotonicMs();
}

void IdleTimer::disarm() { armed_ = false; }

void IdleTimer::touch() { lastInputMs_ = clock_.monotonicMs(); }

IdleTimer::State IdleTimer::state() const {
    if (!armed_) return State::Off;
    std::int64_t idle = clock_.monotonicMs() - lastInputMs_;
    if (idle < config_.idleMs) return State::Active;
    if (idle < config_.idleMs + config_.countdownMs) return State::Warning;
    return State::Expired;
}

int IdleTimer::secondsLeft() const {
    if (!armed_) return 0;
    std::int64_t left = lastInputMs_ + config_.idleMs + config_.countdownMs - clock_.monotonicMs();
    left = std::clamp<std::int64_t>(left, 0, config_.countdownMs);
    return int((left + 999) / 1000);
}

std::optional<std::int64_t> IdleTimer::nextChangeMs() const {
    switch (state()) {
        case State::Off: return std::nullopt;
        case State::Active: return lastInputMs_ + config_.idleMs;
        case State::Warning: {
            // The displayed number drops when `left` crosses a whole second.
            std::int64_t deadline = lastInputMs_ + config_.idleMs + config_.countdownMs;
            return deadline - std::int64_t(secondsLeft() - 1) * 1000;
        }
        case State::Expired: return clock_.monotonicMs();
    }
    return std::nullopt;
}

IdleGuard::IdleGuard(const core::Clock& clock, IdleTimer::Config config, Session& session, Router& router)
    : timer_(clock, config), session_(session), router_(router) {}

void IdleGuard::onInput() {
    if (timer_.armed()) timer_.touch();
}

bool IdleGuard::tick() {
    // Nothing to protect on the welcome screen with nobody identified.
    // While navigation is queued the current screen is about to change: decide then.
    if (!router_.pending()) {
        bool shouldArm = router_.current() != router_.root() || session_.active();
        if (shouldArm && !timer_.armed()) timer_.arm();
        if (!shouldArm && timer_.armed()) timer_.disarm();
    }

    IdleTimer::State st = timer_.state();
    if (st == IdleTimer::State::Expired) {
        session_.clear();
        router_.reset(router_.root());
        timer_.disarm();
        ++expiries_;
        st = IdleTimer::State::Off;
    }
    int secs = st == IdleTimer::State::Warning ? timer_.secondsLeft() : -1;
    bool changed = st != lastState_ || secs != lastSeconds_;
    lastState_ = st;
    lastSeconds_ = secs;
    return changed;
}

}  // namespace shell
