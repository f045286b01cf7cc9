// conn_guard.cpp — ConnectionGuard: OpenSSL hooks, the registry of
// connections, the watchdog.
//
// Index
//   Conn, GuardHooks   per-connection state; OpenSSL's info, message and
//                      ex_data free callbacks
//   registration       registerConn, unregister (limits per client, lanes)
//   per request        allowBody, closeAfterAnswer, condemned, answered
//   watchdog           deadlines, the summary log line
#include "http/conn_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <sys/socket.h>

#include <algorithm>
#include <atomic>

namespace district {

using Clock = std::chrono::steady_clock;

struct ConnectionGuard::Conn {
    ConnectionGuard* guard = nullptr;
    SSL* ssl = nullptr;
    int fd = -1;
    std::string client;
    bool shed = false;
    Clock::time_point deadline;  // under guard->mu_
    // Worker thread only (the message callback runs on it, inside SSL_read).
    std::size_t used = 0, budget = 0;
    // Set by the worker or the watchdog; `cut` under guard->mu_.
    std::atomic<bool> condemned{false};
    bool cut = false;
};

thread_local ConnectionGuard::Conn* ConnectionGuard::current_ = nullptr;

namespace {
thread_local ConnectionGuard::Lane tLane = ConnectionGuard::Lane::Serve;

std::string peerAddress(int fd) {
    sockaddr_storage ss{};
    socklen_t len = sizeof ss;
    if (getpeername(fd, reinterpret_cast<sockaddr*>(&ss), &len) != 0) return "?";
    char buf[INET6_ADDRSTRLEN] = "?";
    if (ss.ss_family == AF_INET)
        inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(&ss)->sin_addr, buf, sizeof buf);
    else if (ss.ss_family == AF_INET6)
        inet_ntop(AF_INET6, &reinterpret_cast<sockaddr_in6*>(&ss)->sin6_addr, buf, sizeof buf);
    return buf;
}
}  // namespace

// ------------------------------------------------------------- OpenSSL hooks

struct GuardHooks {
    static int connIndex() {
        static const int idx = SSL_get_ex_new_index(0, nullptr, nullptr, nullptr, &onFree);
        return idx;
    }
    static int ctxIndex() {
        static const int idx = SSL_CTX_get_ex_new_index(0, nullptr, nullptr, nullptr, nullptr);
        return idx;
    }
    static ConnectionGuard::Conn* conn(const SSL* ssl) {
        return static_cast<ConnectionGuard::Conn*>(SSL_get_ex_data(ssl, connIndex()));
    }

    // A handshake starts on a worker thread, before anything is read.
    static void onInfo(const SSL* ssl, int where, int) {
        if (!(where & SSL_CB_HANDSHAKE_START) || conn(ssl)) return;
        auto* guard = static_cast<ConnectionGuard*>(SSL_CTX_get_ex_data(SSL_get_SSL_CTX(ssl), ctxIndex()));
        if (guard) guard->registerConn(const_cast<SSL*>(ssl));
    }

    // Every record header read: application data counts against the budget.
    static void onMessage(int writeP, int, int contentType, const void* buf, std::size_t len, SSL* ssl,
                          void*) {
        if (writeP || contentType != SSL3_RT_HEADER || len < 5) return;
        const auto* h = static_cast<const unsigned char*>(buf);
        if (h[0] != SSL3_RT_APPLICATION_DATA) return;
        ConnectionGuard::Conn* c = conn(ssl);
        if (!c) return;
        c->used += static_cast<std::size_t>(h[3]) << 8 | h[4];
        if (c->used > c->budget) c->guard->cut(*c, false);
    }

    // Inside SSL_free, before cpp-httplib closes the socket.
    static void onFree(void*, void* ptr, CRYPTO_EX_DATA*, int, long, void*) {
        if (ptr) {
            auto* c = static_cast<ConnectionGuard::Conn*>(ptr);
            c->guard->unregister(c);
        }
    }
};

