#include "abusers.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <netinet/tcp.h>
#include <openssl/err.h>
#include <openssl/ssl.h>
#include <poll.h>
#include <signal.h>
#include <sys/socket.h>
#include <unistd.h>
#include <zlib.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <mutex>
#include <stdexcept>
#include <vector>

namespace abuse {
namespace {

using Clock = std::chrono::steady_clock;
using namespace std::chrono_literals;

SSL_CTX* clientCtx() {
    static SSL_CTX* ctx = [] {
        signal(SIGPIPE, SIG_IGN);  // a server that closes on a writer is the point
        SSL_CTX* c = SSL_CTX_new(TLS_client_method());
        SSL_CTX_set_verify(c, SSL_VERIFY_NONE, nullptr);
        SSL_CTX_set_min_proto_version(c, TLS1_2_VERSION);
        // A session ticket alone makes SSL_read return (WANT_READ) instead
        // of blocking for application data that may never come.
        SSL_CTX_clear_mode(c, SSL_MODE_AUTO_RETRY);
        return c;
    }();
    return ctx;
}

// A TCP socket from `source` to 127.0.0.1:port; non-blocking when asked.
// -1 when it cannot be created or bound.
int openSocket(const std::string& source, int port, bool nonBlocking, bool* inProgress) {
    const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC | (nonBlocking ? SOCK_NONBLOCK : 0), 0);
    if (fd < 0) return -1;
    sockaddr_in src{};
    src.sin_family = AF_INET;
    inet_pton(AF_INET, source.c_str(), &src.sin_addr);
    if (::bind(fd, reinterpret_cast<sockaddr*>(&src), sizeof src) != 0) {
        ::close(fd);
        return -1;
    }
    int one = 1;
    setsockopt(fd, IPPROTO_TCP, TCP_NODELAY, &one, sizeof one);
    sockaddr_in dst{};
    dst.sin_family = AF_INET;
    dst.sin_port = htons(static_cast<uint16_t>(port));
    inet_pton(AF_INET, "127.0.0.1", &dst.sin_addr);
    *inProgress = false;
    if (::connect(fd, reinterpret_cast<sockaddr*>(&dst), sizeof dst) != 0) {
        if (nonBlocking && errno == EINPROGRESS) {
            *inProgress = true;
        } else {
            ::close(fd);
            return -1;
        }
    }
    return fd;
}

void setTimeouts(int fd, std::chrono::milliseconds t) {
    timeval tv{static_cast<time_t>(t.count() / 1000), static_cast<suseconds_t>((t.count() % 1000) * 1000)};
    setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, sizeof tv);
    setsockopt(fd, SOL_SOCKET, SO_SNDTIMEO, &tv, sizeof tv);
}

std::string lower(std::string s) {
    for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

}  // namespace

// ------------------------------------------------------------- TlsConn

TlsConn::TlsConn(int port, const std::string& source, std::chrono::milliseconds timeout) {
    bool inProgress = false;
    fd_ = openSocket(source, port, false, &inProgress);
    if (fd_ < 0) return;
    setTimeouts(fd_, timeout);
    SSL* ssl = SSL_new(clientCtx());
    SSL_set_fd(ssl, fd_);
    SSL_set_tlsext_host_name(ssl, "127.0.0.1");
    if (SSL_connect(ssl) != 1) {
        SSL_free(ssl);
        ERR_clear_error();
        return;
    }
    ssl_ = ssl;
}

TlsConn::~TlsConn() {
    if (ssl_) SSL_free(ssl_);
    if (fd_ >= 0) ::close(fd_);
}

bool TlsConn::send(std::string_view data) {
    if (!ssl_) return false;
    while (!data.empty()) {
        const int n = SSL_write(ssl_, data.data(), static_cast<int>(std::min<std::size_t>(data.size(), 1 << 20)));
        if (n <= 0) {
            ERR_clear_error();
            return false;
        }
        data.remove_prefix(static_cast<std::size_t>(n));
    }
    return true;
}

