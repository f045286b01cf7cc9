// sqlite_tx.h — the SQLite implementation of Tx / WriteTx over one connection
// (private to sqlite/). Reads are in sqlite_read.cpp, writes in sqlite_write.cpp,
// what only the admin console asks for in sqlite_console.cpp.
//
// Statements are prepared once per connection and cached: a push of 500 ops
// runs the same dozen statements thousands of times, and preparing costs more
// than running them. Every use goes through a Cached guard that resets the
// statement afterwards, because a statement left mid-result keeps its read
// snapshot open and later reads on the connection would see stale data.
#pragma once

#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>

#include <nlohmann/json.hpp>

#include "rows.h"
#include "storage.h"
#include "store/sqlite.h"

namespace district {

class StatementCache {
public:
    explicit StatementCache(store::Database& db) : db_(db) {}
    store::Statement& get(std::string_view sql);

private:
    store::Database& db_;
    std::unordered_map<std::string, std::unique_ptr<store::Statement>> cache_;
};

class Cached {
public:
    explicit Cached(store::Statement& s) : s_(s) {}
    ~Cached() { s_.reset(); }
    Cached(const Cached&) = delete;
    Cached& operator=(const Cached&) = delete;
    store::Statement* operator->() { return &s_; }
    store::Statement& operator*() { return s_; }

private:
    store::Statement& s_;
};


class SqliteTx final : public WriteTx {
public:
    SqliteTx(store::Database& db, const StorageOptions& options)
        : db_(db), options_(options), cache_(db) {}

    // ---- Tx
    std::optional<Station> stationByTokenHash(const std::string& sha256Hex) override;
    std::optional<Station> station(const std::string& id) override;
    std::optional<Station> stationByName(const std::string& name) override;
    std::vector<StationOverview> stationOverview() override;
    std::optional<Member> member(const std::string& id) override;
    std::optional<std::string> memberIdByCard(const std::string& cardNo) override;
    std::int64_t memberCount() override;
    std::vector<Member> membersByStatus(const std::string& status, int limit) override;
    std::optional<BlockedCard> blockedCard(const std::string& cardNo) override;
    std::optional<Canteen> canteen(const std::string& id) override;
    std::optional<MealSlot> slot(const std::string& id) override;
    std::optional<Activity> activity(const std::string& id) override;
    std::optional<CatalogItem> catalogItem(const std::string& id) override;
    SubsidyRules subsidyRules() override;
    std::int64_t maxConfigVersion() override;
    std::vector<ConfigDoc> configDocs() override;
    std::optional<KeySetDoc> keySet() override;
    std::optional<Booking> booking(const std::string& id) override;
    std::optional<Booking> activeBooking(const std::string& memberId,
                                         const std::string& slotId) override;
    std::int64_t subsidisedMeals(const std::string& memberId, const std::string& from,
                                 const std::string& to) override;
    std::optional<Signup> signup(const std::string& id) override;
    std::optional<Signup> activeSignup(const std::string& memberId,
                                       const std::string& activityId) override;
    std::vector<Signup> waitlist(const std::string& activityId) override;
    bool checkedIn(const std::string& memberId, const std::string& stationId,
                   const std::string& day) override;
    bool attended(const std::string& memberId, const std::string& activityId) override;
    std::optional<Redemption> redemption(const std::string& id) override;
    std::optional<Service> service(const std::string& id) override;
    std::vector<Service> pendingServices() override;
    std::optional<Account> account(const std::string& id) override;
    std::optional<Transfer> transfer(const std::string& id) override;
    std::optional<std::string> reversalOf(const std::string& transferId) override;
    SeatState seatState(SeatKind kind, const std::string& targetId,
                        const std::string& stationId) override;
    std::vector<SeatState> upcomingSeats(const std::string& stationId,
                                         const std::string& nowIso) override;
    std::optional<StoredOp> storedOp(const std::string& stationId, std::int64_t seq) override;
    bool uuidSeen(const std::string& uuid) override;
    std::optional<std::string> lastOpCreatedAt(const std::string& stationId) override;
    void changesSince(const std::string& stationId, std::int64_t since, int limit,
                      const std::function<void(const ChangeRow&)>& row) override;
    std::vector<CheckinReportRow> checkinReport(const std::string& from,
                                                const std::string& to) override;
    std::vector<MealReportRow> mealReport(const std::string& from, const std::string& to) override;
    std::vector<TimebankReportRow> timebankReport(const std::string& from,
                                                  const std::string& to) override;
    std::vector<StaffReportRow> staffReport(const std::string& from, const std::string& to) override;
    std::vector<CareRow> careList(const std::string& beforeIso, int limit) override;
    std::vector<BookingReportRow> bookingReport(const std::string& from, const std::string& to) override;
    // console reads (sqlite_console.cpp)
    std::optional<AdminAccount> admin(const std::string& name) override;
    std::vector<AdminAccount> admins() override;
    std::vector<AuditEntry> auditLog(const AuditQuery& q) override;
    std::vector<StatusRecord> statusHistory(const std::string& stationId, int limit) override;
    std::vector<RejectedOp> rejectedOps(const std::string& stationId, int limit) override;
    std::vector<HelpCallRow> helpCalls(bool openOnly, int limit) override;
    std::optional<HelpCallRow> helpCall(const std::string& id) override;
    std::vector<Member> searchMembers(const std::string& text, int limit) override;
    std::vector<Canteen> canteens() override;
    std::vector<SlotView> slotViews(const std::string& from, const std::string& to,
                                    const std::string& stationId) override;
    std::vector<ActivityView> activityViews(const std::string& from, const std::string& to,
                                            const std::string& stationId) override;
    std::vector<Transfer> transfersOf(const std::string& accountId, int limit) override;

