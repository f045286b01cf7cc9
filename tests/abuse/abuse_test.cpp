// The real district-server over real TLS on 127.0.0.1 under hostile input
// (issue 11, findings 1 and 2, DESIGN principle 8): one request must not kill
// it, a body is vetted before it is read, connections are bounded per client
// and in time, TLS offers AEAD suites in the server's order, answers are never
// compressed. Abusers connect from 127.0.0.2 (the per-client limits apply to
// them); the good station, the real kiosk sync client, from 127.0.0.1.
//
// ELDER_ABUSE_SECONDS sets how long UnderAbuseAGoodStationSyncs lasts
// (default 8); bench/server/bench_abuse is the long version with figures.
#include <arpa/inet.h>
#include <gtest/gtest.h>
#include <netinet/in.h>
#include <openssl/ssl.h>
#include <sys/socket.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <map>
#include <set>
#include <thread>

#include <nlohmann/json.hpp>

#include "abusers.h"
#include "sync_fixture.h"

using namespace std::chrono_literals;
using abuse::Answer;
using abuse::kAbuserAddress;
using abuse::TlsConn;
using nlohmann::json;

namespace {

std::string tokenOf(const std::string& bundlePath) {
    std::ifstream in(bundlePath);
    return json::parse(in).at("token").get<std::string>();
}

std::string errorCode(const Answer& a) {
    try {
        return json::parse(a.body).value("error", "");
    } catch (...) {
        return "(not JSON: " + a.body.substr(0, 80) + ")";
    }
}

std::string head(const std::string& method, const std::string& path, const std::string& extra) {
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

class Abuse : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        auto o = synctest::smallDistrict({synctest::kChangcheng, synctest::kMeihe});
        server_ = new testsupport::DistrictServer(o);
        good_ = tokenOf(server_->bundle(synctest::kChangcheng.id));
        enrolledAbuser_ = tokenOf(server_->bundle(synctest::kMeihe.id));
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    void TearDown() override {
        ASSERT_TRUE(alive()) << "the server died:\n" << server_->log();
    }

    static bool alive() {
        return server_->pid() > 0 && abuse::procStatusKb(server_->pid(), "VmRSS") > 0 &&
               TlsConn(server_->port(), "127.0.0.1").ok();
    }
    static long peakKb() { return abuse::procStatusKb(server_->pid(), "VmHWM"); }
    static int port() { return server_->port(); }

    static testsupport::DistrictServer* server_;
    static std::string good_, enrolledAbuser_;
};
testsupport::DistrictServer* Abuse::server_ = nullptr;
std::string Abuse::good_, Abuse::enrolledAbuser_;

// Finding 1: 100,000 nested arrays in one op's payload from an enrolled
// station crashed the server (a recursive copy of the payload).
TEST_F(Abuse, DeepJsonFromAnEnrolledStationIs400AndTheServerStaysUp) {
    const std::string body = abuse::deepJsonPush(synctest::kMeihe.id, 100000);
    TlsConn c(port(), kAbuserAddress);
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(c.send(head("POST", "/api/v1/ops",
                            "Authorization: Bearer " + enrolledAbuser_ +
                                "\r\nContent-Type: application/json\r\nContent-Length: " +
                                std::to_string(body.size()) + "\r\n") +
                       body));
    const Answer a = c.readAnswer(10s);
    EXPECT_EQ(a.status, 400) << a.body;
    EXPECT_EQ(errorCode(a), "bad_json");
    EXPECT_NE(a.body.find("deeper"), std::string::npos) << a.body;
    ASSERT_TRUE(alive()) << server_->log();
    synctest::Kiosk k(server_->bundle(synctest::kChangcheng.id));
    k.helpCall("home");
    const auto rep = k.sync();
    EXPECT_TRUE(rep.ok) << rep.error;
    EXPECT_EQ(rep.applied, 1);
}

// Finding 2: a chunked body without any token was read whole (64 MiB).
TEST_F(Abuse, ChunkedBodyIsRefusedBeforeItIsRead) {
    const long before = peakKb();
    TlsConn c(port(), kAbuserAddress);
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(c.send(head("POST", "/api/v1/ops", "Content-Type: application/json\r\nTransfer-Encoding: chunked\r\n")));
    const std::string chunk = "10000\r\n" + std::string(0x10000, ' ') + "\r\n";
    std::size_t sent = 0;
    while (sent < (64u << 20) && !c.spoke() && c.send(chunk)) sent += 0x10000;
    const Answer a = c.readAnswer(10s);
    EXPECT_EQ(a.status, 411) << a.body;
    EXPECT_EQ(errorCode(a), "length_required");
    EXPECT_EQ(a.header("connection"), "close");
    EXPECT_TRUE(c.closedWithin(3s));
    EXPECT_LT(peakKb() - before, 16 * 1024) << "kB the server grew by; client sent " << sent << " bytes";
}

// Finding 2: a gzip body that inflates to 1 GiB, without any token.
TEST_F(Abuse, CompressedBodyIsRefusedBeforeItIsRead) {
    const std::string& bomb = abuse::gzipBomb(std::size_t{1} << 30);
    const long before = peakKb();
    TlsConn c(port(), kAbuserAddress);
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(c.send(head("POST", "/api/v1/ops",
                            "Content-Type: application/json\r\nContent-Encoding: gzip\r\nContent-Length: " +
                                std::to_string(bomb.size()) + "\r\n")));
    c.send(bomb);
    const Answer a = c.readAnswer(10s);
    EXPECT_EQ(a.status, 415) << a.body;
    EXPECT_EQ(errorCode(a), "unsupported_encoding");
    EXPECT_EQ(a.header("connection"), "close");
    EXPECT_LT(peakKb() - before, 16 * 1024) << "kB the server grew by";
}

TEST_F(Abuse, BodyWithoutLengthIs411AtOnce) {
    TlsConn c(port(), kAbuserAddress);
    ASSERT_TRUE(c.ok());
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(c.send(head("POST", "/api/v1/status", "Authorization: Bearer " + good_ + "\r\n") + "{\"app"));
    const Answer a = c.readAnswer(5s);
    EXPECT_EQ(a.status, 411) << a.body;
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
    EXPECT_TRUE(c.closedWithin(3s));
}

TEST_F(Abuse, WrongOrMissingTokenIs401BeforeAnyBodyByte) {
    for (const std::string auth : {"", "Authorization: Bearer 0123456789abcdef0123456789abcdef0123456789abcdef\r\n",
                                   "Authorization: Basic Zm9vOmJhcg==\r\n"}) {
        TlsConn c(port(), kAbuserAddress);
        ASSERT_TRUE(c.ok());
        const auto t0 = std::chrono::steady_clock::now();
        // The body is announced and never sent: only an answer before it ends this.
        ASSERT_TRUE(c.send(head("POST", "/api/v1/ops", auth + "Content-Length: 1000000\r\n")));
        const Answer a = c.readAnswer(5s);
        EXPECT_EQ(a.status, 401) << auth;
        EXPECT_EQ(errorCode(a), "unauthorized");
        EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s) << auth;
        EXPECT_TRUE(c.closedWithin(3s)) << auth;
    }
}

