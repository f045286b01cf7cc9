// The real district-server binary over real TLS: certificate checks, auth,
// bad input, push and pull, status, and a clean stop on SIGTERM.
#include <gtest/gtest.h>
#include <httplib.h>

#include <csignal>
#include <chrono>
#include <filesystem>
#include <fstream>

#include "fixture.h"
#include "pki/pki.h"
#include "server_process.h"

namespace district::test {
namespace {

using nlohmann::json;

class Https : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        database_ = new testsupport::TestDatabase();  // the server's database in the "pg." run
        signal(SIGPIPE, SIG_IGN);  // a refused upload may be cut short
        dir_ = new TempDir();
        auto [rc, out] = runCli({"--data-dir", dir_->path, "demo", "--members", "390", "--seed", "3"});
        ASSERT_EQ(rc, 0) << out;
        std::tie(rc, out) = runCli({"--data-dir", dir_->path, "station", "add", "长城长者服务站",
                                    "--bundle", dir_->path + "/bundle.json"});
        ASSERT_EQ(rc, 0) << out;
        std::ifstream in(dir_->path + "/bundle.json");
        bundle_ = json::parse(in).get<proto::EnrollmentBundle>();
        server_ = new ServerProcess(dir_->path);
    }
    static void TearDownTestSuite() {
        delete server_;
        delete dir_;
        delete database_;
    }

    std::unique_ptr<httplib::SSLClient> client(const std::string& host = "127.0.0.1",
                                               const std::string& caPath = "") {
        auto c = std::make_unique<httplib::SSLClient>(host, server_->port());
        c->set_ca_cert_path((caPath.empty() ? dir_->path + "/tls/ca.pem" : caPath).c_str());
        c->enable_server_certificate_verification(true);
        c->set_bearer_token_auth(bundle_.token.c_str());
        c->set_connection_timeout(5);
        c->set_read_timeout(20);
        return c;
    }
    static std::string ops(const std::vector<proto::Op>& list) {
        return json(proto::PushRequest{bundle_.station_id, list}).dump();
    }
    static proto::Op op(std::int64_t seq, const std::string& kind, const json& payload) {
        return proto::Op{seq, "https-" + std::to_string(seq), kind,
                         core::isoLocal(std::chrono::system_clock::now()), payload};
    }

    static testsupport::TestDatabase* database_;
    static TempDir* dir_;
    static ServerProcess* server_;
    static proto::EnrollmentBundle bundle_;
};
testsupport::TestDatabase* Https::database_ = nullptr;
TempDir* Https::dir_ = nullptr;
ServerProcess* Https::server_ = nullptr;
proto::EnrollmentBundle Https::bundle_;

TEST_F(Https, BundleCarriesTheCaAndTheConfigKey) {
    EXPECT_EQ(bundle_.station_id, "st-changcheng") << "reused the demo station by name";
    EXPECT_EQ(bundle_.token.size(), 48u);
    EXPECT_EQ(bundle_.ca_pem, readFile(dir_->path + "/tls/ca.pem"));
    EXPECT_NE(bundle_.config_public_key_pem.find("BEGIN PUBLIC KEY"), std::string::npos);
}

TEST_F(Https, VerifiesAgainstTheDistrictCaByAddressAndName) {
    for (const char* host : {"127.0.0.1", "localhost"}) {
        auto res = client(host)->Get("/api/v1/changes?limit=10");
        ASSERT_TRUE(res) << host << ": " << httplib::to_string(res.error());
        EXPECT_EQ(res->status, 200);
        const auto page = json::parse(res->body).get<proto::ChangesPage>();
        EXPECT_EQ(page.changes.size(), 10u);
        EXPECT_TRUE(page.more);
    }
}

