// console.cpp — what every page of the console shares: routes, the vetting of
// a request before its body is read, sessions, CSRF, roles, the audit helper,
// login, logout, the password page and the embedded assets.
//
// Index
//   helpers         cookies, form values, safe "next" targets
//   Console::mount  routes, hooks, headers, errors, the request log
//   admit / refuse  before the body: method, size per form, origin, session
//   serve           a logged-in request: session, account, CSRF, role
//   responses       pages, redirects, downloads, the audit log
//   login / logout / password
#include "console/console.h"

#include <cstdio>
#include <stdexcept>

#include "admin/admins.h"
#include "admin/audit.h"
#include "console/assets.h"
#include "errors.h"
#include "http/request_log.h"

namespace district::console {

// ---- helpers

std::string cookieValue(const httplib::Request& req, const std::string& name) {
    const std::string h = req.get_header_value("Cookie");
    std::size_t i = 0;
    while (i < h.size()) {
        std::size_t end = h.find(';', i);
        if (end == std::string::npos) end = h.size();
        std::string part = h.substr(i, end - i);
        const auto b = part.find_first_not_of(' ');
        part = b == std::string::npos ? "" : part.substr(b);
        const auto eq = part.find('=');
        if (eq != std::string::npos && part.compare(0, eq, name) == 0 && eq == name.size())
            return part.substr(eq + 1);
        i = end + 1;
    }
    return {};
}

std::string formValue(const httplib::Request& req, const std::string& name) {
    if (req.has_param(name.c_str())) return req.get_param_value(name.c_str());
    if (req.has_file(name)) return req.get_file_value(name).content;
    return {};
}

namespace {

// Only a path of this console: never another site, never "//host".
std::string safeNext(const std::string& next) {
    if (next.size() < 2 || next.size() > 500 || next[0] != '/' || next[1] == '/' || next[1] == '\\')
        return "/stations";
    for (unsigned char c : next)
        if (c < 0x20 || c == 0x7f) return "/stations";
    return next;
}

std::string sessionCookie(const std::string& token) {
    return std::string(kSessionCookie) + "=" + token + "; Path=/; Secure; HttpOnly; SameSite=Strict";
}

std::string expiredCookie(const char* name) {
    return std::string(name) + "=; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=0";
}

bool isUploadPath(const std::string& path) { return path == "/import/preview"; }

}  // namespace

Console::Console(std::string dataDir, Storage& storage, const core::Clock& clock, ConsoleOptions options)
    : dataDir_(std::move(dataDir)),
      storage_(storage),
      clock_(clock),
      options_(std::move(options)),
      sessions_(options_.session_idle, options_.session_max),
      throttle_(options_.throttle) {}

// ---- mount

void Console::mount(HardenedHttpsServer& server) {
    // The server refuses a body above its own max_body_bytes before asking us.
    if (server.limits().max_body_bytes < options_.max_upload_bytes)
        throw std::invalid_argument("console: the listener's body limit is below the upload limit");
    server.set_default_headers({
        {"Content-Security-Policy",
         "default-src 'none'; style-src 'self'; script-src 'self'; img-src 'self' data:; "
         "form-action 'self'; frame-ancestors 'none'; base-uri 'none'"},
        {"X-Content-Type-Options", "nosniff"},
        {"X-Frame-Options", "DENY"},
        {"Referrer-Policy", "same-origin"},  // "no-referrer" makes Chromium send "Origin: null"
        {"Strict-Transport-Security", "max-age=31536000"},
        {"Cache-Control", "no-store"},
    });
    RequestHooks hooks;
    hooks.begin = [](const httplib::Request&) { beginRequest(); };
    hooks.admit = [this](const httplib::Request& req) { return admit(req); };
    hooks.refuse = [this](httplib::Response& res, const Refusal& r) { refuse(res, r); };
    hooks.log = [](const httplib::Request& req, const httplib::Response& res) {
        // The path only: a query may hold a member's name, card or phone. The
        // note's station_id field carries the admin's name here.
        char ms[32];
        std::snprintf(ms, sizeof ms, "%.1fms", requestMillis());
        const auto& note = requestNote();
        logLine("console " + req.method + " " + req.path + " " + std::to_string(res.status) + " " + ms +
                (note.station_id.empty() ? "" : " admin=" + note.station_id) +
                (note.detail.empty() ? "" : " " + note.detail));
        beginRequest();  // an answer given before any hook ran must not log this one's admin
    };
    server.setHooks(std::move(hooks));

    server.Get("/login", [this](const httplib::Request& req, httplib::Response& res) {
        if (sessions_.live(cookieValue(req, kSessionCookie), std::chrono::steady_clock::now()))
            return redirect(res, "/stations");
        std::string msg;
        if (req.has_param("expired")) msg = "登录已过期（太久没有操作），请重新登录。";
        if (req.has_param("ended")) msg = "账号的密码、角色或状态已变更，请重新登录。";
        loginForm(req, res, msg, 200);
    });
    server.Post("/login", [this](const httplib::Request& req, httplib::Response& res) { login(req, res); });
    server.Get("/assets/(.+)", [](const httplib::Request& req, httplib::Response& res) {
        const Asset a = asset(req.matches[1].str());
        if (a.body.empty()) {
            res.status = 404;
            return;
        }
        res.set_content(std::string(a.body), std::string(a.content_type).c_str());
    });

    get(server, "/", &Console::home);
    post(server, "/logout", &Console::logout, Need::Reader);
    get(server, "/password", &Console::passwordForm);
    post(server, "/password", &Console::passwordChange, Need::Reader);
    get(server, "/stations", &Console::stations);
    get(server, "/stations/([A-Za-z0-9._:-]+)", &Console::stationDetail);
    post(server, "/stations/([A-Za-z0-9._:-]+)/reissue", &Console::stationReissue, Need::Admin);
    get(server, "/config", &Console::configPage);
    post(server, "/config/check", &Console::configCheck, Need::Reader);
    post(server, "/config/push", &Console::configPush, Need::Admin);
    get(server, "/menus", &Console::menus);
    get(server, "/activities", &Console::activities);
    get(server, "/members", &Console::members);
    post(server, "/import/preview", &Console::importPreview, Need::Admin);
    post(server, "/import/confirm", &Console::importConfirm, Need::Admin);
    get(server, "/timebank", &Console::timebank);
    post(server, "/timebank/approve", &Console::timebankApprove, Need::Admin);
    post(server, "/timebank/reject", &Console::timebankReject, Need::Admin);
    post(server, "/timebank/reverse", &Console::timebankReverse, Need::Admin);
    get(server, "/reports", &Console::reports);
    get(server, "/reports/download", &Console::reportDownload);
    get(server, "/alerts", &Console::alerts);
    post(server, "/alerts/ack", &Console::alertAck, Need::Admin);
    get(server, "/audit", &Console::auditPage);
    get(server, "/audit.csv", &Console::auditExport);

    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (!res.body.empty() || res.status == 303 || res.status == 302) return;
        const std::string what = res.status == 404   ? "没有这个页面。"
                                 : res.status == 413 ? "提交的内容太大。"
                                 : res.status == 405 ? "不支持这种请求。"
                                                     : "请求无法处理。";
        res.set_content(renderPage({}, {"出错了", "", "<p>" + what + " <a href=\"/\">回到首页</a></p>", ""}),
                        "text/html; charset=utf-8");
    });
    server.set_exception_handler(
        [](const httplib::Request&, httplib::Response& res, std::exception_ptr ep) {
            std::string what = "unknown";
            try {
                std::rethrow_exception(ep);
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            res.status = 500;
            res.set_content(renderPage({}, {"服务器出错", "",
                                            "<p>服务器出错，这次操作没有完成。请返回后重试；"
                                            "一再出错请联系系统维护人员。</p>",
                                            ""}),
                            "text/html; charset=utf-8");
            requestNote().detail += " error=" + what.substr(0, 200);
        });
}

