#include "console/console_server.h"

#include <chrono>
#include <stdexcept>

#include "http/request_log.h"
#include "pki/pki.h"

namespace district::console {

HttpLimits consoleLimits() {
    HttpLimits l;
    l.threads = 24;
    l.max_backlog = 64;
    l.max_shed = 8;
    l.keep_alive_seconds = 2;  // a page and its assets; then the worker is free
    l.io_timeout_seconds = 30;
    l.guard.max_per_client = 16;
    l.guard.request_deadline = std::chrono::seconds(30);
    return l;
}

ConsoleServer::ConsoleServer(const std::string& dataDir, Storage& storage, ConsoleServerOptions options)
    : options_(std::move(options)) {
    const PkiPaths pki = pkiPaths(dataDir);
    options_.http.max_body_bytes = options_.console.max_upload_bytes;
    server_ = std::make_unique<HardenedHttpsServer>(pki.server_cert, pki.server_key, options_.http,
                                                    [](const std::string& line) { logLine("console " + line); });
    if (!server_->is_valid())
        throw std::runtime_error("console: cannot use the server certificate " + pki.server_cert +
                                 " with its key " + pki.server_key + ": " + server_->tlsError());
    console_ = std::make_unique<Console>(dataDir, storage, clock_, options_.console);
    console_->mount(*server_);
}

ConsoleServer::~ConsoleServer() { stop(); }

int ConsoleServer::bind() {
    if (options_.port == 0) {
        port_ = server_->bind_to_any_port(options_.host);
        if (port_ < 0) throw std::runtime_error("console: cannot listen on " + options_.host);
    } else if (server_->bind_to_port(options_.host, options_.port)) {
        port_ = options_.port;
    } else {
        throw std::runtime_error("console: cannot listen on " + options_.host + ":" +
                                 std::to_string(options_.port) +
                                 " (in use, or not an address of this machine); choose another with "
                                 "--admin-listen HOST:PORT");
    }
    server_->widenListenBacklog(64);  // a browser opens several connections at once
    return port_;
}

void ConsoleServer::start() {
    thread_ = std::thread([this] {
        server_->listen_after_bind();
        finished_ = true;
    });
}

void ConsoleServer::stop() {
    if (!thread_.joinable()) return;
    // stop() does nothing until the accept loop runs.
    while (!finished_ && !server_->is_running()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    server_->stop();
    thread_.join();
}

std::string ConsoleServer::url() const {
    const std::string h = options_.host.find(':') != std::string::npos ? "[" + options_.host + "]" : options_.host;
    return "https://" + h + ":" + std::to_string(port_);
}

}  // namespace district::console
