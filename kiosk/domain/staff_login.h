// staff_login.h — staff mode's PIN check (DESIGN principle 7, issue 11).
//
// A PIN is 6 to 8 digits (config::isValidPin) and is checked off the UI
// thread: one check costs a full PBKDF2 run (about 75 ms). Every try is kept
// in kiosk.db, and so is the pad's lock, so neither a restart nor a power cut
// resets them:
//   - kWrongPerLock wrong PINs in a row lock the pad (whoever's name was
//     chosen: the pad, not the name, is what a guesser attacks);
//   - the n-th lock lasts kFirstLock * 2^(n-1), at most kLongestLock;
//   - a right PIN clears the count and the delays.
// With 6 digits that is under 200 guesses a day against a million PINs.
// Wrong tries of the last 24 hours and the lock go into the station's status;
// each lock also raises a pin_failures alert (domain/help.h).
#pragma once

#include <chrono>
#include <cstdint>
#include <future>
#include <optional>
#include <string>

#include "config/station_config.h"
#include "core/clock.h"
#include "store/sqlite.h"

namespace domain {

inline constexpr int kWrongPerLock = 5;
inline constexpr std::chrono::seconds kFirstLock{60};
inline constexpr std::chrono::seconds kLongestLock{3600};
inline constexpr std::size_t kMinPinDigits = 6;
inline constexpr std::size_t kMaxPinDigits = 8;

struct PinPadState {
    bool locked = false;
    std::chrono::seconds lockLeft{0};  // while locked
    int triesLeft = kWrongPerLock;     // wrong PINs before the next lock
};

enum class PinAnswer { Ok, Wrong, Locked };

class StaffLogin {
public:
    StaffLogin(store::Database& db, const core::Clock& clock) : db_(db), clock_(clock) {}

    PinPadState state() const;
    // Starts checking `pin` for `who` on a worker thread. False (nothing
    // started) while locked, while a check runs, or for a PIN that is not
    // 6-8 digits.
    bool submit(const config::StaffPin& who, const std::string& pin);
    bool checking() const { return pending_.valid(); }
    // The answer once the check is done (recorded in kiosk.db), else nullopt.
    std::optional<PinAnswer> poll();

private:
    store::Database& db_;
    const core::Clock& clock_;
    std::future<bool> pending_;
    std::string pendingStaff_;
};

// For the station's status: wrong PINs in the last 24 hours, and the lock.
std::int64_t wrongPinsLastDay(store::Database& db, const core::Clock& clock);

}  // namespace domain