    // ---- WriteTx
    void savepoint(const std::function<void()>& fn) override;
    void putStation(const Station& s) override;
    void setStationToken(const std::string& stationId, const std::string& sha256Hex,
                         std::int64_t keysetVersion) override;
    void setLastApplied(const std::string& stationId, std::int64_t seq) override;
    void storeOp(const std::string& stationId, std::int64_t seq, const std::string& uuid,
                 const std::string& kind, const std::string& createdAt,
                 const std::string& receivedAt, const std::string& status,
                 const std::string& reason, const std::string& detailJson,
                 const std::string& staffId) override;
    void saveStatus(const std::string& stationId, const std::string& statusJson,
                    const std::string& receivedAt) override;
    void putMember(const Member& m) override;
    void putCanteen(const Canteen& c) override;
    void putSlot(const MealSlot& s) override;
    void putActivity(const Activity& a) override;
    void putCatalogItem(const CatalogItem& c) override;
    void putSubsidyRules(const SubsidyRules& r) override;
    void putQuota(const Quota& q) override;
    void putConfig(const ConfigDoc& c) override;
    void putKeySet(const KeySetDoc& k) override;
    void putBooking(const Booking& b) override;
    void putSignup(const Signup& s) override;
    void putRedemption(const Redemption& r) override;
    void putService(const Service& s) override;
    void addCheckin(const std::string& id, const std::string& memberId,
                    const std::string& stationId, const std::string& day,
                    const std::string& at) override;
    void addAttendance(const std::string& memberId, const std::string& activityId,
                       const std::string& stationId, const std::string& at, bool undo) override;
    void addHelpCall(const HelpCallRow& alert) override;
    void memberSeen(const std::string& memberId, const std::string& at) override;
    void blockCard(const BlockedCard& b) override;
    void addCareVisit(const CareVisit& v) override;
    void ensureAccount(const Account& a) override;
    void addTransfer(const Transfer& t) override;
    // console writes (sqlite_console.cpp)
    void putAdmin(const AdminAccount& a) override;
    void addAudit(const AuditEntry& e) override;
    bool ackHelpCall(const std::string& id, const std::string& by, const std::string& at) override;

    store::Database& db() { return db_; }

private:
    Cached q(std::string_view sql) { return Cached(cache_.get(sql)); }
    // Writes the change row of an entity with a new revision.
    void change(std::string_view entity, const std::string& key, const std::string& scope,
                const nlohmann::json& data);
    // The member's change rows: `member` for every station, and
    // `care_contact` (phone, address) for its home station while it is on the
    // care rule (a deleted row once it is not).
    void emitMember(const Member& m);
    void moveMinutes(const std::string& movementId, const Transfer& t,
                     const std::string& accountId, std::int64_t minutes);

    store::Database& db_;
    const StorageOptions& options_;
    StatementCache cache_;
};

}  // namespace district
