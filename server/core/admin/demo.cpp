// demo.cpp — the demo district generator (see demo.h).
//
// Deterministic for a seed: its own splitmix64 generator and range mapping,
// because std::uniform_int_distribution differs between standard libraries.
// Fast: one transaction and cached prepared statements; 150,000 members take
// a few seconds, most of it SQLite inserting two rows per member.
#include "admin/demo.h"

#include <cstdio>

#include "admin/demo_pools.h"
#include "admin/importers.h"
#include "errors.h"
#include "rules/handlers.h"
#include "rules/timebank.h"

namespace district {
namespace {

using namespace demo;

class Rng {
public:
    explicit Rng(std::uint64_t seed) : s_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (s_ += 0x9e3779b97f4a7c15ULL);
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
        return z ^ (z >> 31);
    }
    int range(int lo, int hi) {  // inclusive
        return lo + static_cast<int>(next() % static_cast<std::uint64_t>(hi - lo + 1));
    }
    bool chance(int percent) { return range(1, 100) <= percent; }
    template <typename T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(range(0, static_cast<int>(v.size()) - 1))];
    }

private:
    std::uint64_t s_;
};

constexpr int kPerStationDefault = 2000;
constexpr int kKnownPerStation = 3;

std::string at(const std::string& date, const char* hhmm) {
    return date + "T" + hhmm + ":00+08:00";
}

std::string hhmmPlus(const char* hhmm, int minutes) {
    int h = 0, m = 0;
    std::sscanf(hhmm, "%d:%d", &h, &m);
    const int t = h * 60 + m + minutes;
    char buf[8];
    std::snprintf(buf, sizeof buf, "%02d:%02d", t / 60 % 24, t % 60);
    return buf;
}

Member makeMember(Rng& rng, int station, int j, std::int64_t globalIndex, const std::string& today) {
    Member m;
    char buf[32];
    std::snprintf(buf, sizeof buf, "m-%06lld", static_cast<long long>(globalIndex));
    m.id = buf;
    m.card_no = demoCardNo(station, j);
    const char* prefix = j <= kKnownPerStation ? "138" : rng.pick(kPhonePrefixes);
    m.phone = std::string(prefix) + m.card_no.substr(2);
    const bool male = rng.chance(45);  // more women than men among elders
    m.name = std::string(rng.pick(kSurnames)) + (male ? rng.pick(kMaleGiven) : rng.pick(kFemaleGiven));
    switch (j) {
        case 1: m.birth_date = "1950-03-15"; m.category = "age70"; return m;
        case 2: m.birth_date = "1948-08-08"; m.category = "priority"; m.delivery_eligible = true; return m;
        case 3: m.birth_date = "1962-05-20"; m.category = "regular"; return m;
        default: break;
    }
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", rng.range(1930, 1965), rng.range(1, 12),
                  rng.range(1, 28));
    m.birth_date = buf;
    const int age = ageOn(m.birth_date, today);
    // 低保 / 特困 / 失能 elders are the priority group, about one in twelve.
    if (rng.chance(8)) m.category = "priority";
    else m.category = (age >= 70 && age <= 99) ? "age70" : "regular";
    const int deliveryChance = m.category == "priority" ? 60 : (age >= 80 ? 40 : 5);
    m.delivery_eligible = rng.chance(deliveryChance);
    return m;
}

// Who needs looking after (the care list, issue 9), from the member's number
// alone so the random draws, and with them every other demo figure, stay as
// they were: about one in twelve lives alone, one in 25 has care level 2, the
// priority group is 低保 or 特困. Most were seen in the last week; one in five
// of those on the rule never. The second known member of each station lives
// alone and was last seen five days ago.
void addCare(Member& m, const Station& st, const Community& com, int j, const std::string& today) {
    m.home_station_id = st.id;
    m.hukou = j % 10 != 3;
    m.address = std::string("深圳市") + com.address + std::to_string(1 + j % 28) + "栋" +
                std::to_string(1 + j % 17) + std::to_string(j % 3 + 1) + "号";
    m.living_alone = j == 2 || j % 12 == 5;
    m.care_level = j % 25 == 7 ? 2 : j % 9 == 4 ? 1 : 0;
    if (m.category == "priority") m.categories = j % 2 ? "dibao" : "tekun";
    else if (j % 30 == 11) m.categories = "dibao_bianyuan";
    if (j == 2) m.last_seen = at(core::addDays(today, -5), "10:00");
    else if (j % 5 != 0) m.last_seen = at(core::addDays(today, -(j % 9) - 1), "10:00");
}

