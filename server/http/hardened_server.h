// hardened_server.h — an HTTPS server (cpp-httplib 0.11.4) that vets every
// request before its body is read (DESIGN principle 8). The sync API runs on
// it, and so does the admin console (server/console): it brings the TLS
// settings (tls.h), the connection limits (conn_guard.h), the bounded worker
// queue (admission.h) and the checks below, and takes the routes and four
// hooks.
//
// Every request, in cpp-httplib's pre-routing handler (and in its
// Expect: 100-continue handler, before it invites the body), after the
// request line and headers and before any body byte:
//   - a connection past its deadline or budget, or only being shed: refused;
//   - Transfer-Encoding (chunked) or a body method without Content-Length:
//     411; a second Content-Length or one that is not a number: 400; GET,
//     HEAD or OPTIONS with a body: 400; Content-Encoding: 415; a body above
//     max_body_bytes: 413;
//   - then the `admit` hook (authentication): its refusal, e.g. 401.
// An admitted request gets its body budget, and its Accept-Encoding is
// dropped: cpp-httplib compresses answers (gzip, brotli) whenever a client
// accepts it, and compressed secrets next to reflected input leak (BREACH).
// A refusal (whatever its status: a hook may refuse with a redirect) and
// every answer of 400 or more close the connection (Connection: close), so a
// body that was not read is never taken for a next request.
#pragma once

#include <chrono>
#include <cstddef>
#include <functional>
#include <optional>
#include <string>

#include <httplib.h>

#include "http/conn_guard.h"

namespace district {

struct HttpLimits {
    // Workers: each holds one connection (httplib's model), mostly waiting on
    // the network or the database writer, so more than the cores.
    std::size_t threads = 16;
    std::size_t max_backlog = 256;  // connections waiting for a worker; beyond: shed (503)
    std::size_t max_shed = 16;     // connections waiting for their 503; beyond: closed at once
    std::size_t max_body_bytes = 8 * 1024 * 1024;
    int keep_alive_seconds = 2;    // idle wait for a next request on a connection
    int io_timeout_seconds = 5;    // one read or write
    int retry_after_seconds = 2;   // in a 503
    GuardLimits guard;             // per client, deadline, header budget
};

// Every descriptor passes through select() in cpp-httplib 0.11.4, which
// cannot take one above 1023: workers, both queues and what a process needs
// besides must stay well below. Throws std::invalid_argument otherwise.
void checkLimits(const HttpLimits& limits);

struct Refusal {
    int status = 400;
    std::string code;     // e.g. "unauthorized"
    std::string message;  // plain words
};

struct RequestHooks {
    // First thing for each request (e.g. start its log note).
    std::function<void(const httplib::Request&)> begin;
    // After the framing checks, before the body: nullopt lets it in.
    std::function<std::optional<Refusal>(const httplib::Request&)> admit;
    // Writes a refusal's answer; default: {"error","message"} JSON.
    std::function<void(httplib::Response&, const Refusal&)> refuse;
    // After each answer was written.
    std::function<void(const httplib::Request&, const httplib::Response&)> log;
};

// Base-from-member: the TLS error is written while SSLServer is built.
struct HardenedServerTlsState {
    std::string tls_error;
};

class HardenedHttpsServer : private HardenedServerTlsState, public httplib::SSLServer {
public:
    // Loads the certificate chain and key (PEM) with configureServerTls();
    // is_valid() is false when they cannot be used, and tlsError() says why.
    HardenedHttpsServer(const std::string& certChainPath, const std::string& keyPath, HttpLimits limits,
                        std::function<void(const std::string&)> log = {});

    // Set before listening; the routes are added with Get/Post as usual. Do
    // not replace the pre-routing, post-routing, Expect or logger handlers.
    void setHooks(RequestHooks hooks);

    const std::string& tlsError() const { return tls_error; }
    const HttpLimits& limits() const { return limits_; }
    ConnectionGuard& guard() { return guard_; }
    // cpp-httplib listens with a backlog of 5; a burst of stations would see
    // dropped SYNs (1 s retries).
    void widenListenBacklog(int n);

private:
    std::optional<Refusal> vet(const httplib::Request& req);
    void refuse(httplib::Response& res, const Refusal& r);

    HttpLimits limits_;
    ConnectionGuard guard_;
    RequestHooks hooks_;
};

}  // namespace district