ConnectionGuard::ConnectionGuard(GuardLimits limits, std::function<void(const std::string&)> log)
    : limits_(limits), log_(std::move(log)) {
    watchdog_ = std::thread([this] { watch(); });
}

ConnectionGuard::~ConnectionGuard() {
    {
        std::lock_guard<std::mutex> lock(mu_);
        stop_ = true;
    }
    cv_.notify_all();
    watchdog_.join();
}

void ConnectionGuard::attach(SSL_CTX& ctx) {
    GuardHooks::connIndex();
    SSL_CTX_set_ex_data(&ctx, GuardHooks::ctxIndex(), this);
    SSL_CTX_set_info_callback(&ctx, &GuardHooks::onInfo);
    SSL_CTX_set_msg_callback(&ctx, &GuardHooks::onMessage);
}

void ConnectionGuard::setLane(Lane lane) { tLane = lane; }
ConnectionGuard::Lane ConnectionGuard::lane() { return tLane; }

// ------------------------------------------------------------- registration

void ConnectionGuard::registerConn(SSL* ssl) {
    const int fd = SSL_get_fd(ssl);
    if (fd < 0) return;
    if (tLane == Lane::Refuse) {
        ::shutdown(fd, SHUT_RDWR);  // the handshake fails at its first read
        std::lock_guard<std::mutex> lock(mu_);
        ++stats_.refused_overflow;
        return;
    }
    auto c = std::make_unique<Conn>();
    c->guard = this;
    c->ssl = ssl;
    c->fd = fd;
    c->client = peerAddress(fd);
    c->shed = tLane == Lane::Shed;
    c->budget = limits_.max_header_bytes;
    {
        std::lock_guard<std::mutex> lock(mu_);
        int& held = perClient_[c->client];
        if (static_cast<std::size_t>(held) >= limits_.max_per_client) {
            ++stats_.refused_per_client;
            ::shutdown(fd, SHUT_RDWR);
            return;
        }
        ++held;
        c->deadline = Clock::now() + (c->shed ? limits_.shed_deadline : limits_.request_deadline);
        conns_.insert(c.get());
        ++stats_.connections;
    }
    current_ = c.get();
    SSL_set_ex_data(ssl, GuardHooks::connIndex(), c.release());
}

void ConnectionGuard::unregister(Conn* c) {
    {
        std::lock_guard<std::mutex> lock(mu_);
        conns_.erase(c);
        auto it = perClient_.find(c->client);
        if (it != perClient_.end() && --it->second <= 0) perClient_.erase(it);
    }
    if (current_ == c) current_ = nullptr;
    delete c;
}

void ConnectionGuard::cut(Conn& c, bool deadline) {
    std::lock_guard<std::mutex> lock(mu_);
    c.condemned = true;
    if (c.cut) return;
    ::shutdown(c.fd, SHUT_RDWR);
    c.cut = true;
    ++(deadline ? stats_.cut_deadline : stats_.cut_budget);
}

// ------------------------------------------------------------- per request

void ConnectionGuard::allowBody(std::size_t contentLength) {
    if (Conn* c = current_) {
        // TLS adds up to 256 bytes a record (16 KiB); a request's last record
        // may also carry the start of the next one.
        c->budget = c->used + contentLength + contentLength / 8 + 32 * 1024;
        extendDeadline(*c, contentLength);
    }
}

void ConnectionGuard::allowAnswer(std::size_t bytes) {
    if (Conn* c = current_) extendDeadline(*c, bytes);
}

void ConnectionGuard::extendDeadline(Conn& c, std::size_t bytes) {
    const auto extra = std::chrono::milliseconds(bytes * 1000 / std::max<std::size_t>(1, limits_.slow_link_bytes_per_second));
    std::lock_guard<std::mutex> lock(mu_);
    c.deadline += extra;
}

void ConnectionGuard::closeAfterAnswer() {
    if (Conn* c = current_) c->condemned = true;
}

