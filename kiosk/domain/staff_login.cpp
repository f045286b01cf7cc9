#include "domain/staff_login.h"

#include <algorithm>

#include "config/pin_hash.h"
#include "core/ids.h"
#include "store/oplog.h"

namespace domain {
namespace {

std::chrono::seconds lockFor(std::int64_t lockouts) {
    auto d = kFirstLock;
    for (std::int64_t i = 1; i < lockouts && d < kLongestLock; ++i) d *= 2;
    return std::min(d, kLongestLock);
}

}  // namespace

PinPadState StaffLogin::state() const {
    PinPadState s;
    auto st = db_.prepare("SELECT failures, coalesce(locked_until, '') FROM staff_pin_lock WHERE id=1");
    if (!st.step()) return s;
    s.triesLeft = std::max(0, kWrongPerLock - static_cast<int>(st.getInt(0)));
    const std::string until = st.getText(1);
    if (!until.empty()) {
        const auto left = std::chrono::duration_cast<std::chrono::seconds>(core::parseIso(until) - clock_.now());
        if (left.count() > 0) {
            s.locked = true;
            s.lockLeft = left;
        }
    }
    return s;
}

bool StaffLogin::submit(const config::StaffPin& who, const std::string& pin) {
    if (pending_.valid() || state().locked) return false;
    if (pin.size() < kMinPinDigits || !config::isValidPin(pin)) return false;
    pendingStaff_ = who.staffId;
    pending_ = std::async(std::launch::async, [pin, hash = who.hash] {
        try {
            return config::verifyPin(pin, hash);
        } catch (...) {
            return false;
        }
    });
    return true;
}

std::optional<PinAnswer> StaffLogin::poll() {
    if (!pending_.valid() || pending_.wait_for(std::chrono::seconds(0)) != std::future_status::ready)
        return std::nullopt;
    const bool ok = pending_.get();
    const std::string at = core::isoLocal(clock_.now());
    store::Transaction tx(db_);
    db_.run("INSERT INTO staff_pin_attempts(at, staff_id, ok) VALUES (?, ?, ?)", at, pendingStaff_, ok ? 1 : 0);
    PinAnswer answer = PinAnswer::Ok;
    if (ok) {
        db_.run("UPDATE staff_pin_lock SET failures=0, lockouts=0, locked_until=NULL WHERE id=1");
    } else {
        db_.run("UPDATE staff_pin_lock SET failures=failures+1 WHERE id=1");
        answer = PinAnswer::Wrong;
        if (db_.queryInt("SELECT failures FROM staff_pin_lock WHERE id=1").value_or(0) >= kWrongPerLock) {
            const auto lockouts = db_.queryInt("SELECT lockouts FROM staff_pin_lock WHERE id=1").value_or(0) + 1;
            db_.run("UPDATE staff_pin_lock SET failures=0, lockouts=?, locked_until=? WHERE id=1", lockouts,
                    core::isoLocal(clock_.now() + lockFor(lockouts)));
            answer = PinAnswer::Locked;
            // Someone may be guessing: staff here and the district are told
            // (an alert like the others, domain/help.h), in this transaction.
            const std::string id = core::newUuid();
            const std::string detail = std::to_string(kWrongPerLock) + " wrong staff PINs in a row (lock " +
                                       std::to_string(lockouts) + ")";
            db_.run("INSERT INTO help_calls(id, at, screen, kind) VALUES (?,?,?,'pin_failures')", id, at, "staff");
            store::OpLog(db_).append(id, "alert",
                                     {{"kind", "pin_failures"}, {"at", at}, {"screen", "staff"}, {"detail", detail}},
                                     at, std::nullopt);
        }
    }
    // Thirty days of tries are kept; the status reports the last 24 hours.
    db_.run("DELETE FROM staff_pin_attempts WHERE at < ?", core::isoLocal(clock_.now() - std::chrono::hours(24 * 30)));
    tx.commit();
    return answer;
}

std::int64_t wrongPinsLastDay(store::Database& db, const core::Clock& clock) {
    return db.queryInt("SELECT count(*) FROM staff_pin_attempts WHERE ok=0 AND at > ?",
                       core::isoLocal(clock.now() - std::chrono::hours(24)))
        .value_or(0);
}

}  // namespace domain
