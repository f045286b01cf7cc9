// importers.h — admin data entry: members, canteens, menus, activities and the
// time-bank catalog, one at a time or from CSV. Every row is validated before
// anything is written; any bad row aborts the whole import with every problem
// and its line number, and nothing changes (one transaction). A preview runs
// the same checks, database ones included, and writes nothing (the console
// shows it before the admin confirms). Times are normalized to +08:00 so the
// rules can compare them as strings.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "core/clock.h"
#include "storage.h"

namespace district {

struct ImportProblem {
    int line = 0;  // 1-based line of the file (1: the header); 0: the whole file
    std::string message;
};

struct ImportPreview {
    std::string kind;                               // members / menu / activities
    std::vector<std::string> columns;               // the expected header
    std::vector<std::vector<std::string>> rows;     // the first 50 rows as read, in column order
    std::size_t row_count = 0;                      // data rows in the file
    std::vector<ImportProblem> problems;            // all of them, by line; empty: it would import
};

// CSV header: id,card_no,phone,name,birth_date,hukou,categories,living_alone,care_level,address
// (server/README.md "Members"). The last five may be left out: an existing
// member keeps what the district has, a new one gets 户籍 yes, no categories,
// care level 0, not living alone, no address. The old columns category and
// delivery_eligible are accepted and not used. categories: codes or Chinese
// names of the district's member categories, separated by ';'.
// An optional station_id column says which station looks after the elder (the
// care list's home station, issue 9); left out, a member keeps the stored one.
int importMembers(Storage& storage, const std::string& csvText, core::TimePoint now);
ImportPreview previewMembers(Storage& storage, const std::string& csvText, core::TimePoint now);

void addCanteen(Storage& storage, const Canteen& c);

// `cutoff` may be HH:MM (on the slot's date) or a full time; empty: the
// booking_cutoff of the slot in the configuration the canteen's station runs
// (the newest pushed for the district or for it; config/defaults.json before
// any push). An empty id becomes slot-<canteen>-<YYYYMMDD>-<slot>.
MealSlot addMealSlot(Storage& storage, MealSlot s);
// CSV header: id,canteen_id,date,slot,dishes,price_cents,capacity,cutoff
// (dishes separated by |; an empty cutoff as for addMealSlot)
int importMenu(Storage& storage, const std::string& csvText);
ImportPreview previewMenu(Storage& storage, const std::string& csvText);

// starts_at / ends_at: ISO-8601, or "YYYY-MM-DD HH:MM" in Shenzhen time.
Activity addActivity(Storage& storage, Activity a);
// CSV header: id,station_id,title,category,starts_at,ends_at,place,capacity,description
int importActivities(Storage& storage, const std::string& csvText);
ImportPreview previewActivities(Storage& storage, const std::string& csvText);

void addCatalogItem(Storage& storage, const CatalogItem& c);

// Shared checks (nullopt when fine, else the problem in plain words).
std::optional<std::string> memberProblem(const Member& m, const std::string& today);
bool validDate(const std::string& s);
// "YYYY-MM-DD HH:MM[:SS]", "YYYY-MM-DDTHH:MM[:SS]" (Shenzhen time) or ISO with
// offset, as isoLocal; nullopt when it is none of these.
std::optional<std::string> normalizeTime(const std::string& s);

}  // namespace district
