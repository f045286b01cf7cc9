// importers.cpp — validation and CSV import of the district's reference data.
//
// Index
//   field checks      validDate, normalizeTime, memberProblem
//   CSV tables        header mapping shared by the importers
//   members           importMembers
//   canteens, menus   addCanteen, addMealSlot, importMenu
//   activities        addActivity, importActivities
//   catalog           addCatalogItem
#include "admin/importers.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "admin/csv.h"
#include "admin/stations.h"
#include "errors.h"
#include "pki/token.h"

namespace district {
namespace {

bool allDigits(const std::string& s) {
    if (s.empty()) return false;
    for (unsigned char c : s)
        if (c < '0' || c > '9') return false;
    return true;
}

bool plainText(const std::string& s, std::size_t maxLen) {
    if (s.size() > maxLen) return false;
    for (unsigned char c : s)
        if (c < 0x20 || c == 0x7f) return false;
    return true;
}

std::optional<bool> parseBool(const std::string& s) {
    if (s == "1" || s == "true" || s == "yes") return true;
    if (s == "0" || s == "false" || s == "no" || s.empty()) return false;
    return std::nullopt;
}

std::optional<std::int64_t> parseCount(const std::string& s) {
    if (!allDigits(s) || s.size() > 9) return std::nullopt;
    return std::stoll(s);
}

// Maps a CSV's columns by header name; every expected column must be there.
class Table {
public:
    Table(const std::vector<CsvRow>& rows, const std::vector<std::string>& expected) : rows_(rows) {
        if (rows.empty()) throw AdminError("the file is empty; the first line must be the header");
        const auto& header = rows.front().fields;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (std::find(expected.begin(), expected.end(), header[i]) == expected.end())
                throw AdminError("line 1: unknown column '" + header[i] + "'");
            col_[header[i]] = i;
        }
        for (const auto& name : expected)
            if (!col_.count(name)) throw AdminError("line 1: missing column '" + name + "'");
    }
    std::size_t size() const { return rows_.size() - 1; }
    int line(std::size_t r) const { return rows_[r + 1].line; }
    std::string get(std::size_t r, const std::string& name) const {
        const auto& f = rows_[r + 1].fields;
        const std::size_t i = col_.at(name);
        if (f.size() != col_.size())
            throw AdminError("line " + std::to_string(line(r)) + ": expected " +
                             std::to_string(col_.size()) + " fields, found " +
                             std::to_string(f.size()));
        return i < f.size() ? f[i] : std::string();
    }

private:
    const std::vector<CsvRow>& rows_;
    std::map<std::string, std::size_t> col_;
};

[[noreturn]] void rowError(int line, const std::string& what) {
    throw AdminError("line " + std::to_string(line) + ": " + what + " (nothing was imported)");
}

// Lowering a capacity below the seats already granted to stations would break
// "quotas never sum above capacity": refused.
std::optional<std::string> capacityProblem(Tx& tx, SeatKind kind, const std::string& id,
                                           std::int64_t capacity) {
    const std::int64_t granted = tx.seatState(kind, id, "").allocated;
    if (capacity >= granted) return std::nullopt;
    return "capacity " + std::to_string(capacity) + " of " + id + " is below the " +
           std::to_string(granted) + " seats already granted to stations";
}

std::optional<std::string> slotProblem(MealSlot& s) {
    if (!validId(s.canteen_id)) return "canteen_id is not a valid id";
    if (!validDate(s.date)) return "date must be YYYY-MM-DD";
    if (s.slot != "lunch" && s.slot != "dinner") return "slot must be lunch or dinner";
    if (s.dishes.empty() || s.dishes.size() > 12) return "give 1 to 12 dishes";
    for (const auto& d : s.dishes)
        if (d.empty() || !plainText(d, 100)) return "a dish name is 1 to 100 bytes of text";
    if (s.price_cents < 0 || s.price_cents > 100000) return "price_cents must be 0 to 100000";
    if (s.capacity < 0 || s.capacity > 100000) return "capacity must be 0 to 100000";
    if (s.cutoff.empty()) s.cutoff = s.slot == "lunch" ? "09:30" : "15:00";
    if (s.cutoff.size() == 5 && s.cutoff[2] == ':') s.cutoff = s.date + " " + s.cutoff;
    auto cutoff = normalizeTime(s.cutoff);
    if (!cutoff) return "cutoff must be HH:MM or a time like 2026-11-23T09:30:00+08:00";
    s.cutoff = *cutoff;
    if (s.id.empty()) {
        std::string compact = s.date;
        compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end());
        s.id = "slot-" + s.canteen_id + "-" + compact + "-" + s.slot;
    }
    if (!validId(s.id)) return "id is not a valid id";
    return std::nullopt;
}

