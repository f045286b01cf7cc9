// conn_guard.h — limits on every TLS connection of a server, enforced below
// cpp-httplib through OpenSSL's own hooks (DESIGN principle 8).
//
// cpp-httplib 0.11.4 reads a request line and headers byte by byte into a
// string with no bound, keeps headers without a count, and waits on each
// read only with a per-read timeout: a client that trickles a byte now and
// then holds a worker for ever, and one long header line grows the server
// without limit. It offers no hook per connection either. OpenSSL does, on
// the SSL_CTX the server is built from:
//   - the info callback runs on the worker thread when a handshake starts,
//     before any byte is read: the connection is registered there (its
//     socket, the client's address, a deadline), or closed at once when the
//     client's address already holds `max_per_client` connections or the
//     admission queue said so (Lane::Refuse);
//   - the message callback sees every TLS record header as it is read: the
//     application data a request may bring is counted against a byte budget
//     (max_header_bytes, plus the Content-Length the request was allowed),
//     and the socket is shut down when it is exceeded;
//   - an SSL ex_data slot frees the registration inside SSL_free, which
//     cpp-httplib calls before it closes the socket: the watchdog never
//     touches a descriptor number that was closed and reused.
// A watchdog thread shuts down (never closes: the owner does) every socket
// whose request runs past its deadline: TLS handshake, headers, body and
// handling together. A worker blocked on that socket then returns at once.
//
// The request-level calls (allowBody, closeAfterAnswer, answered) act on the
// connection of the calling worker thread; HardenedHttpsServer makes them.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <mutex>
#include <set>
#include <string>
#include <thread>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace district {

struct GuardLimits {
    std::size_t max_per_client = 4;  // connections one client address holds at once
    // Handshake, request line and headers, body and handling, answer: in all.
    std::chrono::milliseconds request_deadline{10'000};
    // A body the request was allowed (after authentication) and the answer
    // add their size at this rate to the deadline: a station on a slow link
    // still gets a 1 MB page through, and an unauthenticated client gets
    // nothing more than request_deadline.
    std::size_t slow_link_bytes_per_second = 16 * 1024;
    std::chrono::milliseconds shed_deadline{2'000};  // a connection only answered 503
    std::size_t max_header_bytes = 32 * 1024;       // request line and headers, as TLS records
    // After a refusal, what the client may still be sending (a body that was
    // never going to be read) is received and dropped, without decrypting or
    // keeping it, until the client stops or these run out: closing a socket
    // with unread data resets the connection, and the client would lose the
    // refusal.
    std::chrono::milliseconds linger{1'000};
    std::chrono::milliseconds linger_idle{200};
    std::size_t linger_bytes = 16 * 1024 * 1024;
};

class ConnectionGuard {
public:
    // Which way the admission queue sends the connections a thread runs.
    enum class Lane { Serve, Shed, Refuse };

    struct Stats {
        std::int64_t connections = 0;        // registered
        std::int64_t refused_per_client = 0; // closed at once: the address held its maximum
        std::int64_t refused_overflow = 0;   // closed at once: every queue was full
        std::int64_t cut_deadline = 0;       // shut down at the request deadline
        std::int64_t cut_budget = 0;         // shut down over the byte budget
        int open = 0;                        // registered now
    };

    // `log` gets a summary line when the counts changed (at most every 10 s).
    explicit ConnectionGuard(GuardLimits limits, std::function<void(const std::string&)> log = {});
    ~ConnectionGuard();
    ConnectionGuard(const ConnectionGuard&) = delete;
    ConnectionGuard& operator=(const ConnectionGuard&) = delete;

    // Installs the hooks on `ctx` before it serves. The guard must outlive
    // every connection of ctx.
    void attach(SSL_CTX& ctx);

    // This thread's lane (set by the admission queue on its threads).
    static void setLane(Lane lane);
    static Lane lane();

    // --- the request on the calling worker thread's connection
    // Lets `contentLength` more bytes of body in, and gives them time.
    void allowBody(std::size_t contentLength);
    // Gives an answer of `bytes` time to be written.
    void allowAnswer(std::size_t bytes);
    // Closes the connection once the answer is written.
    void closeAfterAnswer();
    // True when the connection is past its deadline, over its budget or to be
    // closed: no further request on it may be served.
    bool condemned() const;
    // After an answer was written: closes a condemned connection (after
    // lingering), or starts the next request's deadline and budget.
    void answered();

    Stats stats() const;

private:
    struct Conn;
    friend struct GuardHooks;  // OpenSSL's callbacks (conn_guard.cpp)
    static thread_local Conn* current_;  // the connection this worker serves

    void registerConn(SSL* ssl);
    void closeNow(Conn& c);
    void extendDeadline(Conn& c, std::size_t bytes);
    void unregister(Conn* c);
    void cut(Conn& c, bool deadline);
    void watch();

    GuardLimits limits_;
    std::function<void(const std::string&)> log_;
    mutable std::mutex mu_;
    std::condition_variable cv_;
    std::set<Conn*> conns_;
    std::map<std::string, int> perClient_;
    Stats stats_;
    bool stop_ = false;
    std::thread watchdog_;
};

}  // namespace district
