#include "http/https_server.h"

#include <pthread.h>
#include <signal.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "http/request_log.h"
#include "pki/pki.h"

namespace district {

void parseListen(const std::string& s, std::string& host, int& port) {
    const auto colon = s.rfind(':');
    if (colon == std::string::npos || colon == 0 || colon + 1 == s.size())
        throw std::invalid_argument("--listen must be HOST:PORT, e.g. 127.0.0.1:8443");
    host = s.substr(0, colon);
    if (host.size() > 2 && host.front() == '[' && host.back() == ']') host = host.substr(1, host.size() - 2);
    const std::string p = s.substr(colon + 1);
    if (p.find_first_not_of("0123456789") != std::string::npos || p.size() > 5)
        throw std::invalid_argument("--listen port must be 0 to 65535");
    port = std::stoi(p);
    if (port > 65535) throw std::invalid_argument("--listen port must be 0 to 65535");
}

int runHttpsServer(const std::string& dataDir, Storage& storage, const ServeOptions& options) {
    // Signals go to one thread that stops the server; every other thread
    // (the guard's watchdog, httplib's workers) starts later and inherits the
    // blocked mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    signal(SIGPIPE, SIG_IGN);

    const PkiPaths pki = pkiPaths(dataDir);
    HardenedHttpsServer server(pki.server_cert, pki.server_key, options.http, logLine);
    if (!server.is_valid())
        throw std::runtime_error("cannot use the server certificate " + pki.server_cert + " with its key " +
                                 pki.server_key + ": " + server.tlsError());

    core::SystemClock clock;
    Api api(storage, clock, options.api);
    api.mount(server);

    int port = options.port;
    if (port == 0) {
        port = server.bind_to_any_port(options.host);
        if (port < 0) throw std::runtime_error("cannot listen on " + options.host);
    } else if (!server.bind_to_port(options.host, port)) {
        throw std::runtime_error("cannot listen on " + options.host + ":" + std::to_string(port) +
                                 " (in use, or not an address of this machine)");
    }
    server.widenListenBacklog(128);

    std::atomic<bool> listening{true}, bySignal{false};
    std::thread stopper([&] {
        int sig = 0;
        sigwait(&stopSignals, &sig);
        if (listening) {
            bySignal = true;
            logLine(std::string("stopping on ") + (sig == SIGINT ? "SIGINT" : "SIGTERM"));
        }
        // stop() does nothing until the accept loop runs; a signal right
        // after the "listening on" line must not be lost.
        while (listening && !server.is_running())
            std::this_thread::sleep_for(std::chrono::milliseconds(1));
        server.stop();
    });
    const std::string shownHost = options.host.find(':') != std::string::npos ? "[" + options.host + "]" : options.host;
    std::printf("listening on https://%s:%d\n", shownHost.c_str(), port);
    std::fflush(stdout);
    const HttpLimits& l = options.http;
    logLine("serving " + std::to_string(l.threads) + " workers, backlog " + std::to_string(l.max_backlog) +
            ", shed queue " + std::to_string(l.max_shed) + ", " + std::to_string(l.guard.max_per_client) +
            " connections per client, request deadline " +
            std::to_string(l.guard.request_deadline.count()) + " ms, bodies up to " +
            std::to_string(l.max_body_bytes) + " bytes");

    const bool ok = server.listen_after_bind();
    listening = false;
    if (!bySignal) pthread_kill(stopper.native_handle(), SIGTERM);  // wakes the stopper
    stopper.join();
    logLine("stopped");
    return ok || bySignal ? 0 : 1;
}

}  // namespace district
