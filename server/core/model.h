// model.h — the district's records as plain structs, one per table of the
// district database. Field names match sync/PROTOCOL.md's entity data, so a
// reader can follow a field from the wire to the table without a dictionary.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

namespace district {

struct Station {
    std::string id;
    std::string name;
    std::string community;
    std::int64_t last_applied_seq = 0;
};

struct Member {
    std::string id;
    std::string card_no;
    std::string phone;
    std::string name;
    std::string birth_date;  // YYYY-MM-DD
    bool hukou = false;      // 户籍: registered in Shenzhen
    // Codes of the district's member categories (config: subsidy.categories),
    // e.g. dibao, tekun; sorted, each once.
    std::vector<std::string> categories;
    int care_level = 0;      // 失能等级: 0 none, 1 轻度, 2 中度, 3 重度
    bool living_alone = false;
    std::string address;     // where meals are delivered; "" none on file
    // active; pending: enrolled at a station, waiting for an admin (`member
    // approve`); rejected: an admin refused the enrolment (issue 9).
    std::string status = "active";
    std::string home_station_id{};  // the station that looks after the elder ("" none)
    std::string last_seen{};        // last check-in, meal or activity (ISO), "" never
    std::string last_visit{};       // last 巡访 that reached the elder (ISO), "" never
};

// Category codes of Member::categories: 特困, 低保, 低保边缘, 三属五老, 计生特殊.
inline constexpr const char* kCategoryCodes[] = {"tekun", "dibao", "dibao_bianyuan", "sanshu_wulao",
                                                 "jisheng_teshu"};

// The care rule (关爱名单, issue 9): living alone, care level 2 or more, or 特困
// or 低保. Such an elder not seen for N days is on the care list.
bool onCareRule(const Member& m);
// True when `categories` holds `code`.
bool hasCategory(const std::vector<std::string>& categories, const std::string& code);

struct Canteen {
    std::string id;
    std::string name;
    std::string station_id;
    std::string address;
};

struct MealSlot {
    std::string id;
    std::string canteen_id;
    std::string date;  // YYYY-MM-DD
    std::string slot;  // lunch / dinner
    std::vector<std::string> dishes;
    std::int64_t price_cents = 0;
    std::int64_t capacity = 0;
    std::string cutoff;  // ISO-8601 with +08:00, e.g. 2026-11-23T09:30:00+08:00
};

struct Activity {
    std::string id;
    std::string station_id;  // empty: a district-wide activity
    std::string title;
    std::string category;
    std::string starts_at;  // ISO-8601 with +08:00
    std::string ends_at;
    std::string place;
    std::int64_t capacity = 0;
    std::string description;
};

struct CatalogItem {
    std::string id;
    std::string name;
    std::string kind;  // service / goods
    std::int64_t minutes = 0;
};

// Seats are held per (kind, target, station); see rules/capacity.h.
enum class SeatKind { Meal, Activity };
const char* toString(SeatKind k);  // "meal" / "activity"

struct Quota {
    SeatKind kind = SeatKind::Meal;
    std::string target_id;
    std::string station_id;
    std::int64_t seats = 0;
};

struct Booking {
    std::string id;
    std::string member_id;
    std::string slot_id;
    std::string station_id;  // the station whose quota holds the seat
    std::string status;      // booked / cancelled / picked_up
    std::int64_t subsidy_cents = 0;
    std::int64_t pay_cents = 0;
    bool delivery = false;
    std::string date;        // the slot's date, kept here for the subsidy caps
    std::string created_at;
    // The subsidy tier that paid (config/meal_rules.h), "none" when none did.
    std::string rule = "none";
    std::int64_t delivery_fee_cents = 0;      // in pay_cents
    std::int64_t delivery_subsidy_cents = 0;  // taken off pay_cents, paid by the district
    std::string delivery_status;              // "" not yet / delivered / failed
    std::string delivery_at;                  // when it was marked (ISO-8601 +08:00)
};

struct Signup {
    std::string id;
    std::string member_id;
    std::string activity_id;
    std::string station_id;
    std::string status;  // signed_up / waitlisted / cancelled / attended
    std::string created_at;
};

struct Redemption {
    std::string id;
    std::string member_id;
    std::string item_id;
    std::int64_t minutes = 0;
    std::string status;  // confirmed / rejected
    std::string voucher;
    std::string station_id;
    std::string created_at;
};

struct Service {
    std::string id;
    std::string volunteer_id;
    std::string recipient_id;
    std::string item_id;
    std::int64_t minutes = 0;
    std::string status;  // pending / approved
    std::string station_id;
    std::string created_at;
    std::string transfer_id;  // set on approval
};

// Time-bank accounts: one per member (id = member id, floor 0) and the
// district's issuance and redemption accounts (no floor).
inline constexpr const char* kIssuanceAccount = "district:issuance";
inline constexpr const char* kRedemptionAccount = "district:redemption";

struct Account {
    std::string id;
    bool is_member = false;
    std::int64_t minutes = 0;
    std::optional<std::int64_t> floor_minutes;  // nullopt: no floor
};

// One transfer = two movements (-minutes on `from`, +minutes on `to`).
struct Transfer {
    std::string id;
    std::string from_account;
    std::string to_account;
    std::int64_t minutes = 0;  // > 0
    std::string at;
    std::string kind;  // service / redemption / reversal / opening
    std::string what;  // plain words shown to the elder
    std::string ref;   // service, redemption or reversed transfer id
};

// The district's meal rules: the `subsidy` and `calendar` sections of its
// newest district-wide configuration document (config/meal_rules.h), as
// compact JSON text; "" before any such document (the built-in defaults).
struct SubsidyRules {
    std::string sections_json;
};

// A configuration document an admin pushed (config/README.md), as signed and
// published. Versions are one district-wide sequence shared by district and
// station documents; a pushed version is never changed (push a newer one).
struct ConfigDoc {
    std::int64_t version = 0;
    std::string scope;          // "district" or a station id
    std::string envelope_json;  // {"document", "signature", "key_id"}, compact
    std::string pushed_at;      // ISO-8601 with +08:00
};

// A published set of trusted signing keys (config/keyset.h), signed by every
// key of the previous set and of this one. Versions only grow.
struct KeySetDoc {
    std::int64_t version = 0;
    std::string envelope_json;  // {"document", "signatures"}, compact
    std::string published_at;
};

// A station's seats on one target, as the capacity rule needs them.
struct SeatState {
    SeatKind kind = SeatKind::Meal;
    std::string target_id;
    std::int64_t capacity = 0;
    std::int64_t allocated = 0;       // sum of all stations' quotas
    std::int64_t station_quota = 0;
    std::int64_t station_held = 0;    // the station's active bookings / signups
};

// The stored answer to an op: returned again for a repeated push.
struct StoredOp {
    std::int64_t seq = 0;
    std::string uuid;
    std::string status;  // applied / rejected
    std::string reason;
    std::string detail_json;
    std::string created_at;  // as the station sent it
};

// One row of the change table; `data_json` is already serialized so a page
// is written to the wire without parsing it again.
struct ChangeRow {
    std::int64_t rev = 0;
    std::string entity;
    std::string key;
    bool deleted = false;
    std::string data_json;
};

struct StationOverview {
    Station station;
    std::string status_json;  // the last POST /status body, "" if none yet
    std::string status_received_at;
    std::int64_t help_calls = 0;  // help_call ops received from this station
    std::int64_t open_help_calls = 0;  // of those, not acknowledged by an admin
    bool enrolled = false;                // a bundle (token) was issued
    std::int64_t bundle_keyset_version = 0;  // the keyset its newest bundle carried
};

struct CheckinReportRow {
    std::string station_id, station_name, day;
    std::int64_t checkins = 0;
};
struct MealReportRow {
    std::string date, canteen_id, slot;
    std::int64_t booked = 0, picked_up = 0, cancelled = 0, subsidy_cents = 0, pay_cents = 0;
};
// One booking with what a settlement report names (admin/reports.h): the
// elder, the meal, and the canteen and station that served it.
struct BookingReportRow {
    Booking booking;
    Member member;                // as the district has the elder now
    std::string slot;             // lunch / dinner
    std::int64_t price_cents = 0;
    std::string canteen_id, canteen_name;
    std::string station_id, station_name;  // the canteen's station
};
struct TimebankReportRow {
    std::string day, kind;
    std::int64_t transfers = 0, minutes = 0;
};

// ---- The admin console (server/console) -----------------------------------

// A district admin's account. Passwords are Argon2id hashes in the PHC string
// format ($argon2id$v=19$m=...,t=...,p=...$salt$hash): parameters travel with
// the hash, so they can be raised later without breaking older accounts.
struct AdminAccount {
    std::string name;
    std::string role;  // admin (reads and changes) / viewer (reads only)
    std::string password_hash;
    bool must_change = false;  // a one-time password: set a new one at the first login
    bool disabled = false;
    // Grows on every change of password, role or state; a console session
    // remembers it at login and ends when it no longer matches.
    std::int64_t generation = 1;
    std::string created_at, updated_at;
};

// One line of the audit log: who did what, when, from where, and how it ended.
struct AuditEntry {
    std::int64_t id = 0;
    std::string at;       // ISO-8601 +08:00
    std::string admin;    // account name; "cli:<user>" for the command line
    std::string client;   // the browser's address, or "local"
    std::string action;   // e.g. config.push, timebank.approve, login.failed
    std::string target;   // what it acted on (station id, service id, ...)
    std::string outcome;  // ok / refused
    std::string detail;   // plain words (never a password, card or phone)
};

struct AuditQuery {
    std::string admin, action;  // empty: any
    std::string from, to;       // YYYY-MM-DD, inclusive; empty: open
    int limit = 200;
    std::int64_t before_id = 0;  // paging: entries older than this id; 0: newest
};

// A station's status as it reported it at one time.
struct StatusRecord {
    std::string received_at;
    std::string status_json;
};

// An op of a station that the district rejected (its stored answer).
struct RejectedOp {
    std::int64_t seq = 0;
    std::string uuid, kind, created_at, received_at, reason, detail_json;
};

// An alert from a station (table help_calls: the console's 求助提醒 and
// `district-server alerts`). kind: help (帮助 button), urgent (紧急 button),
// blocked_card (a blocked card was presented), pin_failures (the staff PIN
// pad locked after repeated wrong PINs).
struct HelpCallRow {
    std::string id, station_id, station_name, at, screen;
    std::string acked_at, acked_by;  // empty while open
    std::string kind = "help";
    std::string member_id{};  // the elder at the screen, if identified
    std::string detail{};     // plain words from the station (at most 200 bytes)
};

// A card reported lost and replaced: refused at every station from its next sync.
struct BlockedCard {
    std::string card_no;
    std::string member_id;
    std::string blocked_at;
    std::string station_id;  // where it was replaced
};

// A 巡访 (visit or call) of an elder on the care list.
struct CareVisit {
    std::string id;
    std::string member_id;
    std::string station_id;
    std::string staff_id;
    std::string at;
    std::string outcome;  // reached / not_reached
    std::string note;
};

// One elder of the care list (report care).
struct CareRow {
    Member member;
    std::string home_station_name;
    std::string last_contact;  // max(last_seen, last_visit), "" never
    std::string last_attempt_at, last_attempt_outcome, last_attempt_note;  // newest visit of any outcome
};

// What staff did for elders (report staff): ops applied, per station, staff, day and kind.
struct StaffReportRow {
    std::string station_id, staff_id, day, kind;
    std::int64_t ops = 0;
};

// A meal slot with what happened to its seats.
struct SlotView {
    MealSlot slot;
    std::string canteen_name, station_id;
    std::int64_t booked = 0, picked_up = 0, cancelled = 0;
    std::int64_t granted = 0;  // seats handed to stations as quotas
};

struct ActivityView {
    Activity activity;
    std::int64_t signed_up = 0, waitlisted = 0, attended = 0, cancelled = 0;
    std::int64_t granted = 0;
};

}  // namespace district