bool ConnectionGuard::condemned() const {
    const Conn* c = current_;
    return c && c->condemned;
}

void ConnectionGuard::answered() {
    Conn* c = current_;
    if (!c) return;
    if (c->condemned) return closeNow(*c);
    {
        std::lock_guard<std::mutex> lock(mu_);
        c->deadline = Clock::now() + (c->shed ? limits_.shed_deadline : limits_.request_deadline);
    }
    c->used = 0;
    c->budget = limits_.max_header_bytes;
}

// The answer is written. Say goodbye (close_notify), stop sending, read and
// drop what the client still sends for a moment (closing a socket with
// unread data resets the connection, and the client may lose the answer),
// then mark the TLS session as closed by the peer: cpp-httplib's next read
// returns 0 even for bytes OpenSSL already holds, so an unread body is never
// parsed as a request.
void ConnectionGuard::closeNow(Conn& c) {
    bool alreadyCut;
    {
        std::lock_guard<std::mutex> lock(mu_);
        alreadyCut = c.cut;
    }
    if (!alreadyCut) {
        SSL_shutdown(c.ssl);
        ERR_clear_error();
        ::shutdown(c.fd, SHUT_WR);
        const auto until = Clock::now() + limits_.linger;
        std::size_t drained = 0;
        char buf[16384];
        while (drained < limits_.linger_bytes) {
            const auto left = std::min(limits_.linger_idle, std::chrono::duration_cast<std::chrono::milliseconds>(
                                                                until - Clock::now()));
            pollfd p{c.fd, POLLIN, 0};
            if (left.count() <= 0 || ::poll(&p, 1, static_cast<int>(left.count())) <= 0) break;
            const ssize_t n = ::recv(c.fd, buf, sizeof buf, 0);
            if (n <= 0) break;
            drained += static_cast<std::size_t>(n);
        }
    }
    SSL_set_shutdown(c.ssl, SSL_SENT_SHUTDOWN | SSL_RECEIVED_SHUTDOWN);
    std::lock_guard<std::mutex> lock(mu_);
    if (!c.cut) ::shutdown(c.fd, SHUT_RDWR);
    c.cut = true;
}

ConnectionGuard::Stats ConnectionGuard::stats() const {
    std::lock_guard<std::mutex> lock(mu_);
    Stats s = stats_;
    s.open = static_cast<int>(conns_.size());
    return s;
}

// ------------------------------------------------------------- watchdog

void ConnectionGuard::watch() {
    std::unique_lock<std::mutex> lock(mu_);
    Stats logged;
    auto lastLog = Clock::now();
    for (bool last = false; !last;) {
        cv_.wait_for(lock, std::chrono::milliseconds(100));
        last = stop_;  // one more round: the summary of the end
        const auto now = Clock::now();
        for (Conn* c : conns_) {
            if (c->cut || now < c->deadline) continue;
            c->condemned = true;
            ::shutdown(c->fd, SHUT_RDWR);
            c->cut = true;
            ++stats_.cut_deadline;
        }
        const Stats& s = stats_;
        const bool changed = s.refused_per_client != logged.refused_per_client ||
                             s.refused_overflow != logged.refused_overflow ||
                             s.cut_deadline != logged.cut_deadline || s.cut_budget != logged.cut_budget;
        if (log_ && changed && (now - lastLog >= std::chrono::seconds(10) || last)) {
            logged = s;
            lastLog = now;
            const std::string line =
                "guard: refused " + std::to_string(s.refused_per_client) + " connections over the per-client limit, " +
                std::to_string(s.refused_overflow) + " beyond the queues; cut " + std::to_string(s.cut_deadline) +
                " at the deadline, " + std::to_string(s.cut_budget) + " over the byte budget (" +
                std::to_string(s.connections) + " connections served)";
            lock.unlock();
            log_(line);
            lock.lock();
        }
    }
}

}  // namespace district
