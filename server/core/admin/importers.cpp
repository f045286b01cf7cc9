// importers.cpp — validation and CSV import of the district's reference data.
//
// Index
//   field checks      validDate, normalizeTime, memberProblem
//   CSV tables        header mapping shared by the importers
//   members           importMembers (old headers too), categories by the district's rules
//   canteens, menus   addCanteen, addMealSlot, importMenu
//   activities        addActivity, importActivities
//   catalog           addCatalogItem
#include "admin/importers.h"

#include <algorithm>
#include <cstdio>
#include <map>
#include <set>

#include "admin/csv.h"
#include "config/station_config.h"
#include "admin/stations.h"
#include "errors.h"
#include "pki/token.h"
#include "rules/meal_policy.h"

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

// Maps a CSV's columns by header name. Problems of the header and of a row's
// field count are collected, not thrown, so a preview lists them all.
class Table {
public:
    // `optional` columns may be left out (get() then gives ""; has() says so).
    Table(const std::vector<CsvRow>& rows, const std::vector<std::string>& expected,
          std::vector<ImportProblem>& problems, const std::vector<std::string>& optional = {})
        : rows_(rows), expected_(expected) {
        if (rows.empty()) {
            problems.push_back({1, "the file is empty; the first line must be the header"});
            return;
        }
        const auto& header = rows.front().fields;
        for (std::size_t i = 0; i < header.size(); ++i) {
            if (std::find(expected.begin(), expected.end(), header[i]) == expected.end() &&
                std::find(optional.begin(), optional.end(), header[i]) == optional.end())
                problems.push_back({1, "unknown column '" + header[i] + "'"});
            else if (col_.count(header[i]))
                problems.push_back({1, "column '" + header[i] + "' is given twice"});
            col_[header[i]] = i;
        }
        for (const auto& name : expected)
            if (!col_.count(name)) problems.push_back({1, "missing column '" + name + "'"});
        ok_ = problems.empty();
    }
    bool ok() const { return ok_; }
    std::size_t size() const { return ok_ ? rows_.size() - 1 : 0; }
    int line(std::size_t r) const { return rows_[r + 1].line; }
    // nullopt (and a problem) when the row has another number of fields.
    bool complete(std::size_t r, std::vector<ImportProblem>& problems) const {
        const auto& f = rows_[r + 1].fields;
        if (f.size() == col_.size()) return true;
        problems.push_back({line(r), "expected " + std::to_string(col_.size()) + " fields, found " +
                                         std::to_string(f.size())});
        return false;
    }
    bool has(const std::string& name) const { return col_.count(name) > 0; }
    std::string get(std::size_t r, const std::string& name) const {
        auto it = col_.find(name);
        return it == col_.end() ? std::string() : rows_[r + 1].fields[it->second];
    }
    // The row's fields in the order of `expected` (for a preview).
    std::vector<std::string> ordered(std::size_t r) const {
        std::vector<std::string> out;
        for (const auto& name : expected_) out.push_back(get(r, name));
        return out;
    }

private:
    const std::vector<CsvRow>& rows_;
    std::vector<std::string> expected_;
    std::map<std::string, std::size_t> col_;
    bool ok_ = false;
};

// Rows that passed their own checks, with their lines, and what failed.
template <typename T>
struct Staged {
    std::vector<std::string> columns;
    std::vector<T> items;
    std::vector<int> lines;
    std::vector<std::vector<std::string>> shown;  // the first kPreviewRows rows as read
    std::size_t rows = 0;
    std::vector<ImportProblem> problems;
};

constexpr std::size_t kPreviewRows = 50;
constexpr std::size_t kProblemsInMessage = 20;

template <typename T>
std::vector<CsvRow> parseInto(const std::string& text, Staged<T>& st) {
    try {
        return parseCsv(text);
    } catch (const AdminError& e) {
        const std::string what = e.what();  // "line N: unterminated quote"
        int line = 0;
        if (what.rfind("line ", 0) == 0) line = std::atoi(what.c_str() + 5);
        st.problems.push_back({line, what.substr(what.find(": ") + 2)});
        return {};
    }
}

template <typename T>
void sortProblems(Staged<T>& st) {
    std::stable_sort(st.problems.begin(), st.problems.end(),
                     [](const ImportProblem& a, const ImportProblem& b) { return a.line < b.line; });
}

