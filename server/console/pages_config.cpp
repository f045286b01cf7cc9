// pages_config.cpp — 配置: edit a station configuration, check it with the
// validator the CLI and the stations use (pushConfig with dry_run), see what
// it changes against what runs, push it to the district or one station, and
// follow each station's version and refusals.
#include "admin/config_push.h"
#include "console/console.h"
#include "errors.h"
#include "pki/pki.h"

namespace district::console {
namespace {

using nlohmann::json;

std::string targetLabel(const std::string& target, const std::vector<Station>& stations) {
    if (target.empty()) return "全区（所有站点）";
    for (const auto& s : stations)
        if (s.id == target) return s.name + "（" + s.id + "）";
    return target;
}

// The admin's starting point: what runs now, without what the server assigns.
std::string editorText(const std::optional<json>& running, core::TimePoint now, bool& renewed) {
    json doc = running ? *running : json::object();
    doc.erase("version");
    doc.erase("scope");
    renewed = false;
    const auto exp = doc.find("expires_at");
    bool past = exp == doc.end() || !exp->is_string();
    if (!past) {
        try {
            past = core::parseIso(exp->get<std::string>()) <= now;
        } catch (const std::invalid_argument&) {
            past = true;
        }
    }
    if (past) {
        doc["expires_at"] = core::isoLocal(now + std::chrono::hours(24 * 90));
        renewed = true;
    }
    return doc.dump(2);
}

std::string shown(const json& v) {
    if (v.is_string()) return esc(v.get<std::string>());
    return "<code>" + esc(v.dump()) + "</code>";
}

std::string pathText(const std::string& pointer) {
    std::string out;
    for (char c : pointer.substr(pointer.empty() ? 0 : 1)) out += c == '/' ? std::string(" › ") : std::string(1, c);
    return out.empty() ? "（整个文档）" : out;
}

// Field by field: what runs now and what will run after the push.
std::string diffTable(const json& before, const json& after) {
    const json patch = json::diff(before, after);
    std::vector<std::vector<std::string>> rows;
    for (const auto& op : patch) {
        const std::string path = op.at("path").get<std::string>();
        const json::json_pointer ptr(path);
        const std::string was = before.contains(ptr) ? shown(before.at(ptr)) : "<span class=\"muted\">（没有）</span>";
        const std::string will = after.contains(ptr) ? shown(after.at(ptr)) : "<span class=\"muted\">（删除）</span>";
        const std::string what = op.at("op") == "add" ? "新增" : op.at("op") == "remove" ? "删除" : "修改";
        rows.push_back({esc(pathText(path)), what, was, will});
    }
    if (rows.empty()) return "<p>与现在运行的配置相同（只有版本号会变）。</p>";
    return table({"字段", "变化", "现在运行", "推送后"}, rows, "diff");
}

std::string problemsList(const std::string& message) {
    // pushConfig lists every validator problem on its own line ("\n  ...").
    std::string h = "<p>" + esc(message.substr(0, message.find('\n'))) + "</p>";
    std::size_t at = message.find('\n');
    if (at == std::string::npos) return h;
    h += "<ol class=\"problems\">";
    while (at != std::string::npos) {
        std::size_t next = message.find('\n', at + 1);
        std::string line = message.substr(at + 1, next == std::string::npos ? std::string::npos : next - at - 1);
        const auto b = line.find_first_not_of(' ');
        h += "<li>" + esc(b == std::string::npos ? line : line.substr(b)) + "</li>";
        at = next;
    }
    return h + "</ol>";
}

}  // namespace

void Console::configPage(Req& r) {
    const std::string target = r.http.has_param("target") && r.http.get_param_value("target") != "district"
                                   ? r.http.get_param_value("target")
                                   : "";
    bool renewed = false;
    const std::string text = editorText(documentRunning(storage_, target), clock_.now(), renewed);
    renderConfig(r, target, text,
                 renewed ? notice("info", "现在运行的配置没有有效期或已过期：编辑框里的 expires_at 已改为 90 天后。") : "",
                 200);
}

void Console::renderConfig(Req& r, const std::string& target, const std::string& text,
                           const std::string& resultHtml, int status) {
    std::vector<Station> stations;
    std::vector<ConfigDoc> docs;
    storage_.read([&](Tx& tx) {
        for (const auto& o : tx.stationOverview()) stations.push_back(o.station);
        docs = tx.configDocs();
    });
    const Viewer v = r.viewer();
    std::string body = "<form method=\"get\" action=\"/config\" class=\"bar\"><label for=\"target\">推送对象</label>"
                       "<select id=\"target\" name=\"target\" data-autosubmit>";
    body += "<option value=\"district\"" + std::string(target.empty() ? " selected" : "") + ">全区（所有站点）</option>";
    for (const auto& s : stations)
        body += "<option value=\"" + esc(s.id) + "\"" + (s.id == target ? " selected" : "") + ">" +
                esc(s.name + "（" + s.id + "）") + "</option>";
    body += "</select><button type=\"submit\">切换</button></form>";

    body += resultHtml;
    // multipart: cpp-httplib takes URL-encoded forms up to 8 KiB only, and a
    // district's document (staff PIN hashes, subsidy rules) is larger.
    body += "<form method=\"post\" action=\"/config/check\" enctype=\"multipart/form-data\" class=\"editor\">" +
            csrfField(v) +
            hidden("target", target.empty() ? "district" : target) +
            "<label for=\"document\">配置文档（JSON；版本号和推送对象由服务器填写，字段见 config/README.md）</label>"
            "<textarea id=\"document\" name=\"document\" rows=\"22\" spellcheck=\"false\">" + esc(text) +
            "</textarea><div class=\"actions\">"
            "<button type=\"submit\" id=\"check\">检查并比较</button>";
    if (r.canChange())
        body += "<button type=\"submit\" class=\"primary\" id=\"push\" formaction=\"/config/push\" "
                "data-confirm=\"确定把这份配置推送到" + esc(targetLabel(target, stations)) + "吗？\">推送到" +
                esc(targetLabel(target, stations)) + "</button>";
    body += "</div></form>";

    std::vector<std::vector<std::string>> rows;
    for (const auto& s : configStatus(storage_)) {
        std::string state;
        if (!s.running) state = tag("warn", "还没有报告");
        else if (!s.rejection.empty()) state = tag("bad", "拒绝了配置");
        else if (*s.running < s.newest) state = tag("info", "等待同步");
        else state = tag("ok", "已是最新");
        rows.push_back({"<a href=\"/config?target=" + esc(s.station.id) + "\">" + esc(s.station.name) + "</a>",
                        s.running ? std::to_string(*s.running) : "-", std::to_string(s.newest),
                        esc(shortTime(s.reported_at)), state,
                        s.rejection.empty() ? "-" : esc(s.rejection)});
    }
    body += "<h2>各站点运行的配置</h2>";
    body += table({"站点", "运行版本", "应运行版本", "报告时间", "状态", "拒绝原因"}, rows, "config-status");

    rows.clear();
    for (auto it = docs.rbegin(); it != docs.rend() && rows.size() < 20; ++it) {
        const json env = json::parse(it->envelope_json);
        rows.push_back({std::to_string(it->version),
                        esc(it->scope == "district" ? "全区" : targetLabel(it->scope, stations)),
                        esc(shortTime(it->pushed_at)),
                        esc(shortTime(env.at("document").value("expires_at", std::string("-"))))});
    }
    body += "<h2>推送记录（最近 20 份）</h2>";
    body += table({"版本", "对象", "推送时间", "有效期至"}, rows);
    sendPage(r, {"配置", "config", body, ""}, status);
}

void Console::configCheck(Req& r) {
    std::string target = formValue(r.http, "target");
    if (target == "district") target.clear();
    const std::string text = formValue(r.http, "document");
    std::string result;
    int status = 200;
    try {
        const ConfigPushed out = pushConfig(storage_, "", {text, target, true}, clock_.now());
        const auto running = documentRunning(storage_, target);
        result = notice("ok", "检查通过：推送后将是版本 " + std::to_string(out.version) +
                                  (out.subsidy_filled ? "（补贴规则按全区现行规则写入）" : "") + "。");
        result += "<h2>与现在运行的配置比较" + std::string(running ? "" : "（现在运行内置默认配置，版本 0）") + "</h2>";
        result += diffTable(running ? *running : json::object(), json::parse(out.document_json));
    } catch (const AdminError& e) {
        result = notice("error", "检查没有通过，不能推送：" + problemsList(e.what()));
        status = 400;
    }
    renderConfig(r, target, text, result, status);
}

void Console::configPush(Req& r) {
    std::string target = formValue(r.http, "target");
    if (target == "district") target.clear();
    const std::string text = formValue(r.http, "document");
    const std::string scope = target.empty() ? "district" : target;
    try {
        const std::string key = readFile(pkiPaths(dataDir_).config_key);
        const ConfigPushed out = pushConfig(storage_, key, {text, target, false}, clock_.now());
        audit(r, "config.push", scope, true,
              "version " + std::to_string(out.version) + ", expires " + out.expires_at + ", key " + out.key_id);
        flashRedirect(r, "已推送配置版本 " + std::to_string(out.version) + "（" +
                             (target.empty() ? std::string("全区") : target) +
                             "）。站点下次同步时检查签名并应用。",
                      "/config" + (target.empty() ? std::string() : "?target=" + urlEncode(target)));
    } catch (const AdminError& e) {
        audit(r, "config.push", scope, false, e.what());
        renderConfig(r, target, text, notice("error", "没有推送：" + problemsList(e.what())), 400);
    }
}

}  // namespace district::console