TEST_F(Https, AnotherCaFailsClosed) {
    TempDir other;
    const CertPair pair = makeCaAndServerCert("Some Other CA", {"127.0.0.1"});
    writeFile(other.path + "/ca.pem", pair.ca_cert_pem);
    auto res = client("127.0.0.1", other.path + "/ca.pem")->Get("/api/v1/changes?limit=1");
    EXPECT_FALSE(res);
    EXPECT_EQ(res.error(), httplib::Error::SSLServerVerification);
}

TEST_F(Https, MissingOrWrongTokenIs401) {
    auto c = client();
    c->set_bearer_token_auth("0123456789abcdef0123456789abcdef0123456789abcdef");
    auto res = c->Get("/api/v1/changes");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
    EXPECT_EQ(json::parse(res->body)["error"], "unauthorized");
    httplib::SSLClient bare("127.0.0.1", server_->port());
    bare.set_ca_cert_path((dir_->path + "/tls/ca.pem").c_str());
    bare.enable_server_certificate_verification(true);
    res = bare.Post("/api/v1/ops", "{}", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 401);
}

TEST_F(Https, BadInputIs4xxAndChangesNothing) {
    auto c = client();
    for (const std::string& body : {std::string("{\"station_id\": "), std::string("[1,2]"),
                                    std::string(R"({"station_id":"st-changcheng","ops":"none"})"),
                                    std::string(R"({"station_id":"st-changcheng","ops":[{"seq":"1"}]})"),
                                    std::string(R"({"station_id":"st-changcheng","ops":[{"seq":0,"uuid":"x","kind":"checkin","created_at":"","payload":{}}]})")}) {
        auto res = c->Post("/api/v1/ops", body, "application/json");
        ASSERT_TRUE(res);
        EXPECT_EQ(res->status, 400) << body;
        EXPECT_FALSE(json::parse(res->body)["message"].get<std::string>().empty());
    }
    auto res = c->Post("/api/v1/ops", R"({"station_id":"st-meihe","ops":[]})", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 403);
    res = c->Get("/api/v1/changes?since=abc");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    res = c->Post("/api/v1/ops", std::string(9 * 1024 * 1024, 'x'), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 413);
    res = c->Post("/api/v1/status", R"({"app_version": 7})", "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 400);
    // Nothing was applied: the station's first op is still seq 1.
    res = c->Post("/api/v1/ops", ops({op(1, "help_call", {{"screen", "home"}})}), "application/json");
    ASSERT_TRUE(res);
    ASSERT_EQ(res->status, 200);
    EXPECT_EQ(json::parse(res->body)["last_applied_seq"], 1);
}

TEST_F(Https, PushIsAnsweredOnceAndPullSeesTheResult) {
    auto c = client();
    // seq 1 is the same op as in BadInputIs4xxAndChangesNothing: applied there
    // (its stored answer comes back) or here, whichever test runs first.
    const std::string body = ops({op(1, "help_call", {{"screen", "home"}}),
                                  op(2, "checkin", {{"member_id", "m-000001"}}),
                                  op(3, "tb_redeem", {{"redemption_id", "https-r1"}, {"member_id", "m-000001"},
                                                      {"item_id", "ci-eggs"}})});
    auto first = c->Post("/api/v1/ops", body, "application/json");
    ASSERT_TRUE(first);
    ASSERT_EQ(first->status, 200) << first->body;
    auto again = c->Post("/api/v1/ops", body, "application/json");
    ASSERT_TRUE(again);
    EXPECT_EQ(json::parse(again->body), json::parse(first->body));
    const auto resp = json::parse(first->body).get<proto::PushResponse>();
    ASSERT_EQ(resp.results.size(), 3u);
    EXPECT_EQ(resp.last_applied_seq, 3);
    EXPECT_EQ(resp.results[2].status, proto::OpStatus::Applied) << resp.results[2].reason;
    EXPECT_EQ(resp.results[2].detail["balance_minutes"], 120);

    // Pull everything: members, and the new balance of m-000001.
    std::int64_t cursor = 0, members = 0, balance = -1;
    for (bool more = true; more;) {
        auto res = c->Get("/api/v1/changes?since=" + std::to_string(cursor) + "&limit=5000");
        ASSERT_TRUE(res);
        ASSERT_EQ(res->status, 200);
        const auto page = json::parse(res->body).get<proto::ChangesPage>();
        for (const auto& ch : page.changes) {
            if (ch.entity == "member") ++members;
            if (ch.entity == "balance" && ch.key == "m-000001") balance = ch.data["minutes"];
        }
        EXPECT_GE(page.next_cursor, cursor);
        cursor = page.next_cursor;
        more = page.more;
    }
    EXPECT_EQ(members, 390);
    EXPECT_EQ(balance, 120);
}

TEST_F(Https, StatusShowsInStationList) {
    proto::StationStatus s{"0.1.0-test", 3, 7, "2026-11-23T08:00:00+08:00", 5LL << 30, std::nullopt, 1};
    auto res = client()->Post("/api/v1/status", json(s).dump(), "application/json");
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200);
    auto [rc, out] = runCli({"--data-dir", dir_->path, "station", "list"});
    EXPECT_EQ(rc, 0);
    EXPECT_NE(out.find("0.1.0-test"), std::string::npos) << out;
    EXPECT_NE(out.find("5120"), std::string::npos) << "free disk in MB: " << out;
}

