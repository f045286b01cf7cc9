#include "domain/deliveries.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <stdexcept>

#include <nlohmann/json.hpp>

#include "core/ids.h"
#include "domain/members.h"

namespace domain {
namespace {

std::string yuan(int cents) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%d.%02d", cents / 100, cents % 100);
    return buf;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string html(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

const char* slotWord(const std::string& slot) { return slot == "lunch" ? "午餐" : "晚餐"; }

const char* statusWord(const DeliveryLine& l) {
    if (l.delivery_status == "delivered") return "已送达";
    if (l.delivery_status == "failed") return "未送达";
    return "待送";
}

std::vector<std::string> dishesOf(const std::string& text) {
    std::vector<std::string> out;
    const auto j = nlohmann::json::parse(text, nullptr, false);
    if (j.is_array())
        for (const auto& d : j)
            if (d.is_string()) out.push_back(d.get<std::string>());
    return out;
}

}  // namespace

std::vector<DeliverySlot> deliverySlots(const Context& ctx, const std::string& date) {
    auto st = ctx.db.prepare(
        "SELECT s.id, s.date, s.slot, coalesce(c.name,''), s.dishes, "
        "count(*), sum(b.delivery_status='delivered'), sum(b.delivery_status='failed') "
        "FROM bookings b JOIN meal_slots s ON s.id=b.slot_id LEFT JOIN canteens c ON c.id=s.canteen_id "
        "WHERE b.delivery=1 AND b.status<>'cancelled' AND b.local_state<>'rejected' AND s.date=?1 "
        "AND (?2='' OR c.station_id=?2) "
        "GROUP BY s.id ORDER BY CASE s.slot WHEN 'lunch' THEN 0 ELSE 1 END, c.name");
    st.bind(1, date).bind(2, ctx.stationId);
    std::vector<DeliverySlot> out;
    while (st.step())
        out.push_back({st.getText(0), st.getText(1), st.getText(2), st.getText(3), dishesOf(st.getText(4)),
                       int(st.getInt(5)), int(st.getInt(6)), int(st.getInt(7))});
    return out;
}

std::vector<DeliveryLine> deliveries(const Context& ctx, const std::string& slotId) {
    // The booking is the truth about status (it moves with every op and pull);
    // the delivery row adds who and where.
    auto st = ctx.db.prepare(
        "SELECT b.id, b.member_id, coalesce(d.masked_name, m.masked_name, ''), coalesce(d.phone,''), "
        "coalesce(d.address,''), coalesce(d.living_alone,0), b.status, b.delivery_status, b.pay_cents, "
        "b.local_state='pending' "
        "FROM bookings b LEFT JOIN deliveries d ON d.id=b.id LEFT JOIN members m ON m.id=b.member_id "
        "WHERE b.slot_id=? AND b.delivery=1 AND b.status<>'cancelled' AND b.local_state<>'rejected' "
        "ORDER BY coalesce(d.address,'') = '', d.address, 3");
    st.bind(1, slotId);
    std::vector<DeliveryLine> out;
    while (st.step())
        out.push_back({st.getText(0), st.getText(1), maskName(st.getText(2)), st.getText(3), st.getText(4),
                       st.getInt(5) != 0, st.getText(6), st.getText(7), int(st.getInt(8)), st.getInt(9) != 0});
    return out;
}

MarkOutcome markDelivery(const Context& ctx, const std::string& bookingId, bool delivered) {
    store::Transaction tx(ctx.db);
    auto st = ctx.db.prepare("SELECT status, delivery_status, member_id, local_state FROM bookings "
                             "WHERE id=? AND delivery=1");
    st.bind(1, bookingId);
    if (!st.step()) return MarkOutcome::NotFound;
    const std::string status = st.getText(0), current = st.getText(1), member = st.getText(2);
    if (status == "cancelled" || st.getText(3) == "rejected") return MarkOutcome::Cancelled;
    const std::string outcome = delivered ? "delivered" : "failed";
    if (current == outcome) return MarkOutcome::Unchanged;
    st.reset();
    const std::string at = ctx.nowIso();
    ctx.db.run("UPDATE bookings SET delivery_status=?, status=?, local_state='pending' WHERE id=?", outcome,
               delivered ? "picked_up" : "booked", bookingId);
    ctx.db.run("UPDATE deliveries SET delivery_status=?, status=?, local_state='pending', reason=NULL "
               "WHERE id=?",
               outcome, delivered ? "picked_up" : "booked", bookingId);
    ctx.oplog().append(core::newUuid(), "meal_delivery", {{"booking_id", bookingId}, {"outcome", outcome}}, at,
                       member);
    tx.commit();
    return MarkOutcome::Marked;
}

std::string deliveriesCsv(const DeliverySlot& slot, const std::vector<DeliveryLine>& lines) {
    std::string dishes;
    for (const auto& d : slot.dishes) dishes += (dishes.empty() ? "" : "、") + d;
    std::string out = "\xEF\xBB\xBF";  // BOM: Excel reads the file as UTF-8
    out += "日期,餐次,饭堂,序号,长者,电话,地址,独居,菜品,收费(元),状态\r\n";
    int n = 0;
    for (const auto& l : lines) {
        out += slot.date + "," + slotWord(slot.slot) + "," + csvField(slot.canteen_name) + "," +
               std::to_string(++n) + "," + csvField(l.masked_name) + "," + csvField(l.phone) + "," +
               csvField(l.address.empty() ? "（同步后显示）" : l.address) + "," + (l.living_alone ? "是" : "") +
               "," + csvField(dishes) + "," + yuan(l.pay_cents) + "," + statusWord(l) + "\r\n";
    }
    return out;
}

std::string deliveriesHtml(const DeliverySlot& slot, const std::vector<DeliveryLine>& lines,
                           const std::string& stationName) {
    std::string dishes;
    for (const auto& d : slot.dishes) dishes += (dishes.empty() ? "" : "、") + d;
    std::string out =
        "<!DOCTYPE html>\n<html lang=\"zh-CN\"><head><meta charset=\"utf-8\">"
        "<title>送餐单 " + html(slot.date) + " " + slotWord(slot.slot) + "</title><style>"
        "@page{size:A4 portrait;margin:14mm}"
        "body{font-family:'Noto Sans CJK SC','Noto Sans SC',sans-serif;font-size:12pt;color:#000}"
        "h1{font-size:18pt;margin:0 0 4mm}p{margin:0 0 3mm}"
        "table{width:100%;border-collapse:collapse}th,td{border:1px solid #000;padding:2mm;"
        "vertical-align:top;text-align:left}th{background:#eee}td.n{width:8mm}td.c{width:22mm}"
        "tr{page-break-inside:avoid}.sign{width:24mm}"
        "</style></head><body>\n<h1>送餐单 · " + html(stationName) + "</h1>\n<p>" + html(slot.date) + " " +
        slotWord(slot.slot) + " · " + html(slot.canteen_name) + " · 共 " + std::to_string(lines.size()) +
        " 份</p>\n<p>菜品：" + html(dishes) + "</p>\n<table><thead><tr><th>序号</th><th>长者</th><th>电话</th>"
        "<th>地址</th><th>收费</th><th>状态</th><th class=\"sign\">签收</th></tr></thead><tbody>\n";
    int n = 0;
    for (const auto& l : lines)
        out += "<tr><td class=\"n\">" + std::to_string(++n) + "</td><td>" + html(l.masked_name) +
               (l.living_alone ? "（独居）" : "") + "</td><td class=\"c\">" + html(l.phone) + "</td><td>" +
               html(l.address.empty() ? "（同步后显示）" : l.address) + "</td><td class=\"c\">" +
               yuan(l.pay_cents) + " 元</td><td class=\"c\">" + statusWord(l) + "</td><td></td></tr>\n";
    out += "</tbody></table>\n</body></html>\n";
    return out;
}

std::vector<std::string> exportDeliveries(const Context& ctx, const std::string& slotId, const std::string& dir,
                                          const std::string& stationName) {
    DeliverySlot slot;
    bool found = false;
    auto st = ctx.db.prepare("SELECT date FROM meal_slots WHERE id=?");
    st.bind(1, slotId);
    if (st.step())
        for (auto& s : deliverySlots(ctx, st.getText(0)))
            if (s.slot_id == slotId) {
                slot = s;
                found = true;
            }
    if (!found) throw std::runtime_error("no deliveries for meal " + slotId);
    const auto lines = deliveries(ctx, slotId);
    ::mkdir(dir.c_str(), 0700);
    const std::string base = dir + "/deliveries-" + slot.date + "-" + slot.slot + "-" + slotId;
    std::vector<std::string> paths;
    for (const auto& [ext, text] : {std::pair<std::string, std::string>{".csv", deliveriesCsv(slot, lines)},
                                    {".html", deliveriesHtml(slot, lines, stationName)}}) {
        const std::string path = base + ext;
        // 0600 from the start: the list has phone numbers and addresses.
        const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0600);
        bool ok = fd >= 0;
        for (std::size_t done = 0; ok && done < text.size();) {
            const ssize_t n = ::write(fd, text.data() + done, text.size() - done);
            ok = n > 0;
            done += ok ? std::size_t(n) : 0;
        }
        if (fd >= 0) ok = ::close(fd) == 0 && ok;
        if (!ok) throw std::runtime_error("cannot write " + path);
        ::fchmodat(AT_FDCWD, path.c_str(), 0600, 0);
        paths.push_back(path);
    }
    return paths;
}

}  // namespace domain
