// temp_dir.h — a fresh directory for one test, removed with everything in it.
#pragma once

#include <string>

namespace testsupport {

class TempDir {
public:
    // Under $TMPDIR (or /tmp), named <prefix>-XXXXXX. Set ELDER_KEEP_TEST_DIRS=1 to
    // keep it for a post-mortem (its path is printed).
    explicit TempDir(const std::string& prefix = "elder-test");
    ~TempDir();
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const std::string& path() const { return path_; }
    std::string operator/(const std::string& name) const { return path_ + "/" + name; }

private:
    std::string path_;
};

}  // namespace testsupport
