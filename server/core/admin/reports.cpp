#include "admin/reports.h"

#include <cstdio>
#include <cstdlib>
#include <map>
#include <set>

#include "admin/csv.h"
#include "admin/importers.h"
#include "config/member_hash.h"
#include "errors.h"
#include "rules/meal_policy.h"

namespace district {
namespace {

constexpr const char* kBom = "\xEF\xBB\xBF";

std::string n(std::int64_t v) { return std::to_string(v); }

std::string yuan(std::int64_t cents) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%s%lld.%02lld", cents < 0 ? "-" : "", static_cast<long long>(std::llabs(cents) / 100),
                  static_cast<long long>(std::llabs(cents) % 100));
    return buf;
}

bool counted(const Booking& b) { return b.status == "booked" || b.status == "picked_up"; }
bool delivered(const Booking& b) { return b.delivery && counted(b) && b.delivery_status == "delivered"; }

std::string joined(const std::set<std::string>& items, const char* sep) {
    std::string out;
    for (const auto& i : items) out += (out.empty() ? "" : sep) + i;
    return out;
}

std::string categoriesText(const config::MealRules& rules, const std::vector<std::string>& codes) {
    std::set<std::string> words;
    for (const auto& c : codes) {
        const auto* cat = rules.category(c);
        words.insert(cat ? cat->label.zh : c);
    }
    return words.empty() ? "" : joined(words, "、");
}

std::string ruleText(const config::MealRules& rules, const std::string& rule) {
    if (rule == "legacy") return "旧规则";
    const auto* t = rules.tier(rule);
    return t ? t->label.zh : rule;
}

// ---- subsidy: the month's settlement

struct Totals {
    std::int64_t meals = 0, subsidisedMeals = 0, price = 0, subsidy = 0, mealPaid = 0;
    std::int64_t deliveries = 0, fee = 0, deliverySubsidy = 0, feePaid = 0;
    void add(const BookingReportRow& r) {
        const Booking& b = r.booking;
        if (counted(b)) {
            ++meals;
            subsidisedMeals += b.subsidy_cents > 0;
            price += r.price_cents;
            subsidy += b.subsidy_cents;
            mealPaid += r.price_cents - b.subsidy_cents;
        }
        if (delivered(b)) {
            ++deliveries;
            fee += b.delivery_fee_cents;
            deliverySubsidy += b.delivery_subsidy_cents;
            feePaid += b.delivery_fee_cents - b.delivery_subsidy_cents;
        }
    }
    std::vector<std::string> cells() const {
        return {n(meals),       n(subsidisedMeals),   yuan(price),  yuan(subsidy),
                yuan(mealPaid), n(deliveries),        yuan(fee),    yuan(deliverySubsidy),
                yuan(feePaid),  yuan(subsidy + deliverySubsidy), yuan(mealPaid + feePaid)};
    }
};

std::string line(std::vector<std::string> head, const Totals& t) {
    for (auto& c : t.cells()) head.push_back(std::move(c));
    return csvLine(head);
}

}  // namespace

std::pair<std::string, std::string> monthRange(const std::string& month) {
    if (month.size() != 7 || !validDate(month + "-01"))
        throw AdminError("--month is a month YYYY-MM, got '" + month + "'");
    std::string last = month + "-28";
    while (core::addDays(last, 1).substr(0, 7) == month) last = core::addDays(last, 1);
    return {month + "-01", last};
}

std::string subsidyReportCsv(Storage& storage, const std::string& month) {
    // Not a structured binding: clang (the fuzz build) cannot capture one in a lambda.
    const std::pair<std::string, std::string> range = monthRange(month);
    const std::string& from = range.first;
    const std::string& to = range.second;
    std::vector<BookingReportRow> rows;
    std::shared_ptr<const config::MealPolicy> policy;
    storage.read([&](Tx& tx) {
        rows = tx.bookingReport(from, to);
        policy = districtMealPolicy(tx);
    });
    const auto& rules = policy->subsidy;
    std::string out = kBom + csvLine({"站点", "长者编号", "姓名", "户籍", "类别", "补贴规则", "餐数", "补贴餐数",
                                      "餐费(元)", "餐补(元)", "餐费自付(元)", "送达次数", "送餐费(元)",
                                      "送餐补贴(元)", "送餐费自付(元)", "补贴合计(元)", "自付合计(元)"});
    Totals district, station;
    std::set<std::string> districtElders, stationElders;
    std::string stationName;
    // Rows come ordered by station, then member: one pass, a row per run.
    for (std::size_t i = 0; i < rows.size();) {
        const BookingReportRow& first = rows[i];
        Totals elder;
        std::set<std::string> tiers;
        bool any = false;
        std::size_t j = i;
        for (; j < rows.size() && rows[j].station_id == first.station_id &&
               rows[j].booking.member_id == first.booking.member_id;
             ++j) {
            elder.add(rows[j]);
            station.add(rows[j]);
            district.add(rows[j]);
            any = any || counted(rows[j].booking) || delivered(rows[j].booking);
            if (counted(rows[j].booking) && rows[j].booking.subsidy_cents > 0)
                tiers.insert(ruleText(rules, rows[j].booking.rule));
        }
        if (any) {
            const Member& m = first.member;
            out += line({first.station_name, m.id, config::maskName(m.name), m.hukou ? "是" : "否",
                          categoriesText(rules, m.categories), tiers.empty() ? "无" : joined(tiers, "、")},
                         elder);
            stationElders.insert(m.id);
            districtElders.insert(m.id);
        }
        stationName = first.station_name;
        i = j;
        if (i == rows.size() || rows[i].station_id != first.station_id) {
            if (!stationElders.empty())
                out += line({stationName, "小计", std::to_string(stationElders.size()) + "人", "", "", ""}, station);
            station = Totals{};
            stationElders.clear();
        }
    }
    out += line({"全区", "合计", std::to_string(districtElders.size()) + "人", "", "", ""}, district);
    return out;
}

