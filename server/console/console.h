// console.h — the district admin console (issue 12): server-rendered pages on
// an httplib::Server of its own, for the district office's browsers.
//
// Index (handlers live in one file per page family)
//   console.cpp          mount, request vetting (admit), sessions, CSRF, roles, login,
//                        logout, password, assets, the audit helper
//   pages_stations.cpp   站点: list (problems first), detail, re-issue a bundle
//   pages_config.cpp     配置: edit, check with the CLI's validator, diff, push
//   pages_data.cpp       菜单 / 活动 / 长者: views, search, CSV preview + import
//   pages_timebank.cpp   时间银行: approve / reject services, reverse transfers
//   pages_reports.cpp    报表: SVG charts, CSV downloads
//   pages_audit.cpp      求助提醒 (acknowledge) and 操作记录 (view, export)
//
// Every admin action calls the same function as the CLI (server/core/admin,
// rules/timebank.h) and writes one audit line, refused or done.
#pragma once

#include <chrono>
#include <cstddef>
#include <optional>
#include <string>

#include <httplib.h>

#include "console/html.h"
#include "console/sessions.h"
#include "core/clock.h"
#include "http/hardened_server.h"
#include "storage.h"

namespace district::console {

struct ConsoleOptions {
    std::chrono::seconds session_idle{15 * 60};       // without a request
    std::chrono::seconds session_max{12 * 60 * 60};   // in any case
    std::string api_url;  // the station API as stations reach it, for re-issued bundles ("": ask)
    // The listener refuses any body above max_upload_bytes (its max_body_bytes);
    // the console then holds each form to its own limit.
    std::size_t max_upload_bytes = 32 * 1024 * 1024;  // a CSV of 150,000 members is ~12 MB
    std::size_t max_form_bytes = 1024 * 1024;         // any other form (a config document)
    std::size_t max_login_bytes = 8 * 1024;
    ThrottlePolicy throttle;
};

class Console {
public:
    Console(std::string dataDir, Storage& storage, const core::Clock& clock, ConsoleOptions options = {});
    // Routes, request vetting, error pages, security headers and the request
    // log, on a server that already vets the framing of every request
    // (hardened_server.h: TLS, limits, chunked, compressed and oversized
    // bodies): the console adds its methods, its limit per form, the origin
    // and a live session, all before the body is read.
    void mount(HardenedHttpsServer& server);

    enum class Need { Reader, Admin };  // viewer may read; only admin may change

    // One request of a logged-in admin, as handlers see it.
    struct Req {
        const httplib::Request& http;
        httplib::Response& res;
        std::string token;       // the session cookie
        Session session;
        AdminAccount admin;
        std::string client;      // remote address
        Viewer viewer() const { return {admin.name, admin.role, session.csrf}; }
        bool canChange() const { return admin.role == "admin"; }
    };

private:
    using Handler = void (Console::*)(Req&);
    void get(httplib::Server& s, const std::string& pattern, Handler h);
    void post(httplib::Server& s, const std::string& pattern, Handler h, Need need);
    // Runs h for a live session (and the CSRF check on a POST); redirects to the login otherwise.
    void serve(const httplib::Request& req, httplib::Response& res, Handler h, Need need, bool isPost);
    // The admit hook: what the console refuses before the body.
    std::optional<Refusal> admit(const httplib::Request& req);
    // The refuse hook: a page in words, or the way to the login page.
    void refuse(httplib::Response& res, const Refusal& r);

    // Responses.
    void sendPage(Req& r, Page p, int status = 200);
    void redirect(httplib::Response& res, const std::string& to);
    void flashRedirect(Req& r, const std::string& message, const std::string& to);
    void errorPage(Req& r, int status, const std::string& title, const std::string& message);
    void download(Req& r, const std::string& filename, const std::string& contentType, std::string body);

    // The audit log; never lets a failure to write it pass silently.
    void audit(const Req& r, const std::string& action, const std::string& target, bool ok,
               const std::string& detail);
    void auditAs(const std::string& admin, const std::string& client, const std::string& action,
                 const std::string& target, bool ok, const std::string& detail);

    // Login, logout, password, assets (console.cpp).
    void loginForm(const httplib::Request& req, httplib::Response& res, const std::string& message,
                   int status);
    void login(const httplib::Request& req, httplib::Response& res);
    void logout(Req& r);
    void passwordForm(Req& r);
    void passwordChange(Req& r);
    void home(Req& r);

    // Pages (pages_*.cpp).
    void stations(Req& r);
    void stationDetail(Req& r);
    void stationReissue(Req& r);
    void configPage(Req& r);
    void configCheck(Req& r);
    void configPush(Req& r);
    void renderConfig(Req& r, const std::string& target, const std::string& text,
                      const std::string& resultHtml, int status);
    void menus(Req& r);
    void activities(Req& r);
    void members(Req& r);
    void importPreview(Req& r);
    void importConfirm(Req& r);
    void timebank(Req& r);
    void timebankApprove(Req& r);
    void timebankReject(Req& r);
    void timebankReverse(Req& r);
    void reports(Req& r);
    void reportDownload(Req& r);
    void alerts(Req& r);
    void alertAck(Req& r);
    void auditPage(Req& r);
    void auditExport(Req& r);

    std::string dataDir_;
    Storage& storage_;
    const core::Clock& clock_;
    ConsoleOptions options_;
    Sessions sessions_;
    LoginThrottle throttle_;
};

// Helpers shared by the page files.
std::string formValue(const httplib::Request& req, const std::string& name);
std::string cookieValue(const httplib::Request& req, const std::string& name);
inline constexpr const char* kSessionCookie = "__Host-console";
inline constexpr const char* kLoginCookie = "__Host-console-login";

}  // namespace district::console
