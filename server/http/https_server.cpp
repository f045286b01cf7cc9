#include "http/https_server.h"

#include <openssl/ssl.h>
#include <pthread.h>
#include <signal.h>
#include <sys/socket.h>

#include <atomic>
#include <chrono>
#include <cstdio>
#include <stdexcept>
#include <thread>

#include "http/admission.h"
#include "http/request_log.h"
#include "pki/pki.h"

namespace district {
namespace {

// Only to widen the listen backlog: libcpp-httplib is built with 5, and a
// burst of stations connecting at once would see dropped SYNs (1 s retries).
class DistrictHttpsServer : public httplib::SSLServer {
public:
    using httplib::SSLServer::SSLServer;
    void widenListenBacklog(int n) { ::listen(svr_sock_, n); }
};

}  // namespace

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
    const PkiPaths pki = pkiPaths(dataDir);
    DistrictHttpsServer server([&](SSL_CTX& ctx) {
        SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
        SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION);
        return SSL_CTX_use_certificate_chain_file(&ctx, pki.server_cert.c_str()) == 1 &&
               SSL_CTX_use_PrivateKey_file(&ctx, pki.server_key.c_str(), SSL_FILETYPE_PEM) == 1 &&
               SSL_CTX_check_private_key(&ctx) == 1;
    });
    if (!server.is_valid())
        throw std::runtime_error("cannot load the server certificate " + pki.server_cert +
                                 " with its key " + pki.server_key);

    core::SystemClock clock;
    Api api(storage, clock, options.api);
    api.mount(server);
    const std::size_t threads = options.threads, backlog = options.max_backlog;
    server.new_task_queue = [threads, backlog] { return new AdmissionQueue(threads, backlog); };
    // httplib writes headers and body separately: without TCP_NODELAY the body
    // waits for the client's delayed ACK, 40 ms on every response.
    server.set_tcp_nodelay(true);
    server.set_keep_alive_timeout(options.keep_alive_seconds);
    server.set_keep_alive_max_count(100);
    server.set_read_timeout(10, 0);
    server.set_write_timeout(10, 0);

    // Signals go to one thread that stops the server; every other thread
    // (httplib's workers are started later) inherits the blocked mask.
    sigset_t stopSignals;
    sigemptyset(&stopSignals);
    sigaddset(&stopSignals, SIGTERM);
    sigaddset(&stopSignals, SIGINT);
    pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);
    signal(SIGPIPE, SIG_IGN);

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
    logLine("serving " + std::to_string(threads) + " workers, backlog " + std::to_string(backlog));

    const bool ok = server.listen_after_bind();
    listening = false;
    if (!bySignal) pthread_kill(stopper.native_handle(), SIGTERM);  // wakes the stopper
    stopper.join();
    logLine("stopped");
    return ok || bySignal ? 0 : 1;
}

}  // namespace district
