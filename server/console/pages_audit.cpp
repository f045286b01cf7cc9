// pages_audit.cpp — 求助提醒: help calls from the stations' screens, open ones
// first, acknowledged by an admin; 操作记录: the audit log, filtered, paged and
// exported as CSV.
#include "admin/audit.h"
#include "admin/importers.h"
#include "admin/station_day.h"
#include "console/console.h"
#include "errors.h"

namespace district::console {
namespace {

std::string param(const httplib::Request& req, const char* name, std::size_t max = 64) {
    return req.has_param(name) ? req.get_param_value(name).substr(0, max) : "";
}

AuditQuery queryOf(const httplib::Request& req) {
    AuditQuery q;
    q.admin = param(req, "admin");
    q.action = param(req, "action");
    q.from = param(req, "from");
    q.to = param(req, "to");
    if (!q.from.empty() && !validDate(q.from)) q.from.clear();
    if (!q.to.empty() && !validDate(q.to)) q.to.clear();
    try {
        q.before_id = std::stoll(param(req, "before", 20));
    } catch (const std::exception&) {
        q.before_id = 0;
    }
    return q;
}

const char* actionText(const std::string& a) {
    static const std::pair<const char*, const char*> kNames[] = {
        {"login", "登录"},
        {"login.failed", "登录失败"},
        {"logout", "退出"},
        {"password.change", "修改密码"},
        {"csrf.refused", "拒绝：表单过期"},
        {"role.refused", "拒绝：只读账号"},
        {"config.push", "推送配置"},
        {"station.reissue", "重新签发登记包"},
        {"station.add", "新增站点/签发登记包"},
        {"timebank.approve", "批准服务"},
        {"timebank.reject", "拒绝服务"},
        {"timebank.reverse", "冲正转账"},
        {"import.members", "导入长者"},
        {"import.menu", "导入菜单"},
        {"import.activities", "导入活动"},
        {"member.search", "查找长者"},
        {"report.download", "下载报表"},
        {"alert.ack", "处理求助"},
        {"admin.add", "开设管理员"},
        {"admin.disable", "停用管理员"},
    };
    for (const auto& [k, v] : kNames)
        if (a == k) return v;
    return "";
}

// The kiosk screen a help call came from (screens/screen_ids.h), in words.
std::string screenText(const std::string& screen) {
    static const std::pair<const char*, const char*> kWords[] = {
        {"welcome", "欢迎"}, {"home", "首页"},       {"identify", "确认身份"}, {"checkin", "签到"},
        {"meals", "订餐"},   {"activities", "活动"}, {"timebank", "时间银行"}, {"help", "求助"},
        {"staff", "工作人员"}, {"notices", "通知"},
    };
    for (const auto& [k, v] : kWords)
        if (screen.rfind(k, 0) == 0) return std::string(v) + "（" + screen + "）";
    return screen.empty() ? "-" : screen;
}

std::string auditQueryString(const AuditQuery& q) {
    std::string s;
    auto add = [&](const char* k, const std::string& v) {
        if (!v.empty()) s += std::string(s.empty() ? "?" : "&") + k + "=" + urlEncode(v);
    };
    add("admin", q.admin);
    add("action", q.action);
    add("from", q.from);
    add("to", q.to);
    return s;
}

}  // namespace

void Console::alerts(Req& r) {
    std::vector<HelpCallRow> open, recent;
    storage_.read([&](Tx& tx) {
        open = tx.helpCalls(true, 500);
        recent = tx.helpCalls(false, 50);
    });
    const Viewer v = r.viewer();
    std::vector<std::vector<std::string>> rows;
    // What kind of alert, and who was at the screen (a masked name: enough
    // for the station, which knows the elder).
    auto what = [&](const HelpCallRow& h) {
        std::string s = (h.kind == "help" ? tag("", alertKindWords(h.kind)) : tag("bad", alertKindWords(h.kind)));
        if (!h.detail.empty()) s += " <small>" + esc(h.detail) + "</small>";
        return s;
    };
    auto who = [&](const HelpCallRow& h) { return h.member_id.empty() ? std::string("-") : esc(h.member_id); };
    for (const auto& h : open)
        rows.push_back({esc(shortTime(h.at)), esc(h.station_name.empty() ? h.station_id : h.station_name),
                        what(h), esc(screenText(h.screen)), who(h), tag("bad", "未处理"),
                        r.canChange() ? postButton(v, "/alerts/ack", "已处理", {{"id", h.id}}, "primary") : "-"});
    std::string body = "<p class=\"lead\">站点屏幕上的求助和紧急呼叫、挂失卡被使用、工作人员 PIN "
                       "多次输错。请联系站点工作人员处理，然后标记为已处理（站点工作人员处理后也会自动关闭）。</p>";
    body += "<h2>未处理的提醒（" + std::to_string(open.size()) + " 条）</h2>";
    body += table({"时间", "站点", "提醒", "在哪个画面", "长者", "状态", "操作"}, rows, "alerts");
    rows.clear();
    for (const auto& h : recent)
        rows.push_back({esc(shortTime(h.at)), esc(h.station_name.empty() ? h.station_id : h.station_name), what(h),
                        esc(screenText(h.screen)), who(h),
                        h.acked_at.empty() ? tag("bad", "未处理")
                                           : tag("ok", "已处理") + " <small>" + esc(h.acked_by) + " " +
                                                 esc(shortTime(h.acked_at)) + "</small>"});
    body += "<h2>最近的提醒（" + std::to_string(recent.size()) + " 条）</h2>";
    body += table({"时间", "站点", "提醒", "在哪个画面", "长者", "状态"}, rows);
    sendPage(r, {"求助提醒", "alerts", body, ""});
}

void Console::alertAck(Req& r) {
    const std::string id = formValue(r.http, "id");
    bool done = false;
    const std::string at = core::isoLocal(clock_.now());
    storage_.write([&](WriteTx& tx) { done = tx.ackHelpCall(id, r.admin.name, at); });
    audit(r, "alert.ack", id, done, done ? "alert acknowledged" : "no such open alert");
    if (!done) return errorPage(r, 409, "求助提醒", "这条提醒不存在，或已经有人处理过了。");
    flashRedirect(r, "已标记为已处理。", "/alerts");
}

void Console::auditPage(Req& r) {
    AuditQuery q = queryOf(r.http);
    q.limit = 200;
    std::vector<AuditEntry> entries;
    storage_.read([&](Tx& tx) { entries = tx.auditLog(q); });
    std::string body = "<form method=\"get\" action=\"/audit\" class=\"bar\">"
                       "<label for=\"admin\">账号</label><input id=\"admin\" name=\"admin\" size=\"12\" value=\"" + esc(q.admin) + "\">"
                       "<label for=\"action\">操作</label><input id=\"action\" name=\"action\" size=\"16\" value=\"" + esc(q.action) +
                       "\" placeholder=\"如 config.push\">"
                       "<label for=\"from\">从</label><input type=\"date\" id=\"from\" name=\"from\" value=\"" + esc(q.from) + "\">"
                       "<label for=\"to\">到</label><input type=\"date\" id=\"to\" name=\"to\" value=\"" + esc(q.to) + "\">"
                       "<button type=\"submit\">筛选</button>"
                       "<a class=\"button\" id=\"export\" href=\"/audit.csv" + esc(auditQueryString(q)) + "\">导出 CSV</a></form>";
    std::vector<std::vector<std::string>> rows;
    for (const auto& e : entries) {
        const char* zh = actionText(e.action);
        rows.push_back({std::to_string(e.id), esc(shortTime(e.at)), esc(e.admin), esc(e.client),
                        (*zh ? std::string(zh) + "<br>" : std::string()) + "<small>" + esc(e.action) + "</small>",
                        esc(e.target), e.outcome == "ok" ? tag("ok", "完成") : tag("bad", "被拒绝"), esc(e.detail)});
    }
    body += "<p class=\"lead\">谁、什么时候、从哪里、做了什么。记录只能追加，不能修改或删除。</p>";
    body += table({"#", "时间", "账号", "来自", "操作", "对象", "结果", "说明"}, rows, "audit");
    if (entries.size() == static_cast<std::size_t>(q.limit)) {
        std::string more = auditQueryString(q);
        more += std::string(more.empty() ? "?" : "&") + "before=" + std::to_string(entries.back().id);
        body += "<p><a class=\"button\" href=\"/audit" + esc(more) + "\">更早的记录 →</a></p>";
    }
    sendPage(r, {"操作记录", "audit", body, ""});
}

void Console::auditExport(Req& r) {
    AuditQuery q = queryOf(r.http);
    q.before_id = 0;
    q.limit = 1000000;
    std::vector<AuditEntry> entries;
    storage_.read([&](Tx& tx) { entries = tx.auditLog(q); });
    audit(r, "audit.export", "", true, std::to_string(entries.size()) + " entries");
    download(r, "audit-" + core::dateLocal(clock_.now()) + ".csv", "text/csv; charset=utf-8",
             "\xEF\xBB\xBF" + auditCsv(entries));
}

}  // namespace district::console