std::optional<std::string> activityProblem(Activity& a) {
    if (!a.station_id.empty() && !validId(a.station_id)) return "station_id is not a valid id";
    if (a.title.empty() || !plainText(a.title, 120)) return "title is 1 to 120 bytes of text";
    if (!plainText(a.category, 60) || !plainText(a.place, 200) || !plainText(a.description, 2000))
        return "category, place or description is too long or has control characters";
    auto starts = normalizeTime(a.starts_at), ends = normalizeTime(a.ends_at);
    if (!starts || !ends) return "starts_at and ends_at must be times like 2026-11-23 09:00";
    if (*ends <= *starts) return "ends_at must be after starts_at";
    a.starts_at = *starts;
    a.ends_at = *ends;
    if (a.capacity < 0 || a.capacity > 100000) return "capacity must be 0 to 100000";
    if (a.id.empty()) a.id = "act-" + sha256Hex(a.station_id + a.title + a.starts_at).substr(0, 12);
    if (!validId(a.id)) return "id is not a valid id";
    return std::nullopt;
}

}  // namespace

bool validDate(const std::string& s) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    try {
        return core::dateLocal(core::parseDate(s)) == s;
    } catch (const std::invalid_argument&) {
        return false;
    }
}

std::optional<std::string> normalizeTime(const std::string& s) {
    std::string t = s;
    if (t.size() >= 16 && t[10] == ' ') t[10] = 'T';
    if (t.size() == 16) t += ":00";
    if (t.size() == 19) t += "+08:00";
    if (t.size() < 20 || !validDate(t.substr(0, 10))) return std::nullopt;
    try {
        return core::isoLocal(core::parseIso(t));
    } catch (const std::invalid_argument&) {
        return std::nullopt;
    }
}

std::optional<std::string> memberProblem(const Member& m, const std::string& today) {
    if (!validId(m.id)) return "id must be 1-64 letters, digits or . _ : -";
    if (!allDigits(m.card_no) || m.card_no.size() < 6 || m.card_no.size() > 20)
        return "card_no must be 6 to 20 digits";
    if (!m.phone.empty() && !(allDigits(m.phone) && m.phone.size() == 11 && m.phone[0] == '1'))
        return "phone must be an 11-digit mobile number starting with 1 (or empty)";
    if (m.name.empty() || !plainText(m.name, 64)) return "name must be 1 to 64 bytes of text";
    if (!validDate(m.birth_date) || m.birth_date < "1900-01-01" || m.birth_date > today)
        return "birth_date must be a date YYYY-MM-DD between 1900-01-01 and today";
    if (m.category != "priority" && m.category != "age70" && m.category != "regular")
        return "category must be priority, age70 or regular";
    return std::nullopt;
}

int importMembers(Storage& storage, const std::string& csvText, core::TimePoint now) {
    const auto rows = parseCsv(csvText);
    const Table t(rows, {"id", "card_no", "phone", "name", "birth_date", "category",
                         "delivery_eligible"});
    const std::string today = core::dateLocal(now);
    std::vector<Member> members;
    std::map<std::string, int> ids, cards;
    for (std::size_t r = 0; r < t.size(); ++r) {
        const int line = t.line(r);
        Member m{t.get(r, "id"),         t.get(r, "card_no"),  t.get(r, "phone"), t.get(r, "name"),
                 t.get(r, "birth_date"), t.get(r, "category"), false};
        const auto delivery = parseBool(t.get(r, "delivery_eligible"));
        if (!delivery) rowError(line, "delivery_eligible must be 0 or 1");
        m.delivery_eligible = *delivery;
        if (auto problem = memberProblem(m, today)) rowError(line, *problem);
        if (auto [it, fresh] = ids.emplace(m.id, line); !fresh)
            rowError(line, "id " + m.id + " is also on line " + std::to_string(it->second));
        if (auto [it, fresh] = cards.emplace(m.card_no, line); !fresh)
            rowError(line, "card_no is also on line " + std::to_string(it->second));
        members.push_back(std::move(m));
    }
    storage.write([&](WriteTx& tx) {
        // Checked against the database in the same transaction as the writes.
        for (std::size_t r = 0; r < members.size(); ++r) {
            auto owner = tx.memberIdByCard(members[r].card_no);
            if (owner && *owner != members[r].id)
                rowError(t.line(r), "card_no already belongs to member " + *owner);
        }
        for (const auto& m : members) tx.putMember(m);
    });
    return static_cast<int>(members.size());
}

void addCanteen(Storage& storage, const Canteen& c) {
    if (!validId(c.id)) throw AdminError("a canteen id is 1-64 letters, digits or . _ : -");
    if (c.name.empty() || !plainText(c.name, 120)) throw AdminError("a canteen name is 1 to 120 bytes");
    if (!plainText(c.address, 200)) throw AdminError("the address is too long");
    storage.write([&](WriteTx& tx) {
        if (!tx.station(c.station_id)) throw AdminError("no station with id " + c.station_id);
        tx.putCanteen(c);
    });
}