std::string reportCsv(Storage& storage, const std::string& kind, const std::string& from,
                      const std::string& to) {
    if (!validDate(from) || !validDate(to)) throw AdminError("--from and --to are dates YYYY-MM-DD");
    if (from > to) throw AdminError("--from is after --to");
    std::string out = kBom;
    storage.read([&](Tx& tx) {
        if (kind == "checkins") {
            out += csvLine({"station_id", "station_name", "day", "checkins"});
            for (const auto& r : tx.checkinReport(from, to))
                out += csvLine({r.station_id, r.station_name, r.day, n(r.checkins)});
        } else if (kind == "meals") {
            // Per canteen and day: 人次 beside 人 (an elder at lunch and dinner is
            // two 人次 and one 人).
            out += csvLine({"日期", "站点", "饭堂", "人次", "人", "午餐人次", "晚餐人次", "已取餐", "送达",
                            "取消", "补贴(元)", "自付(元)"});
            struct Day {
                std::string station, canteen;
                std::int64_t meals = 0, lunch = 0, dinner = 0, pickedUp = 0, delivered = 0, cancelled = 0,
                             subsidy = 0, paid = 0;
                std::set<std::string> elders;
            };
            std::map<std::pair<std::string, std::string>, Day> days;  // (date, canteen id)
            for (const auto& r : tx.bookingReport(from, to)) {
                Day& d = days[{r.booking.date, r.canteen_id}];
                d.station = r.station_name;
                d.canteen = r.canteen_name;
                const Booking& b = r.booking;
                if (!counted(b)) {
                    d.cancelled += b.status == "cancelled";
                    continue;
                }
                ++d.meals;
                ++(r.slot == "lunch" ? d.lunch : d.dinner);
                d.pickedUp += b.status == "picked_up" && !b.delivery;
                d.delivered += delivered(b);
                d.subsidy += b.subsidy_cents + (delivered(b) ? b.delivery_subsidy_cents : 0);
                d.paid += r.price_cents - b.subsidy_cents +
                          (delivered(b) ? b.delivery_fee_cents - b.delivery_subsidy_cents : 0);
                d.elders.insert(b.member_id);
            }
            for (const auto& [key, d] : days)
                out += csvLine({key.first, d.station, d.canteen, n(d.meals), n(std::int64_t(d.elders.size())),
                                n(d.lunch), n(d.dinner), n(d.pickedUp), n(d.delivered), n(d.cancelled),
                                yuan(d.subsidy), yuan(d.paid)});
        } else if (kind == "timebank") {
            out += csvLine({"day", "kind", "transfers", "minutes"});
            for (const auto& r : tx.timebankReport(from, to))
                out += csvLine({r.day, r.kind, n(r.transfers), n(r.minutes)});
        } else if (kind == "staff") {
            out += csvLine({"station_id", "staff_id", "day", "kind", "ops"});
            for (const auto& r : tx.staffReport(from, to))
                out += csvLine({r.station_id, r.staff_id, r.day, r.kind, n(r.ops)});
        } else if (kind == "deliveries") {
            out += csvLine({"日期", "餐次", "站点", "饭堂", "长者编号", "姓名", "地址", "结果", "标记时间",
                            "送餐费(元)", "送餐补贴(元)", "自付(元)"});
            for (const auto& r : tx.bookingReport(from, to)) {
                const Booking& b = r.booking;
                if (!b.delivery || !counted(b)) continue;
                const std::string result = b.delivery_status == "delivered" ? "已送达"
                                           : b.delivery_status == "failed"  ? "未送达"
                                                                            : "未标记";
                const bool paid = b.delivery_status == "delivered";
                out += csvLine({b.date, r.slot == "lunch" ? "午餐" : "晚餐", r.station_name, r.canteen_name,
                                r.member.id, config::maskName(r.member.name), r.member.address, result,
                                b.delivery_at, yuan(paid ? b.delivery_fee_cents : 0),
                                yuan(paid ? b.delivery_subsidy_cents : 0),
                                yuan(paid ? b.delivery_fee_cents - b.delivery_subsidy_cents : 0)});
            }
        } else {
            throw AdminError("unknown report '" + kind + "': checkins, meals, timebank, deliveries, staff or subsidy");
        }
    });
    return out;
}

}  // namespace district