bool TlsConn::spoke(std::chrono::milliseconds wait) {
    if (!ssl_) return true;
    if (!pending_.empty()) return true;
    const auto until = Clock::now() + wait;
    for (;;) {
        if (SSL_pending(ssl_) <= 0) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(std::max<long>(0, left.count()))) <= 0) return false;
        }
        char buf[16384];
        const int r = SSL_read(ssl_, buf, sizeof buf);
        if (r > 0) {
            pending_.append(buf, static_cast<std::size_t>(r));
            return true;
        }
        const int err = SSL_get_error(ssl_, r);
        ERR_clear_error();
        if (err != SSL_ERROR_WANT_READ) return true;  // closed or reset
        if (Clock::now() >= until) return false;
    }
}

int TlsConn::readSome(char* buf, int n, Clock::time_point until) {
    for (;;) {
        if (SSL_pending(ssl_) <= 0) {
            const auto left = std::chrono::duration_cast<std::chrono::milliseconds>(until - Clock::now());
            if (left.count() <= 0) return -1;
            pollfd p{fd_, POLLIN, 0};
            if (::poll(&p, 1, static_cast<int>(left.count())) <= 0) return -1;
        }
        const int r = SSL_read(ssl_, buf, n);
        if (r > 0) return r;
        const int err = SSL_get_error(ssl_, r);
        ERR_clear_error();
        if (err == SSL_ERROR_WANT_READ) continue;
        return 0;  // closed (close_notify, EOF or reset)
    }
}

Answer TlsConn::readAnswer(std::chrono::milliseconds timeout) {
    Answer a;
    if (!ssl_) return a;
    const auto until = Clock::now() + timeout;
    std::string& in = pending_;
    char buf[16384];
    std::size_t headEnd;
    while ((headEnd = in.find("\r\n\r\n")) == std::string::npos) {
        const int n = readSome(buf, sizeof buf, until);
        if (n <= 0) return a;
        in.append(buf, static_cast<std::size_t>(n));
    }
    const std::string head = in.substr(0, headEnd);
    in.erase(0, headEnd + 4);
    if (head.rfind("HTTP/1.", 0) != 0 || head.size() < 12) return a;
    a.status = std::atoi(head.c_str() + 9);
    std::size_t pos = head.find("\r\n");
    while (pos != std::string::npos && pos + 2 < head.size()) {
        const std::size_t next = head.find("\r\n", pos + 2);
        const std::string line = head.substr(pos + 2, next == std::string::npos ? std::string::npos : next - pos - 2);
        const auto colon = line.find(':');
        if (colon != std::string::npos) {
            std::string v = line.substr(colon + 1);
            v.erase(0, v.find_first_not_of(' '));
            a.headers[lower(line.substr(0, colon))] = v;
        }
        pos = next;
    }
    const std::size_t length = static_cast<std::size_t>(std::atoll(a.header("content-length").c_str()));
    while (in.size() < length) {
        const int n = readSome(buf, sizeof buf, until);
        if (n <= 0) break;
        in.append(buf, static_cast<std::size_t>(n));
    }
    a.body = in.substr(0, std::min(length, in.size()));
    in.erase(0, a.body.size());
    return a;
}

bool TlsConn::closedWithin(std::chrono::milliseconds timeout, std::string* extra) {
    if (!ssl_) return true;
    const auto until = Clock::now() + timeout;
    if (extra) *extra += pending_;
    const bool clean = pending_.empty();
    pending_.clear();
    char buf[4096];
    for (;;) {
        const int n = readSome(buf, sizeof buf, until);
        if (n == 0) return clean;
        if (n < 0) return false;  // still open at the deadline
        if (extra) extra->append(buf, static_cast<std::size_t>(n));
        return false;
    }
}

std::string negotiatedTls12(int port, const char* ciphers) {
    SSL_CTX* ctx = SSL_CTX_new(TLS_client_method());
    SSL_CTX_set_min_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_max_proto_version(ctx, TLS1_2_VERSION);
    SSL_CTX_set_cipher_list(ctx, ciphers);
    SSL_CTX_set_verify(ctx, SSL_VERIFY_NONE, nullptr);
    std::string name;
    bool inProgress = false;
    const int fd = openSocket("127.0.0.1", port, false, &inProgress);
    if (fd >= 0) {
        setTimeouts(fd, 5s);
        SSL* ssl = SSL_new(ctx);
        SSL_set_fd(ssl, fd);
        if (SSL_connect(ssl) == 1) name = SSL_get_cipher_name(ssl);
        SSL_free(ssl);
        ERR_clear_error();
        ::close(fd);
    }
    SSL_CTX_free(ctx);
    return name;
}

