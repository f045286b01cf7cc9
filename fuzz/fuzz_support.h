// fuzz_support.h — shared by the libFuzzer targets: a scratch directory that
// lives as long as the fuzzing process (on /dev/shm when there is one, so
// SQLite's fsyncs cost nothing) and is removed when it exits normally.
#pragma once

#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <string>

namespace fuzzsupport {

inline std::string scratchDir(const char* name) {
    const char* tmp = std::getenv("TMPDIR");
    const std::string base = access("/dev/shm", W_OK) == 0 ? "/dev/shm" : (tmp && *tmp ? tmp : "/tmp");
    std::string dir = base + "/elder-" + name + "-XXXXXX";
    if (!mkdtemp(dir.data())) throw std::runtime_error("cannot create " + dir);
    static std::string removeAtExit;
    removeAtExit = dir;
    std::atexit([] {
        std::error_code ec;
        std::filesystem::remove_all(removeAtExit, ec);
    });
    return dir;
}

// FUZZ_LENIENT=1: an exception the server would answer with 500 is not a
// finding.
inline bool lenient() {
    const char* v = std::getenv("FUZZ_LENIENT");
    return v && *v == '1';
}

}  // namespace fuzzsupport