TEST_F(Abuse, BodyAboveTheCapIs413Unread) {
    TlsConn c(port(), kAbuserAddress);
    ASSERT_TRUE(c.ok());
    const auto t0 = std::chrono::steady_clock::now();
    ASSERT_TRUE(c.send(head("POST", "/api/v1/ops",
                            "Authorization: Bearer " + enrolledAbuser_ + "\r\nContent-Length: 104857600\r\n")));
    const Answer a = c.readAnswer(5s);
    EXPECT_EQ(a.status, 413);
    EXPECT_EQ(errorCode(a), "payload_too_large");
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s);
}

// A refused request's body is never read, and never taken for the next
// request either: the connection closes after the refusal. (cpp-httplib
// itself keeps a connection open after an answer with Connection: close;
// only a request's own Connection: close ends it.)
TEST_F(Abuse, UnreadBodyIsNeverParsedAsTheNextRequest) {
    const std::string smuggled = head("GET", "/api/v1/smuggled", "Authorization: Bearer " + good_ + "\r\n");
    const std::string refused = head("POST", "/api/v1/status",
                                     "Authorization: Bearer wrong\r\nContent-Length: " +
                                         std::to_string(smuggled.size()) + "\r\n");
    // The body in the headers' TLS record (OpenSSL holds it when the refusal
    // is written), then in a record of its own after the refusal (a slow
    // client's).
    for (const bool sameRecord : {true, false}) {
        TlsConn c(port(), kAbuserAddress);
        ASSERT_TRUE(c.ok());
        ASSERT_TRUE(c.send(sameRecord ? refused + smuggled : refused));
        const Answer a = c.readAnswer(5s);
        EXPECT_EQ(a.status, 401);
        EXPECT_EQ(a.header("connection"), "close");
        if (!sameRecord) c.send(smuggled);
        std::string extra;
        EXPECT_TRUE(c.closedWithin(3s, &extra)) << sameRecord;
        EXPECT_EQ(extra, "") << "a second answer: the body was parsed as a request";
        std::this_thread::sleep_for(200ms);
        EXPECT_EQ(server_->log().find("/api/v1/smuggled"), std::string::npos) << sameRecord << "\n"
                                                                              << server_->log();
    }
}

