// pages_data.cpp — 菜单, 活动, 长者: the district's reference data as the
// admin sees it (slots with their bookings and seats, activities with their
// signups, members found by name, phone or card), and CSV uploads that are
// previewed with every problem and its line, then imported all or nothing by
// the CLI's importers.
#include <map>

#include "admin/importers.h"
#include "console/console.h"
#include "rules/meal_policy.h"
#include "errors.h"
#include "pki/token.h"

namespace district::console {
namespace {

struct Range {
    std::string from, to, station;
};

Range rangeOf(const httplib::Request& req, core::TimePoint now, int days) {
    Range r;
    r.from = req.has_param("from") ? req.get_param_value("from") : "";
    r.to = req.has_param("to") ? req.get_param_value("to") : "";
    r.station = req.has_param("station") ? req.get_param_value("station") : "";
    if (!validDate(r.from)) r.from = core::dateLocal(now);
    if (!validDate(r.to) || r.to < r.from) r.to = core::addDays(r.from, days - 1);
    return r;
}

std::string rangeForm(const std::string& action, const Range& r, const std::vector<Station>& stations) {
    std::string h = "<form method=\"get\" action=\"" + action + "\" class=\"bar\">"
                    "<label for=\"from\">从</label><input type=\"date\" id=\"from\" name=\"from\" value=\"" + esc(r.from) +
                    "\"><label for=\"to\">到</label><input type=\"date\" id=\"to\" name=\"to\" value=\"" + esc(r.to) +
                    "\"><label for=\"station\">站点</label><select id=\"station\" name=\"station\">"
                    "<option value=\"\">全部站点</option>";
    for (const auto& s : stations)
        h += "<option value=\"" + esc(s.id) + "\"" + (s.id == r.station ? " selected" : "") + ">" + esc(s.name) + "</option>";
    return h + "</select><button type=\"submit\">查看</button></form>";
}

std::string uploadForm(const Viewer& v, const std::string& kind, const std::string& header) {
    return "<h2>上传 CSV</h2><form method=\"post\" action=\"/import/preview\" enctype=\"multipart/form-data\" class=\"upload\">" +
           csrfField(v) + hidden("kind", kind) +
           "<label for=\"file\">CSV 文件（UTF-8，第一行是表头：<code>" + esc(header) + "</code>）</label>"
           "<input type=\"file\" id=\"file\" name=\"file\" accept=\".csv,text/csv\" required>"
           "<button type=\"submit\" id=\"preview\">预览</button></form>"
           "<p class=\"hint\">先预览：每一行都检查，有问题的行和行号都会列出来。全部没有问题才能导入，"
           "导入时要么全部写入，要么一行也不写。</p>";
}

std::vector<Station> allStations(Storage& storage) {
    std::vector<Station> out;
    storage.read([&](Tx& tx) {
        for (const auto& o : tx.stationOverview()) out.push_back(o.station);
    });
    return out;
}

std::string stationName(const std::vector<Station>& stations, const std::string& id) {
    if (id.empty()) return "全区";
    for (const auto& s : stations)
        if (s.id == id) return s.name;
    return id;
}

// 低保、三属五老 from the codes, by the district's meal rules.
std::string categoriesText(const config::MealRules& rules, const std::vector<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) {
        const auto* cat = rules.category(c);
        out += (out.empty() ? "" : "、") + (cat ? cat->label.zh : c);
    }
    return out.empty() ? "-" : out;
}

const char* careText(int level) {
    static const char* kText[] = {"-", "轻度失能", "中度失能", "重度失能"};
    return level >= 0 && level <= 3 ? kText[level] : "?";
}

struct ImportKind {
    const char* kind;
    const char* title;  // 菜单 ...
    const char* page;   // where to go back
    const char* header;
};

constexpr ImportKind kKinds[] = {
    {"menu", "菜单", "/menus", "id,canteen_id,date,slot,dishes,price_cents,capacity,cutoff"},
    {"activities", "活动", "/activities", "id,station_id,title,category,starts_at,ends_at,place,capacity,description"},
    {"members", "长者", "/members", "id,card_no,phone,name,birth_date,hukou,categories,living_alone,care_level,address"},
};

const ImportKind* importKind(const std::string& k) {
    for (const auto& i : kKinds)
        if (k == i.kind) return &i;
    return nullptr;
}

}  // namespace