MealSlot addMealSlot(Storage& storage, MealSlot s) {
    if (auto problem = slotProblem(s)) throw AdminError(*problem);
    storage.write([&](WriteTx& tx) {
        if (!tx.canteen(s.canteen_id)) throw AdminError("no canteen with id " + s.canteen_id);
        if (auto p = capacityProblem(tx, SeatKind::Meal, s.id, s.capacity)) throw AdminError(*p);
        tx.putSlot(s);
    });
    return s;
}

namespace {
std::vector<std::string> splitDishes(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    while (start <= s.size()) {
        std::size_t bar = s.find('|', start);
        if (bar == std::string::npos) bar = s.size();
        out.push_back(s.substr(start, bar - start));
        start = bar + 1;
    }
    return out;
}
}  // namespace

int importMenu(Storage& storage, const std::string& csvText) {
    const auto rows = parseCsv(csvText);
    const Table t(rows, {"id", "canteen_id", "date", "slot", "dishes", "price_cents", "capacity",
                         "cutoff"});
    std::vector<MealSlot> slots;
    for (std::size_t r = 0; r < t.size(); ++r) {
        const auto price = parseCount(t.get(r, "price_cents"));
        const auto capacity = parseCount(t.get(r, "capacity"));
        if (!price || !capacity) rowError(t.line(r), "price_cents and capacity must be whole numbers");
        MealSlot s{t.get(r, "id"), t.get(r, "canteen_id"), t.get(r, "date"), t.get(r, "slot"),
                   splitDishes(t.get(r, "dishes")), *price, *capacity, t.get(r, "cutoff")};
        if (auto problem = slotProblem(s)) rowError(t.line(r), *problem);
        slots.push_back(std::move(s));
    }
    storage.write([&](WriteTx& tx) {
        for (std::size_t r = 0; r < slots.size(); ++r) {
            if (!tx.canteen(slots[r].canteen_id))
                rowError(t.line(r), "no canteen with id " + slots[r].canteen_id);
            if (auto p = capacityProblem(tx, SeatKind::Meal, slots[r].id, slots[r].capacity))
                rowError(t.line(r), *p);
        }
        for (const auto& s : slots) tx.putSlot(s);
    });
    return static_cast<int>(slots.size());
}

Activity addActivity(Storage& storage, Activity a) {
    if (auto problem = activityProblem(a)) throw AdminError(*problem);
    storage.write([&](WriteTx& tx) {
        if (!a.station_id.empty() && !tx.station(a.station_id))
            throw AdminError("no station with id " + a.station_id);
        if (auto p = capacityProblem(tx, SeatKind::Activity, a.id, a.capacity)) throw AdminError(*p);
        tx.putActivity(a);
    });
    return a;
}

int importActivities(Storage& storage, const std::string& csvText) {
    const auto rows = parseCsv(csvText);
    const Table t(rows, {"id", "station_id", "title", "category", "starts_at", "ends_at", "place",
                         "capacity", "description"});
    std::vector<Activity> acts;
    for (std::size_t r = 0; r < t.size(); ++r) {
        const auto capacity = parseCount(t.get(r, "capacity"));
        if (!capacity) rowError(t.line(r), "capacity must be a whole number");
        Activity a{t.get(r, "id"),      t.get(r, "station_id"), t.get(r, "title"),
                   t.get(r, "category"), t.get(r, "starts_at"),  t.get(r, "ends_at"),
                   t.get(r, "place"),    *capacity,              t.get(r, "description")};
        if (auto problem = activityProblem(a)) rowError(t.line(r), *problem);
        acts.push_back(std::move(a));
    }
    storage.write([&](WriteTx& tx) {
        for (std::size_t r = 0; r < acts.size(); ++r) {
            if (!acts[r].station_id.empty() && !tx.station(acts[r].station_id))
                rowError(t.line(r), "no station with id " + acts[r].station_id);
            if (auto p = capacityProblem(tx, SeatKind::Activity, acts[r].id, acts[r].capacity))
                rowError(t.line(r), *p);
        }
        for (const auto& a : acts) tx.putActivity(a);
    });
    return static_cast<int>(acts.size());
}

void addCatalogItem(Storage& storage, const CatalogItem& c) {
    if (!validId(c.id)) throw AdminError("a catalog id is 1-64 letters, digits or . _ : -");
    if (c.name.empty() || !plainText(c.name, 120)) throw AdminError("a name is 1 to 120 bytes");
    if (c.kind != "service" && c.kind != "goods") throw AdminError("kind must be service or goods");
    if (c.minutes <= 0 || c.minutes > 100000) throw AdminError("minutes must be 1 to 100000");
    storage.write([&](WriteTx& tx) { tx.putCatalogItem(c); });
}

}  // namespace district
