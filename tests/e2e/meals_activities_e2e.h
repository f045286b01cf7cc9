// meals_activities_e2e.h — what the meals and activities end-to-end tests
// share: the real district server (tests/support), a real kiosk data dir
// enrolled and synced with the real kiosk binary, scripts run under Xvfb, and
// plain SQLite reads of kiosk.db and district.db.
#pragma once

#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "district_server.h"
#include "temp_dir.h"

namespace e2e {

// Shenzhen's date today, plus `days`.
std::string shenzhenDate(int days = 0);

// Runs `cmd` through the shell; returns its exit code; its output goes to `log`.
int run(const std::string& cmd, const std::string& log);

// One kiosk data dir enrolled as `station` of `server`.
class Kiosk {
public:
    Kiosk(testsupport::DistrictServer& server, const std::string& station, const std::string& dir);
    // --sync-once; true when it succeeded.
    bool syncOnce();
    // Runs `script` (steps, one a line; `quit` appended) full screen on Xvfb.
    // Fails the test (with the kiosk's output) unless the kiosk exits 0.
    void script(const std::string& name, const std::string& steps, const std::string& size = "1920x1080");
    std::string db() const { return dir_ + "/kiosk.db"; }
    const std::string& dir() const { return dir_; }

private:
    testsupport::DistrictServer& server_;
    std::string dir_;
};

// The first column of the first row ("" when none).
std::string query(const std::string& dbPath, const std::string& sql);

// Skips the test when there is no xvfb-run or the kiosk has no sync client.
bool haveDisplayAndSync();

// Pushes a district document with the built-in rules whose calendar makes
// each of `dates` a working day (a weekend day becomes a worked one, a
// holiday an ordinary day), so that a test's lunches are subsidised whatever
// day it runs. The server must be stopped (the CLI writes its database).
void makeWorkingDays(testsupport::DistrictServer& server, const std::vector<std::string>& dates);

}  // namespace e2e