TEST_F(Abuse, GetWithABodyIsRefused) {
    TlsConn c(port(), kAbuserAddress);
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(c.send(head("GET", "/api/v1/changes?limit=1", "Authorization: Bearer " + good_ + "\r\nContent-Length: 5\r\n") +
                       "hello"));
    const Answer a = c.readAnswer(5s);
    EXPECT_EQ(a.status, 400);
    EXPECT_TRUE(c.closedWithin(3s));
}

// BREACH: no compression of authenticated answers, whatever the client accepts.
TEST_F(Abuse, AnswersAreNeverCompressed) {
    TlsConn c(port(), "127.0.0.1");
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(c.send(head("GET", "/api/v1/changes?limit=50",
                            "Authorization: Bearer " + good_ + "\r\nAccept-Encoding: br, gzip\r\n")));
    const Answer a = c.readAnswer(5s);
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.header("content-encoding"), "");
    EXPECT_NO_THROW(json::parse(a.body));
}

// A connection that takes longer than the request deadline (headers that
// never end) is closed; an idle one too.
TEST_F(Abuse, SlowHeadersAreCutOffAtTheDeadline) {
    auto o = synctest::smallDistrict({});
    o.serveArgs = {"--request-deadline", "3"};
    testsupport::DistrictServer quick(o);
    TlsConn c(quick.port(), kAbuserAddress, 20s);
    ASSERT_TRUE(c.ok());
    const auto t0 = std::chrono::steady_clock::now();
    bool closed = false;
    // One byte every 0.5 s: never slow enough for a read timeout.
    for (int i = 0; i < 60 && !closed; ++i) {
        closed = !c.send(i == 0 ? "POST /api/v1/ops HTTP/1.1\r\nX-Slow: " : "a") || c.spoke(500ms);
    }
    EXPECT_TRUE(closed);
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 5s);
    EXPECT_GE(std::chrono::steady_clock::now() - t0, 2s);
}

// The deadline is for a request, not for a slow link: a station's body and
// the answer add time at 16 KiB/s. A 96 KiB push sent at 24 KiB/s takes 4 s,
// twice this server's deadline.
TEST_F(Abuse, AStationOnASlowLinkGetsItsPushThrough) {
    auto o = synctest::smallDistrict({synctest::kChangcheng});
    o.serveArgs = {"--request-deadline", "2"};
    testsupport::DistrictServer quick(o);
    json ops = json::array();
    for (int seq = 1; ops.dump().size() < 96 * 1024; ++seq)
        ops.push_back({{"seq", seq}, {"uuid", "slow-" + std::to_string(seq)}, {"kind", "help_call"},
                       {"created_at", "2026-12-01T08:00:00+08:00"}, {"payload", {{"screen", "home"}}}});
    const std::string body = json{{"station_id", synctest::kChangcheng.id}, {"ops", ops}}.dump();
    TlsConn c(quick.port(), "127.0.0.1", 10s);
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(c.send(head("POST", "/api/v1/ops",
                            "Authorization: Bearer " + tokenOf(quick.bundle(synctest::kChangcheng.id)) +
                                "\r\nContent-Length: " + std::to_string(body.size()) + "\r\n")));
    const auto t0 = std::chrono::steady_clock::now();
    for (std::size_t at = 0; at < body.size(); at += 2400) {
        ASSERT_TRUE(c.send(body.substr(at, 2400))) << "cut off after " << at << " bytes";
        std::this_thread::sleep_for(100ms);
    }
    const Answer a = c.readAnswer(10s);
    EXPECT_GT(std::chrono::steady_clock::now() - t0, 3s);
    ASSERT_EQ(a.status, 200) << a.body;
    EXPECT_EQ(json::parse(a.body)["last_applied_seq"], ops.size());
}

