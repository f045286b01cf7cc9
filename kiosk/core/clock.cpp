#include "core/clock.h"

#include <cstdio>
#include <stdexcept>

namespace core {
namespace {

using namespace std::chrono;

struct Civil {
    int y, m, d, hh, mm, ss;
};

Civil toCivil(TimePoint t, int offsetMinutes) {
    auto secs = duration_cast<seconds>(t.time_since_epoch()).count() + offsetMinutes * 60;
    auto days = sys_days(floor<std::chrono::days>(seconds(secs)));
    year_month_day ymd(days);
    auto rem = secs - duration_cast<seconds>(days.time_since_epoch()).count();
    return {int(ymd.year()), int(unsigned(ymd.month())), int(unsigned(ymd.day())),
            int(rem / 3600), int(rem / 60 % 60), int(rem % 60)};
}

TimePoint fromCivil(int y, int m, int d, int hh, int mi, int ss, int offsetMinutes) {
    // system_clock counts nanoseconds in 64 bits: 1677 to 2262 only; beyond,
    // the conversion overflows (found by fuzz/config_document).
    if (y < 1900 || y > 2200) throw std::invalid_argument("year out of range (1900-2200)");
    year_month_day ymd{year(y), month(unsigned(m)), day(unsigned(d))};
    if (!ymd.ok()) throw std::invalid_argument("not a calendar date");
    auto t = sys_days(ymd) + hours(hh) + minutes(mi) + seconds(ss) - minutes(offsetMinutes);
    return time_point_cast<system_clock::duration>(t);
}

}  // namespace

std::int64_t SystemClock::monotonicMs() const {
    return duration_cast<milliseconds>(steady_clock::now().time_since_epoch()).count();
}

std::string isoLocal(TimePoint t) {
    Civil c = toCivil(t, kUtcOffsetMinutes);
    char buf[40];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d+08:00", c.y, c.m, c.d, c.hh,
                  c.mm, c.ss);
    return buf;
}

std::string dateLocal(TimePoint t) { return isoLocal(t).substr(0, 10); }
std::string hhmmLocal(TimePoint t) { return isoLocal(t).substr(11, 5); }

TimePoint parseIso(const std::string& s) {
    int y, mo, d, hh, mi, ss, oh = 0, om = 0;
    char sign = '+';
    int n = std::sscanf(s.c_str(), "%4d-%2d-%2dT%2d:%2d:%2d%c%2d:%2d", &y, &mo, &d, &hh, &mi,
                        &ss, &sign, &oh, &om);
    if (n == 7 && sign == 'Z') return fromCivil(y, mo, d, hh, mi, ss, 0);
    if (n != 9 || (sign != '+' && sign != '-') || hh > 23 || mi > 59 || ss > 60)
        throw std::invalid_argument("not an ISO-8601 time with offset: '" + s + "'");
    int off = (oh * 60 + om) * (sign == '-' ? -1 : 1);
    return fromCivil(y, mo, d, hh, mi, ss, off);
}

TimePoint parseDate(const std::string& s) {
    int y, mo, d;
    if (s.size() != 10 || std::sscanf(s.c_str(), "%4d-%2d-%2d", &y, &mo, &d) != 3)
        throw std::invalid_argument("not a YYYY-MM-DD date: '" + s + "'");
    return fromCivil(y, mo, d, 0, 0, 0, kUtcOffsetMinutes);
}

int weekday(const std::string& date) {
    auto t = parseDate(date) + hours(12);
    return int(unsigned(std::chrono::weekday(floor<days>(t)).c_encoding()));
}

std::string addDays(const std::string& date, int n) {
    return dateLocal(parseDate(date) + hours(12) + days(n));
}

}  // namespace core