void addMenus(WriteTx& tx, Rng& rng, const Canteen& c, const std::string& today, DemoSummary& sum) {
    for (int d = 0; d < 7; ++d) {
        const std::string date = core::addDays(today, d);
        for (const char* slot : {"lunch", "dinner"}) {
            const bool lunch = std::string(slot) == "lunch";
            MealSlot s;
            s.id = "slot-" + c.id + "-" + date.substr(0, 4) + date.substr(5, 2) + date.substr(8, 2) +
                   "-" + slot;
            s.canteen_id = c.id;
            s.date = date;
            s.slot = slot;
            // 三菜一汤: a meat dish, a lighter dish, a vegetable, a soup.
            s.dishes = {rng.pick(kMeatDishes), rng.pick(kLightDishes), rng.pick(kVegDishes),
                        rng.pick(kSoups)};
            s.price_cents = lunch ? rng.range(15, 20) * 100 : rng.range(15, 18) * 100;
            s.capacity = lunch ? rng.range(10, 16) * 10 : rng.range(6, 10) * 10;
            s.cutoff = at(date, lunch ? "09:30" : "15:00");
            tx.putSlot(s);
            // Half the seats to the home station up front; the rest are topped up on pulls.
            tx.putQuota(Quota{SeatKind::Meal, s.id, c.station_id, s.capacity / 2});
            ++sum.slots;
        }
    }
}

void addActivities(WriteTx& tx, Rng& rng, const Station& st, const std::string& today,
                   DemoSummary& sum) {
    int n = 0;
    for (int d = 0; d < 7; ++d) {
        const std::string date = core::addDays(today, d);
        const int count = rng.range(1, 2);
        for (int k = 0; k < count; ++k) {
            const ActivityKind& kind = rng.pick(kActivityKinds);
            const char* start = rng.pick(kActivityTimes);
            Activity a;
            char id[64];
            std::snprintf(id, sizeof id, "act-%s-%02d", st.id.substr(3).c_str(), ++n);
            a.id = id;
            a.station_id = st.id;
            a.title = kind.title;
            a.category = kind.category;
            a.starts_at = at(date, start);
            a.ends_at = at(date, hhmmPlus(start, kind.minutes).c_str());
            const int where = rng.range(0, 2);
            a.place = where == 0 ? st.name + " 活动室"
                    : where == 1 ? st.name + " 二楼多功能厅"
                                 : st.community + "社区公园";
            a.capacity = rng.range(kind.capacity_lo, kind.capacity_hi);
            a.description = kind.description;
            tx.putActivity(a);
            tx.putQuota(Quota{SeatKind::Activity, a.id, st.id, a.capacity * 6 / 10});
            ++sum.activities;
        }
    }
}

// History: volunteers with approved services, some redemptions, and one
// pending service a station for `timebank approve`.
void addHistory(WriteTx& tx, Rng& rng, const std::vector<std::string>& memberIds,
                const std::vector<std::vector<std::int64_t>>& byStation,
                const std::vector<Station>& stations, const std::string& today, DemoSummary& sum) {
    int svc = 0, red = 0;
    auto service = [&](const std::string& volunteer, const std::string& recipient,
                       const CatalogDef& item, const std::string& when, const std::string& station,
                       bool approve) {
        char id[32];
        std::snprintf(id, sizeof id, "svc-demo-%06d", ++svc);
        Service s{id, volunteer, recipient, item.id, item.minutes, "pending", station, when, ""};
        if (approve) {
            ensureMemberAccount(tx, volunteer);
            Transfer t{"tr-svc-" + s.id, kIssuanceAccount, volunteer, item.minutes, when,
                       "service", std::string("志愿服务：") + item.name, s.id};
            tx.addTransfer(t);
            s.status = "approved";
            s.transfer_id = t.id;
            ++sum.transfers;
        } else {
            sum.pending_services.push_back(s.id);
        }
        tx.putService(s);
    };
    std::vector<const CatalogDef*> services, goods;
    for (const auto& c : kCatalog) (std::string(c.kind) == "service" ? services : goods).push_back(&c);
    auto pickMember = [&] { return memberIds[static_cast<std::size_t>(rng.range(0, static_cast<int>(memberIds.size()) - 1))]; };

    for (std::size_t i = 0; i < stations.size(); ++i) {
        const auto& ids = byStation[i];
        const std::string& first = memberIds[static_cast<std::size_t>(ids.front())];
        const std::string when = at(core::addDays(today, -10), "10:00");
        // The known first member: 120 + 60 = 180 minutes.
        service(first, pickMember(), *services[0], when, stations[i].id, true);
        service(first, pickMember(), *services[3], at(core::addDays(today, -5), "15:00"),
                stations[i].id, true);
        // About 4 % of the others volunteer, 1 to 4 services in the last month.
        for (std::size_t k = kKnownPerStation; k < ids.size(); ++k) {
            if (!rng.chance(4)) continue;
            const std::string& vol = memberIds[static_cast<std::size_t>(ids[k])];
            std::int64_t balance = 0;
            for (int n = rng.range(1, 4); n > 0; --n) {
                const CatalogDef& item = *services[static_cast<std::size_t>(rng.range(0, static_cast<int>(services.size()) - 1))];
                service(vol, pickMember(), item, at(core::addDays(today, -rng.range(1, 30)), "10:00"),
                        stations[i].id, true);
                balance += item.minutes;
            }
            if (!rng.chance(30)) continue;
            const CatalogDef& g = *goods[static_cast<std::size_t>(rng.range(0, static_cast<int>(goods.size()) - 1))];
            if (g.minutes > balance) continue;
            char id[32];
            std::snprintf(id, sizeof id, "red-demo-%06d", ++red);
            const std::string when2 = at(today, "08:00");
            Transfer t{std::string("tr-red-") + id, vol, kRedemptionAccount, g.minutes, when2,
                       "redemption", std::string("兑换：") + g.name, id};
            tx.addTransfer(t);
            tx.putRedemption(Redemption{id, vol, g.id, g.minutes, "confirmed", voucherFor(id),
                                        stations[i].id, when2});
            ++sum.transfers;
        }
        service(memberIds[static_cast<std::size_t>(ids[1])], first, *services[1],
                at(core::addDays(today, -1), "16:00"), stations[i].id, false);
    }
}

}  // namespace