template <typename T>
ImportPreview previewOf(const std::string& kind, Staged<T>& st) {
    sortProblems(st);
    return ImportPreview{kind, st.columns, std::move(st.shown), st.rows, st.problems};
}

// All problems in one refusal, the line of each first.
template <typename T>
[[noreturn]] void refuse(Staged<T>& st) {
    sortProblems(st);
    auto lineOf = [](const ImportProblem& p) {
        return (p.line > 0 ? "line " + std::to_string(p.line) + ": " : std::string()) + p.message;
    };
    if (st.problems.size() == 1) throw AdminError(lineOf(st.problems[0]) + " (nothing was imported)");
    std::string msg = std::to_string(st.problems.size()) + " problems, nothing was imported:";
    for (std::size_t i = 0; i < st.problems.size() && i < kProblemsInMessage; ++i)
        msg += "\n  " + lineOf(st.problems[i]);
    if (st.problems.size() > kProblemsInMessage)
        msg += "\n  ... and " + std::to_string(st.problems.size() - kProblemsInMessage) + " more";
    throw AdminError(msg);
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
    // Empty: the canteen's station's configuration decides (configCutoff), in
    // the write transaction that knows the canteen.
    if (!s.cutoff.empty()) {
        if (s.cutoff.size() == 5 && s.cutoff[2] == ':') s.cutoff = s.date + " " + s.cutoff;
        auto cutoff = normalizeTime(s.cutoff);
        if (!cutoff) return "cutoff must be HH:MM or a time like 2026-11-23T09:30:00+08:00";
        s.cutoff = *cutoff;
    }
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
    if (m.care_level < 0 || m.care_level > config::kMaxCareLevel)
        return "care_level must be 0 (none), 1 (轻度), 2 (中度) or 3 (重度失能)";
    if (!plainText(m.address, 200)) return "address must be at most 200 bytes of one line";
    if (!m.home_station_id.empty() && !validId(m.home_station_id))
        return "station_id is not a valid id";
    return std::nullopt;
}