// ------------------------------------------------------------- payloads

// Built from one deflated MiB of zeros ended by a full flush (which makes it
// independent of what came before, so it can repeat), the final empty block
// and the gzip trailer: milliseconds instead of deflating a GiB.
const std::string& gzipBomb(std::size_t inflatedBytes) {
    static std::mutex mu;
    static std::map<std::size_t, std::string> cache;
    std::lock_guard<std::mutex> lock(mu);
    auto& out = cache[inflatedBytes];
    if (!out.empty()) return out;
    constexpr std::size_t kMiB = 1 << 20;
    if (inflatedBytes % kMiB != 0) throw std::invalid_argument("gzipBomb takes whole MiB");
    static const std::vector<unsigned char> zeros(kMiB, 0);
    z_stream z{};
    if (deflateInit2(&z, 9, Z_DEFLATED, -15, 9, Z_RLE) != Z_OK) throw std::runtime_error("deflateInit2");
    std::string segment(kMiB, '\0');
    z.next_in = const_cast<unsigned char*>(zeros.data());
    z.avail_in = static_cast<uInt>(kMiB);
    z.next_out = reinterpret_cast<unsigned char*>(segment.data());
    z.avail_out = static_cast<uInt>(segment.size());
    deflate(&z, Z_FULL_FLUSH);
    segment.resize(segment.size() - z.avail_out);
    deflateEnd(&z);

    const uLong oneCrc = crc32(0, zeros.data(), static_cast<uInt>(kMiB));
    uLong crc = 0;
    out = std::string("\x1f\x8b\x08\x00\x00\x00\x00\x00\x00\x03", 10);  // gzip, deflate, Unix
    for (std::size_t i = 0; i < inflatedBytes / kMiB; ++i) {
        out += segment;
        crc = crc32_combine(crc, oneCrc, static_cast<z_off_t>(kMiB));
    }
    out += std::string("\x03\x00", 2);  // the final, empty block
    const auto le32 = [&](uLong v) {
        for (int i = 0; i < 4; ++i) out.push_back(static_cast<char>((v >> (8 * i)) & 0xff));
    };
    le32(crc);
    le32(static_cast<uLong>(inflatedBytes & 0xffffffffu));
    return out;
}

std::string deepJsonPush(const std::string& stationId, int depth) {
    std::string body = R"({"station_id":")" + stationId +
                       R"(","ops":[{"seq":1,"uuid":"deep-1","kind":"help_call",)"
                       R"("created_at":"2026-11-23T10:00:00+08:00","payload":{"screen":)";
    body.append(static_cast<std::size_t>(depth), '[');
    body.append(static_cast<std::size_t>(depth), ']');
    body += "}}]}";
    return body;
}

long procStatusKb(pid_t pid, const char* field) {
    std::ifstream in("/proc/" + std::to_string(pid) + "/status");
    const std::string want = std::string(field) + ":";
    for (std::string line; std::getline(in, line);)
        if (line.rfind(want, 0) == 0) return std::atol(line.c_str() + want.size());
    return -1;
}

// ------------------------------------------------------------- Slowloris

Slowloris::Slowloris(int port, int count, std::chrono::milliseconds gap, std::string source)
    : port_(port), count_(count), gap_(gap), source_(std::move(source)) {}

Slowloris::~Slowloris() { stop(); }

void Slowloris::start() {
    stop_ = false;
    thread_ = std::thread([this] { run(); });
}

Slowloris::Stats Slowloris::stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    return stats_;
}

