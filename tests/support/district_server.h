// district_server.h — the real district server for integration tests and benches.
//
// Runs the `district-server` binary built by this tree (path compiled in as
// DISTRICT_SERVER_BIN) in a temporary data directory: `demo` generates the
// district, `station add` writes enrollment bundles, `serve --listen
// 127.0.0.1:0` picks a free port that is read from its "listening on
// https://HOST:PORT" line; the admin console gets a free port too (its
// "console on https://HOST:PORT" log line). stop()/start() restart it on the
// same directory and ports ("server down, then up"). The destructor kills it.
//
//     testsupport::DistrictServer server({.members = 50, .stations = {{"st-a", "A站"}}});
//     syncc::enrollFromFile(db, server.bundle("st-a"), clock);
#pragma once

#include <string>
#include <sys/types.h>
#include <vector>

#include "temp_dir.h"

namespace testsupport {

struct StationSpec {
    std::string id;
    std::string name;
};

struct DistrictServerOptions {
    int members = 50;                  // demo --members
    int seed = 1;                      // demo --seed
    std::string today;                 // demo --today (YYYY-MM-DD); empty: the server's default
    std::vector<std::string> demoArgs; // further demo options
    std::vector<StationSpec> stations; // bundles written before the first start
    // A directory where the demo's output is kept between runs (benches with a
    // large district): reused when its options match, generated otherwise.
    std::string demoCache;
    bool start = true;                 // start serving in the constructor
    std::vector<std::string> serveArgs; // further serve options (limits, --admin-idle 2)
};

class DistrictServer {
public:
    explicit DistrictServer(DistrictServerOptions opts = {});
    ~DistrictServer();
    DistrictServer(const DistrictServer&) = delete;
    DistrictServer& operator=(const DistrictServer&) = delete;

    // Serves on 127.0.0.1 (the same port again after the first start); waits
    // until it listens. Throws with the server's log if it does not.
    void start();
    // SIGTERM, then SIGKILL if it has not exited within 5 s.
    void stop();
    // SIGKILL at once: a crash or a pulled cable.
    void kill();
    bool running() const { return pid_ > 0; }

    // Writes a bundle for a new station and returns its path. A running server
    // is restarted around it so it surely knows the new token.
    std::string addStation(const std::string& id, const std::string& name);
    // The bundle written for station `id`.
    std::string bundle(const std::string& id) const;

    // Runs `district-server --data-dir DIR <args>`; returns its output, throws
    // (with the output) on a non-zero exit. Safe while the server runs for
    // read-only commands.
    std::string cli(const std::vector<std::string>& args) const;
    // The same with `input` on its stdin (e.g. admin add --password-stdin).
    std::string cli(const std::vector<std::string>& args, const std::string& input) const;

    int port() const { return port_; }
    pid_t pid() const { return pid_; }  // the serving process; -1 when stopped
    const std::string& url() const { return url_; }  // https://HOST:PORT
    const std::string& consoleUrl() const { return consoleUrl_; }  // the admin console
    std::string dataDir() const { return dir_ / "district"; }
    std::string log() const;  // what the serving process printed so far
    // First column of the first row of a query on district.db (-1: no row),
    // read through its own connection while the server runs.
    std::int64_t count(const std::string& sql) const;

    static std::string binary();

private:
    void runDemo();
    void pointBundleAtServer(const std::string& path) const;

    DistrictServerOptions opts_;
    TempDir dir_;
    pid_t pid_ = -1;
    int port_ = 0;
    int consolePort_ = 0;
    std::string consoleUrl_;
    std::string host_ = "127.0.0.1";
    std::string url_;
    std::vector<std::string> stationIds_;
};

}  // namespace testsupport