namespace {

// The header of `member import` (server/README.md "Members"). Only the first
// five are required: a file from before 户籍 and categories still imports.
const std::vector<std::string> kMemberColumns = {"id",   "card_no",    "phone",        "name",
                                                 "birth_date", "hukou", "categories", "living_alone",
                                                 "care_level", "address"};
const std::vector<std::string> kMemberRequired = {"id", "card_no", "phone", "name", "birth_date"};
// The old header's two columns: read, checked and not used (the subsidy
// follows 户籍, age and categories now; delivery the district's rules).
const std::vector<std::string> kMemberOptional = {"hukou",   "categories", "living_alone", "care_level",
                                                  "address", "category",   "delivery_eligible",
                                                  "station_id"};  // the station that looks after the elder

// What a row said, before the database fills in what it left out.
struct MemberRow {
    Member m;
    std::string categoriesText;  // as written: codes or Chinese names, ';'-separated
    bool hasHukou = false, hasCategories = false, hasLivingAlone = false, hasCareLevel = false,
         hasAddress = false, hasStation = false;
};

std::string trimmed(const std::string& s) {
    std::size_t a = 0, b = s.size();
    while (a < b && (s[a] == ' ' || s[a] == '\t')) ++a;
    while (b > a && (s[b - 1] == ' ' || s[b - 1] == '\t')) --b;
    return s.substr(a, b - a);
}

Staged<MemberRow> stageMembers(const std::string& csvText, core::TimePoint now) {
    Staged<MemberRow> st;
    st.columns = kMemberColumns;
    const auto rows = parseInto(csvText, st);
    if (!st.problems.empty()) return st;
    const Table t(rows, kMemberRequired, st.problems, kMemberOptional);
    const std::string today = core::dateLocal(now);
    std::map<std::string, int> ids, cards;
    st.rows = t.size();
    for (std::size_t r = 0; r < t.size(); ++r) {
        const int line = t.line(r);
        if (!t.complete(r, st.problems)) continue;
        if (st.shown.size() < kPreviewRows) {
            std::vector<std::string> shown;
            for (const auto& c : kMemberColumns) shown.push_back(t.get(r, c));
            st.shown.push_back(std::move(shown));
        }
        MemberRow row;
        Member& m = row.m;
        m.id = t.get(r, "id");
        m.card_no = t.get(r, "card_no");
        m.phone = t.get(r, "phone");
        m.name = t.get(r, "name");
        m.birth_date = t.get(r, "birth_date");
        std::vector<std::string> bad;
        auto flag = [&](const char* column, bool& present, bool& value) {
            present = t.has(column);
            if (!present) return;
            const auto b = parseBool(t.get(r, column));
            if (!b) bad.push_back(std::string(column) + " must be 0 or 1");
            else value = *b;
        };
        flag("hukou", row.hasHukou, m.hukou);
        flag("living_alone", row.hasLivingAlone, m.living_alone);
        row.hasCareLevel = t.has("care_level");
        if (row.hasCareLevel) {
            const std::string v = t.get(r, "care_level");
            if (v.empty()) m.care_level = 0;
            else if (v.size() == 1 && v[0] >= '0' && v[0] <= '3') m.care_level = v[0] - '0';
            else bad.push_back("care_level must be 0 (none), 1 (轻度), 2 (中度) or 3 (重度失能)");
        }
        row.hasAddress = t.has("address");
        m.address = trimmed(t.get(r, "address"));
        row.hasCategories = t.has("categories");
        row.categoriesText = t.get(r, "categories");
        row.hasStation = t.has("station_id");
        m.home_station_id = t.get(r, "station_id");
        if (t.has("category")) {
            const std::string c = t.get(r, "category");
            if (c != "priority" && c != "age70" && c != "regular")
                bad.push_back("category (the old column) must be priority, age70 or regular");
        }
        if (t.has("delivery_eligible") && !parseBool(t.get(r, "delivery_eligible")))
            bad.push_back("delivery_eligible (the old column) must be 0 or 1");
        if (!bad.empty()) {
            st.problems.push_back({line, bad.front()});
            continue;
        }
        if (auto problem = memberProblem(m, today)) {
            st.problems.push_back({line, *problem});
            continue;
        }
        if (auto [it, fresh] = ids.emplace(m.id, line); !fresh)
            st.problems.push_back({line, "id " + m.id + " is also on line " + std::to_string(it->second)});
        else if (auto [it2, fresh2] = cards.emplace(m.card_no, line); !fresh2)
            st.problems.push_back({line, "card_no is also on line " + std::to_string(it2->second)});
        st.items.push_back(std::move(row));
        st.lines.push_back(line);
    }
    return st;
}

// Checked against the database in the same transaction as the writes: the
// card's owner, the district's categories, and what a column left out keeps
// (the member's stored value; for a new member the documented default:
// 户籍 yes, no categories, no care level, not alone, no address).
void checkMembers(Tx& tx, Staged<MemberRow>& st) {
    const auto policy = districtMealPolicy(tx);
    const auto& rules = policy->subsidy;
    std::string known;
    for (const auto& c : rules.categories) known += (known.empty() ? "" : ", ") + c.code + " (" + c.label.zh + ")";
    for (std::size_t r = 0; r < st.items.size(); ++r) {
        MemberRow& row = st.items[r];
        Member& m = row.m;
        auto owner = tx.memberIdByCard(m.card_no);
        if (owner && *owner != m.id)
            st.problems.push_back({st.lines[r], "card_no already belongs to member " + *owner});
        else if (tx.blockedCard(m.card_no))
            st.problems.push_back({st.lines[r], "card_no was reported lost and is blocked"});
        if (!m.home_station_id.empty() && !tx.station(m.home_station_id))
            st.problems.push_back({st.lines[r], "no station with id " + m.home_station_id});
        const auto stored = tx.member(m.id);
        // What the stations reported and the enrolment's state stay (issue 9).
        if (stored) {
            m.status = stored->status;
            m.last_seen = stored->last_seen;
            m.last_visit = stored->last_visit;
        }
        if (!row.hasStation) m.home_station_id = stored ? stored->home_station_id : "";
        if (!row.hasHukou) m.hukou = stored ? stored->hukou : true;
        if (!row.hasLivingAlone) m.living_alone = stored && stored->living_alone;
        if (!row.hasCareLevel) m.care_level = stored ? stored->care_level : 0;
        if (!row.hasAddress) m.address = stored ? stored->address : "";
        if (!row.hasCategories) {
            m.categories = stored ? stored->categories : std::vector<std::string>{};
            continue;
        }
        m.categories.clear();
        std::size_t start = 0;
        const std::string& text = row.categoriesText;
        while (start <= text.size()) {
            std::size_t end = text.find(';', start);
            if (end == std::string::npos) end = text.size();
            const std::string item = trimmed(text.substr(start, end - start));
            start = end + 1;
            if (item.empty()) continue;
            const config::MemberCategory* cat = rules.category(item);
            for (const auto& c : rules.categories)
                if (!cat && c.label.zh == item) cat = &c;  // 低保 as well as dibao
            if (!cat) {
                st.problems.push_back({st.lines[r], "categories: '" + item + "' is not a category of the district (" +
                                                        known + ")"});
                break;
            }
            if (std::find(m.categories.begin(), m.categories.end(), cat->code) == m.categories.end())
                m.categories.push_back(cat->code);
        }
        std::sort(m.categories.begin(), m.categories.end());
    }
}

}  // namespace

