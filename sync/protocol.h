// protocol.h — sync message types shared by the kiosk's sync worker and the
// district server (namespace proto: `sync` would clash with POSIX sync()).
// See sync/PROTOCOL.md for the rules behind each field.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace proto {

inline constexpr const char* kApiPrefix = "/api/v1";
inline constexpr int kMaxPageLimit = 5000;

// ------------------------------------------------------------- enrollment

struct EnrollmentBundle {
    std::string station_id;
    std::string station_name;
    std::string token;
    std::string server_url;             // https://host:port
    std::string ca_pem;                 // district CA that signed the server certificate
    std::string config_public_key_pem;  // the Ed25519 key that signs config now
    // The district's trusted signing keys (config/keyset.h) and their version;
    // an older bundle without them means just config_public_key_pem, version 0.
    std::vector<std::string> trusted_keys;
    std::int64_t keyset_version = 0;
    // The district's member key (config/member_hash.h): 64 hex digits.
    std::string member_key;
};

// GET /api/v1/station: who the token belongs to, and the last op the district
// applied for it. A kiosk with a new op log numbers its ops above it.
struct StationHello {
    std::string station_id;
    std::string station_name;
    std::int64_t last_applied_seq = 0;
};

// ------------------------------------------------------------- push

struct Op {
    std::int64_t seq = 0;
    std::string uuid;
    std::string kind;        // checkin, meal_book, ... (PROTOCOL.md)
    std::string created_at;  // local ISO-8601 with offset
    nlohmann::json payload = nlohmann::json::object();
};

struct PushRequest {
    std::string station_id;
    std::vector<Op> ops;
};

enum class OpStatus { Applied, Rejected, NotApplied };

struct OpResult {
    std::int64_t seq = 0;
    std::string uuid;
    OpStatus status = OpStatus::NotApplied;
    std::string reason;                                  // empty unless rejected / not_applied
    nlohmann::json detail = nlohmann::json::object();    // e.g. subsidy_cents, voucher, waitlisted
};

struct PushResponse {
    std::int64_t last_applied_seq = 0;
    std::vector<OpResult> results;
};

// ------------------------------------------------------------- pull

struct Change {
    std::int64_t rev = 0;
    std::string entity;  // member, meal_slot, quota, ... (PROTOCOL.md)
    std::string key;
    bool deleted = false;
    nlohmann::json data = nlohmann::json::object();
};

struct ChangesPage {
    std::vector<Change> changes;
    std::int64_t next_cursor = 0;
    bool more = false;
    // The station's last applied op, as the district has it now: below what
    // the kiosk was told means the district was restored from a backup, and
    // the kiosk sends its ops again from there (PROTOCOL.md).
    std::optional<std::int64_t> last_applied_seq;
};

// ------------------------------------------------------------- status

struct StationStatus {
    std::string app_version;
    std::int64_t config_version = 0;
    std::int64_t oplog_depth = 0;
    std::string last_sync;
    std::int64_t free_disk_bytes = 0;
    std::optional<std::string> config_rejection;
    std::int64_t help_calls = 0;
    std::int64_t keyset_version = 0;  // the trusted keyset the station holds (`keys retire` waits for it)
    // Wrong staff PINs in the last 24 hours, and whether the PIN pad is locked now.
    std::int64_t pin_failures_24h = 0;
    bool pin_locked = false;
};

struct ErrorBody {
    std::string error;    // machine code
    std::string message;  // plain words
};

// ------------------------------------------------------------- JSON

const char* toString(OpStatus s);
OpStatus opStatusFromString(const std::string& s);  // throws std::invalid_argument

// from_json throws nlohmann::json::exception on a missing or mistyped field, so
// bad input from the network becomes a clear error before anything is applied.
void to_json(nlohmann::json& j, const EnrollmentBundle& v);
void from_json(const nlohmann::json& j, EnrollmentBundle& v);
void to_json(nlohmann::json& j, const StationHello& v);
void from_json(const nlohmann::json& j, StationHello& v);
void to_json(nlohmann::json& j, const Op& v);
void from_json(const nlohmann::json& j, Op& v);
void to_json(nlohmann::json& j, const PushRequest& v);
void from_json(const nlohmann::json& j, PushRequest& v);
void to_json(nlohmann::json& j, const OpResult& v);
void from_json(const nlohmann::json& j, OpResult& v);
void to_json(nlohmann::json& j, const PushResponse& v);
void from_json(const nlohmann::json& j, PushResponse& v);
void to_json(nlohmann::json& j, const Change& v);
void from_json(const nlohmann::json& j, Change& v);
void to_json(nlohmann::json& j, const ChangesPage& v);
void from_json(const nlohmann::json& j, ChangesPage& v);
void to_json(nlohmann::json& j, const StationStatus& v);
void from_json(const nlohmann::json& j, StationStatus& v);
void to_json(nlohmann::json& j, const ErrorBody& v);
void from_json(const nlohmann::json& j, ErrorBody& v);

// Like from_json, but take a DOM the caller owns and move each op's payload
// (each change's data) out of it instead of copying it: a copy costs about as
// much again as the parse.
Op opFrom(nlohmann::json&& j);
PushRequest pushRequestFrom(nlohmann::json&& j);
Change changeFrom(nlohmann::json&& j);
ChangesPage changesPageFrom(nlohmann::json&& j);  // the kiosk's pull path

}  // namespace proto
