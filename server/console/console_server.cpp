#include "console/console_server.h"

#include <openssl/ssl.h>

#include <chrono>
#include <stdexcept>

#include "pki/pki.h"

namespace district::console {

// TLS as the station API has it (TLS 1.2+, no compression), on the district's
// server certificate. When the API's TLS setup moves into a shared helper,
// this uses it too.
class ConsoleHttps : public httplib::SSLServer {
public:
    using httplib::SSLServer::SSLServer;
};

ConsoleServer::ConsoleServer(const std::string& dataDir, Storage& storage, ConsoleServerOptions options)
    : options_(std::move(options)) {
    const PkiPaths pki = pkiPaths(dataDir);
    server_ = std::make_unique<ConsoleHttps>([pki](SSL_CTX& ctx) {
        SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION);
        SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION);
        return SSL_CTX_use_certificate_chain_file(&ctx, pki.server_cert.c_str()) == 1 &&
               SSL_CTX_use_PrivateKey_file(&ctx, pki.server_key.c_str(), SSL_FILETYPE_PEM) == 1 &&
               SSL_CTX_check_private_key(&ctx) == 1;
    });
    if (!server_->is_valid())
        throw std::runtime_error("console: cannot load the server certificate " + pki.server_cert);
    console_ = std::make_unique<Console>(dataDir, storage, clock_, options_.console);
    console_->mount(*server_);
    const std::size_t threads = options_.threads;
    server_->new_task_queue = [threads] { return new httplib::ThreadPool(threads); };
    server_->set_tcp_nodelay(true);
    server_->set_keep_alive_timeout(2);  // a page and its assets; then the worker is free
    server_->set_read_timeout(30, 0);  // an upload over a slow office line
    server_->set_write_timeout(30, 0);
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