ImportPreview previewMembers(Storage& storage, const std::string& csvText, core::TimePoint now) {
    auto st = stageMembers(csvText, now);
    storage.read([&](Tx& tx) { checkMembers(tx, st); });
    return previewOf("members", st);
}

int importMembers(Storage& storage, const std::string& csvText, core::TimePoint now) {
    auto st = stageMembers(csvText, now);
    if (!st.problems.empty()) refuse(st);
    storage.write([&](WriteTx& tx) {
        checkMembers(tx, st);
        if (!st.problems.empty()) refuse(st);
        for (const auto& row : st.items) tx.putMember(row.m);
    });
    return static_cast<int>(st.items.size());
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

namespace {
std::string configCutoff(Tx& tx, const MealSlot& s) {
    const auto canteen = tx.canteen(s.canteen_id);
    const std::string station = canteen ? canteen->station_id : "";
    // What the station runs: the newest document for the district or for it.
    config::StationConfig cfg = config::builtinDefaults();
    const auto docs = tx.configDocs();
    for (auto it = docs.rbegin(); it != docs.rend(); ++it) {
        if (it->scope != "district" && it->scope != station) continue;
        try {
            cfg = config::parseConfig(nlohmann::json::parse(it->envelope_json).at("document"));
        } catch (const std::exception&) {
            // A pushed document was checked before it was signed; never here.
        }
        break;
    }
    const auto& times = s.slot == "lunch" ? cfg.canteen.lunch : cfg.canteen.dinner;
    return s.date + "T" + config::formatHhmm(times.bookingCutoffMinute) + ":00+08:00";
}
}  // namespace

MealSlot addMealSlot(Storage& storage, MealSlot s) {
    if (auto problem = slotProblem(s)) throw AdminError(*problem);
    storage.write([&](WriteTx& tx) {
        if (!tx.canteen(s.canteen_id)) throw AdminError("no canteen with id " + s.canteen_id);
        if (s.cutoff.empty()) s.cutoff = configCutoff(tx, s);
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

namespace {

const std::vector<std::string> kMenuColumns = {"id", "canteen_id", "date", "slot", "dishes",
                                               "price_cents", "capacity", "cutoff"};

Staged<MealSlot> stageMenu(const std::string& csvText) {
    Staged<MealSlot> st;
    st.columns = kMenuColumns;
    const auto rows = parseInto(csvText, st);
    if (!st.problems.empty()) return st;
    const Table t(rows, kMenuColumns, st.problems);
    std::map<std::string, int> ids;
    st.rows = t.size();
    for (std::size_t r = 0; r < t.size(); ++r) {
        const int line = t.line(r);
        if (!t.complete(r, st.problems)) continue;
        if (st.shown.size() < kPreviewRows) st.shown.push_back(t.ordered(r));
        const auto price = parseCount(t.get(r, "price_cents"));
        const auto capacity = parseCount(t.get(r, "capacity"));
        if (!price || !capacity) {
            st.problems.push_back({line, "price_cents and capacity must be whole numbers"});
            continue;
        }
        MealSlot s{t.get(r, "id"), t.get(r, "canteen_id"), t.get(r, "date"), t.get(r, "slot"),
                   splitDishes(t.get(r, "dishes")), *price, *capacity, t.get(r, "cutoff")};
        if (auto problem = slotProblem(s)) {
            st.problems.push_back({line, *problem});
            continue;
        }
        if (auto [it, fresh] = ids.emplace(s.id, line); !fresh)
            st.problems.push_back({line, "slot " + s.id + " is also on line " + std::to_string(it->second)});
        st.items.push_back(std::move(s));
        st.lines.push_back(line);
    }
    return st;
}

void checkMenu(Tx& tx, Staged<MealSlot>& st) {
    for (std::size_t r = 0; r < st.items.size(); ++r) {
        if (!tx.canteen(st.items[r].canteen_id))
            st.problems.push_back({st.lines[r], "no canteen with id " + st.items[r].canteen_id});
        else if (auto p = capacityProblem(tx, SeatKind::Meal, st.items[r].id, st.items[r].capacity))
            st.problems.push_back({st.lines[r], *p});
    }
}

}  // namespace

ImportPreview previewMenu(Storage& storage, const std::string& csvText) {
    auto st = stageMenu(csvText);
    storage.read([&](Tx& tx) { checkMenu(tx, st); });
    return previewOf("menu", st);
}

int importMenu(Storage& storage, const std::string& csvText) {
    auto st = stageMenu(csvText);
    if (!st.problems.empty()) refuse(st);
    storage.write([&](WriteTx& tx) {
        checkMenu(tx, st);
        if (!st.problems.empty()) refuse(st);
        for (auto& s : st.items) {
            if (s.cutoff.empty()) s.cutoff = configCutoff(tx, s);
            tx.putSlot(s);
        }
    });
    return static_cast<int>(st.items.size());
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

namespace {

const std::vector<std::string> kActivityColumns = {"id",        "station_id", "title",
                                                   "category",  "starts_at",  "ends_at",
                                                   "place",     "capacity",   "description"};

Staged<Activity> stageActivities(const std::string& csvText) {
    Staged<Activity> st;
    st.columns = kActivityColumns;
    const auto rows = parseInto(csvText, st);
    if (!st.problems.empty()) return st;
    const Table t(rows, kActivityColumns, st.problems);
    std::map<std::string, int> ids;
    st.rows = t.size();
    for (std::size_t r = 0; r < t.size(); ++r) {
        const int line = t.line(r);
        if (!t.complete(r, st.problems)) continue;
        if (st.shown.size() < kPreviewRows) st.shown.push_back(t.ordered(r));
        const auto capacity = parseCount(t.get(r, "capacity"));
        if (!capacity) {
            st.problems.push_back({line, "capacity must be a whole number"});
            continue;
        }
        Activity a{t.get(r, "id"),      t.get(r, "station_id"), t.get(r, "title"),
                   t.get(r, "category"), t.get(r, "starts_at"),  t.get(r, "ends_at"),
                   t.get(r, "place"),    *capacity,              t.get(r, "description")};
        if (auto problem = activityProblem(a)) {
            st.problems.push_back({line, *problem});
            continue;
        }
        if (auto [it, fresh] = ids.emplace(a.id, line); !fresh)
            st.problems.push_back({line, "activity " + a.id + " is also on line " + std::to_string(it->second)});
        st.items.push_back(std::move(a));
        st.lines.push_back(line);
    }
    return st;
}

void checkActivities(Tx& tx, Staged<Activity>& st) {
    for (std::size_t r = 0; r < st.items.size(); ++r) {
        const Activity& a = st.items[r];
        if (!a.station_id.empty() && !tx.station(a.station_id))
            st.problems.push_back({st.lines[r], "no station with id " + a.station_id});
        else if (auto p = capacityProblem(tx, SeatKind::Activity, a.id, a.capacity))
            st.problems.push_back({st.lines[r], *p});
    }
}

}  // namespace

ImportPreview previewActivities(Storage& storage, const std::string& csvText) {
    auto st = stageActivities(csvText);
    storage.read([&](Tx& tx) { checkActivities(tx, st); });
    return previewOf("activities", st);
}

int importActivities(Storage& storage, const std::string& csvText) {
    auto st = stageActivities(csvText);
    if (!st.problems.empty()) refuse(st);
    storage.write([&](WriteTx& tx) {
        checkActivities(tx, st);
        if (!st.problems.empty()) refuse(st);
        for (const auto& a : st.items) tx.putActivity(a);
    });
    return static_cast<int>(st.items.size());
}

void addCatalogItem(Storage& storage, const CatalogItem& c) {
    if (!validId(c.id)) throw AdminError("a catalog id is 1-64 letters, digits or . _ : -");
    if (c.name.empty() || !plainText(c.name, 120)) throw AdminError("a name is 1 to 120 bytes");
    if (c.kind != "service" && c.kind != "goods") throw AdminError("kind must be service or goods");
    if (c.minutes <= 0 || c.minutes > 100000) throw AdminError("minutes must be 1 to 100000");
    storage.write([&](WriteTx& tx) { tx.putCatalogItem(c); });
}

}  // namespace district
