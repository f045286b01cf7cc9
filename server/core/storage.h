// storage.h — what the district's rules, API and admin commands need from a
// database, as an abstract interface, implemented on SQLite
// (sqlite/sqlite_storage.h, the default) and on PostgreSQL shared by several
// server processes (pg/pg_storage.h); open_storage.h picks one.
//
// Index
//   Tx        reads (lookups, seat counts, change pages, reports, the console's lists)
//   WriteTx   writes; every put*() of an entity also writes its change row
//   Storage   runs a function inside a read or a write transaction
//
// Contract for an implementation:
//   - write() transactions are serializable and all-or-nothing: a throw rolls
//     everything back. The exactly-once rule (rules/push.h) depends on it.
//     A backend may run fn again after a serialization failure (PostgreSQL):
//     fn starts from scratch each time and does nothing outside the database.
//   - A failure that may succeed when retried (a busy or full database, a
//     serialization failure) is thrown as TransientStorageError: the push
//     walker lets it roll the whole request back instead of rejecting an op.
//   - Change revisions grow in commit order: a reader that has seen revision N
//     never later finds a new row below N (SQLite gets this from its single
//     writer; another backend must take a lock or a sequence at commit).
//   - Entities emit their change rows themselves (put*), so a rule cannot
//     forget to tell the stations.
#pragma once

#include <cstdint>
#include <functional>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

#include "model.h"

namespace district {

// What every backend needs besides its connection.
struct StorageOptions {
    // The district's member key (keys/member-hash.key, 64 hex digits): member
    // change rows carry hashes keyed by it, never a card or phone number.
    std::string member_key;
};

// Statuses kept per station: at the default sync interval (60 s) about 17 hours.
inline constexpr int kStatusHistoryKept = 1000;

class TransientStorageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Tx {
public:
    virtual ~Tx() = default;

    // Stations and authentication.
    virtual std::optional<Station> stationByTokenHash(const std::string& sha256Hex) = 0;
    virtual std::optional<Station> station(const std::string& id) = 0;
    virtual std::optional<Station> stationByName(const std::string& name) = 0;
    virtual std::vector<StationOverview> stationOverview() = 0;

    // Reference data.
    virtual std::optional<Member> member(const std::string& id) = 0;
    virtual std::optional<std::string> memberIdByCard(const std::string& cardNo) = 0;
    virtual std::int64_t memberCount() = 0;
    // Members in a status (pending: enrolled at a station, waiting for an
    // admin), oldest first.
    virtual std::vector<Member> membersByStatus(const std::string& status, int limit) = 0;
    // The card, if it was reported lost and replaced.
    virtual std::optional<BlockedCard> blockedCard(const std::string& cardNo) = 0;
    virtual std::optional<Canteen> canteen(const std::string& id) = 0;
    virtual std::optional<MealSlot> slot(const std::string& id) = 0;
    virtual std::optional<Activity> activity(const std::string& id) = 0;
    virtual std::optional<CatalogItem> catalogItem(const std::string& id) = 0;
    // The district's meal rules (model.h SubsidyRules): "" until a district
    // document set them.
    virtual SubsidyRules subsidyRules() = 0;

    // Configuration documents pushed so far, oldest first; 0 when none.
    virtual std::int64_t maxConfigVersion() = 0;
    virtual std::vector<ConfigDoc> configDocs() = 0;
    // The newest trusted-key set published, if any.
    virtual std::optional<KeySetDoc> keySet() = 0;

    // Results of ops.
    virtual std::optional<Booking> booking(const std::string& id) = 0;
    // The member's booking of the slot that is not cancelled, if any (at most
    // one: a partial unique index backs the `already_booked` rule).
    virtual std::optional<Booking> activeBooking(const std::string& memberId,
                                                 const std::string& slotId) = 0;
    // Bookings of a member with a subsidy, status booked or picked_up, dated
    // from..to inclusive (the subsidy caps).
    virtual std::int64_t subsidisedMeals(const std::string& memberId, const std::string& from,
                                         const std::string& to) = 0;
    virtual std::optional<Signup> signup(const std::string& id) = 0;
    // The member's signup for the activity that is not cancelled, if any.
    virtual std::optional<Signup> activeSignup(const std::string& memberId,
                                               const std::string& activityId) = 0;
    // Waitlisted signups of an activity, first come first.
    virtual std::vector<Signup> waitlist(const std::string& activityId) = 0;
    virtual bool checkedIn(const std::string& memberId, const std::string& stationId,
                           const std::string& day) = 0;
    // Attended now: the member's last attendance row is not an undo.
    virtual bool attended(const std::string& memberId, const std::string& activityId) = 0;
    virtual std::optional<Redemption> redemption(const std::string& id) = 0;
    virtual std::optional<Service> service(const std::string& id) = 0;
    virtual std::vector<Service> pendingServices() = 0;

