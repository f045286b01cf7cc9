// sqlite_read.cpp — the read half of SqliteTx (lookups, seats, change pages, reports).
#include <algorithm>

#include "sqlite/sqlite_tx.h"

namespace district {
namespace {

using nlohmann::json;

Station stationRow(store::Statement& s) {
    return Station{s.getText(0), s.getText(1), s.getText(2), s.getInt(3)};
}

Signup signupRow(store::Statement& s) {
    return Signup{s.getText(0), s.getText(1), s.getText(2), s.getText(3), s.getText(4),
                  s.getText(5)};
}

Service serviceRow(store::Statement& s) {
    return Service{s.getText(0), s.getText(1), s.getText(2), s.getText(3), s.getInt(4),
                   s.getText(5), s.getText(6), s.getText(7), s.getText(8)};
}

constexpr const char* kStationCols = "SELECT id, name, community, last_applied_seq FROM stations";
constexpr const char* kSignupCols =
    "SELECT id, member_id, activity_id, station_id, status, created_at FROM signups";
constexpr const char* kServiceCols =
    "SELECT id, volunteer_id, recipient_id, item_id, minutes, status, station_id, created_at, "
    "transfer_id FROM services";

std::string cat(const char* a, const char* b) { return std::string(a) + " " + b; }

const std::string kMemberSelect = std::string("SELECT ") + kMemberColumns + " FROM members ";
const std::string kBookingSelect = std::string("SELECT ") + kBookingColumns + " FROM bookings ";

}  // namespace

std::optional<Station> SqliteTx::stationByTokenHash(const std::string& h) {
    auto s = q(cat(kStationCols, "WHERE token_sha256 = ?"));
    s->bind(1, h);
    if (!s->step()) return std::nullopt;
    return stationRow(*s);
}

std::optional<Station> SqliteTx::station(const std::string& id) {
    auto s = q(cat(kStationCols, "WHERE id = ?"));
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return stationRow(*s);
}

std::optional<Station> SqliteTx::stationByName(const std::string& name) {
    auto s = q(cat(kStationCols, "WHERE name = ?"));
    s->bind(1, name);
    if (!s->step()) return std::nullopt;
    return stationRow(*s);
}

std::vector<StationOverview> SqliteTx::stationOverview() {
    auto s = q("SELECT s.id, s.name, s.community, s.last_applied_seq, coalesce(st.status, ''), "
               "coalesce(st.received_at, ''), "
               "(SELECT count(*) FROM help_calls h WHERE h.station_id = s.id), "
               "(SELECT count(*) FROM help_calls h WHERE h.station_id = s.id AND NOT EXISTS "
               "(SELECT 1 FROM help_call_acks a WHERE a.help_call_id = h.id)), "
               "s.token_sha256 IS NOT NULL, s.bundle_keyset_version "
               "FROM stations s LEFT JOIN station_status st ON st.station_id = s.id ORDER BY s.id");
    std::vector<StationOverview> out;
    while (s->step())
        out.push_back({stationRow(*s), s->getText(4), s->getText(5), s->getInt(6), s->getInt(7), s->getInt(8) != 0,
                       s->getInt(9)});
    return out;
}

std::optional<Member> SqliteTx::member(const std::string& id) {
    auto s = q(std::string(kMemberSelect) + "WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return memberRow(*s);
}

std::vector<Member> SqliteTx::membersByStatus(const std::string& status, int limit) {
    auto s = q(std::string(kMemberSelect) + "WHERE status = ? ORDER BY rowid LIMIT ?");
    s->bindAll(status, limit);
    std::vector<Member> out;
    while (s->step()) out.push_back(memberRow(*s));
    return out;
}

std::optional<BlockedCard> SqliteTx::blockedCard(const std::string& cardNo) {
    auto s = q("SELECT card_no, member_id, blocked_at, station_id FROM blocked_cards "
               "WHERE card_no = ?");
    s->bind(1, cardNo);
    if (!s->step()) return std::nullopt;
    return BlockedCard{s->getText(0), s->getText(1), s->getText(2), s->getText(3)};
}

std::optional<std::string> SqliteTx::memberIdByCard(const std::string& cardNo) {
    auto s = q("SELECT id FROM members WHERE card_no = ?");
    s->bind(1, cardNo);
    if (!s->step()) return std::nullopt;
    return s->getText(0);
}

std::int64_t SqliteTx::memberCount() {
    auto s = q("SELECT count(*) FROM members");
    s->step();
    return s->getInt(0);
}

std::optional<Canteen> SqliteTx::canteen(const std::string& id) {
    auto s = q("SELECT id, name, station_id, address FROM canteens WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return Canteen{s->getText(0), s->getText(1), s->getText(2), s->getText(3)};
}

std::optional<MealSlot> SqliteTx::slot(const std::string& id) {
    auto s = q("SELECT id, canteen_id, date, slot, dishes, price_cents, capacity, cutoff "
               "FROM meal_slots WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return MealSlot{s->getText(0), s->getText(1), s->getText(2),
                    s->getText(3), json::parse(s->getText(4)).get<std::vector<std::string>>(),
                    s->getInt(5),  s->getInt(6),  s->getText(7)};
}

std::optional<Activity> SqliteTx::activity(const std::string& id) {
    auto s = q("SELECT id, station_id, title, category, starts_at, ends_at, place, capacity, "
               "description FROM activities WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return Activity{s->getText(0), s->getText(1), s->getText(2), s->getText(3), s->getText(4),
                    s->getText(5), s->getText(6), s->getInt(7),  s->getText(8)};
}

std::optional<CatalogItem> SqliteTx::catalogItem(const std::string& id) {
    auto s = q("SELECT id, name, kind, minutes FROM catalog_items WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return CatalogItem{s->getText(0), s->getText(1), s->getText(2), s->getInt(3)};
}

SubsidyRules SqliteTx::subsidyRules() {
    auto s = q("SELECT sections FROM meal_rules WHERE id = 'district'");
    if (!s->step()) return SubsidyRules{};
    return SubsidyRules{s->getText(0)};
}

std::int64_t SqliteTx::maxConfigVersion() {
    auto s = q("SELECT coalesce(max(version), 0) FROM config_docs");
    s->step();
    return s->getInt(0);
}

std::optional<KeySetDoc> SqliteTx::keySet() {
    auto s = q("SELECT version, envelope, published_at FROM keysets ORDER BY version DESC LIMIT 1");
    if (!s->step()) return std::nullopt;
    return KeySetDoc{s->getInt(0), s->getText(1), s->getText(2)};
}

std::vector<ConfigDoc> SqliteTx::configDocs() {
    auto s = q("SELECT version, scope, envelope, pushed_at FROM config_docs ORDER BY version");
    std::vector<ConfigDoc> out;
    while (s->step()) out.push_back({s->getInt(0), s->getText(1), s->getText(2), s->getText(3)});
    return out;
}

std::optional<Booking> SqliteTx::booking(const std::string& id) {
    auto s = q(std::string(kBookingSelect) + "WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return bookingRow(*s, 0);
}

std::optional<Booking> SqliteTx::activeBooking(const std::string& memberId,
                                             const std::string& slotId) {
    auto s = q("SELECT id FROM bookings WHERE member_id = ? AND slot_id = ? "
               "AND status <> 'cancelled'");
    s->bindAll(memberId, slotId);
    if (!s->step()) return std::nullopt;
    const std::string id = s->getText(0);
    return booking(id);
}

std::int64_t SqliteTx::subsidisedMeals(const std::string& memberId, const std::string& from,
                                       const std::string& to) {
    auto s = q("SELECT count(*) FROM bookings WHERE member_id = ? AND date BETWEEN ? AND ? "
               "AND subsidy_cents > 0 AND status IN ('booked','picked_up')");
    s->bindAll(memberId, from, to);
    s->step();
    return s->getInt(0);
}

std::optional<Signup> SqliteTx::signup(const std::string& id) {
    auto s = q(cat(kSignupCols, "WHERE id = ?"));
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return signupRow(*s);
}

std::optional<Signup> SqliteTx::activeSignup(const std::string& memberId,
                                             const std::string& activityId) {
    auto s = q(cat(kSignupCols,
                   "WHERE member_id = ? AND activity_id = ? AND status <> 'cancelled' LIMIT 1"));
    s->bindAll(memberId, activityId);
    if (!s->step()) return std::nullopt;
    return signupRow(*s);
}

std::vector<Signup> SqliteTx::waitlist(const std::string& activityId) {
    auto s = q(cat(kSignupCols, "WHERE activity_id = ? AND status = 'waitlisted' ORDER BY n"));
    s->bind(1, activityId);
    std::vector<Signup> out;
    while (s->step()) out.push_back(signupRow(*s));
    return out;
}

bool SqliteTx::checkedIn(const std::string& memberId, const std::string& stationId,
                         const std::string& day) {
    auto s = q("SELECT 1 FROM checkins WHERE member_id = ? AND station_id = ? AND day = ?");
    s->bindAll(memberId, stationId, day);
    return s->step();
}

bool SqliteTx::attended(const std::string& memberId, const std::string& activityId) {
    auto s = q("SELECT undo FROM attendances WHERE member_id = ? AND activity_id = ? "
               "ORDER BY n DESC LIMIT 1");
    s->bindAll(memberId, activityId);
    return s->step() && s->getInt(0) == 0;
}

std::optional<Redemption> SqliteTx::redemption(const std::string& id) {
    auto s = q("SELECT id, member_id, item_id, minutes, status, voucher, station_id, created_at "
               "FROM redemptions WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return Redemption{s->getText(0), s->getText(1), s->getText(2), s->getInt(3),
                      s->getText(4), s->getText(5), s->getText(6), s->getText(7)};
}

std::optional<Service> SqliteTx::service(const std::string& id) {
    auto s = q(cat(kServiceCols, "WHERE id = ?"));
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return serviceRow(*s);
}

std::vector<Service> SqliteTx::pendingServices() {
    auto s = q(cat(kServiceCols, "WHERE status = 'pending' ORDER BY created_at, id"));
    std::vector<Service> out;
    while (s->step()) out.push_back(serviceRow(*s));
    return out;
}

std::optional<Account> SqliteTx::account(const std::string& id) {
    auto s = q("SELECT id, is_member, minutes, floor_minutes FROM accounts WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return Account{s->getText(0), s->getInt(1) != 0, s->getInt(2), s->getOptInt(3)};
}

std::optional<Transfer> SqliteTx::transfer(const std::string& id) {
    auto s = q("SELECT id, from_account, to_account, minutes, at, kind, what, ref "
               "FROM transfers WHERE id = ?");
    s->bind(1, id);
    if (!s->step()) return std::nullopt;
    return Transfer{s->getText(0), s->getText(1), s->getText(2), s->getInt(3),
                    s->getText(4), s->getText(5), s->getText(6), s->getText(7)};
}

std::optional<std::string> SqliteTx::reversalOf(const std::string& transferId) {
    auto s = q("SELECT id FROM transfers WHERE ref = ? AND kind = 'reversal'");
    s->bind(1, transferId);
    if (!s->step()) return std::nullopt;
    return s->getText(0);
}

SeatState SqliteTx::seatState(SeatKind kind, const std::string& targetId,
                              const std::string& stationId) {
    const bool meal = kind == SeatKind::Meal;
    auto s = q(meal ? "SELECT capacity, "
                      "(SELECT coalesce(sum(seats),0) FROM quotas WHERE kind='meal' AND target_id=?1), "
                      "(SELECT coalesce(sum(seats),0) FROM quotas WHERE kind='meal' AND target_id=?1 "
                      "  AND station_id=?2), "
                      "(SELECT count(*) FROM bookings WHERE slot_id=?1 AND station_id=?2 "
                      "  AND status IN ('booked','picked_up')) "
                      "FROM meal_slots WHERE id = ?1"
                    : "SELECT capacity, "
                      "(SELECT coalesce(sum(seats),0) FROM quotas WHERE kind='activity' AND target_id=?1), "
                      "(SELECT coalesce(sum(seats),0) FROM quotas WHERE kind='activity' AND target_id=?1 "
                      "  AND station_id=?2), "
                      "(SELECT count(*) FROM signups WHERE activity_id=?1 AND station_id=?2 "
                      "  AND status IN ('signed_up','attended')) "
                      "FROM activities WHERE id = ?1");
    s->bindAll(targetId, stationId);
    SeatState st{kind, targetId, 0, 0, 0, 0};
    if (s->step()) {
        st.capacity = s->getInt(0);
        st.allocated = s->getInt(1);
        st.station_quota = s->getInt(2);
        st.station_held = s->getInt(3);
    }
    return st;
}

std::vector<SeatState> SqliteTx::upcomingSeats(const std::string& stationId,
                                               const std::string& nowIso) {
    std::vector<SeatState> out;
    {
        auto s = q("SELECT m.id, m.capacity, "
                   "(SELECT coalesce(sum(seats),0) FROM quotas WHERE kind='meal' AND target_id=m.id), "
                   "(SELECT coalesce(sum(seats),0) FROM quotas WHERE kind='meal' AND target_id=m.id "
                   "  AND station_id=?1), "
                   "(SELECT count(*) FROM bookings WHERE slot_id=m.id AND station_id=?1 "
                   "  AND status IN ('booked','picked_up')) "
                   "FROM canteens c JOIN meal_slots m ON m.canteen_id = c.id "
                   "WHERE c.station_id = ?1 AND m.cutoff > ?2");
        s->bindAll(stationId, nowIso);
        while (s->step())
            out.push_back({SeatKind::Meal, s->getText(0), s->getInt(1), s->getInt(2),
                           s->getInt(3), s->getInt(4)});
    }
    auto s = q("SELECT a.id, a.capacity, "
               "(SELECT coalesce(sum(seats),0) FROM quotas WHERE kind='activity' AND target_id=a.id), "
               "(SELECT coalesce(sum(seats),0) FROM quotas WHERE kind='activity' AND target_id=a.id "
               "  AND station_id=?1), "
               "(SELECT count(*) FROM signups WHERE activity_id=a.id AND station_id=?1 "
               "  AND status IN ('signed_up','attended')) "
               "FROM activities a WHERE a.station_id IN (?1, '') AND a.starts_at > ?2");
    s->bindAll(stationId, nowIso);
    while (s->step())
        out.push_back({SeatKind::Activity, s->getText(0), s->getInt(1), s->getInt(2),
                       s->getInt(3), s->getInt(4)});
    return out;
}

std::optional<StoredOp> SqliteTx::storedOp(const std::string& stationId, std::int64_t seq) {
    auto s = q("SELECT seq, uuid, status, reason, detail, created_at FROM ops "
               "WHERE station_id = ? AND seq = ?");
    s->bindAll(stationId, seq);
    if (!s->step()) return std::nullopt;
    return StoredOp{s->getInt(0),  s->getText(1), s->getText(2),
                    s->getText(3), s->getText(4), s->getText(5)};
}

std::optional<std::string> SqliteTx::lastOpCreatedAt(const std::string& stationId) {
    auto s = q("SELECT created_at FROM ops WHERE station_id = ? "
               "AND reason NOT IN ('stale_op', 'invalid_payload') "
               "ORDER BY seq DESC LIMIT 1");
    s->bind(1, stationId);
    if (!s->step()) return std::nullopt;
    return s->getText(0);
}

bool SqliteTx::uuidSeen(const std::string& uuid) {
    auto s = q("SELECT 1 FROM ops WHERE uuid = ? LIMIT 1");
    s->bind(1, uuid);
    return s->step();
}

void SqliteTx::changesSince(const std::string& stationId, std::int64_t since, int limit,
                            const std::function<void(const ChangeRow&)>& row) {
    // rev is the rowid: this walks the table from `since` on in rev order and
    // skips other stations' rows, which are few (quotas). The unary + keeps
    // SQLite off the (scope, rev) index here: with the OR it would collect
    // every row after `since` and sort them for each page (a full pull of
    // 150,000 members re-sorted the rest of the table 30 times).
    auto s = q("SELECT rev, entity, key, deleted, data FROM changes "
               "WHERE rev > ?1 AND (+scope = '' OR +scope = ?2) ORDER BY rev LIMIT ?3");
    s->bindAll(since, stationId, static_cast<std::int64_t>(limit));
    ChangeRow r;
    while (s->step()) {
        r.rev = s->getInt(0);
        r.entity = s->getText(1);
        r.key = s->getText(2);
        r.deleted = s->getInt(3) != 0;
        r.data_json = s->getText(4);
        row(r);
    }
}

std::vector<CheckinReportRow> SqliteTx::checkinReport(const std::string& from,
                                                      const std::string& to) {
    auto s = q("SELECT c.station_id, coalesce(s.name, ''), c.day, count(*) FROM checkins c "
               "LEFT JOIN stations s ON s.id = c.station_id WHERE c.day BETWEEN ? AND ? "
               "GROUP BY c.station_id, c.day ORDER BY c.day, c.station_id");
    s->bindAll(from, to);
    std::vector<CheckinReportRow> out;
    while (s->step()) out.push_back({s->getText(0), s->getText(1), s->getText(2), s->getInt(3)});
    return out;
}

std::vector<MealReportRow> SqliteTx::mealReport(const std::string& from, const std::string& to) {
    // Money counts only meals that were not cancelled.
    auto s = q("SELECT m.date, m.canteen_id, m.slot, "
               "sum(b.status IN ('booked','picked_up')), sum(b.status = 'picked_up'), "
               "sum(b.status = 'cancelled'), "
               "sum(CASE WHEN b.status <> 'cancelled' THEN b.subsidy_cents ELSE 0 END), "
               "sum(CASE WHEN b.status <> 'cancelled' THEN b.pay_cents ELSE 0 END) "
               "FROM bookings b JOIN meal_slots m ON m.id = b.slot_id "
               "WHERE m.date BETWEEN ? AND ? GROUP BY m.id ORDER BY m.date, m.canteen_id, m.slot");
    s->bindAll(from, to);
    std::vector<MealReportRow> out;
    while (s->step())
        out.push_back({s->getText(0), s->getText(1), s->getText(2), s->getInt(3), s->getInt(4),
                       s->getInt(5), s->getInt(6), s->getInt(7)});
    return out;
}

std::vector<StaffReportRow> SqliteTx::staffReport(const std::string& from,
                                                  const std::string& to) {
    auto s = q("SELECT station_id, staff_id, substr(created_at, 1, 10) AS day, kind, count(*) "
               "FROM ops WHERE staff_id <> '' AND status = 'applied' "
               "AND substr(created_at, 1, 10) BETWEEN ? AND ? "
               "GROUP BY station_id, staff_id, day, kind ORDER BY day, station_id, staff_id, kind");
    s->bindAll(from, to);
    std::vector<StaffReportRow> out;
    while (s->step())
        out.push_back({s->getText(0), s->getText(1), s->getText(2), s->getText(3), s->getInt(4)});
    return out;
}

std::vector<CareRow> SqliteTx::careList(const std::string& beforeIso, int limit) {
    // A scan of the members (150,000 short rows: tens of milliseconds, for a
    // report). The rule is onCareRule's, in SQL; categories are ';'-separated.
    auto s = q("SELECT " + prefixedColumns(kMemberColumns, "m") +
               ", coalesce(st.name, ''), max(m.last_seen, m.last_visit) AS contact, "
               "coalesce(v.at, ''), coalesce(v.outcome, ''), coalesce(v.note, '') "
               "FROM members m LEFT JOIN stations st ON st.id = m.home_station_id "
               "LEFT JOIN care_visits v ON v.rowid = (SELECT rowid FROM care_visits "
               "  WHERE member_id = m.id ORDER BY at DESC LIMIT 1) "
               "WHERE m.status = 'active' AND (m.living_alone = 1 OR m.care_level >= 2 "
               "  OR ';' || m.categories || ';' LIKE '%;tekun;%' "
               "  OR ';' || m.categories || ';' LIKE '%;dibao;%') "
               "AND max(m.last_seen, m.last_visit) < ?1 "
               "ORDER BY m.home_station_id = '', m.home_station_id, contact, m.id LIMIT ?2");
    s->bindAll(beforeIso, limit);
    std::vector<CareRow> out;
    while (s->step()) {
        CareRow r;
        r.member = memberRow(*s);
        r.home_station_name = s->getText(kMemberColumnCount);
        r.last_contact = s->getText(kMemberColumnCount + 1);
        r.last_attempt_at = s->getText(kMemberColumnCount + 2);
        r.last_attempt_outcome = s->getText(kMemberColumnCount + 3);
        r.last_attempt_note = s->getText(kMemberColumnCount + 4);
        out.push_back(std::move(r));
    }
    return out;
}

std::vector<TimebankReportRow> SqliteTx::timebankReport(const std::string& from,
                                                        const std::string& to) {
    auto s = q("SELECT substr(at, 1, 10) AS day, kind, count(*), sum(minutes) FROM transfers "
               "WHERE substr(at, 1, 10) BETWEEN ? AND ? GROUP BY day, kind ORDER BY day, kind");
    s->bindAll(from, to);
    std::vector<TimebankReportRow> out;
    while (s->step()) out.push_back({s->getText(0), s->getText(1), s->getInt(2), s->getInt(3)});
    return out;
}

std::vector<BookingReportRow> SqliteTx::bookingReport(const std::string& from, const std::string& to) {
    auto s = q(bookingReportSql());
    s->bindAll(from, to);
    std::vector<BookingReportRow> out;
    while (s->step()) out.push_back(bookingReportRow(*s));
    return out;
}

}  // namespace district
