// pages_reports.cpp — 报表: check-ins and meals per day and per station as SVG
// charts drawn here, and every report of the CLI (reportCsv) as a download.
#include <map>

#include "admin/importers.h"
#include "admin/reports.h"
#include "console/console.h"
#include "console/svg_chart.h"
#include "errors.h"

namespace district::console {
namespace {

// Days from..to (inclusive) as bars of zero; months when the range is long.
// A bar per day ("24", under it "11月" where the month starts), or per month
// ("11月", under it the year) for a long range; `key` is what rows match.
struct DayBar {
    std::string key;
    Bar bar;
};

struct Series {
    std::vector<DayBar> byDay;
    std::vector<Bar> byStation;
};

std::vector<DayBar> emptyDays(const std::string& from, const std::string& to, bool monthly) {
    std::vector<DayBar> out;
    for (std::string d = from; d <= to; d = core::addDays(d, 1)) {
        const std::string key = monthly ? d.substr(0, 7) : d;
        if (!out.empty() && out.back().key == key) continue;
        const int month = std::stoi(d.substr(5, 2));
        if (monthly)
            out.push_back({key, {std::to_string(month) + "月", 0, d.substr(0, 4) + "年"}});
        else
            out.push_back({key, {std::to_string(std::stoi(d.substr(8, 2))), 0, std::to_string(month) + "月"}});
    }
    return out;
}

void addToDay(std::vector<DayBar>& days, const std::string& key, std::int64_t v) {
    for (auto& d : days)
        if (d.key == key) d.bar.value += v;
}

std::vector<Bar> barsOf(const std::vector<DayBar>& days) {
    std::vector<Bar> out;
    for (const auto& d : days) out.push_back(d.bar);
    return out;
}

void addTo(std::vector<Bar>& bars, const std::string& label, std::int64_t v) {
    for (auto& b : bars)
        if (b.label == label) {
            b.value += v;
            return;
        }
    bars.push_back({label, v, ""});
}

}  // namespace

void Console::reports(Req& r) {
    const auto now = clock_.now();
    std::string from = r.http.has_param("from") ? r.http.get_param_value("from") : "";
    std::string to = r.http.has_param("to") ? r.http.get_param_value("to") : "";
    std::string problem;
    if (!validDate(from) || !validDate(to)) {
        if (!from.empty() || !to.empty()) problem = "日期要写成 年-月-日，例如 2026-11-24；已改为默认的范围。";
        from = core::addDays(core::dateLocal(now), -13);
        to = core::addDays(core::dateLocal(now), 6);
    } else if (from > to) {
        std::swap(from, to);
    }
    if (core::addDays(from, 366) < to) {
        to = core::addDays(from, 366);
        problem = "最多看一年：结束日期已改为 " + to + "。";
    }
    const bool monthly = core::addDays(from, 62) < to;
    auto key = [&](const std::string& day) { return monthly ? day.substr(0, 7) : day; };

    std::vector<CheckinReportRow> checkins;
    std::vector<MealReportRow> meals;
    std::map<std::string, std::string> canteenStation, stationName;
    std::vector<std::string> order;
    storage_.read([&](Tx& tx) {
        checkins = tx.checkinReport(from, to);
        meals = tx.mealReport(from, to);
        for (const auto& c : tx.canteens()) canteenStation[c.id] = c.station_id;
        for (const auto& o : tx.stationOverview()) {
            stationName[o.station.id] = o.station.name;
            order.push_back(o.station.id);
        }
    });
    Series c, m;
    c.byDay = m.byDay = emptyDays(from, to, monthly);
    for (const auto& id : order) {
        c.byStation.push_back({stationName[id], 0, ""});
        m.byStation.push_back({stationName[id], 0, ""});
    }
    for (const auto& row : checkins) {
        addToDay(c.byDay, key(row.day), row.checkins);
        addTo(c.byStation, stationName.count(row.station_id) ? stationName[row.station_id] : row.station_id, row.checkins);
    }
    for (const auto& row : meals) {
        addToDay(m.byDay, key(row.date), row.booked);
        const std::string st = canteenStation.count(row.canteen_id) ? canteenStation[row.canteen_id] : row.canteen_id;
        addTo(m.byStation, stationName.count(st) ? stationName[st] : st, row.booked);
    }

    std::string body = "<form method=\"get\" action=\"/reports\" class=\"bar\"><label for=\"from\">从</label>"
                       "<input type=\"date\" id=\"from\" name=\"from\" value=\"" + esc(from) + "\">"
                       "<label for=\"to\">到</label><input type=\"date\" id=\"to\" name=\"to\" value=\"" + esc(to) + "\">"
                       "<button type=\"submit\">查看</button></form>";
    body += "<h2>下载报表（CSV）</h2><form method=\"get\" action=\"/reports/download\" class=\"bar\">"
            "<label for=\"kind\">报表</label><select id=\"kind\" name=\"kind\">"
            "<option value=\"checkins\">签到：每站每天签到人数</option>"
            "<option value=\"meals\">助餐：每个饭堂每天的人次、人数、补贴和收费</option>"
            "<option value=\"deliveries\">送餐：每份送餐的结果</option>"
            "<option value=\"subsidy\">补贴结算：开始日期所在月份，每位长者一行</option>"
            "<option value=\"timebank\">时间银行：每天每类转账笔数和时长</option></select>" +
            hidden("from", from) + hidden("to", to) +
            "<button type=\"submit\" class=\"primary\" id=\"download\">下载 " + esc(from) + " 至 " + esc(to) + "</button></form>";
    body += "<div class=\"charts\">";
    body += columnChart(std::string("每") + (monthly ? "月" : "天") + "签到人数", barsOf(c.byDay), "人次");
    body += rowChart("各站点签到人数", c.byStation, "人次");
    body += columnChart(std::string("每") + (monthly ? "月" : "天") + "助餐份数（已订和已取，不含取消）", barsOf(m.byDay), "份");
    body += rowChart("各站点助餐份数", m.byStation, "份");
    body += "</div>";
    sendPage(r, {"报表", "reports", body, problem.empty() ? "" : notice("info", esc(problem))});
}

void Console::reportDownload(Req& r) {
    const std::string kind = r.http.has_param("kind") ? r.http.get_param_value("kind") : "";
    const std::string from = r.http.has_param("from") ? r.http.get_param_value("from") : "";
    const std::string to = r.http.has_param("to") ? r.http.get_param_value("to") : "";
    std::string csv;
    try {
        csv = kind == "subsidy" ? subsidyReportCsv(storage_, from.substr(0, 7)) : reportCsv(storage_, kind, from, to);
    } catch (const AdminError& e) {
        audit(r, "report.download", kind, false, e.what());
        throw;
    }
    std::size_t rows = 0;
    for (char ch : csv) rows += ch == '\n';
    audit(r, "report.download", kind, true, from + ".." + to + ", " + std::to_string(rows ? rows - 1 : 0) + " rows");
    // The report starts with a byte-order mark: spreadsheet programs then read the Chinese as UTF-8.
    download(r, kind + "-" + from + "-" + to + ".csv", "text/csv; charset=utf-8", csv);
}

}  // namespace district::console
