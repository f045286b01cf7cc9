// demo.h — a realistic, deterministic Futian district for trying and testing
// the system: 13 stations with one canteen each, members, a week of menus and
// activities from `today`, the time-bank catalog and some history, quotas.
//
// Known members (documented in server/README.md): in station i (1-based, in
// the order of demo_pools.cpp) member j (1-based) has card 88 ii jjjjjj, e.g.
// 8801000001 for the first member of 长城. The first five of each station,
// one of each kind the meal rules tell apart (config/meal_rules.h):
//   j=1  born 1950-03-15, 户籍: 5 元 a lunch; 180 minutes in the time bank
//   j=2  born 1948-08-08, 户籍, 低保, 中度失能, an address: 15 元, delivery; 0 minutes
//   j=3  born 1962-05-20, 户籍, no category: no subsidy
//   j=4  born 1925-06-01, 户籍, living alone, an address: a centenarian, 15 元, delivery
//   j=5  born 1951-04-10, not 户籍, an address: no subsidy, no delivery
// with phones 138 ii jjjjjj. The others get Futian's shares (demo.cpp).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "storage.h"

namespace district {

struct DemoOptions {
    std::int64_t members = 0;  // district total; 0: 2,000 a station
    std::uint64_t seed = 1;
    std::string today;         // YYYY-MM-DD (Shenzhen)
};

struct DemoMember {
    std::string station_id, station_name, member_id, card_no, phone, name, birth_date;
    std::string profile;  // "户籍,dibao,中度失能,有地址"
    std::int64_t balance_minutes = 0;
};

struct DemoSummary {
    int stations = 0, canteens = 0, slots = 0, activities = 0, catalog_items = 0;
    std::int64_t members = 0, transfers = 0;
    std::vector<std::string> pending_services;
    std::vector<DemoMember> known;
};

// Throws AdminError when the database already has members (demo data goes
// into a fresh data dir) or the options are out of range. One transaction.
DemoSummary generateDemo(Storage& storage, const DemoOptions& opt);

// Card number of member j (1-based) of station i (1-based).
std::string demoCardNo(int station, int member);

// The known members as a text table (DATA_DIR/demo-members.txt).
std::string demoMembersText(const DemoSummary& s);

}  // namespace district
