// district_server.cpp — process handling for DistrictServer.
//
// Output of every process goes to a file in the temp directory, never a pipe:
// a chatty server can then never block on a full pipe nobody reads.
#include "district_server.h"

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <sstream>
#include <stdexcept>
#include <thread>

#include <nlohmann/json.hpp>

#include "store/sqlite.h"

extern char** environ;

namespace testsupport {
namespace fs = std::filesystem;
namespace {

using namespace std::chrono_literals;

std::string readFile(const std::string& path, std::streamoff from = 0) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return {};
    in.seekg(from);
    std::stringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

std::streamoff fileSize(const std::string& path) {
    std::error_code ec;
    auto n = fs::file_size(path, ec);
    return ec ? 0 : static_cast<std::streamoff>(n);
}

std::string joined(const std::vector<std::string>& args) {
    std::string s;
    for (const auto& a : args) s += (s.empty() ? "" : " ") + a;
    return s;
}

// Starts `args` with stdin from `input` (default /dev/null) and stdout+stderr
// appended to `log`.
pid_t spawn(const std::vector<std::string>& args, const std::string& log,
            const std::string& input = "/dev/null") {
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 0, input.c_str(), O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 1, log.c_str(), O_WRONLY | O_CREAT | O_APPEND, 0644);
    posix_spawn_file_actions_adddup2(&fa, 1, 2);
    std::vector<char*> argv;
    for (const auto& a : args) argv.push_back(const_cast<char*>(a.c_str()));
    argv.push_back(nullptr);
    pid_t pid = -1;
    const int rc = posix_spawn(&pid, argv[0], &fa, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) throw std::runtime_error("cannot start " + joined(args) + ": " + strerror(rc));
    return pid;
}

// Waits up to `limit` for the process to end; true when it did.
bool waitFor(pid_t pid, std::chrono::milliseconds limit, int* status = nullptr) {
    const auto until = std::chrono::steady_clock::now() + limit;
    int st = 0;
    for (;;) {
        const pid_t r = waitpid(pid, &st, WNOHANG);
        if (r == pid || r < 0) {
            if (status) *status = st;
            return true;
        }
        if (std::chrono::steady_clock::now() >= until) return false;
        std::this_thread::sleep_for(10ms);
    }
}

}  // namespace

std::string DistrictServer::binary() {
#ifdef DISTRICT_SERVER_BIN
    return DISTRICT_SERVER_BIN;
#else
    throw std::runtime_error("test_support was built without the district-server target");
#endif
}

DistrictServer::DistrictServer(DistrictServerOptions opts)
    : opts_(std::move(opts)), dir_("elder-district") {
    runDemo();
    for (const auto& s : opts_.stations) addStation(s.id, s.name);
    if (opts_.start) start();
}

DistrictServer::~DistrictServer() {
    try {
        stop();
    } catch (...) {
        // A destructor never throws; the process is gone or will be reaped by init.
    }
}

void DistrictServer::runDemo() {
    std::vector<std::string> args = {"demo", "--members", std::to_string(opts_.members), "--seed",
                                     std::to_string(opts_.seed)};
    if (!opts_.today.empty()) args.insert(args.end(), {"--today", opts_.today});
    args.insert(args.end(), opts_.demoArgs.begin(), opts_.demoArgs.end());
    if (opts_.demoCache.empty()) {
        cli(args);
        return;
    }
    // The cache is keyed by the demo's options; a "complete" marker is written
    // last, so a demo interrupted half-way is generated again, never reused.
    const std::string key = std::to_string(std::hash<std::string>{}(joined(args)));
    const fs::path cached = fs::path(opts_.demoCache) / ("demo-" + key);
    if (!fs::exists(cached / "complete")) {
        fs::remove_all(cached);
        fs::create_directories(cached);
        std::vector<std::string> full = {binary(), "--data-dir", (cached / "district").string()};
        full.insert(full.end(), args.begin(), args.end());
        const std::string logPath = dir_ / "demo.log";
        int status = 0;
        waitFor(spawn(full, logPath), std::chrono::hours(1), &status);
        if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
            throw std::runtime_error(joined(full) + " failed:\n" + readFile(logPath));
        std::ofstream(cached / "complete") << joined(args) << "\n";
    }
    fs::copy(cached / "district", dataDir(), fs::copy_options::recursive);
}

std::string DistrictServer::cli(const std::vector<std::string>& args) const {
    return cli(args, std::string());
}

