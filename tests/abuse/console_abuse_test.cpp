// The admin console's listener (serve --admin-listen) under the hostile
// clients of abuse_test.cpp. It runs on the same HardenedHttpsServer as the
// sync API: every request is vetted before its body is read, a refused
// request's connection is closed (its body is never taken for a next
// request), connections are bounded per client and in time, TLS 1.2 offers
// AEAD suites only in the server's order, and answers are never compressed
// (the console's pages carry CSRF tokens next to reflected input: BREACH).
// The console's own rules come on top: a live session before any body but
// the login form's, and a size limit per form.
#include <gtest/gtest.h>

#include <chrono>
#include <string>
#include <thread>

#include <nlohmann/json.hpp>

#include "abusers.h"
#include "browser.h"
#include "sync_fixture.h"

using namespace std::chrono_literals;
using abuse::Answer;
using abuse::kAbuserAddress;
using abuse::TlsConn;

namespace {

constexpr const char* kAdmin = "li.na";
constexpr const char* kPassword = "correct-horse-1";

std::string head(const std::string& method, const std::string& path, const std::string& extra) {
    return method + " " + path + " HTTP/1.1\r\nHost: 127.0.0.1\r\n" + extra + "\r\n";
}

class ConsoleAbuse : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server_ = new testsupport::DistrictServer(synctest::smallDistrict({synctest::kChangcheng}));
        server_->cli({"admin", "add", kAdmin, "--role", "admin", "--password-stdin"}, std::string(kPassword) + "\n");
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    void TearDown() override {
        ASSERT_TRUE(alive()) << "the server died:\n" << server_->log();
    }

    static int port() {
        const std::string& u = server_->consoleUrl();
        return std::stoi(u.substr(u.rfind(':') + 1));
    }
    static bool alive() {
        return server_->pid() > 0 && abuse::procStatusKb(server_->pid(), "VmRSS") > 0 &&
               TlsConn(port(), "127.0.0.1").ok();
    }
    static long peakKb() { return abuse::procStatusKb(server_->pid(), "VmHWM"); }
    static consoletest::Browser browser() {
        return consoletest::Browser(server_->consoleUrl(), server_->dataDir() + "/tls/ca.pem");
    }
    // "Cookie: ...\r\n" of a live admin session.
    static std::string sessionCookie() {
        consoletest::Browser b = browser();
        EXPECT_EQ(b.login(kAdmin, kPassword).status, 303);
        return "Cookie: __Host-console=" + b.cookie("__Host-console") + "\r\n";
    }

    static testsupport::DistrictServer* server_;
};
testsupport::DistrictServer* ConsoleAbuse::server_ = nullptr;

// Without a session the body of a form is not read: the answer is the way to
// the login page, and the connection closes. Before, the console only said
// "Connection: close" and cpp-httplib went on reading: a body sent after the
// refusal was served as a second request.
TEST_F(ConsoleAbuse, RefusedFormIsNeverParsedAsTheNextRequest) {
    const std::string smuggled = head("GET", "/smuggled-console", "");
    const std::string refused = head("POST", "/config/check",
                                     "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: " +
                                         std::to_string(smuggled.size()) + "\r\n");
    // The body in the headers' TLS record, then in a record of its own after
    // the refusal (a slow client's).
    for (const bool sameRecord : {true, false}) {
        TlsConn c(port(), kAbuserAddress);
        ASSERT_TRUE(c.ok());
        ASSERT_TRUE(c.send(sameRecord ? refused + smuggled : refused));
        const Answer a = c.readAnswer(5s);
        EXPECT_EQ(a.status, 303);
        EXPECT_EQ(a.header("location"), "/login?expired=1");
        EXPECT_EQ(a.header("connection"), "close");
        if (!sameRecord) c.send(smuggled);
        std::string extra;
        EXPECT_TRUE(c.closedWithin(3s, &extra)) << sameRecord;
        EXPECT_EQ(extra, "") << "a second answer: the body was parsed as a request";
        std::this_thread::sleep_for(200ms);
        EXPECT_EQ(server_->log().find("/smuggled-console"), std::string::npos) << sameRecord << "\n"
                                                                               << server_->log();
    }
}

TEST_F(ConsoleAbuse, ChunkedFormIsRefusedBeforeItIsRead) {
    const long before = peakKb();
    TlsConn c(port(), kAbuserAddress);
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(c.send(head("POST", "/login", "Content-Type: application/x-www-form-urlencoded\r\n"
                                              "Transfer-Encoding: chunked\r\n")));
    const std::string chunk = "10000\r\n" + std::string(0x10000, 'a') + "\r\n";
    std::size_t sent = 0;
    while (sent < (64u << 20) && !c.spoke() && c.send(chunk)) sent += 0x10000;
    const Answer a = c.readAnswer(10s);
    EXPECT_EQ(a.status, 411) << a.body;
    EXPECT_EQ(a.header("connection"), "close");
    std::string extra;
    EXPECT_TRUE(c.closedWithin(3s, &extra));
    EXPECT_EQ(extra, "") << "a chunk was read as a request";
    EXPECT_LT(peakKb() - before, 16 * 1024) << "kB the server grew by; client sent " << sent << " bytes";
}

