#include "temp_dir.h"

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <stdexcept>
#include <vector>

namespace testsupport {

TempDir::TempDir(const std::string& prefix) {
    const char* base = std::getenv("TMPDIR");
    std::string tmpl = std::string(base && *base ? base : "/tmp") + "/" + prefix + "-XXXXXX";
    std::vector<char> buf(tmpl.begin(), tmpl.end());
    buf.push_back('\0');
    if (!mkdtemp(buf.data())) throw std::runtime_error("cannot create a directory like " + tmpl);
    path_ = buf.data();
}

TempDir::~TempDir() {
    const char* keep = std::getenv("ELDER_KEEP_TEST_DIRS");
    if (keep && *keep && std::string(keep) != "0") {
        std::fprintf(stderr, "kept test directory %s\n", path_.c_str());
        return;
    }
    std::error_code ec;
    std::filesystem::remove_all(path_, ec);
}

}  // namespace testsupport
