#include "console/html.h"

#include <cstdio>

namespace district::console {

std::string esc(std::string_view s) {
    std::string out;
    out.reserve(s.size() + 16);
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            default: out.push_back(c);
        }
    }
    return out;
}

namespace {

struct NavItem {
    const char* key;
    const char* href;
    const char* label;
};

constexpr NavItem kNav[] = {
    {"stations", "/stations", "站点"},     {"config", "/config", "配置"},
    {"menus", "/menus", "菜单"},           {"activities", "/activities", "活动"},
    {"members", "/members", "长者"},       {"timebank", "/timebank", "时间银行"},
    {"reports", "/reports", "报表"},       {"alerts", "/alerts", "求助提醒"},
    {"audit", "/audit", "操作记录"},
};

}  // namespace

std::string renderPage(const Viewer& v, const Page& p) {
    std::string h;
    h.reserve(p.body.size() + 4096);
    h += "<!doctype html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
         "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
         "<title>" + esc(p.title) + " · 福田区长者服务管理台</title>"
         "<link rel=\"stylesheet\" href=\"/assets/console.css\">"
         "<script src=\"/assets/console.js\" defer></script></head><body>\n";
    h += "<header class=\"top\"><a class=\"brand\" href=\"/\">福田区长者服务 · 管理台</a>";
    if (!v.role.empty()) {
        h += "<nav aria-label=\"主菜单\">";
        for (const auto& n : kNav) {
            h += std::string("<a href=\"") + n.href + "\"" +
                 (p.nav == n.key ? " class=\"on\" aria-current=\"page\"" : "") + ">" + n.label + "</a>";
        }
        h += "</nav><div class=\"who\"><span id=\"who\">" + esc(v.name) + "（" +
             (v.role == "admin" ? "管理员" : "只读") + "）</span>"
             "<a href=\"/password\">修改密码</a>"
             "<form method=\"post\" action=\"/logout\">" + csrfField(v) +
             "<button type=\"submit\" class=\"link\" id=\"logout\">退出</button></form></div>";
    }
    h += "</header>\n<main><h1>" + esc(p.title) + "</h1>\n";
    if (v.role == "viewer")
        h += "<p class=\"readonly\">只读账号：可以查看，不能推送、审批、导入或修改。</p>";
    h += p.notice + p.body + "</main></body></html>\n";
    return h;
}

std::string notice(const std::string& kind, const std::string& htmlText) {
    const char* sym = kind == "ok" ? "✔ " : kind == "error" ? "✖ " : "";
    return "<div class=\"notice " + kind + "\" role=\"" + (kind == "error" ? "alert" : "status") +
           "\">" + sym + htmlText + "</div>\n";
}

std::string table(const std::vector<std::string>& headers,
                  const std::vector<std::vector<std::string>>& rows, const std::string& cls) {
    std::string h = "<div class=\"scroll\"><table" + (cls.empty() ? "" : " class=\"" + cls + "\"") + "><thead><tr>";
    for (const auto& c : headers) h += "<th scope=\"col\">" + c + "</th>";
    h += "</tr></thead><tbody>";
    for (const auto& r : rows) {
        h += "<tr>";
        for (const auto& c : r) h += "<td>" + c + "</td>";
        h += "</tr>";
    }
    if (rows.empty())
        h += "<tr><td colspan=\"" + std::to_string(headers.size()) + "\" class=\"empty\">（没有记录）</td></tr>";
    h += "</tbody></table></div>\n";
    return h;
}

std::string tag(const std::string& kind, const std::string& text) {
    const char* sym = kind == "bad" ? "✖ " : kind == "warn" ? "! " : kind == "ok" ? "✔ " : "";
    return "<span class=\"tag " + kind + "\">" + sym + esc(text) + "</span>";
}

std::string hidden(const std::string& name, const std::string& value) {
    return "<input type=\"hidden\" name=\"" + esc(name) + "\" value=\"" + esc(value) + "\">";
}

std::string csrfField(const Viewer& v) { return hidden("csrf", v.csrf); }

std::string postButton(const Viewer& v, const std::string& action, const std::string& label,
                       const std::vector<std::pair<std::string, std::string>>& fields,
                       const std::string& cls, const std::string& confirm) {
    std::string h = "<form method=\"post\" action=\"" + esc(action) + "\" class=\"inline\"" +
                    (confirm.empty() ? "" : " data-confirm=\"" + esc(confirm) + "\"") + ">" +
                    csrfField(v);
    for (const auto& [k, val] : fields) h += hidden(k, val);
    h += "<button type=\"submit\"" + (cls.empty() ? "" : " class=\"" + cls + "\"") + ">" + esc(label) +
         "</button></form>";
    return h;
}

std::string thousands(std::int64_t n) {
    std::string s = std::to_string(n < 0 ? -n : n), out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i && (s.size() - i) % 3 == 0) out.push_back(',');
        out.push_back(s[i]);
    }
    return (n < 0 ? "-" : "") + out;
}

std::string hoursText(std::int64_t minutes) {
    char buf[32];
    if (minutes % 60 == 0)
        std::snprintf(buf, sizeof buf, "%lld 小时", static_cast<long long>(minutes / 60));
    else
        std::snprintf(buf, sizeof buf, "%.1f 小时", static_cast<double>(minutes) / 60.0);
    return buf;
}

std::string yuanText(std::int64_t cents) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "¥%lld.%02lld", static_cast<long long>(cents / 100),
                  static_cast<long long>(cents % 100));
    return buf;
}

std::string shortTime(const std::string& iso) {
    if (iso.size() < 16 || iso[10] != 'T') return iso;
    return iso.substr(0, 10) + " " + iso.substr(11, 5);
}

std::string bytesText(std::int64_t bytes) {
    char buf[32];
    const double gb = static_cast<double>(bytes) / (1024.0 * 1024 * 1024);
    if (gb >= 1)
        std::snprintf(buf, sizeof buf, "%.1f GB", gb);
    else
        std::snprintf(buf, sizeof buf, "%lld MB", static_cast<long long>(bytes / (1024 * 1024)));
    return buf;
}

std::string urlEncode(std::string_view s) {
    static const char* hex = "0123456789ABCDEF";
    std::string out;
    for (unsigned char c : s) {
        if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') ||
            c == '-' || c == '_' || c == '.' || c == '~') {
            out.push_back(static_cast<char>(c));
        } else {
            out.push_back('%');
            out.push_back(hex[c >> 4]);
            out.push_back(hex[c & 15]);
        }
    }
    return out;
}

}  // namespace district::console