// A logged-in upload that inflates to 1 GiB: refused before a byte of it.
TEST_F(ConsoleAbuse, CompressedUploadIsRefusedBeforeItIsRead) {
    const std::string cookie = sessionCookie();
    const std::string& bomb = abuse::gzipBomb(std::size_t{1} << 30);
    const long before = peakKb();
    TlsConn c(port(), kAbuserAddress);
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(c.send(head("POST", "/import/preview",
                            cookie + "Content-Type: multipart/form-data; boundary=x\r\n"
                                     "Content-Encoding: gzip\r\nContent-Length: " +
                                std::to_string(bomb.size()) + "\r\n")));
    c.send(bomb);
    const Answer a = c.readAnswer(10s);
    EXPECT_EQ(a.status, 415) << a.body;
    EXPECT_EQ(a.header("connection"), "close");
    EXPECT_LT(peakKb() - before, 16 * 1024) << "kB the server grew by";
}

// Above what any form may bring (the upload's 32 MiB), and above a page's
// own limit (a config document's 1 MiB): 413 at once, the body unread.
TEST_F(ConsoleAbuse, BodiesAboveTheLimitsAre413Unread) {
    const std::string cookie = sessionCookie();
    for (const auto& [path, length] : {std::pair<std::string, std::string>{"/import/preview", "104857600"},
                                       {"/config/check", "2097152"},
                                       {"/login", "65536"}}) {
        TlsConn c(port(), kAbuserAddress);
        ASSERT_TRUE(c.ok());
        const auto t0 = std::chrono::steady_clock::now();
        ASSERT_TRUE(c.send(head("POST", path, cookie + "Content-Length: " + length + "\r\n")));
        const Answer a = c.readAnswer(5s);
        EXPECT_EQ(a.status, 413) << path;
        EXPECT_LT(std::chrono::steady_clock::now() - t0, 2s) << path;
        EXPECT_TRUE(c.closedWithin(3s)) << path;
    }
}

// BREACH: the login page and every page after it carry secret tokens.
TEST_F(ConsoleAbuse, AnswersAreNeverCompressed) {
    TlsConn c(port(), "127.0.0.1");
    ASSERT_TRUE(c.ok());
    ASSERT_TRUE(c.send(head("GET", "/login", "Accept-Encoding: br, gzip, deflate\r\n")));
    const Answer a = c.readAnswer(5s);
    EXPECT_EQ(a.status, 200);
    EXPECT_EQ(a.header("content-encoding"), "");
    EXPECT_NE(a.body.find("login_token"), std::string::npos);
}

TEST_F(ConsoleAbuse, Tls12OffersOnlyAeadSuitesInTheServersOrder) {
    for (const char* cbc : {"ECDHE-ECDSA-AES128-SHA256", "ECDHE-ECDSA-AES256-SHA", "ECDHE-ECDSA-AES128-SHA",
                            "ECDHE-ECDSA-AES256-SHA384", "AES128-SHA", "AES128-GCM-SHA256"})
        EXPECT_EQ(abuse::negotiatedTls12(port(), cbc), "") << cbc << " was accepted";
    EXPECT_EQ(abuse::negotiatedTls12(port(), "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-ECDSA-AES128-GCM-SHA256"),
              "ECDHE-ECDSA-AES128-GCM-SHA256");
}

// 200 slow clients from one address (half a ClientHello never finished, half
// headers that never end): they get that address's share of connections and
// lose them at the deadline; an admin from another address logs in as usual.
// Before, they held every one of the console's workers.
TEST_F(ConsoleAbuse, SlowClientsFromOneAddressDoNotLockAdminsOut) {
    abuse::Slowloris slow(port(), 200, 200ms);
    slow.start();
    std::this_thread::sleep_for(3s);  // every worker would be taken by now
    const auto t0 = std::chrono::steady_clock::now();
    consoletest::Browser b = browser();
    const int status = b.login(kAdmin, kPassword).status;
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
    const int page = b.get("/stations").status;
    const auto st = slow.stop();
    std::printf("console under 200 slow clients: login in %.3f s; slow clients opened %lld connections, "
                "the server closed %lld\n",
                seconds, static_cast<long long>(st.opened), static_cast<long long>(st.closedByServer));
    EXPECT_EQ(status, 303);
    EXPECT_EQ(page, 200);
    EXPECT_LT(seconds, 3.0) << "seconds for an admin's login while slow clients knock";
    EXPECT_GT(st.closedByServer, 0) << "the server closed none of the slow connections";
}

// 100,000 nested arrays in a config document pasted into the editor: refused
// in words, before any part of the server copies or prints it.
TEST_F(ConsoleAbuse, DeepJsonConfigIsRefusedInWords) {
    consoletest::Browser b = browser();
    ASSERT_EQ(b.login(kAdmin, kPassword).status, 303);
    const std::string csrf = b.csrfOf("/config");
    const std::string deep =
        R"({"announcement":)" + std::string(100000, '[') + std::string(100000, ']') + "}";
    const auto r = b.postMultipart("/config/check", {{"csrf", csrf}, {"target", "district"}, {"document", deep}});
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find("deeper than 32"), std::string::npos) << r.body.substr(0, 2000);
    ASSERT_TRUE(alive()) << server_->log();
    EXPECT_EQ(b.get("/config").status, 200);
}

}  // namespace