void Console::get(httplib::Server& s, const std::string& pattern, Handler h) {
    s.Get(pattern, [this, h](const httplib::Request& req, httplib::Response& res) {
        serve(req, res, h, Need::Reader, false);
    });
}

void Console::post(httplib::Server& s, const std::string& pattern, Handler h, Need need) {
    s.Post(pattern, [this, h, need](const httplib::Request& req, httplib::Response& res) {
        serve(req, res, h, need, true);
    });
}

// ---- admit / refuse: before the body is read
//
// The server has already refused what no listener takes (hardened_server.h):
// chunked or compressed bodies, a body without one plain Content-Length, a
// body above max_upload_bytes, a slow or overloaded connection. A refused
// request's connection is closed after the answer, its body unread.

namespace {

constexpr const char* kNoSession = "no_session";
constexpr std::size_t kUrlEncodedFormBytes = 8192;

// The server's own refusals (hardened_server.cpp) in the console's words;
// the console's own (admit) carry theirs.
std::string words(const Refusal& r) {
    if (r.code == "length_required") return "提交缺少长度（Content-Length），或是分块发送的。";
    if (r.code == "unsupported_encoding") return "不接受压缩过的提交。";
    if (r.code == "payload_too_large") return "提交的内容太大。";
    if (r.code == "request_timeout") return "连接用时太长，已断开。请重新打开页面。";
    if (r.code == "overloaded") return "管理台正忙，请过几秒再试。";
    if (r.code == "bad_request") return "请求的格式不对。";
    return r.message;
}

}  // namespace

