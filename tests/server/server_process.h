// server_process.h — the real district-server binary as a child process, for
// the HTTPS tests and bench/server. The binary's path is compiled in as
// DISTRICT_SERVER_BIN.
#pragma once

#include <sys/types.h>

#include <string>
#include <utility>
#include <vector>

namespace district::test {

// Runs `district-server ARGS...`; returns its exit status and stdout.
std::pair<int, std::string> runCli(const std::vector<std::string>& args);

// `district-server --data-dir DIR serve --listen 127.0.0.1:0 [extra]`; the
// port comes from its "listening on" line. stderr goes to DIR/server.log.
class ServerProcess {
public:
    explicit ServerProcess(const std::string& dataDir, const std::vector<std::string>& extra = {});
    ~ServerProcess();
    ServerProcess(const ServerProcess&) = delete;
    ServerProcess& operator=(const ServerProcess&) = delete;

    int port() const { return port_; }
    // SIGTERM and wait; the exit status (0: a clean stop), -1 when it had to
    // be killed after 10 s.
    int stop();

private:
    pid_t pid_ = 0;
    int port_ = 0;
};

}  // namespace district::test
