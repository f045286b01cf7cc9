#include "meals_activities_e2e.h"

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <ctime>
#include <filesystem>
#include <fstream>
#include <sstream>

#include <sqlite3.h>

#include <algorithm>

#include <nlohmann/json.hpp>

#include "config/station_config.h"
#include "core/clock.h"

namespace e2e {

namespace {

std::string slurp(const std::string& path) {
    std::ifstream in(path);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::string quote(const std::string& s) {
    std::string out = "'";
    for (char c : s) out += c == '\'' ? std::string("'\\''") : std::string(1, c);
    return out + "'";
}

}  // namespace

std::string shenzhenDate(int days) {
    const std::time_t t = std::time(nullptr) + 8 * 3600 + std::time_t(days) * 86400;
    std::tm tm{};
    gmtime_r(&t, &tm);
    char buf[16];
    std::strftime(buf, sizeof buf, "%Y-%m-%d", &tm);
    return buf;
}

int run(const std::string& cmd, const std::string& log) {
    const int rc = std::system((cmd + " >" + quote(log) + " 2>&1").c_str());
    return WIFEXITED(rc) ? WEXITSTATUS(rc) : 128;
}

void makeWorkingDays(testsupport::DistrictServer& server, const std::vector<std::string>& dates,
                     const std::vector<std::string>& daysOff) {
    nlohmann::json doc = config::builtinDefaultsDocument();
    doc.erase("version");
    doc["expires_at"] = "2099-12-31T23:59:59+08:00";
    // Open all day: the test runs at any hour (outside opening_hours the
    // welcome screen is the closed screen).
    for (const char* d : {"mon", "tue", "wed", "thu", "fri", "sat", "sun"})
        doc["opening_hours"][d] = {{"open", "00:00"}, {"close", "23:59"}};
    auto& cal = doc["calendar"];
    for (const auto& d : dates) {
        auto& holidays = cal["holidays"];
        holidays.erase(std::remove(holidays.begin(), holidays.end(), nlohmann::json(d)), holidays.end());
        const int wd = core::weekday(d);
        if ((wd == 0 || wd == 6) && std::find(cal["working_weekends"].begin(), cal["working_weekends"].end(),
                                              nlohmann::json(d)) == cal["working_weekends"].end())
            cal["working_weekends"].push_back(d);
    }
    for (const auto& d : daysOff) {
        auto& worked = cal["working_weekends"];
        worked.erase(std::remove(worked.begin(), worked.end(), nlohmann::json(d)), worked.end());
        const int wd = core::weekday(d);
        if (wd != 0 && wd != 6) cal["holidays"].push_back(d);
    }
    const std::string path = server.dataDir() + "/../working-days.json";
    std::ofstream(path) << doc.dump(2);
    server.cli({"config", "push", path});
}

bool haveDisplayAndSync() {
    if (std::system("command -v xvfb-run >/dev/null 2>&1") != 0) return false;
    return std::system((std::string(KIOSK_BIN) + " --help 2>&1 | grep -q -- --enroll").c_str()) == 0;
}

Kiosk::Kiosk(testsupport::DistrictServer& server, const std::string& station, const std::string& dir)
    : server_(server), dir_(dir) {
    std::filesystem::create_directories(dir_);
    const std::string log = dir_ + "/enroll.log";
    const int rc = run(std::string("env -u DISPLAY ") + KIOSK_BIN + " --data-dir " + quote(dir_) + " --enroll " +
                           quote(server_.bundle(station)),
                       log);
    EXPECT_EQ(rc, 0) << slurp(log);
}

bool Kiosk::syncOnce() {
    const std::string log = dir_ + "/sync.log";
    const int rc = run(std::string("env -u DISPLAY ") + KIOSK_BIN + " --data-dir " + quote(dir_) + " --sync-once", log);
    if (rc != 0) std::fprintf(stderr, "sync-once: %s\n", slurp(log).c_str());
    return rc == 0;
}

void Kiosk::script(const std::string& name, const std::string& steps, const std::string& size,
                   const std::string& flags) {
    const std::string file = dir_ + "/" + name + ".script", log = dir_ + "/" + name + ".log";
    std::ofstream(file) << steps << "\nquit\n";
    const std::string cmd = "cd " + quote(dir_) + " && xvfb-run -a -s " + quote("-screen 0 " + size + "x24") + " " +
                            KIOSK_BIN + " --data-dir " + quote(dir_) + " --script " + quote(file) +
                            " --state-out " + quote(dir_ + "/" + name + ".state.json") + (flags.empty() ? "" : " ") +
                            flags;
    const int rc = run(cmd, log);
    ASSERT_EQ(rc, 0) << name << ":\n" << slurp(log);
}

std::string query(const std::string& dbPath, const std::string& sql) {
    sqlite3* db = nullptr;
    std::string out;
    if (sqlite3_open_v2(dbPath.c_str(), &db, SQLITE_OPEN_READONLY, nullptr) == SQLITE_OK) {
        sqlite3_busy_timeout(db, 5000);
        sqlite3_stmt* st = nullptr;
        if (sqlite3_prepare_v2(db, sql.c_str(), -1, &st, nullptr) == SQLITE_OK) {
            if (sqlite3_step(st) == SQLITE_ROW && sqlite3_column_text(st, 0))
                out = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
            sqlite3_finalize(st);
        } else {
            ADD_FAILURE() << sql << ": " << sqlite3_errmsg(db);
        }
    }
    sqlite3_close(db);
    return out;
}

}  // namespace e2e
