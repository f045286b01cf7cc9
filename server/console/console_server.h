// console_server.h — the console's own HTTPS listener (default
// 127.0.0.1:8444), next to the station API in the same `serve` process and on
// the same TLS material (DATA_DIR/tls/server.pem), with workers, queues and
// per-client limits of its own: the stations' load never delays an admin, nor
// the reverse. It is a HardenedHttpsServer like the API's (the same TLS
// settings, vetting before the body, connection limits and deadlines), with
// limits for browsers (consoleLimits below).
//
//     ConsoleServer console(dataDir, storage, {.host = "127.0.0.1", .port = 8444});
//     console.bind();    // throws when the address is taken; prints nothing
//     console.start();   // serves on a thread of its own
//     ...
//     console.stop();    // also in the destructor
#pragma once

#include <atomic>
#include <memory>
#include <string>
#include <thread>

#include "console/console.h"
#include "http/hardened_server.h"

namespace district::console {

// httplib gives each connection a worker for its whole keep-alive life, and
// one browser opens up to six: a few admins need a few dozen workers, and one
// address (a browser, or every admin behind one proxy or tunnel) 16
// connections. A request may take 30 s (a report on a large district, an
// import written); an upload adds time at 16 KiB/s, and a read may wait 30 s
// (a slow office line). Bodies: up to ConsoleOptions::max_upload_bytes.
HttpLimits consoleLimits();

struct ConsoleServerOptions {
    std::string host = "127.0.0.1";
    int port = 8444;  // 0: any free port
    HttpLimits http = consoleLimits();  // max_body_bytes is console.max_upload_bytes
    ConsoleOptions console;
};

class ConsoleServer {
public:
    ConsoleServer(const std::string& dataDir, Storage& storage, ConsoleServerOptions options);
    ~ConsoleServer();
    ConsoleServer(const ConsoleServer&) = delete;
    ConsoleServer& operator=(const ConsoleServer&) = delete;

    // Binds the address; returns the port. Throws std::runtime_error.
    int bind();
    void start();
    void stop();
    std::string url() const;  // https://HOST:PORT (after bind)

private:
    ConsoleServerOptions options_;
    core::SystemClock clock_;
    std::unique_ptr<HardenedHttpsServer> server_;
    std::unique_ptr<Console> console_;
    std::thread thread_;
    std::atomic<bool> finished_{false};
    int port_ = 0;
};

}  // namespace district::console