// Huge header lines are not kept: the connection is cut off after the
// header budget, without the server growing.
TEST_F(Abuse, EndlessHeaderLineIsCutOff) {
    const long before = peakKb();
    TlsConn c(port(), kAbuserAddress);
    ASSERT_TRUE(c.ok());
    std::size_t sent = 0;
    const std::string blob(1 << 16, 'a');
    c.send("GET /api/v1/changes HTTP/1.1\r\nX-Long: ");
    while (sent < (256u << 20) && c.send(blob)) sent += blob.size();
    EXPECT_LT(sent, 16u << 20) << "bytes the server took before closing";
    EXPECT_LT(peakKb() - before, 16 * 1024) << "kB the server grew by";
}

// One worker, a wait queue of 1, a shed queue of 2: the next connections wait,
// then are answered 503 with Retry-After, then are closed at once.
TEST_F(Abuse, OverloadIsShedWith503ThenClosedAtOnce) {
    auto o = synctest::smallDistrict({});
    o.serveArgs = {"--threads", "1", "--max-backlog", "1", "--max-shed", "2", "--max-per-client", "50"};
    testsupport::DistrictServer quick(o);
    auto rawConnect = [&] {
        const int fd = ::socket(AF_INET, SOCK_STREAM | SOCK_CLOEXEC, 0);
        sockaddr_in a{};
        a.sin_family = AF_INET;
        a.sin_port = htons(static_cast<uint16_t>(quick.port()));
        a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
        EXPECT_EQ(::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a), 0);
        std::this_thread::sleep_for(100ms);  // accepted and queued
        return fd;
    };
    TlsConn busy(quick.port(), "127.0.0.1");  // holds the one worker
    ASSERT_TRUE(busy.ok());
    const int waiting = rawConnect();          // the wait queue
    TlsConn shed(quick.port(), "127.0.0.1");   // the shedding thread does its handshake
    ASSERT_TRUE(shed.ok());
    const int shedQueue1 = rawConnect(), shedQueue2 = rawConnect();  // the shed queue
    const auto t0 = std::chrono::steady_clock::now();
    TlsConn refused(quick.port(), "127.0.0.1");
    EXPECT_FALSE(refused.ok()) << "every queue is full: closed before its handshake";
    EXPECT_LT(std::chrono::steady_clock::now() - t0, 1s);
    ASSERT_TRUE(shed.send(head("GET", "/api/v1/changes", "")));
    const Answer a = shed.readAnswer(5s);
    EXPECT_EQ(a.status, 503);
    EXPECT_EQ(errorCode(a), "overloaded");
    EXPECT_EQ(a.header("retry-after"), "2");
    EXPECT_EQ(a.header("connection"), "close");
    for (int fd : {waiting, shedQueue1, shedQueue2}) ::close(fd);
}

// ------------------------------------------------------------------ TLS

TEST_F(Abuse, Tls12OffersOnlyAeadSuitesInTheServersOrder) {
    for (const char* cbc : {"ECDHE-ECDSA-AES128-SHA256", "ECDHE-ECDSA-AES256-SHA", "ECDHE-ECDSA-AES128-SHA",
                            "ECDHE-ECDSA-AES256-SHA384", "AES128-SHA", "AES128-GCM-SHA256"})
        EXPECT_EQ(abuse::negotiatedTls12(port(), cbc), "") << cbc << " was accepted";
    // The client prefers ChaCha20; the server's order puts AES-GCM first.
    EXPECT_EQ(abuse::negotiatedTls12(port(), "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256"),
              "ECDHE-ECDSA-AES128-GCM-SHA256");
    EXPECT_EQ(abuse::negotiatedTls12(port(), "ECDHE-ECDSA-CHACHA20-POLY1305"), "ECDHE-ECDSA-CHACHA20-POLY1305");
}