void Slowloris::run() {
    enum class Phase { Idle, Connecting, Handshaking, Trickling };
    struct Conn {
        int fd = -1;
        SSL* ssl = nullptr;
        bool tls = false;
        Phase phase = Phase::Idle;
        Clock::time_point next{};
        std::size_t sent = 0;
    };
    // What the two kinds trickle: the start of a TLS record of a ClientHello
    // that never completes, and request headers that never end.
    static const std::string helloStart = std::string("\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03", 11) +
                                          std::string(4096, 'A');
    static const std::string headers = "POST /api/v1/ops HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Slow: " +
                                       std::string(65536, 'a');
    std::vector<Conn> conns(static_cast<std::size_t>(count_));
    for (std::size_t i = 0; i < conns.size(); ++i) conns[i].tls = i % 2 == 1;

    auto closeConn = [&](Conn& c, bool byServer) {
        if (c.ssl) SSL_free(c.ssl);
        if (c.fd >= 0) ::close(c.fd);
        ERR_clear_error();
        c.ssl = nullptr;
        c.fd = -1;
        c.phase = Phase::Idle;
        c.sent = 0;
        c.next = Clock::now() + std::max(gap_, std::chrono::milliseconds(500));
        if (byServer) ++stats_.closedByServer;
    };
    auto handshake = [&](Conn& c) {
        const int r = SSL_connect(c.ssl);
        if (r == 1) {
            c.phase = Phase::Trickling;
            c.next = Clock::now();
            return;
        }
        const int err = SSL_get_error(c.ssl, r);
        if (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE) closeConn(c, true);
    };

    std::vector<pollfd> fds;
    std::vector<std::size_t> owners;
    while (!stop_) {
        const auto now = Clock::now();
        int open = 0;
        for (auto& c : conns) {
            if (c.phase == Phase::Idle && now >= c.next) {
                bool inProgress = false;
                c.fd = openSocket(source_, port_, true, &inProgress);
                if (c.fd < 0) {
                    c.next = now + gap_;
                    continue;
                }
                ++stats_.opened;
                c.phase = Phase::Connecting;
                if (!inProgress) c.phase = c.tls ? Phase::Handshaking : Phase::Trickling;
                if (c.tls && c.phase == Phase::Handshaking) {
                    c.ssl = SSL_new(clientCtx());
                    SSL_set_fd(c.ssl, c.fd);
                    handshake(c);
                }
            }
            if (c.phase == Phase::Trickling && now >= c.next) {
                const std::string& text = c.tls ? headers : helloStart;
                const char byte = text[c.sent % text.size()];
                const bool ok = c.tls ? SSL_write(c.ssl, &byte, 1) == 1
                                      : ::send(c.fd, &byte, 1, MSG_NOSIGNAL) == 1;
                if (ok) {
                    ++c.sent;
                    c.next = now + gap_;
                } else if (!c.tls && errno != EAGAIN) {
                    closeConn(c, true);
                } else if (c.tls) {
                    const int err = SSL_get_error(c.ssl, -1);
                    if (err != SSL_ERROR_WANT_WRITE && err != SSL_ERROR_WANT_READ) closeConn(c, true);
                }
            }
            if (c.phase != Phase::Idle) ++open;
        }
        stats_.maxOpen = std::max(stats_.maxOpen, open);

        fds.clear();
        owners.clear();
        for (std::size_t i = 0; i < conns.size(); ++i) {
            auto& c = conns[i];
            if (c.phase == Phase::Idle) continue;
            short ev = POLLIN;
            if (c.phase == Phase::Connecting) ev = POLLOUT;
            fds.push_back(pollfd{c.fd, ev, 0});
            owners.push_back(i);
        }
        ::poll(fds.data(), fds.size(), 20);
        for (std::size_t k = 0; k < fds.size(); ++k) {
            if (!fds[k].revents) continue;
            auto& c = conns[owners[k]];
            if (c.phase == Phase::Connecting) {
                int err = 0;
                socklen_t len = sizeof err;
                getsockopt(c.fd, SOL_SOCKET, SO_ERROR, &err, &len);
                if (err != 0) {
                    closeConn(c, true);
                    continue;
                }
                c.phase = c.tls ? Phase::Handshaking : Phase::Trickling;
                c.next = Clock::now();
                if (c.tls) {
                    c.ssl = SSL_new(clientCtx());
                    SSL_set_fd(c.ssl, c.fd);
                    handshake(c);
                }
            } else if (c.phase == Phase::Handshaking) {
                handshake(c);
            } else {
                // Anything the server sends a trickler is an answer or a close.
                // (A TLS 1.3 session ticket after the handshake is neither.)
                char buf[4096];
                if (!c.tls) {
                    if (::recv(c.fd, buf, sizeof buf, 0) <= 0) closeConn(c, true);
                    continue;
                }
                const int n = SSL_read(c.ssl, buf, sizeof buf);
                const int err = n > 0 ? SSL_ERROR_NONE : SSL_get_error(c.ssl, n);
                ERR_clear_error();
                if (n > 0 || (err != SSL_ERROR_WANT_READ && err != SSL_ERROR_WANT_WRITE)) closeConn(c, true);
            }
        }
    }
    for (auto& c : conns)
        if (c.phase != Phase::Idle) closeConn(c, false);
}