std::string DistrictServer::cli(const std::vector<std::string>& args, const std::string& input) const {
    std::vector<std::string> full = {binary(), "--data-dir", dataDir()};
    full.insert(full.end(), args.begin(), args.end());
    const std::string logPath = dir_ / "cli.log";
    const std::string inputPath = dir_ / "cli.stdin";
    std::ofstream(inputPath, std::ios::trunc) << input;
    std::error_code ec;
    fs::remove(logPath, ec);
    int status = 0;
    waitFor(spawn(full, logPath, inputPath), std::chrono::minutes(10), &status);
    std::string out = readFile(logPath);
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0)
        throw std::runtime_error(joined(full) + " failed (status " + std::to_string(status) +
                                 "):\n" + out);
    return out;
}

std::string DistrictServer::bundle(const std::string& id) const {
    return dir_ / ("bundle-" + id + ".json");
}

std::string DistrictServer::addStation(const std::string& id, const std::string& name) {
    const bool wasRunning = running();
    if (wasRunning) stop();
    std::vector<std::string> args = {"station", "add", name, "--id", id, "--bundle", bundle(id)};
    if (!url_.empty()) args.insert(args.end(), {"--url", url_});
    cli(args);
    stationIds_.push_back(id);
    if (wasRunning) start();
    return bundle(id);
}

void DistrictServer::pointBundleAtServer(const std::string& path) const {
    nlohmann::json b = nlohmann::json::parse(readFile(path));
    if (b.value("server_url", std::string()) == url_) return;
    b["server_url"] = url_;
    std::ofstream(path, std::ios::trunc) << b.dump(2) << "\n";
}

void DistrictServer::start() {
    if (running()) return;
    const std::string logPath = dir_ / "serve.log";
    const std::string listen = host_ + ":" + std::to_string(port_);
    const std::string adminListen = host_ + ":" + std::to_string(consolePort_);
    // Restarting on the same port can race the old socket's release; a few tries.
    for (int attempt = 1;; ++attempt) {
        const auto from = fileSize(logPath);
        std::vector<std::string> args = {binary(), "--data-dir", dataDir(), "serve", "--listen", listen,
                                         "--admin-listen", adminListen};
        args.insert(args.end(), opts_.serveArgs.begin(), opts_.serveArgs.end());
        pid_ = spawn(args, logPath);
        const auto until = std::chrono::steady_clock::now() + 20s;
        std::string failure;
        while (failure.empty()) {
            const std::string out = readFile(logPath, from);
            const auto at = out.find("listening on https://");
            if (at != std::string::npos) {
                // The console binds first: its line is there before "listening on"
                // (none with serveArgs --admin-listen off).
                if (const auto c = out.find("console on https://"); c != std::string::npos) {
                    const auto cStart = c + std::string("console on ").size();
                    consoleUrl_ = out.substr(cStart, out.find_first_of(" \r\n", cStart) - cStart);
                    consolePort_ = std::stoi(consoleUrl_.substr(consoleUrl_.rfind(':') + 1));
                }
                const auto start = at + std::string("listening on ").size();
                const auto end = out.find_first_of(" \r\n", start);
                if (end != std::string::npos) {
                    url_ = out.substr(start, end - start);
                    const auto colon = url_.rfind(':');
                    port_ = std::stoi(url_.substr(colon + 1));
                    for (const auto& id : stationIds_) pointBundleAtServer(bundle(id));
                    return;
                }
            }
            int status = 0;
            if (waitFor(pid_, 0ms, &status))
                failure = "district-server exited (status " + std::to_string(status) + ")";
            else if (std::chrono::steady_clock::now() >= until)
                failure = "district-server did not report 'listening on' within 20 s";
            else
                std::this_thread::sleep_for(10ms);
        }
        if (!waitFor(pid_, 0ms)) {
            ::kill(pid_, SIGKILL);
            waitFor(pid_, 5s);
        }
        pid_ = -1;
        if (attempt >= 3 || port_ == 0)
            throw std::runtime_error(failure + ", serving " + listen + ":\n" +
                                     readFile(logPath, from));
        std::this_thread::sleep_for(200ms);
    }
}

void DistrictServer::stop() {
    if (!running()) return;
    ::kill(pid_, SIGTERM);
    if (!waitFor(pid_, 5s)) {
        ::kill(pid_, SIGKILL);
        waitFor(pid_, 5s);
    }
    pid_ = -1;
}

void DistrictServer::kill() {
    if (!running()) return;
    ::kill(pid_, SIGKILL);
    waitFor(pid_, 5s);
    pid_ = -1;
}

std::string DistrictServer::log() const { return readFile(dir_ / "serve.log"); }

std::int64_t DistrictServer::count(const std::string& sql) const {
    store::Database db((std::filesystem::path(dataDir()) / "district.db").string());
    return db.queryInt(sql).value_or(-1);
}

}  // namespace testsupport
