// abusers.h — hostile clients for the district server (tests/abuse and
// bench/server/bench_abuse): raw TLS connections that send whatever framing
// an attacker likes, a gzip bomb, a slowloris crowd, and a reader of the
// server's resident memory. Loopback only; every abuser can bind its source
// address (127.0.0.2) so the server's per-client limits apply to it and not to
// a good station on 127.0.0.1.
//
// No certificate checks here: an attacker checks nothing, and what is tested
// is the server.
#pragma once

#include <sys/types.h>

#include <atomic>
#include <chrono>
#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <thread>

typedef struct ssl_st SSL;
typedef struct ssl_ctx_st SSL_CTX;

namespace abuse {

inline constexpr const char* kAbuserAddress = "127.0.0.2";

// One HTTP answer as it came on the wire.
struct Answer {
    int status = 0;                              // 0: no answer
    std::map<std::string, std::string> headers;  // names in lower case
    std::string body;
    std::string header(const std::string& lowerName) const {
        auto it = headers.find(lowerName);
        return it == headers.end() ? "" : it->second;
    }
};

// A blocking TLS connection to 127.0.0.1:port from `source`, with send and
// receive timeouts. ok() is false when connecting or the handshake failed
// (the server may refuse a client at once).
class TlsConn {
public:
    TlsConn(int port, const std::string& source, std::chrono::milliseconds timeout = std::chrono::seconds(5));
    ~TlsConn();
    TlsConn(const TlsConn&) = delete;
    TlsConn& operator=(const TlsConn&) = delete;

    bool ok() const { return ssl_ != nullptr; }
    // Sends all of `data`; false when the server closed, reset or stopped
    // reading (send timeout).
    bool send(std::string_view data);
    // True when the server has sent an answer (kept for readAnswer) or closed
    // the connection, within `wait`. TLS housekeeping (session tickets) is not
    // an answer.
    bool spoke(std::chrono::milliseconds wait = std::chrono::milliseconds(0));
    // Reads one answer: status line, headers, and a body of Content-Length.
    Answer readAnswer(std::chrono::milliseconds timeout = std::chrono::seconds(5));
    // After an answer: true when the server closes within `timeout` without
    // sending anything more; what it did send is appended to `extra`.
    bool closedWithin(std::chrono::milliseconds timeout, std::string* extra = nullptr);
    int fd() const { return fd_; }

private:
    int readSome(char* buf, int n, std::chrono::steady_clock::time_point until);

    int fd_ = -1;
    SSL* ssl_ = nullptr;
    std::string pending_;  // read past the last answer
};

// The cipher the server at 127.0.0.1:port picks for a TLS 1.2 client that
// offers `ciphers` (OpenSSL's list syntax), in that order; empty when the
// handshake fails.
std::string negotiatedTls12(int port, const char* ciphers);

// A gzip stream that inflates to `inflatedBytes` zero bytes (about 1/1000 of
// that on the wire). Computed once per size.
const std::string& gzipBomb(std::size_t inflatedBytes);

// A push body from `stationId` whose one op has a payload nested `depth`
// arrays deep ([[[...]]]).
std::string deepJsonPush(const std::string& stationId, int depth);

// A field of /proc/PID/status in kB (VmRSS, VmHWM); -1 when unreadable.
long procStatusKb(pid_t pid, const char* field);

// `count` slow clients from `source`: each opens a connection and trickles
// one byte every `gap` (half of them a TLS ClientHello never finished, half
// a finished handshake then request headers that never end). A connection
// the server closes is opened again after `gap`. Runs on its own thread from
// start() to stop().
class Slowloris {
public:
    struct Stats {
        std::int64_t opened = 0;          // connections opened in all
        std::int64_t closedByServer = 0;  // ... that the server closed
        int maxOpen = 0;                  // most open at one time
    };
    Slowloris(int port, int count, std::chrono::milliseconds gap, std::string source = kAbuserAddress);
    ~Slowloris();
    void start();
    Stats stop();

private:
    void run();

    int port_, count_;
    std::chrono::milliseconds gap_;
    std::string source_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    Stats stats_;
};

// Bad requests one after the other from `source`, each on a new connection,
// in turn: a 64 MiB chunked body, a gzip bomb (1 GiB inflated), a body
// without length from an enrolled station, 100,000 nested arrays from an
// enrolled station, a wrong token, an 8 MB body without a token. Runs on its
// own thread from start() to stop().
class Flood {
public:
    struct Stats {
        std::int64_t requests = 0;  // sent (the connection was accepted)
        std::int64_t refused = 0;   // answered with a 4xx
        std::int64_t shut = 0;      // connections the server did not take
        // Per kind of bad request: how often each status came back (0: none).
        std::map<std::string, std::map<int, std::int64_t>> answers;
        void add(const Stats& other);
        // "chunked 64 MiB: 411 x12; gzip bomb: 415 x12; ..."
        std::string summary() const;
    };
    // The kinds, in the order they are sent.
    static const char* const kKinds[6];
    Flood(int port, std::string source, std::string enrolledStationId, std::string enrolledToken);
    ~Flood();
    void start();
    Stats stop();

private:
    void run();

    int port_;
    std::string source_, stationId_, token_;
    std::atomic<bool> stop_{false};
    std::thread thread_;
    Stats stats_;
};

}  // namespace abuse
