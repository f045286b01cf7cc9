#include "admin/station_day.h"

#include "rows.h"

#include "admin/csv.h"
#include "errors.h"

namespace district {
namespace {

Member setStatus(Storage& storage, const std::string& memberId, const char* status) {
    Member m;
    storage.write([&](WriteTx& tx) {
        auto found = tx.member(memberId);
        if (!found) throw AdminError("no member " + memberId);
        if (found->status != "pending")
            throw AdminError("member " + memberId + " is " + found->status + ", not pending");
        m = *found;
        m.status = status;
        tx.putMember(m);
    });
    return m;
}

// Whole days from an ISO time to now; -1 for "".
long daysSince(const std::string& iso, core::TimePoint now) {
    if (iso.empty()) return -1;
    return static_cast<long>(std::chrono::duration_cast<std::chrono::hours>(now - core::parseIso(iso)).count() / 24);
}

}  // namespace

Member approveMember(Storage& storage, const std::string& memberId) {
    return setStatus(storage, memberId, "active");
}

Member rejectMember(Storage& storage, const std::string& memberId) {
    return setStatus(storage, memberId, "rejected");
}

void ackAlert(Storage& storage, const std::string& alertId, const std::string& by,
              core::TimePoint now) {
    storage.write([&](WriteTx& tx) {
        if (!tx.helpCall(alertId)) throw AdminError("no alert " + alertId);
        if (!tx.ackHelpCall(alertId, by, core::isoLocal(now)))
            throw AdminError("alert " + alertId + " was acknowledged already");
    });
}

const char* alertKindWords(const std::string& kind) {
    if (kind == "urgent") return "紧急";
    if (kind == "blocked_card") return "挂失卡";
    if (kind == "pin_failures") return "PIN 多次错误";
    return "求助";
}

std::vector<CareRow> careList(Storage& storage, int days, core::TimePoint now, int limit) {
    if (days < 1 || days > 365) throw AdminError("--days must be 1 to 365");
    std::vector<CareRow> rows;
    const std::string before = core::isoLocal(now - std::chrono::hours(24) * days);
    storage.read([&](Tx& tx) { rows = tx.careList(before, limit); });
    return rows;
}

std::string careReportCsv(Storage& storage, int days, core::TimePoint now) {
    std::string out = csvLine({"member_id", "name", "phone", "address", "home_station_id", "home_station",
                               "living_alone", "care_level", "categories", "last_seen", "last_visit",
                               "days_unseen", "last_attempt_at", "last_attempt_outcome",
                               "last_attempt_note"});
    for (const auto& r : careList(storage, days, now, 1000000)) {
        const long unseen = daysSince(r.last_contact, now);
        const Member& m = r.member;
        out += csvLine({m.id, m.name, m.phone, m.address, m.home_station_id, r.home_station_name,
                        m.living_alone ? "1" : "0", std::to_string(m.care_level), joinCategories(m.categories),
                        m.last_seen, m.last_visit, unseen < 0 ? "" : std::to_string(unseen),
                        r.last_attempt_at, r.last_attempt_outcome, r.last_attempt_note});
    }
    return out;
}

}  // namespace district