    // Time bank.
    virtual std::optional<Account> account(const std::string& id) = 0;
    virtual std::optional<Transfer> transfer(const std::string& id) = 0;
    virtual std::optional<std::string> reversalOf(const std::string& transferId) = 0;

    // Seats (rules/capacity.h).
    virtual SeatState seatState(SeatKind kind, const std::string& targetId,
                                const std::string& stationId) = 0;
    // Meal slots of the station's canteens whose cutoff is after `now`, and
    // activities of the station (or district-wide ones) starting after `now`.
    virtual std::vector<SeatState> upcomingSeats(const std::string& stationId,
                                                 const std::string& nowIso) = 0;

    // Op log of a station (exactly once).
    virtual std::optional<StoredOp> storedOp(const std::string& stationId, std::int64_t seq) = 0;
    virtual bool uuidSeen(const std::string& uuid) = 0;
    // created_at of the station's newest op not refused as stale_op or invalid_payload.
    virtual std::optional<std::string> lastOpCreatedAt(const std::string& stationId) = 0;

    // Change pages: rows with rev > since visible to the station (scope '' or
    // the station's id), in rev order, at most `limit`.
    virtual void changesSince(const std::string& stationId, std::int64_t since, int limit,
                              const std::function<void(const ChangeRow&)>& row) = 0;

    // Reports (dates inclusive).
    virtual std::vector<CheckinReportRow> checkinReport(const std::string& from,
                                                        const std::string& to) = 0;
    virtual std::vector<MealReportRow> mealReport(const std::string& from,
                                                  const std::string& to) = 0;
    virtual std::vector<TimebankReportRow> timebankReport(const std::string& from,
                                                          const std::string& to) = 0;
    // Ops applied with a staff_id (staff acting for an elder), counted per
    // station, staff, day (of created_at) and kind.
    virtual std::vector<StaffReportRow> staffReport(const std::string& from,
                                                    const std::string& to) = 0;
    // The care list (关爱名单): active members on the care rule (onCareRule)
    // whose last contact (last_seen, or a visit that reached them) is before
    // `beforeIso` or never; the elders of stations in order, those with no home
    // station last, then the longest unseen first.
    virtual std::vector<CareRow> careList(const std::string& beforeIso, int limit) = 0;
    // Every booking of a meal dated from..to (cancelled ones too), with its
    // elder, canteen and the canteen's station; ordered by station id, member
    // id, date, then lunch before dinner. The settlement reports are built
    // from it (admin/reports.cpp), so a backend need not aggregate.
    virtual std::vector<BookingReportRow> bookingReport(const std::string& from, const std::string& to) = 0;

    // The admin console (server/console). Lists are bounded by `limit`.
    virtual std::optional<AdminAccount> admin(const std::string& name) = 0;
    virtual std::vector<AdminAccount> admins() = 0;
    virtual std::vector<AuditEntry> auditLog(const AuditQuery& q) = 0;  // newest first
    // The station's reported statuses, newest first.
    virtual std::vector<StatusRecord> statusHistory(const std::string& stationId, int limit) = 0;
    virtual std::vector<RejectedOp> rejectedOps(const std::string& stationId, int limit) = 0;
    // Alerts (help calls and the other kinds), newest first; openOnly: those
    // nobody acknowledged.
    virtual std::vector<HelpCallRow> helpCalls(bool openOnly, int limit) = 0;
    virtual std::optional<HelpCallRow> helpCall(const std::string& id) = 0;
    // Members whose card or phone is `text`, or whose name contains it.
    virtual std::vector<Member> searchMembers(const std::string& text, int limit) = 0;
    virtual std::vector<Canteen> canteens() = 0;
    // Slots dated from..to and activities starting from..to (inclusive days),
    // of one station (its canteens / its own and district-wide activities) or all ("").
    virtual std::vector<SlotView> slotViews(const std::string& from, const std::string& to,
                                            const std::string& stationId) = 0;
    virtual std::vector<ActivityView> activityViews(const std::string& from, const std::string& to,
                                                    const std::string& stationId) = 0;
    // Transfers into or out of an account (a member id), newest first; "" for all.
    virtual std::vector<Transfer> transfersOf(const std::string& accountId, int limit) = 0;
};

class WriteTx : public Tx {
public:
    // Runs fn so that a throw undoes fn's writes only (SQL SAVEPOINT) and
    // rethrows; the transaction goes on. One op of a push runs in one.
    virtual void savepoint(const std::function<void()>& fn) = 0;

