#include "http/hardened_server.h"

#include <sys/socket.h>

#include <nlohmann/json.hpp>
#include <stdexcept>

#include "http/admission.h"
#include "http/tls.h"

namespace district {
namespace {

bool hasBody(const std::string& method) {
    return method != "GET" && method != "HEAD" && method != "OPTIONS";
}

// A Content-Length of digits only (no sign, no spaces, no hex), at most 18
// of them; nullopt otherwise.
std::optional<std::uint64_t> parseLength(const std::string& s) {
    if (s.empty() || s.size() > 18 || s.find_first_not_of("0123456789") != std::string::npos)
        return std::nullopt;
    return std::stoull(s);
}

void jsonRefusal(httplib::Response& res, const Refusal& r) {
    res.set_content(nlohmann::json{{"error", r.code}, {"message", r.message}}.dump(), "application/json");
}

}  // namespace

void checkLimits(const HttpLimits& l) {
    if (l.threads < 1 || l.max_backlog < 1 || l.guard.max_per_client < 1)
        throw std::invalid_argument("threads, backlog and connections per client must be at least 1");
    if (l.threads + l.max_backlog + l.max_shed > 800)
        throw std::invalid_argument("threads + backlog + shed queue must stay at or below 800 "
                                    "(cpp-httplib 0.11.4 uses select(), which takes descriptors below 1024)");
    if (l.max_body_bytes < 1024)
        throw std::invalid_argument("the body limit must be at least 1024 bytes");
    if (l.guard.max_header_bytes < 4096)
        throw std::invalid_argument("the header limit must be at least 4096 bytes");
    if (l.guard.request_deadline < std::chrono::seconds(1))
        throw std::invalid_argument("the request deadline must be at least 1 second");
}

HardenedHttpsServer::HardenedHttpsServer(const std::string& certChainPath, const std::string& keyPath,
                                         HttpLimits limits, std::function<void(const std::string&)> log)
    : httplib::SSLServer([this, &certChainPath, &keyPath](SSL_CTX& ctx) {
          return configureServerTls(ctx, certChainPath, keyPath, &tls_error);
      }),
      limits_(limits),
      guard_(limits.guard, std::move(log)) {
    checkLimits(limits_);
    if (!is_valid()) return;
    guard_.attach(*ssl_context());

    const std::size_t threads = limits_.threads, backlog = limits_.max_backlog, shed = limits_.max_shed;
    new_task_queue = [threads, backlog, shed] { return new AdmissionQueue(threads, backlog, shed); };
    // httplib writes headers and body separately: without TCP_NODELAY the body
    // waits for the client's delayed ACK, 40 ms on every response.
    set_tcp_nodelay(true);
    set_keep_alive_timeout(limits_.keep_alive_seconds);
    set_keep_alive_max_count(100);
    set_read_timeout(limits_.io_timeout_seconds, 0);
    set_write_timeout(limits_.io_timeout_seconds, 0);
    // Checked before reading anyway (vet); this is httplib's own second line.
    set_payload_max_length(limits_.max_body_bytes);

    set_pre_routing_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (hooks_.begin) hooks_.begin(req);
        if (auto r = vet(req)) {
            refuse(res, *r);
            return httplib::Server::HandlerResponse::Handled;
        }
        // httplib hands its handlers a const Request, but owns a mutable one
        // (a local of process_request), and 0.11.4 has no other hook between
        // the headers and the answer's compression.
        auto& mut = const_cast<httplib::Request&>(req);
        mut.headers.erase("Accept-Encoding");
        const std::size_t length = static_cast<std::size_t>(
            parseLength(req.get_header_value("Content-Length")).value_or(0));
        if (length > 0) {
            mut.body.reserve(length);  // one allocation, never twice the body
            guard_.allowBody(length);
        }
        return httplib::Server::HandlerResponse::Unhandled;
    });
    // Before httplib answers "100 Continue" and the client sends its body.
    set_expect_100_continue_handler([this](const httplib::Request& req, httplib::Response& res) {
        if (hooks_.begin) hooks_.begin(req);
        if (auto r = vet(req)) {
            refuse(res, *r);
            return res.status;
        }
        return 100;
    });
    set_post_routing_handler([this](const httplib::Request&, httplib::Response& res) {
        guard_.allowAnswer(res.body.size());
        if (res.status >= 400 || guard_.condemned()) {
            guard_.closeAfterAnswer();
            res.headers.erase("Keep-Alive");
            res.set_header("Connection", "close");
        }
    });
    set_logger([this](const httplib::Request& req, const httplib::Response& res) {
        if (hooks_.log) hooks_.log(req, res);
        guard_.answered();
    });
}

void HardenedHttpsServer::setHooks(RequestHooks hooks) { hooks_ = std::move(hooks); }

void HardenedHttpsServer::widenListenBacklog(int n) { ::listen(svr_sock_, n); }

void HardenedHttpsServer::refuse(httplib::Response& res, const Refusal& r) {
    // The body was not read: whatever refusal (a redirect to a login page
    // too), the connection ends with this answer.
    guard_.closeAfterAnswer();
    res.status = r.status;
    if (r.status == 503) res.set_header("Retry-After", std::to_string(limits_.retry_after_seconds));
    if (hooks_.refuse)
        hooks_.refuse(res, r);
    else
        jsonRefusal(res, r);
}

std::optional<Refusal> HardenedHttpsServer::vet(const httplib::Request& req) {
    if (guard_.condemned())
        return Refusal{408, "request_timeout", "the connection ran out of time or bytes; connect again"};
    if (ConnectionGuard::lane() == ConnectionGuard::Lane::Shed)
        return Refusal{503, "overloaded", "the server is busy; retry after the given seconds"};
    if (req.has_header("Transfer-Encoding"))
        return Refusal{411, "length_required", "send the body with a Content-Length (no chunked bodies)"};
    if (req.has_header("Content-Encoding"))
        return Refusal{415, "unsupported_encoding", "bodies are not accepted compressed"};
    std::optional<std::uint64_t> length;
    if (const auto n = req.get_header_value_count("Content-Length"); n > 1) {
        return Refusal{400, "bad_request", "more than one Content-Length"};
    } else if (n == 1) {
        length = parseLength(req.get_header_value("Content-Length"));
        if (!length) return Refusal{400, "bad_request", "Content-Length must be a number of bytes"};
    }
    if (hasBody(req.method)) {
        if (!length) return Refusal{411, "length_required", "a body needs a Content-Length"};
        if (*length > limits_.max_body_bytes)
            return Refusal{413, "payload_too_large",
                           "a body may have at most " + std::to_string(limits_.max_body_bytes) + " bytes"};
    } else if (length.value_or(0) > 0) {
        return Refusal{400, "bad_request", req.method + " takes no body"};
    }
    if (hooks_.admit) return hooks_.admit(req);
    return std::nullopt;
}

}  // namespace district