std::optional<Refusal> Console::admit(const httplib::Request& req) {
    if (req.method != "GET" && req.method != "HEAD" && req.method != "POST")
        return Refusal{405, "method_not_allowed", "不支持这种请求。"};
    if (req.method != "POST") return std::nullopt;

    // One Content-Length of digits only: the server checked it.
    const std::size_t length = std::stoull(req.get_header_value("Content-Length"));
    const std::size_t limit = req.path == "/login"       ? options_.max_login_bytes
                              : isUploadPath(req.path) ? options_.max_upload_bytes
                                                       : options_.max_form_bytes;
    if (length > limit)
        return Refusal{413, "form_too_large",
                       "提交的内容太大（最多 " + bytesText(static_cast<std::int64_t>(limit)) + "）。"};
    // cpp-httplib reads a URL-encoded form whole, then refuses it above 8 KiB
    // (CPPHTTPLIB_FORM_URL_ENCODED_PAYLOAD_MAX_LENGTH) with a bare 413: say so
    // first, unread. Larger forms are multipart (the config editor's is).
    if (req.get_header_value("Content-Type").rfind("application/x-www-form-urlencoded", 0) == 0 &&
        length > kUrlEncodedFormBytes)
        return Refusal{413, "form_too_large", "表单的内容太大（最多 8 KB）。"};

    // A browser names the page a form came from; another site's page is refused.
    const std::string origin = req.get_header_value("Origin");
    if (!origin.empty() && origin != "https://" + req.get_header_value("Host")) {
        requestNote().detail = "origin=" + origin.substr(0, 80) + " host=" + req.get_header_value("Host").substr(0, 80);
        return Refusal{403, "foreign_origin", "这个表单不是从管理台提交的。"};
    }

    // Only a live session's body is read (the login form is the one exception).
    if (req.path != "/login" &&
        !sessions_.live(cookieValue(req, kSessionCookie), std::chrono::steady_clock::now()))
        return Refusal{303, kNoSession, ""};
    return std::nullopt;
}

void Console::refuse(httplib::Response& res, const Refusal& r) {
    if (r.code == kNoSession) {
        redirect(res, "/login?expired=1");
        requestNote().detail = kNoSession;
        return;
    }
    res.set_content(renderPage({}, {"请求被拒绝", "", "<p>" + esc(words(r)) + "</p>", ""}),
                    "text/html; charset=utf-8");
    requestNote().detail += " refused=" + std::to_string(r.status);
}

// ---- serve: a logged-in request

void Console::serve(const httplib::Request& req, httplib::Response& res, Handler h, Need need,
                    bool isPost) {
    const std::string token = cookieValue(req, kSessionCookie);
    auto s = sessions_.touch(token, std::chrono::steady_clock::now());
    if (!s) {
        if (isPost || token.size() == 64) return redirect(res, "/login?expired=1");
        const std::string next = req.target.empty() ? req.path : req.target;
        return redirect(res, next == "/" ? "/login" : "/login?next=" + urlEncode(next));
    }
    std::optional<AdminAccount> account;
    storage_.read([&](Tx& tx) { account = tx.admin(s->admin); });
    if (!account || account->disabled || account->generation != s->generation) {
        sessions_.end(token);
        res.set_header("Set-Cookie", expiredCookie(kSessionCookie));
        return redirect(res, "/login?ended=1");
    }
    Req r{req, res, token, *s, *account, req.remote_addr};
    requestNote().station_id = account->name;
    if (account->must_change && req.path != "/password" && req.path != "/logout")
        return redirect(res, "/password");
    if (isPost && !sameSecret(formValue(req, "csrf"), s->csrf)) {
        audit(r, "csrf.refused", req.path, false, "the form had no CSRF token or a wrong one");
        return errorPage(r, 403, "页面已过期",
                         "这个表单已经过期，或者不是从本管理台的页面提交的，所以没有执行，什么都没有改变。"
                         "请回到上一页，刷新后再操作一次。");
    }
    if (need == Need::Admin && !r.canChange()) {
        audit(r, "role.refused", req.path, false, "a viewer may read, not change");
        return errorPage(r, 403, "没有权限",
                         "只读账号可以查看，但不能推送配置、审批、导入或修改。什么都没有改变。"
                         "需要时请管理员操作。");
    }
    try {
        (this->*h)(r);
    } catch (const AdminError& e) {
        errorPage(r, 400, "操作被拒绝", std::string("什么都没有改变。原因：") + e.what());
    }
}