    // Stations.
    virtual void putStation(const Station& s) = 0;
    // A new token; `keysetVersion` is the trusted keyset its bundle carries.
    virtual void setStationToken(const std::string& stationId, const std::string& sha256Hex,
                                 std::int64_t keysetVersion) = 0;
    virtual void setLastApplied(const std::string& stationId, std::int64_t seq) = 0;
    virtual void storeOp(const std::string& stationId, std::int64_t seq, const std::string& uuid,
                         const std::string& kind, const std::string& createdAt,
                         const std::string& receivedAt, const std::string& status,
                         const std::string& reason, const std::string& detailJson,
                         const std::string& staffId) = 0;
    // Keeps the last status, and appends it to the station's status history
    // (the newest kStatusHistoryKept of them are kept).
    virtual void saveStatus(const std::string& stationId, const std::string& statusJson,
                            const std::string& receivedAt) = 0;

    // Reference data (each emits its change row).
    virtual void putMember(const Member& m) = 0;
    virtual void putCanteen(const Canteen& c) = 0;
    virtual void putSlot(const MealSlot& s) = 0;
    virtual void putActivity(const Activity& a) = 0;
    virtual void putCatalogItem(const CatalogItem& c) = 0;
    // Replaces the district's meal rules (no change row: stations read the
    // rules from their signed configuration).
    virtual void putSubsidyRules(const SubsidyRules& r) = 0;
    virtual void putQuota(const Quota& q) = 0;  // change scoped to the quota's station
    // Stores a pushed document and emits the `config` change: key "district"
    // (scope '') for the whole district, key = scope = the station id for one.
    virtual void putConfig(const ConfigDoc& c) = 0;
    // Stores a keyset and emits its `trusted_keys` change (key "district").
    virtual void putKeySet(const KeySetDoc& k) = 0;

    // Results of ops (each emits its change row).
    // putBooking of a delivery booking also emits its `delivery` change
    // (entity_json.h deliveryJson, with the member as stored), key the booking
    // id, scoped to the station of the slot's canteen.
    virtual void putBooking(const Booking& b) = 0;
    virtual void putSignup(const Signup& s) = 0;
    virtual void putRedemption(const Redemption& r) = 0;
    virtual void putService(const Service& s) = 0;
    virtual void addCheckin(const std::string& id, const std::string& memberId,
                            const std::string& stationId, const std::string& day,
                            const std::string& at) = 0;
    // Appends to the attendance history; undo = true records an undone tap.
    virtual void addAttendance(const std::string& memberId, const std::string& activityId,
                               const std::string& stationId, const std::string& at, bool undo) = 0;
    // An alert (kind help, urgent, blocked_card, pin_failures); acked_* are ignored.
    virtual void addHelpCall(const HelpCallRow& alert) = 0;
    // The member was seen (check-in, meal pickup, activity attendance) at
    // `at`: last_seen moves forward only. A member on the care rule gets new
    // change rows (its last_seen matters to the care list of every station).
    virtual void memberSeen(const std::string& memberId, const std::string& at) = 0;
    // Blocks a lost card everywhere: emits the `blocked_card` change.
    virtual void blockCard(const BlockedCard& b) = 0;
    // Records a 巡访; one that reached the elder moves last_visit forward and
    // emits the member's change rows.
    virtual void addCareVisit(const CareVisit& v) = 0;

    // Time bank. addTransfer writes the transfer, its two movements and both
    // new balances (and the member-facing change rows). The floor is the
    // rules' business (rules/timebank.h); accounts must exist.
    virtual void ensureAccount(const Account& a) = 0;
    virtual void addTransfer(const Transfer& t) = 0;

    // The admin console. putAdmin inserts or replaces the account by name.
    virtual void putAdmin(const AdminAccount& a) = 0;
    virtual void addAudit(const AuditEntry& e) = 0;  // append-only
    // False when there is no such help call or it was acknowledged already.
    virtual bool ackHelpCall(const std::string& id, const std::string& by, const std::string& at) = 0;
};

class Storage {
public:
    virtual ~Storage() = default;
    virtual void read(const std::function<void(Tx&)>& fn) = 0;
    virtual void write(const std::function<void(WriteTx&)>& fn) = 0;
};

}  // namespace district