void Console::menus(Req& r) {
    const auto stations = allStations(storage_);
    const Range range = rangeOf(r.http, clock_.now(), 7);
    std::vector<SlotView> slots;
    storage_.read([&](Tx& tx) { slots = tx.slotViews(range.from, range.to, range.station); });
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : slots) {
        std::string dishes;
        for (const auto& d : s.slot.dishes) dishes += (dishes.empty() ? "" : "、") + esc(d);
        const std::int64_t taken = s.booked + s.picked_up;
        const std::int64_t left = s.slot.capacity - taken;
        rows.push_back({esc(s.slot.date), esc(s.canteen_name), s.slot.slot == "lunch" ? "午餐" : "晚餐", dishes,
                        yuanText(s.slot.price_cents), thousands(s.slot.capacity), thousands(s.granted),
                        thousands(s.booked), thousands(s.picked_up), thousands(s.cancelled),
                        left <= 0 ? tag("bad", "已满") : thousands(left)});
    }
    std::string body = rangeForm("/menus", range, stations);
    body += "<p class=\"lead\">" + std::to_string(slots.size()) + " 个餐次。“已分给站点”是各站点离线可订的座位（配额）。</p>";
    body += table({"日期", "饭堂", "餐次", "菜品", "价格", "座位", "已分给站点", "已订", "已取餐", "已取消", "剩余"}, rows, "slots");
    if (r.canChange()) body += uploadForm(r.viewer(), "menu", kKinds[0].header);
    sendPage(r, {"菜单", "menus", body, ""});
}

void Console::activities(Req& r) {
    const auto stations = allStations(storage_);
    const Range range = rangeOf(r.http, clock_.now(), 7);
    std::vector<ActivityView> acts;
    storage_.read([&](Tx& tx) { acts = tx.activityViews(range.from, range.to, range.station); });
    std::vector<std::vector<std::string>> rows;
    for (const auto& a : acts) {
        const std::int64_t taken = a.signed_up + a.attended;
        const std::int64_t left = a.activity.capacity - taken;
        rows.push_back({esc(shortTime(a.activity.starts_at)) + "–" + esc(shortTime(a.activity.ends_at).substr(11)),
                        esc(stationName(stations, a.activity.station_id)), esc(a.activity.title),
                        esc(a.activity.place), thousands(a.activity.capacity), thousands(a.granted),
                        thousands(a.signed_up), thousands(a.waitlisted), thousands(a.attended),
                        left <= 0 ? tag("bad", "已满") : thousands(left)});
    }
    std::string body = rangeForm("/activities", range, stations);
    body += "<p class=\"lead\">" + std::to_string(acts.size()) + " 个活动（选了站点时，也列出全区的活动）。</p>";
    body += table({"时间", "站点", "活动", "地点", "座位", "已分给站点", "已报名", "候补", "已签到", "剩余"}, rows, "acts");
    if (r.canChange()) body += uploadForm(r.viewer(), "activities", kKinds[1].header);
    sendPage(r, {"活动", "activities", body, ""});
}

void Console::members(Req& r) {
    const std::string q = r.http.has_param("q") ? r.http.get_param_value("q").substr(0, 64) : "";
    std::string body = "<form method=\"get\" action=\"/members\" class=\"bar\"><label for=\"q\">姓名、手机号或颐年卡号</label>"
                       "<input id=\"q\" name=\"q\" value=\"" + esc(q) + "\" size=\"24\" autofocus>"
                       "<button type=\"submit\" id=\"search\">查找</button></form>"
                       "<p class=\"hint\">长者的全名只在区里的管理台显示（站点屏幕上是 张*明）。每次查找都记入操作记录。</p>";
    if (!q.empty()) {
        std::vector<Member> found;
        std::map<std::string, std::int64_t> minutes;
        std::shared_ptr<const config::MealPolicy> policy;
        storage_.read([&](Tx& tx) {
            policy = districtMealPolicy(tx);
            found = tx.searchMembers(q, 50);
            for (const auto& m : found)
                if (auto a = tx.account(m.id)) minutes[m.id] = a->minutes;
        });
        audit(r, "member.search", "", true, std::to_string(found.size()) + " found");
        std::vector<std::vector<std::string>> rows;
        for (const auto& m : found)
            rows.push_back({esc(m.id), esc(m.name), esc(m.card_no), esc(m.phone), esc(m.birth_date),
                            m.hukou ? "是" : "否", esc(categoriesText(policy->subsidy, m.categories)),
                            careText(m.care_level), m.living_alone ? "是" : "-",
                            m.address.empty() ? "-" : esc(m.address),
                            "<a href=\"/timebank?member=" + esc(m.id) + "\">" + hoursText(minutes[m.id]) + "</a>"});
        body += "<p class=\"lead\">找到 " + std::to_string(found.size()) + " 位" + (found.size() == 50 ? "（只列出前 50 位）" : "") + "。</p>";
        body += table({"编号", "姓名", "颐年卡", "手机", "出生日期", "户籍", "类别", "失能", "独居", "地址", "时间银行"},
                      rows, "members");
    }
    if (r.canChange()) body += uploadForm(r.viewer(), "members", kKinds[2].header);
    sendPage(r, {"长者", "members", body, ""});
}

