// The admin console over real HTTPS, against the real district-server binary
// (tests/support DistrictServer): login, a wrong password, throttling per
// account and per client, CSRF, roles, idle expiry, and the admin actions
// that reuse the CLI's functions (push, approve, import, re-issue, reports).
#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <fstream>
#include <regex>
#include <sstream>
#include <thread>

#include <nlohmann/json.hpp>

#include "browser.h"
#include "district_server.h"

using consoletest::Browser;
using consoletest::Reply;
using testsupport::DistrictServer;
using namespace std::chrono_literals;

namespace {

constexpr const char* kAdmin = "li.na";
constexpr const char* kAdminPassword = "correct-horse-1";
constexpr const char* kViewer = "wang.viewer";
constexpr const char* kViewerPassword = "viewer-pass-22";

testsupport::DistrictServerOptions options(int members, std::vector<testsupport::StationSpec> stations = {},
                                           std::vector<std::string> serveArgs = {}) {
    testsupport::DistrictServerOptions o;
    o.members = members;
    o.stations = std::move(stations);
    o.serveArgs = std::move(serveArgs);
    return o;
}

void addAdmin(const DistrictServer& s, const std::string& name, const std::string& role,
              const std::string& password) {
    s.cli({"admin", "add", name, "--role", role, "--password-stdin"}, password + "\n");
}

std::string expires() {
    const auto t = std::chrono::system_clock::now() + std::chrono::hours(24 * 30);
    const std::time_t tt = std::chrono::system_clock::to_time_t(t);
    char buf[32];
    std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%S+00:00", std::gmtime(&tt));
    return buf;
}

std::string firstPendingService(const DistrictServer& s) {
    const std::string out = s.cli({"timebank", "pending"});
    std::smatch m;
    if (!std::regex_search(out, m, std::regex("(svc-demo-[0-9]+)"))) return "";
    return m[1].str();
}

bool hasCookie(const Reply& r, const std::string& name) {
    for (const auto& c : r.set_cookies)
        if (c.rfind(name + "=", 0) == 0 && c.find("Max-Age=0") == std::string::npos) return true;
    return false;
}

class ConsoleHttp : public ::testing::Test {
protected:
    static void SetUpTestSuite() {
        server_ = new DistrictServer(options(60, {{"st-changcheng", "长城长者服务站"}}));
        addAdmin(*server_, kAdmin, "admin", kAdminPassword);
        addAdmin(*server_, kViewer, "viewer", kViewerPassword);
        addAdmin(*server_, "lock.me", "admin", "lock-me-password");
    }
    static void TearDownTestSuite() {
        delete server_;
        server_ = nullptr;
    }
    Browser browser() { return Browser(server_->consoleUrl(), server_->dataDir() + "/tls/ca.pem"); }
    static DistrictServer* server_;
};
DistrictServer* ConsoleHttp::server_ = nullptr;

TEST_F(ConsoleHttp, LoginGivesASecureSessionAndEveryPageOpens) {
    Browser b = browser();
    const Reply r = b.login(kAdmin, kAdminPassword);
    ASSERT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(r.location, "/stations");
    std::string cookie;
    for (const auto& c : r.set_cookies)
        if (c.rfind("__Host-console=", 0) == 0) cookie = c;
    ASSERT_FALSE(cookie.empty());
    for (const char* flag : {"Secure", "HttpOnly", "SameSite=Strict", "Path=/"})
        EXPECT_NE(cookie.find(flag), std::string::npos) << flag << " missing: " << cookie;

    for (const char* page : {"/stations", "/stations/st-changcheng", "/config", "/config?target=st-changcheng",
                             "/menus", "/activities", "/members?q=8801000001", "/timebank", "/reports",
                             "/alerts", "/audit", "/password"}) {
        const Reply p = b.get(page);
        EXPECT_EQ(p.status, 200) << page;
        EXPECT_NE(p.body.find("<html lang=\"zh-CN\">"), std::string::npos) << page;
        EXPECT_NE(p.body.find(kAdmin), std::string::npos) << page << ": the viewer's name is shown";
    }
    EXPECT_NE(b.get("/stations").body.find("长城长者服务站"), std::string::npos);
    EXPECT_NE(b.get("/members?q=8801000001").body.find("8801000001"), std::string::npos)
        << "a member found by card";
    const Reply css = b.get("/assets/console.css");
    EXPECT_EQ(css.status, 200);
    EXPECT_NE(css.body.find("font-size"), std::string::npos);
    EXPECT_NE(b.get("/audit").body.find("login"), std::string::npos) << "the login is in the audit log";
}

TEST_F(ConsoleHttp, WrongPasswordGivesNoSession) {
    Browser b = browser();
    const Reply r = b.login(kAdmin, "not-the-password");
    EXPECT_EQ(r.status, 401);
    EXPECT_NE(r.body.find("用户名或密码不对"), std::string::npos);
    EXPECT_FALSE(hasCookie(r, "__Host-console"));
    const Reply page = b.get("/stations");
    EXPECT_EQ(page.status, 303);
    EXPECT_EQ(page.location.rfind("/login?next=", 0), 0u) << page.location;

    Browser admin = browser();
    ASSERT_EQ(admin.login(kAdmin, kAdminPassword).status, 303);
    const Reply csv = admin.get("/audit.csv?action=login.failed");
    EXPECT_EQ(csv.status, 200);
    EXPECT_NE(csv.body.find("li.na,127.0.0.1,login.failed,li.na,refused"), std::string::npos) << csv.body;
}

TEST_F(ConsoleHttp, FiveWrongPasswordsLockTheAccountNotTheOthers) {
    Browser b = browser();
    for (int i = 0; i < 5; ++i) ASSERT_EQ(b.login("lock.me", "wrong-" + std::to_string(i)).status, 401) << i;
    const Reply locked = b.login("lock.me", "lock-me-password");
    EXPECT_EQ(locked.status, 429) << "the right password is refused while the account is locked";
    EXPECT_NE(locked.body.find("暂时锁定"), std::string::npos);
    bool retryAfter = false;
    for (const auto& [k, v] : locked.headers) retryAfter = retryAfter || (k == "Retry-After" && std::stoi(v) > 0);
    EXPECT_TRUE(retryAfter);
    EXPECT_FALSE(hasCookie(locked, "__Host-console"));
    EXPECT_EQ(browser().login(kAdmin, kAdminPassword).status, 303) << "another account is not locked";
}

TEST_F(ConsoleHttp, MissingOrWrongCsrfTokenChangesNothing) {
    const std::string service = firstPendingService(*server_);
    ASSERT_FALSE(service.empty());
    Browser b = browser();
    ASSERT_EQ(b.login(kAdmin, kAdminPassword).status, 303);
    const std::string csrf = b.csrfOf("/timebank");
    ASSERT_EQ(csrf.size(), 64u);

    Reply r = b.post("/timebank/approve", {{"service", service}});
    EXPECT_EQ(r.status, 403);
    EXPECT_NE(r.body.find("页面已过期"), std::string::npos);
    r = b.post("/timebank/approve", {{"service", service}, {"csrf", std::string(64, '0')}});
    EXPECT_EQ(r.status, 403);
    Browser other = browser();  // another admin's session has another token
    ASSERT_EQ(other.login(kAdmin, kAdminPassword).status, 303);
    r = b.post("/timebank/approve", {{"service", service}, {"csrf", other.csrfOf("/timebank")}});
    EXPECT_EQ(r.status, 403);
    EXPECT_NE(server_->cli({"timebank", "pending"}).find(service), std::string::npos)
        << "still pending after three refused forms";

    r = b.post("/timebank/approve", {{"service", service}, {"csrf", csrf}});
    EXPECT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(server_->cli({"timebank", "pending"}).find(service), std::string::npos)
        << "approved with the page's token";
    const std::string audit = b.get("/audit.csv").body;
    EXPECT_NE(audit.find("csrf.refused,/timebank/approve,refused"), std::string::npos) << audit;
    EXPECT_NE(audit.find("timebank.approve," + service + ",ok"), std::string::npos) << audit;
}

TEST_F(ConsoleHttp, ViewerReadsButCannotPush) {
    const std::string doc = nlohmann::json{{"expires_at", expires()}, {"idle_timeout_seconds", 75}}.dump();
    const std::string before = server_->cli({"config", "list"});
    Browser viewer = browser();
    ASSERT_EQ(viewer.login(kViewer, kViewerPassword).status, 303);
    const Reply page = viewer.get("/config");
    EXPECT_EQ(page.status, 200);
    EXPECT_EQ(page.body.find("id=\"push\""), std::string::npos) << "no push button for a viewer";
    EXPECT_NE(page.body.find("只读账号"), std::string::npos);
    const Reply r = viewer.postMultipart("/config/push", {{"csrf", viewer.csrf()}, {"target", "district"}, {"document", doc}});
    EXPECT_EQ(r.status, 403);
    EXPECT_NE(r.body.find("没有权限"), std::string::npos);
    EXPECT_EQ(server_->cli({"config", "list"}), before) << "nothing was pushed";
    EXPECT_EQ(viewer.post("/timebank/approve", {{"csrf", viewer.csrf()}, {"service", "svc-demo-000001"}}).status, 403);

    Browser admin = browser();
    ASSERT_EQ(admin.login(kAdmin, kAdminPassword).status, 303);
    const Reply pushed = admin.postMultipart("/config/push", {{"csrf", admin.csrfOf("/config")}, {"target", "district"}, {"document", doc}});
    EXPECT_EQ(pushed.status, 303) << pushed.body;
    EXPECT_NE(server_->cli({"config", "list"}), before) << "the admin's push is published";
    const std::string audit = admin.get("/audit.csv").body;
    EXPECT_NE(audit.find("wang.viewer,127.0.0.1,role.refused,/config/push,refused"), std::string::npos) << audit;
    EXPECT_NE(audit.find("li.na,127.0.0.1,config.push,district,ok"), std::string::npos) << audit;
}

TEST_F(ConsoleHttp, ConfigCheckUsesTheValidatorAndShowsTheDiff) {
    Browser b = browser();
    ASSERT_EQ(b.login(kAdmin, kAdminPassword).status, 303);
    const std::string csrf = b.csrfOf("/config");
    const std::string bad = nlohmann::json{{"expires_at", expires()}, {"idle_timeout_seconds", 5}}.dump();
    Reply r = b.postMultipart("/config/check", {{"csrf", csrf}, {"target", "district"}, {"document", bad}});
    EXPECT_EQ(r.status, 400);
    EXPECT_NE(r.body.find("idle_timeout_seconds"), std::string::npos) << "the validator names the field";
    const std::string good = nlohmann::json{{"expires_at", expires()}, {"idle_timeout_seconds", 90},
                                            {"announcement", "周五健康讲座"}}.dump();
    r = b.postMultipart("/config/check", {{"csrf", csrf}, {"target", "st-changcheng"}, {"document", good}});
    EXPECT_EQ(r.status, 200) << r.body;
    EXPECT_NE(r.body.find("检查通过"), std::string::npos);
    EXPECT_NE(r.body.find("announcement"), std::string::npos) << "the diff lists the new field";
    EXPECT_NE(r.body.find("周五健康讲座"), std::string::npos);
}

// A district's document (pretty-printed, staff PIN hashes, subsidy rules) is
// more than cpp-httplib takes as a URL-encoded form (8 KiB): the editor posts
// multipart, and a URL-encoded form that large is refused in words, unread.
TEST_F(ConsoleHttp, ADistrictSizedConfigDocumentFitsTheEditor) {
    Browser b = browser();
    ASSERT_EQ(b.login(kAdmin, kAdminPassword).status, 303);
    const Reply page = b.get("/config");
    EXPECT_NE(page.body.find("action=\"/config/check\" enctype=\"multipart/form-data\""), std::string::npos);
    const std::string csrf = b.csrf();
    const std::string doc = nlohmann::json{{"expires_at", expires()}, {"idle_timeout_seconds", 90},
                                           {"announcement", "周五健康讲座"}}.dump(4) +
                            std::string(20000, '\n');
    Reply r = b.postMultipart("/config/check", {{"csrf", csrf}, {"target", "district"}, {"document", doc}});
    EXPECT_EQ(r.status, 200) << r.body.substr(0, 2000);
    EXPECT_NE(r.body.find("检查通过"), std::string::npos);
    r = b.post("/config/check", {{"csrf", csrf}, {"target", "district"}, {"document", doc}});
    EXPECT_EQ(r.status, 413);
    EXPECT_NE(r.body.find("最多 8 KB"), std::string::npos) << r.body;
}

TEST_F(ConsoleHttp, ImportIsPreviewedWithLineNumbersAndAllOrNothing) {
    Browser b = browser();
    ASSERT_EQ(b.login(kAdmin, kAdminPassword).status, 303);
    const std::string csrf = b.csrfOf("/members");
    const std::string bad =
        "id,card_no,phone,name,birth_date,category,delivery_eligible\n"
        "m-new-1,9900000001,13900000001,测试一,1950-01-01,age70,0\n"
        "m-new-2,12,13900000002,测试二,1950-01-01,age70,0\n"
        "m-new-3,9900000003,13900000003,测试三,1950-01-01,nobody,0\n";
    Reply r = b.upload("/import/preview", {{"csrf", csrf}, {"kind", "members"}}, "file", "m.csv", bad);
    EXPECT_EQ(r.status, 422);
    EXPECT_NE(r.body.find("第 3 行"), std::string::npos) << r.body;
    EXPECT_NE(r.body.find("第 4 行"), std::string::npos);
    EXPECT_EQ(r.body.find("确认导入"), std::string::npos) << "nothing to confirm";
    EXPECT_EQ(b.post("/import/confirm", {{"csrf", csrf}, {"kind", "members"}, {"digest", "x"}}).status, 409);
    EXPECT_EQ(b.get("/members?q=m-new-1").body.find("测试一"), std::string::npos) << "not even the good row";

    const std::string good =
        "id,card_no,phone,name,birth_date,category,delivery_eligible\n"
        "m-new-1,9900000001,13900000001,测试一,1950-01-01,age70,0\n"
        "m-new-2,9900000002,13900000002,测试二,1950-01-01,age70,1\n";
    r = b.upload("/import/preview", {{"csrf", csrf}, {"kind", "members"}}, "file", "m.csv", good);
    EXPECT_EQ(r.status, 200) << r.body;
    const std::string digest = consoletest::inputValue(r.body, "digest");
    ASSERT_EQ(digest.size(), 64u);
    r = b.post("/import/confirm", {{"csrf", csrf}, {"kind", "members"}, {"digest", digest}});
    EXPECT_EQ(r.status, 303) << r.body;
    EXPECT_NE(b.get("/members?q=9900000002").body.find("测试二"), std::string::npos);
    EXPECT_EQ(b.post("/import/confirm", {{"csrf", csrf}, {"kind", "members"}, {"digest", digest}}).status, 409)
        << "a confirmation is used once";
}

TEST_F(ConsoleHttp, ReissuedBundleRevokesTheOldToken) {
    const auto oldBundle = nlohmann::json::parse(std::ifstream(server_->bundle("st-changcheng")));
    Browser b = browser();
    ASSERT_EQ(b.login(kAdmin, kAdminPassword).status, 303);
    const Reply r = b.post("/stations/st-changcheng/reissue",
                           {{"csrf", b.csrfOf("/stations/st-changcheng")}, {"url", server_->url()}});
    ASSERT_EQ(r.status, 200) << r.body;
    const auto bundle = nlohmann::json::parse(r.body);
    EXPECT_EQ(bundle.at("station_id"), "st-changcheng");
    EXPECT_NE(bundle.at("token"), oldBundle.at("token"));

    httplib::SSLClient api("127.0.0.1", server_->port());
    api.set_ca_cert_path((server_->dataDir() + "/tls/ca.pem").c_str());
    api.enable_server_certificate_verification(true);
    api.set_bearer_token_auth(oldBundle.at("token").get<std::string>().c_str());
    auto old = api.Get("/api/v1/changes?limit=1");
    ASSERT_TRUE(old);
    EXPECT_EQ(old->status, 401) << "the old token stopped working";
    api.set_bearer_token_auth(bundle.at("token").get<std::string>().c_str());
    auto fresh = api.Get("/api/v1/changes?limit=1");
    ASSERT_TRUE(fresh);
    EXPECT_EQ(fresh->status, 200);
    std::ofstream(server_->bundle("st-changcheng"), std::ios::trunc) << r.body;
}

TEST_F(ConsoleHttp, ReportDownloadIsTheCliReport) {
    Browser b = browser();
    ASSERT_EQ(b.login(kAdmin, kAdminPassword).status, 303);
    const Reply r = b.get("/reports/download?kind=timebank&from=2020-01-01&to=2030-12-31");
    ASSERT_EQ(r.status, 200);
    std::string disposition;
    for (const auto& [k, v] : r.headers)
        if (k == "Content-Disposition") disposition = v;
    EXPECT_NE(disposition.find("attachment"), std::string::npos);
    const std::string out = server_->dataDir() + "/../tb.csv";
    server_->cli({"report", "timebank", "--from", "2020-01-01", "--to", "2030-12-31", "--out", out});
    std::stringstream cli;
    cli << std::ifstream(out).rdbuf();
    EXPECT_EQ(r.body, cli.str()) << "the same file, its byte-order mark included";
    EXPECT_EQ(r.body.rfind("\xEF\xBB\xBF", 0), 0u);
    EXPECT_GT(std::count(r.body.begin(), r.body.end(), '\n'), 1) << "the demo's transfers are in it";
}

TEST_F(ConsoleHttp, WithoutASessionNothingIsReadOrChanged) {
    Browser b = browser();
    const Reply r = b.post("/config/push", {{"target", "district"}, {"document", "{}"}});
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(r.location, "/login?expired=1");
    b.setCookie("__Host-console", std::string(64, 'a'));
    EXPECT_EQ(b.get("/stations").status, 303) << "a made-up session token";
    EXPECT_EQ(b.get("/audit.csv").status, 303);
}

TEST(ConsoleThrottle, TwentyFailuresFromOneClientLockTheClient) {
    DistrictServer server(options(40));
    addAdmin(server, "zhao.admin", "admin", "zhao-password-9");
    Browser b(server.consoleUrl(), server.dataDir() + "/tls/ca.pem");
    // Twenty names, one failure each: no account reaches its own limit.
    for (int i = 0; i < 20; ++i) ASSERT_EQ(b.login("guess" + std::to_string(i), "password-x").status, 401) << i;
    const Reply r = b.login("zhao.admin", "zhao-password-9");
    EXPECT_EQ(r.status, 429) << "this client is locked, whatever the account";
    EXPECT_FALSE(hasCookie(r, "__Host-console"));
}

TEST(ConsoleSession, EndsAfterIdleTimeNotWhileInUse) {
    DistrictServer server(options(40, {}, {"--admin-idle", "2"}));
    addAdmin(server, "zhao.admin", "admin", "zhao-password-9");
    const std::string service = firstPendingService(server);
    Browser b(server.consoleUrl(), server.dataDir() + "/tls/ca.pem");
    ASSERT_EQ(b.login("zhao.admin", "zhao-password-9").status, 303);
    const std::string csrf = b.csrfOf("/timebank");
    std::this_thread::sleep_for(1200ms);
    EXPECT_EQ(b.get("/stations").status, 200);
    std::this_thread::sleep_for(1200ms);
    EXPECT_EQ(b.get("/stations").status, 200) << "in use: 2.4 s after login, 1.2 s after the last request";
    std::this_thread::sleep_for(2500ms);
    const Reply r = b.get("/stations");
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(r.location, "/login?expired=1");
    const Reply post = b.post("/timebank/approve", {{"csrf", csrf}, {"service", service}});
    EXPECT_EQ(post.status, 303);
    EXPECT_NE(server.cli({"timebank", "pending"}).find(service), std::string::npos) << "nothing approved";
    EXPECT_NE(b.get("/login?expired=1").body.find("登录已过期"), std::string::npos);
}

TEST(ConsoleAccounts, OneTimePasswordMustBeReplacedFirst) {
    DistrictServer server(options(40));
    const std::string out = server.cli({"admin", "add", "new.admin", "--role", "admin"});
    std::smatch m;
    ASSERT_TRUE(std::regex_search(out, m, std::regex("login\\): ([A-Za-z0-9]{16})"))) << out;
    const std::string once = m[1].str();
    Browser b(server.consoleUrl(), server.dataDir() + "/tls/ca.pem");
    Reply r = b.login("new.admin", once);
    ASSERT_EQ(r.status, 303);
    EXPECT_EQ(r.location, "/password");
    r = b.get("/stations");
    EXPECT_EQ(r.status, 303);
    EXPECT_EQ(r.location, "/password") << "nothing else until the password is changed";
    const std::string csrf = b.csrfOf("/password");
    r = b.post("/password", {{"csrf", csrf}, {"current", once}, {"new1", "short"}, {"new2", "short"}});
    EXPECT_EQ(r.status, 400);
    r = b.post("/password", {{"csrf", csrf}, {"current", once}, {"new1", "my-own-password-1"}, {"new2", "my-own-password-1"}});
    EXPECT_EQ(r.status, 303) << r.body;
    EXPECT_EQ(b.get("/stations").status, 200) << "this session goes on";
    Browser again(server.consoleUrl(), server.dataDir() + "/tls/ca.pem");
    EXPECT_EQ(again.login("new.admin", once).status, 401) << "the one-time password is spent";
    EXPECT_EQ(again.login("new.admin", "my-own-password-1").status, 303);
}

}  // namespace