TEST(HttpsProcess, StopsCleanlyOnSigterm) {
    testsupport::TestDatabase database;
    TempDir dir;
    ASSERT_EQ(runCli({"--data-dir", dir.path, "init"}).first, 0);
    ServerProcess server(dir.path);
    EXPECT_EQ(server.stop(), 0);
    // A signal right after the "listening on" line, before the accept loop, too.
    for (int i = 0; i < 5; ++i) EXPECT_EQ(ServerProcess(dir.path).stop(), 0);
}

}  // namespace
}  // namespace district::test

namespace district::test {
namespace {

bool exists(const std::string& p) { return std::ifstream(p).good(); }

// Issue 11, finding 7: any command used to create a new config-signing key
// or CA when one was missing; every station then refused config or TLS.
TEST(Keys, OnlyInitAndDemoCreateKeys) {
    testsupport::TestDatabase database;
    TempDir dir;
    for (const std::vector<std::string>& cmd :
         {std::vector<std::string>{"station", "list"}, {"serve", "--listen", "127.0.0.1:0"}, {"config", "list"},
          {"keys", "list"}}) {
        std::vector<std::string> args = {"--data-dir", dir.path};
        args.insert(args.end(), cmd.begin(), cmd.end());
        EXPECT_EQ(runCli(args).first, 2) << cmd[0];
    }
    EXPECT_FALSE(exists(dir.path + "/tls/ca.pem"));
    EXPECT_FALSE(exists(dir.path + "/keys/config-signing.key"));
    EXPECT_FALSE(exists(dir.path + "/district.db"));

    ASSERT_EQ(runCli({"--data-dir", dir.path, "init"}).first, 0);
    const std::string key = readFile(dir.path + "/keys/config-signing.key");
    const std::string ca = readFile(dir.path + "/tls/ca.pem");
    // A lost signing key is not quietly replaced.
    std::filesystem::remove(dir.path + "/keys/config-signing.key");
    EXPECT_EQ(runCli({"--data-dir", dir.path, "station", "list"}).first, 2);
    EXPECT_FALSE(exists(dir.path + "/keys/config-signing.key"));
    writeFile(dir.path + "/keys/config-signing.key", key, 0600);
    // init again changes nothing that exists.
    ASSERT_EQ(runCli({"--data-dir", dir.path, "init"}).first, 0);
    EXPECT_EQ(readFile(dir.path + "/keys/config-signing.key"), key);
    EXPECT_EQ(readFile(dir.path + "/tls/ca.pem"), ca);
    EXPECT_EQ(runCli({"--data-dir", dir.path, "station", "list"}).first, 0);
}

}  // namespace
}  // namespace district::test