// ------------------------------------------------------------- Flood

const char* const Flood::kKinds[6] = {"chunked 64 MiB",      "gzip bomb 1 GiB",  "no length",
                                      "deep JSON (enrolled)", "wrong token (GET)", "8 MB, no token"};

void Flood::Stats::add(const Stats& o) {
    requests += o.requests;
    refused += o.refused;
    shut += o.shut;
    for (const auto& [kind, byStatus] : o.answers)
        for (const auto& [status, n] : byStatus) answers[kind][status] += n;
}

std::string Flood::Stats::summary() const {
    std::string out;
    for (const char* kind : kKinds) {
        auto it = answers.find(kind);
        if (it == answers.end()) continue;
        out += (out.empty() ? "" : "; ") + std::string(kind) + ":";
        for (const auto& [status, n] : it->second)
            out += " " + (status == 0 ? std::string("no answer") : std::to_string(status)) + " x" + std::to_string(n);
    }
    return out;
}

Flood::Flood(int port, std::string source, std::string enrolledStationId, std::string enrolledToken)
    : port_(port), source_(std::move(source)), stationId_(std::move(enrolledStationId)),
      token_(std::move(enrolledToken)) {}

Flood::~Flood() { stop(); }

void Flood::start() {
    stop_ = false;
    thread_ = std::thread([this] { run(); });
}

Flood::Stats Flood::stop() {
    stop_ = true;
    if (thread_.joinable()) thread_.join();
    return stats_;
}

void Flood::run() {
    const std::string& bomb = gzipBomb(std::size_t{1} << 30);
    const std::string deep = deepJsonPush(stationId_, 100000);
    const std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
    auto head = [](const std::string& method, const std::string& extra) {
        return method + " /api/v1/" + (method == "GET" ? "changes" : "ops") + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" +
               extra + "\r\n";
    };
    for (int i = 0; !stop_; ++i) {
        TlsConn c(port_, source_, 2s);
        if (!c.ok()) {
            ++stats_.shut;
            std::this_thread::sleep_for(50ms);
            continue;
        }
        switch (i % 6) {
            case 0:
                c.send(head("POST", "Transfer-Encoding: chunked\r\n"));
                for (int n = 0; n < 1024 && !stop_ && !c.spoke() && c.send(chunk); ++n) {
                }
                break;
            case 1:
                c.send(head("POST", "Content-Encoding: gzip\r\nContent-Length: " + std::to_string(bomb.size()) + "\r\n") +
                       bomb);
                break;
            case 2: c.send(head("POST", "Authorization: Bearer " + token_ + "\r\n") + "{"); break;
            case 3:
                c.send(head("POST", "Authorization: Bearer " + token_ + "\r\nContent-Length: " +
                                        std::to_string(deep.size()) + "\r\n") +
                       deep);
                break;
            case 4: c.send(head("GET", "Authorization: Bearer nope\r\n")); break;
            case 5: c.send(head("POST", "Content-Length: 8000000\r\n") + std::string(1 << 20, '[')); break;
        }
        ++stats_.requests;
        const int status = c.readAnswer(2s).status;
        if (status >= 400 && status < 500) ++stats_.refused;
        ++stats_.answers[kKinds[i % 6]][status];
    }
}

}  // namespace abuse
