// demo_pools.h — the raw material of the Futian demo district: communities,
// names, dishes, activities and the time-bank catalog.
#pragma once

#include <vector>

namespace district::demo {

struct Community {
    const char* name;     // 长城
    const char* slug;     // changcheng (ids: st-changcheng, ct-changcheng)
    const char* address;  // street address of the station
};

struct ActivityKind {
    const char* title;
    const char* category;
    const char* description;
    int minutes;
    int capacity_lo, capacity_hi;
};

struct CatalogDef {
    const char* id;
    const char* name;
    const char* kind;  // service / goods
    int minutes;
};

extern const std::vector<Community> kCommunities;
extern const std::vector<const char*> kSurnames;
extern const std::vector<const char*> kMaleGiven;
extern const std::vector<const char*> kFemaleGiven;
extern const std::vector<const char*> kPhonePrefixes;
extern const std::vector<const char*> kMeatDishes;
extern const std::vector<const char*> kLightDishes;
extern const std::vector<const char*> kVegDishes;
extern const std::vector<const char*> kSoups;
extern const std::vector<ActivityKind> kActivityKinds;
extern const std::vector<const char*> kActivityTimes;  // "09:00", ...
extern const std::vector<CatalogDef> kCatalog;

}  // namespace district::demo
