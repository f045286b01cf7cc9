// pages_timebank.cpp — 时间银行: services waiting for the district's approval
// (who served whom, for how long), approved or rejected here; and a member's
// transfers, any of which can be reversed by an opposite transfer
// (approveService / rejectService / reverseTransfer, as the CLI).
#include <map>

#include "admin/services.h"
#include "console/console.h"
#include "errors.h"
#include "rules/timebank.h"

namespace district::console {
namespace {

std::string who(const std::map<std::string, std::string>& names, const std::string& id) {
    if (id == kIssuanceAccount) return "区时间银行（发放）";
    if (id == kRedemptionAccount) return "区时间银行（兑换）";
    auto it = names.find(id);
    return esc(it == names.end() ? id : it->second) + "<br><small>" + esc(id) + "</small>";
}

const char* kindText(const std::string& k) {
    return k == "service" ? "服务存入" : k == "redemption" ? "兑换" : k == "reversal" ? "冲正" : "开户";
}

}  // namespace

void Console::timebank(Req& r) {
    const std::string q = r.http.has_param("member") ? r.http.get_param_value("member").substr(0, 64) : "";
    std::vector<Service> pending;
    std::vector<Transfer> transfers;
    std::map<std::string, std::string> names, items, stations;
    std::map<std::string, std::string> reversedBy;
    std::string memberId;
    std::optional<Account> account;
    storage_.read([&](Tx& tx) {
        pending = tx.pendingServices();
        if (!q.empty()) {
            memberId = tx.member(q) ? q : tx.memberIdByCard(q).value_or("");
            if (!memberId.empty()) account = tx.account(memberId);
        }
        transfers = tx.transfersOf(memberId, memberId.empty() ? 20 : 100);
        auto name = [&](const std::string& id) {
            if (names.count(id)) return;
            if (auto m = tx.member(id)) names[id] = m->name;
        };
        for (const auto& s : pending) {
            name(s.volunteer_id);
            name(s.recipient_id);
            if (auto c = tx.catalogItem(s.item_id)) items[s.item_id] = c->name;
        }
        for (const auto& t : transfers) {
            name(t.from_account);
            name(t.to_account);
            if (auto rev = tx.reversalOf(t.id)) reversedBy[t.id] = *rev;
        }
        for (const auto& o : tx.stationOverview()) stations[o.station.id] = o.station.name;
    });
    const Viewer v = r.viewer();
    std::vector<std::vector<std::string>> rows;
    for (const auto& s : pending) {
        std::string actions = "-";
        if (r.canChange())
            actions = postButton(v, "/timebank/approve", "批准", {{"service", s.id}}, "primary approve") + " " +
                      postButton(v, "/timebank/reject", "拒绝", {{"service", s.id}}, "danger",
                                 "拒绝后这次服务不记时间。确定拒绝吗？");
        rows.push_back({esc(s.id), esc(stations.count(s.station_id) ? stations[s.station_id] : s.station_id),
                        who(names, s.volunteer_id), who(names, s.recipient_id),
                        esc(items.count(s.item_id) ? items[s.item_id] : s.item_id), "<strong>" + hoursText(s.minutes) + "</strong>",
                        esc(shortTime(s.created_at)), actions});
    }
    std::string body = "<h2>待审批的志愿服务（" + std::to_string(pending.size()) + " 条）</h2>"
                       "<p class=\"hint\">批准后，时长从区时间银行记入志愿者的账户；拒绝则不记。</p>";
    body += table({"服务编号", "站点", "志愿者", "受助长者", "服务", "时长", "记录时间", "操作"}, rows, "pending");

    body += "<h2>转账与冲正</h2><form method=\"get\" action=\"/timebank\" class=\"bar\">"
            "<label for=\"member\">长者编号或颐年卡号</label><input id=\"member\" name=\"member\" value=\"" + esc(q) +
            "\"><button type=\"submit\">查看转账</button></form>";
    if (!q.empty() && memberId.empty()) body += notice("error", "没有找到这位长者。");
    if (account)
        body += "<p class=\"lead\">" + esc(names.count(memberId) ? names[memberId] : memberId) + " 的余额：<strong>" +
                hoursText(account->minutes) + "</strong></p>";
    else if (q.empty())
        body += "<p class=\"lead\">全区最近 20 笔转账：</p>";
    rows.clear();
    for (const auto& t : transfers) {
        std::string action = "-";
        if (reversedBy.count(t.id)) action = tag("info", "已冲正");
        else if (t.kind == "reversal") action = tag("info", "冲正记录");
        else if (r.canChange())
            action = postButton(v, "/timebank/reverse", "冲正", {{"transfer", t.id}}, "danger",
                                "冲正会记一笔方向相反的转账，原记录保留。确定冲正吗？");
        rows.push_back({esc(t.id), esc(shortTime(t.at)), kindText(t.kind), esc(t.what), who(names, t.from_account),
                        who(names, t.to_account), hoursText(t.minutes), action});
    }
    body += table({"转账编号", "时间", "类型", "内容", "转出", "转入", "时长", "操作"}, rows, "transfers");
    sendPage(r, {"时间银行", "timebank", body, ""});
}

void Console::timebankApprove(Req& r) {
    const std::string id = formValue(r.http, "service");
    try {
        const Transfer t = approveService(storage_, id, clock_.now());
        audit(r, "timebank.approve", id, true, std::to_string(t.minutes) + " min to " + t.to_account + " (" + t.id + ")");
        flashRedirect(r, "已批准 " + id + "：" + hoursText(t.minutes) + "记入志愿者 " + t.to_account + "。", "/timebank");
    } catch (const AdminError& e) {
        audit(r, "timebank.approve", id, false, e.what());
        throw;
    }
}

void Console::timebankReject(Req& r) {
    const std::string id = formValue(r.http, "service");
    try {
        const Service s = rejectService(storage_, id, clock_.now());
        audit(r, "timebank.reject", id, true, std::to_string(s.minutes) + " min of " + s.volunteer_id + " not banked");
        flashRedirect(r, "已拒绝 " + id + "，不记时间。", "/timebank");
    } catch (const AdminError& e) {
        audit(r, "timebank.reject", id, false, e.what());
        throw;
    }
}

void Console::timebankReverse(Req& r) {
    const std::string id = formValue(r.http, "transfer");
    try {
        const Transfer t = reverseTransfer(storage_, id, clock_.now());
        audit(r, "timebank.reverse", id, true, std::to_string(t.minutes) + " min back (" + t.id + ")");
        flashRedirect(r, "已冲正 " + id + "（冲正记录 " + t.id + "）。", "/timebank");
    } catch (const AdminError& e) {
        audit(r, "timebank.reverse", id, false, e.what());
        throw;
    }
}

}  // namespace district::console