// ---- responses

void Console::sendPage(Req& r, Page p, int status) {
    const std::string flash = sessions_.takeFlash(r.token);
    if (!flash.empty()) p.notice = notice("ok", esc(flash)) + p.notice;
    r.res.status = status;
    r.res.set_content(renderPage(r.viewer(), p), "text/html; charset=utf-8");
}

void Console::redirect(httplib::Response& res, const std::string& to) {
    res.status = 303;
    res.set_header("Location", to);
}

void Console::flashRedirect(Req& r, const std::string& message, const std::string& to) {
    sessions_.setFlash(r.token, message);
    redirect(r.res, to);
}

void Console::errorPage(Req& r, int status, const std::string& title, const std::string& message) {
    sendPage(r, {title, "", "<p>请用浏览器的“后退”回到上一页，或 <a href=\"/stations\">回到首页</a>。</p>",
                 notice("error", esc(message))},
             status);
}

void Console::download(Req& r, const std::string& filename, const std::string& contentType,
                       std::string body) {
    r.res.set_header("Content-Disposition", "attachment; filename=\"" + filename + "\"");
    r.res.set_content(std::move(body), contentType.c_str());
}

void Console::audit(const Req& r, const std::string& action, const std::string& target, bool ok,
                    const std::string& detail) {
    auditAs(r.admin.name, r.client, action, target, ok, detail);
}

void Console::auditAs(const std::string& admin, const std::string& client, const std::string& action,
                      const std::string& target, bool ok, const std::string& detail) {
    recordAudit(storage_, AuditEntry{0, "", admin, client, action, target, ok ? "ok" : "refused", detail},
                clock_.now());
}

// ---- login, logout, password

void Console::loginForm(const httplib::Request& req, httplib::Response& res,
                        const std::string& message, int status) {
    // Login CSRF: the form carries the value of a cookie only this page sets.
    const std::string loginToken = randomToken();
    res.set_header("Set-Cookie", std::string(kLoginCookie) + "=" + loginToken +
                                     "; Path=/; Secure; HttpOnly; SameSite=Strict; Max-Age=3600");
    const std::string next = req.has_param("next") ? safeNext(req.get_param_value("next")) : "/stations";
    std::string body =
        "<form method=\"post\" action=\"/login\" class=\"login\">" + hidden("login_token", loginToken) +
        hidden("next", next) +
        "<label for=\"name\">用户名</label>"
        "<input id=\"name\" name=\"name\" autocomplete=\"username\" required maxlength=\"32\" autofocus "
        "value=\"" + esc(formValue(req, "name").substr(0, 32)) + "\">"
        "<label for=\"password\">密码</label>"
        "<input id=\"password\" name=\"password\" type=\"password\" autocomplete=\"current-password\" "
        "required maxlength=\"128\">"
        "<button type=\"submit\" class=\"primary\" id=\"login\">登录</button></form>"
        "<p class=\"hint\">账号由区里的系统管理员开设（district-server admin add）。"
        "连续输错 5 次，账号会暂时锁定。</p>";
    res.status = status;
    res.set_content(renderPage({}, {"登录", "", body, message.empty() ? "" : notice("error", esc(message))}),
                    "text/html; charset=utf-8");
}

