// demo.cpp — the demo district generator (see demo.h).
//
// Deterministic for a seed: its own splitmix64 generator and range mapping,
// because std::uniform_int_distribution differs between standard libraries.
// Fast: one transaction and cached prepared statements; 150,000 members take
// a few seconds, most of it SQLite inserting two rows per member.
#include "admin/demo.h"

#include <algorithm>
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
    bool permille(int perThousand) { return range(1, 1000) <= perThousand; }
    template <typename T>
    const T& pick(const std::vector<T>& v) {
        return v[static_cast<std::size_t>(range(0, static_cast<int>(v.size()) - 1))];
    }

private:
    std::uint64_t s_;
};

constexpr int kPerStationDefault = 2000;
constexpr int kKnownPerStation = 5;  // in a station of at least five members
constexpr int kMinPerStation = 3;    // small test districts: the first three kinds

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

// Shares as in Futian and Shenzhen's published figures, rounded: about
// 140,000 户籍 elders and 108,000 others (56 % 户籍); centenarians two in a
// thousand (far more than in life, so that every station has some to try);
// of the 户籍, 低保 1.5 %, 低保边缘 1 %, 特困 0.5 %, 三属五老 2 %, 计生特殊家庭 1 %
// (those rest on 户籍 in Shenzhen); 失能 growing with age; one in eight
// living alone; nine in ten with an address on file.
Member makeMember(Rng& rng, const Community& com, int station, int j, std::int64_t globalIndex,
                  const std::string& today) {
    Member m;
    char buf[64];
    std::snprintf(buf, sizeof buf, "m-%06lld", static_cast<long long>(globalIndex));
    m.id = buf;
    m.card_no = demoCardNo(station, j);
    const char* prefix = j <= kKnownPerStation ? "138" : rng.pick(kPhonePrefixes);
    m.phone = std::string(prefix) + m.card_no.substr(2);
    const bool male = rng.chance(45);  // more women than men among elders
    m.name = std::string(rng.pick(kSurnames)) + (male ? rng.pick(kMaleGiven) : rng.pick(kFemaleGiven));
    std::snprintf(buf, sizeof buf, "%d栋%d%02d室", rng.range(1, 30), rng.range(1, 32), rng.range(1, 8));
    const std::string address = std::string("深圳市") + com.address + buf;
    // The known members (demo.h): one of each kind of elder the meal rules tell apart.
    switch (j) {
        case 1: m.birth_date = "1950-03-15"; m.hukou = true; return m;  // 户籍 70+: 5 元
        case 2:  // 户籍 低保, 中度失能, an address: 15 元 and delivery
            m.birth_date = "1948-08-08"; m.hukou = true; m.categories = {"dibao"}; m.care_level = 2;
            m.address = address;
            return m;
        case 3: m.birth_date = "1962-05-20"; m.hukou = true; return m;  // 户籍 under 70: nothing
        case 4:  // 户籍 centenarian: 15 元, delivery
            m.birth_date = "1925-06-01"; m.hukou = true; m.living_alone = true; m.address = address;
            return m;
        case 5: m.birth_date = "1951-04-10"; m.hukou = false; m.address = address; return m;  // not 户籍: nothing
        default: break;
    }
    if (rng.permille(2))
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", rng.range(1920, 1925), rng.range(1, 12), rng.range(1, 28));
    else
        std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", rng.range(1930, 1965), rng.range(1, 12), rng.range(1, 28));
    m.birth_date = buf;
    const int age = ageOn(m.birth_date, today);
    m.hukou = rng.chance(56);
    if (m.hukou) {
        static const std::pair<const char*, int> kShares[] = {
            {"dibao", 15}, {"dibao_bianyuan", 10}, {"tekun", 5}, {"sanshu_wulao", 20}, {"jisheng_teshu", 10}};
        for (const auto& [code, perThousand] : kShares)
            if (rng.permille(perThousand)) m.categories.push_back(code);
        std::sort(m.categories.begin(), m.categories.end());
    }
    const int r = rng.range(1, 100);
    if (age >= 80) m.care_level = r <= 5 ? 3 : r <= 13 ? 2 : r <= 28 ? 1 : 0;
    else m.care_level = r <= 1 ? 3 : r <= 3 ? 2 : r <= 9 ? 1 : 0;
    m.living_alone = rng.chance(12);
    if (rng.chance(90)) m.address = address;
    return m;
}

// Who looks after the elder and when they were last seen (the care list,
// issue 9), from the member's number alone so the random draws, and with them
// every other demo figure, stay as they were: most were seen in the last week,
// one in five never; the second known member of each station five days ago.
void addCare(Member& m, const Station& st, int j, const std::string& today) {
    m.home_station_id = st.id;
    if (j == 2) m.last_seen = at(core::addDays(today, -5), "10:00");
    else if (j % 5 != 0) m.last_seen = at(core::addDays(today, -(j % 9) - 1), "10:00");
}

// "户籍, 低保, 中度失能, 有地址" for the known members' list.
std::string profileOf(const Member& m) {
    static const char* kCare[] = {"", "轻度失能", "中度失能", "重度失能"};
    std::string out = m.hukou ? "户籍" : "非户籍";
    for (const auto& c : m.categories) out += "," + c;
    if (m.care_level > 0) out += std::string(",") + kCare[m.care_level];
    if (m.living_alone) out += ",独居";
    if (!m.address.empty()) out += ",有地址";
    return out;
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
        for (std::size_t k = std::min<std::size_t>(kKnownPerStation, ids.size()); k < ids.size(); ++k) {
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
    if (total < nStations * kMinPerStation || total > std::int64_t{nStations} * 999999)
        throw AdminError("--members must be between " + std::to_string(nStations * kMinPerStation) +
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
                Member m = makeMember(rng, com, i + 1, j, static_cast<std::int64_t>(memberIds.size()) + 1,
                                      opt.today);
                addCare(m, st, j, opt.today);
                tx.putMember(m);
                byStation[static_cast<std::size_t>(i)].push_back(static_cast<std::int64_t>(memberIds.size()));
                memberIds.push_back(m.id);
                if (j <= kKnownPerStation)
                    sum.known.push_back({st.id, st.name, m.id, m.card_no, m.phone, m.name,
                                         m.birth_date, profileOf(m), 0});
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
        "# station_id\tmember_id\tcard_no\tphone\tname\tbirth_date\tprofile\ttime_bank_minutes\n";
    for (const auto& k : s.known)
        out += k.station_id + "\t" + k.member_id + "\t" + k.card_no + "\t" + k.phone + "\t" + k.name +
               "\t" + k.birth_date + "\t" + k.profile + "\t" + std::to_string(k.balance_minutes) + "\n";
    if (!s.pending_services.empty()) {
        out += "# Pending services (timebank approve SERVICE_ID):";
        for (const auto& id : s.pending_services) out += " " + id;
        out += "\n";
    }
    return out;
}

}  // namespace district