// ------------------------------------------------------------------ all at once

int envInt(const char* name, int fallback) {
    const char* v = std::getenv(name);
    return v && *v ? std::atoi(v) : fallback;
}

// Every kind of abuse at once for a while: from 127.0.0.2 500 slow
// connections; from 127.0.0.3 64 MiB chunked bodies, gzip bombs, bodies
// without length, deep JSON from an enrolled station, wrong tokens. Meanwhile the good
// station pushes and pulls again and again; the server stays up and under
// its memory bound.
TEST_F(Abuse, UnderAbuseAGoodStationSyncs) {
    const auto duration = std::chrono::seconds(envInt("ELDER_ABUSE_SECONDS", 8));
    const long peakBoundKb = 200 * 1024;
    synctest::Kiosk k(server_->bundle(synctest::kChangcheng.id));
    k.checkIn(synctest::demoMember(1));
    ASSERT_TRUE(k.sync().ok);

    abuse::Slowloris slow(port(), 500, 200ms);
    slow.start();
    // From a second abuser address, so the slowloris crowd does not lock the
    // floods out by the per-client limit.
    abuse::Flood flood(port(), "127.0.0.3", synctest::kMeihe.id, enrolledAbuser_);
    flood.start();

    std::vector<double> times;
    int failed = 0;
    std::string firstError;
    const auto until = std::chrono::steady_clock::now() + duration;
    while (std::chrono::steady_clock::now() < until) {
        k.helpCall("home");
        const auto rep = k.sync();
        if (rep.ok && rep.applied == 1) {
            times.push_back(rep.seconds);
        } else {
            ++failed;
            if (firstError.empty()) firstError = rep.error;
        }
        std::this_thread::sleep_for(300ms);
    }
    const auto fl = flood.stop();
    const auto st = slow.stop();
    const long peak = peakKb();

    std::sort(times.begin(), times.end());
    const double median = times.empty() ? -1 : times[times.size() / 2];
    const double worst = times.empty() ? -1 : times.back();
    std::printf("abuse for %llds: good station %zu syncs ok, %d failed, sync median %.3f s, worst %.3f s; "
                "slowloris opened %lld connections (at most %d open), server closed %lld; %d flood requests, "
                "%d refused with a 4xx; server peak RSS %ld MB\n",
                static_cast<long long>(duration.count()), times.size(), failed, median, worst,
                static_cast<long long>(st.opened), st.maxOpen, static_cast<long long>(st.closedByServer),
                static_cast<int>(fl.requests), static_cast<int>(fl.refused), peak / 1024);
    std::printf("answers per attack: %s\n", fl.summary().c_str());
    EXPECT_EQ(failed, 0) << firstError;
    EXPECT_GE(times.size(), 3u);
    EXPECT_LT(worst, 5.0) << "seconds for one sync under abuse";
    EXPECT_GE(st.maxOpen, 400) << "the slowloris crowd was not as big as meant";
    EXPECT_GE(fl.refused, 6) << "every kind of flood was answered";
    // Each kind gets its own refusal, and never an answer that took it in.
    const std::map<std::string, std::set<int>> expected = {
        {"chunked 64 MiB", {411}},      {"gzip bomb 1 GiB", {415}},   {"no length", {411}},
        {"deep JSON (enrolled)", {400}}, {"wrong token (GET)", {401}}, {"8 MB, no token", {401, 413}}};
    for (const auto& [kind, statuses] : expected) {
        std::int64_t right = 0;
        const auto got = fl.answers.find(kind);
        ASSERT_NE(got, fl.answers.end()) << kind << " was never sent";
        for (const auto& [status, n] : got->second) {
            if (statuses.count(status)) right += n;
            EXPECT_TRUE(statuses.count(status) || status == 503 || status == 0)
                << kind << " was answered " << status << " (" << n << " times)";
        }
        EXPECT_GT(right, 0) << kind << " never got its refusal";
    }
    EXPECT_LT(peak, peakBoundKb) << "kB peak resident memory";
    EXPECT_TRUE(alive());
}

}  // namespace
