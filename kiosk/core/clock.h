// clock.h — time for the domain, the session and the sync worker, injectable so
// tests can move it (idle timeout, cut-offs, backoff) without sleeping.
#pragma once

#include <chrono>
#include <cstdint>
#include <string>

namespace core {

using TimePoint = std::chrono::system_clock::time_point;

class Clock {
public:
    virtual ~Clock() = default;
    // Wall-clock time (dates, cut-offs, timestamps in the op log).
    virtual TimePoint now() const = 0;
    // Monotonic milliseconds (timers, idle); never jumps with the wall clock.
    virtual std::int64_t monotonicMs() const = 0;
};

class SystemClock final : public Clock {
public:
    TimePoint now() const override { return std::chrono::system_clock::now(); }
    std::int64_t monotonicMs() const override;
};

// A clock that only moves when told to. For tests and the script driver.
class ManualClock final : public Clock {
public:
    explicit ManualClock(TimePoint start) : now_(start) {}
    TimePoint now() const override { return now_; }
    std::int64_t monotonicMs() const override { return mono_; }
    void advanceMs(std::int64_t ms) {
        mono_ += ms;
        now_ += std::chrono::milliseconds(ms);
    }
    void set(TimePoint t) { now_ = t; }

private:
    TimePoint now_;
    std::int64_t mono_ = 0;
};

// Shenzhen time everywhere: stations are in one district, and dates (today's
// menu, a check-in's day) must not depend on the machine's TZ setting.
inline constexpr int kUtcOffsetMinutes = 8 * 60;

std::string isoLocal(TimePoint t);   // 2026-11-23T11:02:03+08:00
std::string dateLocal(TimePoint t);  // 2026-11-23
std::string hhmmLocal(TimePoint t);  // 11:02
// Parses isoLocal's format (any offset); throws std::invalid_argument.
TimePoint parseIso(const std::string& s);
// Parses YYYY-MM-DD as local midnight; throws std::invalid_argument.
TimePoint parseDate(const std::string& s);
// 0 = Sunday ... 6 = Saturday, for a YYYY-MM-DD date.
int weekday(const std::string& date);
std::string addDays(const std::string& date, int days);

}  // namespace core