void Console::login(const httplib::Request& req, httplib::Response& res) {
    const std::string client = req.remote_addr;
    const std::string name = formValue(req, "name");
    const std::string password = formValue(req, "password");
    const auto now = std::chrono::steady_clock::now();
    if (!sameSecret(formValue(req, "login_token"), cookieValue(req, kLoginCookie)))
        return loginForm(req, res, "登录页面已过期，请重新输入后再登录。", 403);
    if (const int wait = throttle_.waitSeconds(name, client, now); wait > 0) {
        res.set_header("Retry-After", std::to_string(wait));
        requestNote().detail = "throttled";
        return loginForm(req, res,
                         "登录失败的次数太多，已暂时锁定。请 " + std::to_string((wait + 59) / 60) +
                             " 分钟后再试。",
                         429);
    }
    std::optional<AdminAccount> account;
    if (validAdminName(name)) storage_.read([&](Tx& tx) { account = tx.admin(name); });
    bool ok = false;
    if (account && !account->disabled)
        ok = verifyPassword(account->password_hash, password);
    else
        verifyDummyPassword(password);  // an unknown name takes as long as a known one
    const std::string who = validAdminName(name) ? name : "(无效用户名)";
    if (!ok) {
        throttle_.failed(name, client, now);
        auditAs(who, client, "login.failed", who, false, "wrong name or password");
        return loginForm(req, res, "用户名或密码不对，请再试一次。", 401);
    }
    throttle_.succeeded(name);
    const std::string token = sessions_.create(account->name, account->generation, client, now);
    res.set_header("Set-Cookie", sessionCookie(token));
    res.set_header("Set-Cookie", expiredCookie(kLoginCookie));
    auditAs(account->name, client, "login", account->name, true, "role " + account->role);
    requestNote().station_id = account->name;
    redirect(res, account->must_change ? "/password" : safeNext(formValue(req, "next")));
}

void Console::logout(Req& r) {
    sessions_.end(r.token);
    r.res.set_header("Set-Cookie", expiredCookie(kSessionCookie));
    audit(r, "logout", r.admin.name, true, "");
    redirect(r.res, "/login");
}

void Console::home(Req& r) { redirect(r.res, "/stations"); }

void Console::passwordForm(Req& r) {
    const Viewer v = r.viewer();
    std::string body;
    std::string lead = r.admin.must_change
                           ? notice("info", "这是一次性密码。请先设置您自己的新密码，然后才能使用管理台。")
                           : "";
    body += "<form method=\"post\" action=\"/password\" class=\"login\">" + csrfField(v) +
            "<label for=\"current\">现在的密码</label>"
            "<input id=\"current\" name=\"current\" type=\"password\" autocomplete=\"current-password\" required>"
            "<label for=\"new1\">新密码（至少 10 个字符）</label>"
            "<input id=\"new1\" name=\"new1\" type=\"password\" autocomplete=\"new-password\" required minlength=\"10\" maxlength=\"128\">"
            "<label for=\"new2\">再输入一次新密码</label>"
            "<input id=\"new2\" name=\"new2\" type=\"password\" autocomplete=\"new-password\" required minlength=\"10\" maxlength=\"128\">"
            "<button type=\"submit\" class=\"primary\" id=\"save-password\">保存新密码</button></form>";
    sendPage(r, {"修改密码", "", body, lead});
}

void Console::passwordChange(Req& r) {
    const auto now = std::chrono::steady_clock::now();
    if (const int wait = throttle_.waitSeconds(r.admin.name, r.client, now); wait > 0)
        return errorPage(r, 429, "修改密码", "输错的次数太多，请 " + std::to_string((wait + 59) / 60) + " 分钟后再试。");
    if (!verifyPassword(r.admin.password_hash, formValue(r.http, "current"))) {
        throttle_.failed(r.admin.name, r.client, now);
        audit(r, "password.change", r.admin.name, false, "wrong current password");
        return errorPage(r, 403, "修改密码", "现在的密码不对，密码没有修改。");
    }
    const std::string new1 = formValue(r.http, "new1");
    if (new1 != formValue(r.http, "new2"))
        return errorPage(r, 400, "修改密码", "两次输入的新密码不一样，密码没有修改。");
    try {
        const AdminAccount a = changeAdminPassword(storage_, r.admin.name, new1, clock_.now());
        sessions_.setGeneration(r.token, a.generation);  // this session goes on, the others end
    } catch (const AdminError& e) {
        audit(r, "password.change", r.admin.name, false, e.what());
        return errorPage(r, 400, "修改密码", std::string("密码没有修改：") + e.what());
    }
    audit(r, "password.change", r.admin.name, true, "");
    flashRedirect(r, "新密码已保存。其他地方登录的会话已结束。", "/stations");
}

}  // namespace district::console