std::string demoCardNo(int station, int member) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "88%02d%06d", station, member);
    return buf;
}

DemoSummary generateDemo(Storage& storage, const DemoOptions& opt) {
    const int nStations = static_cast<int>(kCommunities.size());
    const std::int64_t total = opt.members > 0 ? opt.members : std::int64_t{kPerStationDefault} * nStations;
    if (total < nStations * kKnownPerStation || total > std::int64_t{nStations} * 999999)
        throw AdminError("--members must be between " + std::to_string(nStations * kKnownPerStation) +
                         " and " + std::to_string(std::int64_t{nStations} * 999999));
    if (!validDate(opt.today)) throw AdminError("--today must be a date YYYY-MM-DD");
    Rng rng(opt.seed);
    DemoSummary sum;
    storage.write([&](WriteTx& tx) {
        if (tx.memberCount() > 0)
            throw AdminError("the database already has members; generate demo data into a fresh --data-dir");
        for (const auto& c : kCatalog) {
            tx.putCatalogItem(CatalogItem{c.id, c.name, c.kind, c.minutes});
            ++sum.catalog_items;
        }
        std::vector<Station> stations;
        std::vector<std::string> memberIds;
        std::vector<std::vector<std::int64_t>> byStation(static_cast<std::size_t>(nStations));
        memberIds.reserve(static_cast<std::size_t>(total));
        for (int i = 0; i < nStations; ++i) {
            const auto& com = kCommunities[static_cast<std::size_t>(i)];
            Station st{std::string("st-") + com.slug, std::string(com.name) + "长者服务站", com.name, 0};
            tx.putStation(st);
            stations.push_back(st);
            Canteen c{std::string("ct-") + com.slug, std::string(com.name) + "长者饭堂", st.id,
                      std::string("深圳市") + com.address + "党群服务中心一楼"};
            tx.putCanteen(c);
            ++sum.canteens;
            addMenus(tx, rng, c, opt.today, sum);
            addActivities(tx, rng, st, opt.today, sum);
            const std::int64_t count = total / nStations + (i < total % nStations ? 1 : 0);
            for (int j = 1; j <= count; ++j) {
                Member m = makeMember(rng, i + 1, j, static_cast<std::int64_t>(memberIds.size()) + 1,
                                      opt.today);
                addCare(m, st, com, j, opt.today);
                tx.putMember(m);
                byStation[static_cast<std::size_t>(i)].push_back(static_cast<std::int64_t>(memberIds.size()));
                memberIds.push_back(m.id);
                if (j <= kKnownPerStation)
                    sum.known.push_back({st.id, st.name, m.id, m.card_no, m.phone, m.name,
                                         m.birth_date, m.category, 0});
            }
        }
        // One district-wide lecture: every station's quota grows on its pulls.
        Activity lecture{"act-district-01", "", "长者健康讲座（区级）", "健康知识",
                         at(core::addDays(opt.today, 3), "14:30"),
                         at(core::addDays(opt.today, 3), "16:30"), "福田区文化馆 报告厅", 200,
                         "区卫健局主办：秋冬季常见病预防与合理用药，现场提供免费体检咨询。"};
        tx.putActivity(lecture);
        ++sum.activities;
        addHistory(tx, rng, memberIds, byStation, stations, opt.today, sum);
        for (auto& k : sum.known) k.balance_minutes = tx.account(k.member_id) ? tx.account(k.member_id)->minutes : 0;
        sum.stations = nStations;
        sum.members = static_cast<std::int64_t>(memberIds.size());
    });
    return sum;
}

std::string demoMembersText(const DemoSummary& s) {
    std::string out =
        "# Known demo members: card 88 + station number (2 digits) + member number (6 digits).\n"
        "# station_id\tmember_id\tcard_no\tphone\tname\tbirth_date\tcategory\ttime_bank_minutes\n";
    for (const auto& k : s.known)
        out += k.station_id + "\t" + k.member_id + "\t" + k.card_no + "\t" + k.phone + "\t" + k.name +
               "\t" + k.birth_date + "\t" + k.category + "\t" + std::to_string(k.balance_minutes) + "\n";
    if (!s.pending_services.empty()) {
        out += "# Pending services (timebank approve SERVICE_ID):";
        for (const auto& id : s.pending_services) out += " " + id;
        out += "\n";
    }
    return out;
}

}  // namespace district
