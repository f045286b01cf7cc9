// demo.h — a realistic, deterministic Futian district for trying and testing
// the system: 13 stations with one canteen each, members, a week of menus and
// activities from `today`, the time-bank catalog and some history, quotas.
//
// Known members (documented in server/README.md): in station i (1-based, in
// the order of demo_pools.cpp) member j (1-based) has card 88 ii jjjjjj, e.g.
// 8801000001 for the first member of 长城. The first three of each station:
//   j=1  born 1950-03-15, age70,    180 minutes in the time bank
//   j=2  born 1948-08-08, priority, delivery eligible, 0 minutes
//   j=3  born 1962-05-20, regular
// with phones 138 ii jjjjjj.
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
    std::string station_id, station_name, member_id, card_no, phone, name, birth_date, category;
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
