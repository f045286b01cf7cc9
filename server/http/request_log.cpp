#include "http/request_log.h"

#include <chrono>
#include <cstdio>
#include <mutex>

#include "core/clock.h"

namespace district {
namespace {
thread_local RequestNote tNote;
thread_local std::chrono::steady_clock::time_point tStart;
std::mutex gLogMutex;
}  // namespace

RequestNote& requestNote() { return tNote; }

void beginRequest() {
    tNote = RequestNote{};
    tStart = std::chrono::steady_clock::now();
}

double requestMillis() {
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - tStart)
        .count();
}

void logLine(const std::string& line) {
    const std::string out = core::isoLocal(std::chrono::system_clock::now()) + " " + line + "\n";
    std::lock_guard<std::mutex> lock(gLogMutex);
    std::fwrite(out.data(), 1, out.size(), stderr);
}

}  // namespace district
