// pages_stations.cpp — 站点: every station with what needs attention first,
// one station's status history and rejected ops, and re-issuing its
// enrollment bundle (a new token; the old one stops working at once).
#include <algorithm>
#include <chrono>
#include <map>

#include "admin/config_push.h"
#include "admin/stations.h"
#include "console/console.h"
#include "errors.h"
#include "protocol.h"

namespace district::console {
namespace {

using nlohmann::json;

// A station is offline when its last status is older than this: five missed
// syncs at the default interval of 60 s.
constexpr auto kOfflineAfter = std::chrono::minutes(5);
constexpr std::int64_t kLowDiskBytes = 1024LL * 1024 * 1024;  // 1 GB
constexpr std::int64_t kDeepOplog = 100;                      // ops waiting to reach the district

struct Problem {
    int severity;  // 3 urgent, 2 needs action, 1 note
    std::string text;
};

struct StationRow {
    StationOverview o;
    std::optional<proto::StationStatus> status;
    bool online = false;
    std::int64_t newest_config = 0;
    std::vector<Problem> problems;
    int worst() const {
        int w = 0;
        for (const auto& p : problems) w = std::max(w, p.severity);
        return w;
    }
};

std::vector<StationRow> stationRows(Storage& storage, core::TimePoint now) {
    std::vector<StationOverview> overview;
    storage.read([&](Tx& tx) { overview = tx.stationOverview(); });
    std::map<std::string, std::int64_t> newest;
    for (const auto& s : configStatus(storage)) newest[s.station.id] = s.newest;
    std::vector<StationRow> rows;
    for (auto& o : overview) {
        StationRow r;
        r.o = o;
        r.newest_config = newest[o.station.id];
        if (!o.status_json.empty()) {
            r.status = json::parse(o.status_json).get<proto::StationStatus>();
            try {
                r.online = now - core::parseIso(o.status_received_at) <= kOfflineAfter;
            } catch (const std::invalid_argument&) {
                r.online = false;
            }
        }
        if (o.open_help_calls > 0)
            r.problems.push_back({3, "求助 " + std::to_string(o.open_help_calls) + " 条未处理"});
        if (!r.status) {
            r.problems.push_back({2, "从未同步"});
        } else {
            if (!r.online) r.problems.push_back({3, "离线"});
            if (r.status->config_rejection) r.problems.push_back({2, "拒绝了配置"});
            if (r.status->free_disk_bytes < kLowDiskBytes) r.problems.push_back({2, "磁盘空间不足"});
            if (r.status->oplog_depth > kDeepOplog)
                r.problems.push_back({1, std::to_string(r.status->oplog_depth) + " 条操作待上传"});
            if (r.status->config_version < r.newest_config) r.problems.push_back({1, "配置尚未更新"});
        }
        rows.push_back(std::move(r));
    }
    std::stable_sort(rows.begin(), rows.end(), [](const StationRow& a, const StationRow& b) {
        if (a.worst() != b.worst()) return a.worst() > b.worst();
        if (a.problems.size() != b.problems.size()) return a.problems.size() > b.problems.size();
        return a.o.station.id < b.o.station.id;
    });
    return rows;
}

// A rejection's reason code (rules/outcome.h) in words, the code after it.
std::string reasonText(const std::string& code) {
    static const std::pair<const char*, const char*> kWords[] = {
        {"unknown_member", "没有这位长者"},        {"already_checked_in", "今天已签到过"},
        {"unknown_slot", "没有这个餐次"},          {"full", "已满"},
        {"past_cutoff", "已过截止时间"},           {"subsidy_cap", "超过补贴次数"},
        {"not_eligible_delivery", "不符合送餐条件"}, {"unknown_booking", "没有这个预订"},
        {"cancelled", "已取消"},                   {"picked_up", "已取餐"},
        {"unknown_activity", "没有这个活动"},      {"already_signed_up", "已报名过"},
        {"unknown_signup", "没有这个报名"},        {"unknown_item", "没有这个项目"},
        {"insufficient_balance", "时间余额不足"},  {"invalid_hours", "服务时长不对"},
        {"duplicate_uuid", "重复的操作"},          {"seq_conflict", "序号冲突"},
        {"invalid_payload", "内容不完整或有误"},   {"unknown_kind", "不认识的操作"},
        {"already_booked", "这餐已经订过"},        {"not_owner", "不是本站的预订或报名"},
        {"stale_op", "操作太久以前，已过期"},      {"op_failed", "服务器处理出错"},
    };
    for (const auto& [k, v] : kWords)
        if (code == k) return std::string(v) + "（" + code + "）";
    return code;
}

std::string problemTags(const StationRow& r) {
    if (r.problems.empty()) return tag("ok", "正常");
    std::string h;
    for (const auto& p : r.problems) h += tag(p.severity >= 3 ? "bad" : p.severity == 2 ? "warn" : "info", p.text) + " ";
    return h;
}

}  // namespace

void Console::stations(Req& r) {
    const auto rows = stationRows(storage_, clock_.now());
    int attention = 0;
    std::vector<std::vector<std::string>> cells;
    for (const auto& s : rows) {
        if (s.worst() >= 2) ++attention;
        const auto& st = s.status;
        cells.push_back({
            "<a href=\"/stations/" + esc(s.o.station.id) + "\">" + esc(s.o.station.name) + "</a><br><small>" +
                esc(s.o.station.id) + "</small>",
            st ? (s.online ? tag("ok", "在线") : tag("bad", "离线")) : tag("warn", "未同步"),
            st ? esc(shortTime(st->last_sync.empty() ? s.o.status_received_at : st->last_sync)) : "-",
            st ? esc(st->app_version) : "-",
            st ? std::to_string(st->config_version) + (st->config_rejection ? " " + tag("warn", "拒绝") : "") +
                     (st->config_version < s.newest_config
                          ? "<br><small>应为 " + std::to_string(s.newest_config) + "</small>"
                          : "")
               : "-",
            st ? thousands(st->oplog_depth) : "-",
            st ? bytesText(st->free_disk_bytes) : "-",
            s.o.open_help_calls ? "<a href=\"/alerts\">" + tag("bad", std::to_string(s.o.open_help_calls) + " 条") + "</a>"
                                : "0",
            problemTags(s),
        });
    }
    std::string body = "<p class=\"lead\">共 " + std::to_string(rows.size()) + " 个站点；" +
                       (attention ? "<strong>" + std::to_string(attention) + " 个需要处理</strong>，排在最前。"
                                  : "都正常。") +
                       "超过 5 分钟没有同步的站点算离线。</p>";
    body += table({"站点", "状态", "最后同步", "程序版本", "配置版本", "待上传操作", "剩余磁盘", "未处理求助", "需要注意"},
                  cells, "stations");
    sendPage(r, {"站点", "stations", body, ""});
}

void Console::stationDetail(Req& r) {
    const std::string id = r.http.matches[1].str();
    std::optional<Station> station;
    std::vector<StatusRecord> history;
    std::vector<RejectedOp> rejected;
    storage_.read([&](Tx& tx) {
        station = tx.station(id);
        if (!station) return;
        history = tx.statusHistory(id, 100);
        rejected = tx.rejectedOps(id, 100);
    });
    if (!station) return errorPage(r, 404, "没有这个站点", "没有编号为 " + id + " 的站点。");
    std::optional<StationRow> row;
    for (auto& s : stationRows(storage_, clock_.now()))
        if (s.o.station.id == id) row = std::move(s);

    std::string body = "<dl class=\"facts\"><dt>编号</dt><dd>" + esc(station->id) + "</dd><dt>社区</dt><dd>" +
                       esc(station->community) + "</dd><dt>已处理到的操作序号</dt><dd>" +
                       thousands(station->last_applied_seq) + "</dd><dt>现在</dt><dd>" +
                       (row ? problemTags(*row) : "") + "</dd></dl>";

    std::vector<std::vector<std::string>> cells;
    for (const auto& h : history) {
        const auto st = json::parse(h.status_json).get<proto::StationStatus>();
        cells.push_back({esc(shortTime(h.received_at)), esc(st.app_version), std::to_string(st.config_version),
                         thousands(st.oplog_depth), bytesText(st.free_disk_bytes),
                         std::to_string(st.help_calls),
                         st.config_rejection ? tag("warn", *st.config_rejection) : "-"});
    }
    body += "<h2>状态记录（最近 " + std::to_string(history.size()) + " 次）</h2>";
    body += table({"收到时间", "程序版本", "配置版本", "待上传操作", "剩余磁盘", "求助", "配置拒绝原因"}, cells);

    cells.clear();
    for (const auto& op : rejected)
        cells.push_back({std::to_string(op.seq), esc(op.kind), esc(shortTime(op.created_at)),
                         esc(shortTime(op.received_at)), tag("bad", reasonText(op.reason)), "<code>" + esc(op.detail_json) + "</code>"});
    body += "<h2>被区里拒绝的操作（最近 " + std::to_string(rejected.size()) + " 条）</h2>";
    body += table({"序号", "操作", "站点时间", "收到时间", "原因", "详情"}, cells);

    body += "<h2>重新签发登记包</h2><p>站点的令牌丢失或泄露时使用：签发新的登记包，<strong>旧令牌立即失效</strong>，"
            "站点要用新登记包重新登记（kiosk --enroll）后才能再同步。</p>";
    if (r.canChange()) {
        body += "<form method=\"post\" action=\"/stations/" + esc(id) + "/reissue\" data-confirm=\"旧令牌会立即失效。确定重新签发吗？\">" +
                csrfField(r.viewer()) +
                "<label for=\"url\">站点连接的服务器地址</label><input id=\"url\" name=\"url\" required "
                "placeholder=\"https://district.example:8443\" value=\"" + esc(options_.api_url) + "\" size=\"40\">"
                "<button type=\"submit\" class=\"danger\" id=\"reissue\">签发并下载登记包</button></form>";
    }
    sendPage(r, {station->name, "stations", body, ""});
}

void Console::stationReissue(Req& r) {
    const std::string id = r.http.matches[1].str();
    std::optional<Station> station;
    storage_.read([&](Tx& tx) { station = tx.station(id); });
    if (!station) return errorPage(r, 404, "没有这个站点", "没有编号为 " + id + " 的站点。");
    StationAdd req;
    req.name = station->name;
    req.id = station->id;
    req.server_url = formValue(r.http, "url");
    StationAdded out;
    try {
        out = addStation(storage_, dataDir_, req);
    } catch (const AdminError& e) {
        audit(r, "station.reissue", id, false, e.what());
        throw;
    }
    audit(r, "station.reissue", id, true, "new token; the old one no longer works; url " + req.server_url);
    download(r, "enroll-" + id + ".json", "application/json", json(out.bundle).dump(2) + "\n");
}

}  // namespace district::console