void Console::importPreview(Req& r) {
    const ImportKind* k = importKind(formValue(r.http, "kind"));
    if (!k) return errorPage(r, 400, "上传", "不认识的导入类型。");
    const std::string text = formValue(r.http, "file");
    ImportPreview p;
    if (std::string(k->kind) == "members") p = previewMembers(storage_, text, clock_.now());
    else if (std::string(k->kind) == "menu") p = previewMenu(storage_, text);
    else p = previewActivities(storage_, text);
    const std::string digest = sha256Hex(text);
    if (p.problems.empty()) sessions_.setPending(r.token, std::make_shared<const PendingImport>(PendingImport{k->kind, text, digest}));
    else sessions_.setPending(r.token, nullptr);

    std::string body;
    std::string top;
    if (p.problems.empty() && p.row_count > 0) {
        top = notice("ok", "全部 " + thousands(static_cast<std::int64_t>(p.row_count)) + " 行检查通过，可以导入。");
        body += postButton(r.viewer(), "/import/confirm", "确认导入 " + std::to_string(p.row_count) + " 行",
                           {{"kind", k->kind}, {"digest", digest}}, "primary", "");
    } else if (p.problems.empty()) {
        top = notice("error", "文件里没有数据行，没有可导入的内容。");
    } else {
        std::string list = "<ol class=\"problems\">";
        for (const auto& pr : p.problems)
            list += "<li>" + (pr.line > 0 ? "第 " + std::to_string(pr.line) + " 行：" : std::string()) + esc(pr.message) + "</li>";
        list += "</ol>";
        top = notice("error", "有 " + std::to_string(p.problems.size()) + " 个问题，这个文件不能导入（一行也不会写入）。请改好后重新上传：" + list);
    }
    body += "<p><a href=\"" + std::string(k->page) + "\">← 返回" + k->title + "</a></p>";
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : p.rows) {
        std::vector<std::string> cells;
        for (const auto& f : row) cells.push_back(esc(f));
        rows.push_back(std::move(cells));
    }
    std::vector<std::string> headers;
    for (const auto& c : p.columns) headers.push_back(esc(c));
    if (!rows.empty()) {
        body += "<h2>文件内容（前 " + std::to_string(rows.size()) + " 行，共 " + std::to_string(p.row_count) + " 行）</h2>";
        body += table(headers, rows, "preview");
    }
    sendPage(r, {"导入" + std::string(k->title) + "：预览", k->kind == std::string("menu") ? "menus" : k->kind, body, top},
             p.problems.empty() ? 200 : 422);
}

void Console::importConfirm(Req& r) {
    const ImportKind* k = importKind(formValue(r.http, "kind"));
    const auto pending = r.session.pending;
    if (!k || !pending || pending->kind != k->kind || !sameSecret(pending->digest, formValue(r.http, "digest")))
        return errorPage(r, 409, "导入", "没有等待确认的文件（或已经导入过了）。请重新上传并预览。什么都没有改变。");
    int n = 0;
    try {
        if (std::string(k->kind) == "members") n = importMembers(storage_, pending->text, clock_.now());
        else if (std::string(k->kind) == "menu") n = importMenu(storage_, pending->text);
        else n = importActivities(storage_, pending->text);
    } catch (const AdminError& e) {
        sessions_.setPending(r.token, nullptr);
        audit(r, std::string("import.") + k->kind, "", false, e.what());
        throw;
    }
    sessions_.setPending(r.token, nullptr);
    audit(r, std::string("import.") + k->kind, "", true,
          std::to_string(n) + " rows, sha256 " + pending->digest.substr(0, 16));
    flashRedirect(r, "已导入 " + std::to_string(n) + " 行" + k->title + "。", k->page);
}

}  // namespace district::console
