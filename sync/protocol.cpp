#include "protocol.h"

#include <cstdint>
#include <stdexcept>

namespace proto {

using nlohmann::json;

namespace {

// nlohmann converts any number to an integer on request, a float by a cast
// that is undefined beyond the target's range (2e90 as a seq, found by
// fuzz/push_body) and silently truncating within it (1.5): every integer of
// the protocol must be one, and fit in 64 bits.
std::int64_t toInt(const json& v, const char* key) {
    if (v.is_number_integer() && !(v.is_number_unsigned() && v.get<std::uint64_t>() > INT64_MAX))
        return v.get<std::int64_t>();
    throw std::invalid_argument(std::string(key) + " must be a whole number of at most 19 digits");
}

std::int64_t intAt(const json& j, const char* key) { return toInt(j.at(key), key); }

std::int64_t intOr(const json& j, const char* key, std::int64_t fallback) {
    auto it = j.find(key);
    return it == j.end() ? fallback : toInt(*it, key);
}

// A changes page's optional last_applied_seq (absent or null: not sent).
std::optional<std::int64_t> pageLastApplied(const json& j) {
    auto it = j.find("last_applied_seq");
    if (it == j.end() || it->is_null()) return std::nullopt;
    const std::int64_t v = toInt(*it, "last_applied_seq");
    if (v < 0) throw std::invalid_argument("last_applied_seq must be >= 0");
    return v;
}

}  // namespace

const char* toString(OpStatus s) {
    switch (s) {
        case OpStatus::Applied: return "applied";
        case OpStatus::Rejected: return "rejected";
        case OpStatus::NotApplied: return "not_applied";
    }
    return "not_applied";
}

OpStatus opStatusFromString(const std::string& s) {
    if (s == "applied") return OpStatus::Applied;
    if (s == "rejected") return OpStatus::Rejected;
    if (s == "not_applied") return OpStatus::NotApplied;
    throw std::invalid_argument("unknown op status '" + s + "'");
}

void to_json(json& j, const EnrollmentBundle& v) {
    j = json{{"station_id", v.station_id}, {"station_name", v.station_name}, {"token", v.token},
             {"server_url", v.server_url}, {"ca_pem", v.ca_pem},
             {"config_public_key_pem", v.config_public_key_pem}, {"trusted_keys", v.trusted_keys},
             {"keyset_version", v.keyset_version}, {"member_key", v.member_key}};
}
void from_json(const json& j, EnrollmentBundle& v) {
    j.at("station_id").get_to(v.station_id);
    j.at("station_name").get_to(v.station_name);
    j.at("token").get_to(v.token);
    j.at("server_url").get_to(v.server_url);
    j.at("ca_pem").get_to(v.ca_pem);
    j.at("config_public_key_pem").get_to(v.config_public_key_pem);
    v.trusted_keys = j.value("trusted_keys", std::vector<std::string>{});
    v.keyset_version = intOr(j, "keyset_version", 0);
    j.at("member_key").get_to(v.member_key);
}

void to_json(json& j, const StationHello& v) {
    j = json{{"station_id", v.station_id}, {"station_name", v.station_name},
             {"last_applied_seq", v.last_applied_seq}};
}
void from_json(const json& j, StationHello& v) {
    j.at("station_id").get_to(v.station_id);
    j.at("station_name").get_to(v.station_name);
    v.last_applied_seq = intAt(j, "last_applied_seq");
    if (v.last_applied_seq < 0) throw std::invalid_argument("last_applied_seq must be >= 0");
}

void to_json(json& j, const Op& v) {
    j = json{{"seq", v.seq}, {"uuid", v.uuid}, {"kind", v.kind}, {"created_at", v.created_at},
             {"payload", v.payload}};
}
void from_json(const json& j, Op& v) {
    v.seq = intAt(j, "seq");
    j.at("uuid").get_to(v.uuid);
    j.at("kind").get_to(v.kind);
    j.at("created_at").get_to(v.created_at);
    v.payload = j.at("payload");
    if (!v.payload.is_object()) throw std::invalid_argument("op payload must be an object");
}

Op opFrom(json&& j) {
    Op v;
    v.seq = intAt(j, "seq");
    j.at("uuid").get_to(v.uuid);
    j.at("kind").get_to(v.kind);
    j.at("created_at").get_to(v.created_at);
    v.payload = std::move(j.at("payload"));
    if (!v.payload.is_object()) throw std::invalid_argument("op payload must be an object");
    return v;
}

PushRequest pushRequestFrom(json&& j) {
    PushRequest v;
    j.at("station_id").get_to(v.station_id);
    json& ops = j.at("ops");
    if (!ops.is_array()) throw std::invalid_argument("ops must be an array");
    v.ops.reserve(ops.size());
    for (json& op : ops) v.ops.push_back(opFrom(std::move(op)));
    return v;
}

void to_json(json& j, const PushRequest& v) { j = json{{"station_id", v.station_id}, {"ops", v.ops}}; }
void from_json(const json& j, PushRequest& v) {
    j.at("station_id").get_to(v.station_id);
    j.at("ops").get_to(v.ops);
}

void to_json(json& j, const OpResult& v) {
    j = json{{"seq", v.seq}, {"uuid", v.uuid}, {"status", toString(v.status)}};
    if (!v.reason.empty()) j["reason"] = v.reason;
    if (!v.detail.empty()) j["detail"] = v.detail;
}
void from_json(const json& j, OpResult& v) {
    v.seq = intAt(j, "seq");
    j.at("uuid").get_to(v.uuid);
    v.status = opStatusFromString(j.at("status").get<std::string>());
    v.reason = j.value("reason", std::string());
    v.detail = j.value("detail", json::object());
}

void to_json(json& j, const PushResponse& v) {
    j = json{{"last_applied_seq", v.last_applied_seq}, {"results", v.results}};
}
void from_json(const json& j, PushResponse& v) {
    v.last_applied_seq = intAt(j, "last_applied_seq");
    j.at("results").get_to(v.results);
}

void to_json(json& j, const Change& v) {
    j = json{{"rev", v.rev}, {"entity", v.entity}, {"key", v.key}, {"deleted", v.deleted},
             {"data", v.data}};
}
void from_json(const json& j, Change& v) {
    v.rev = intAt(j, "rev");
    j.at("entity").get_to(v.entity);
    j.at("key").get_to(v.key);
    v.deleted = j.value("deleted", false);
    v.data = j.value("data", json::object());
}

Change changeFrom(json&& j) {
    Change v;
    v.rev = intAt(j, "rev");
    j.at("entity").get_to(v.entity);
    j.at("key").get_to(v.key);
    v.deleted = j.value("deleted", false);
    auto it = j.find("data");
    v.data = it == j.end() ? json::object() : std::move(*it);
    return v;
}

ChangesPage changesPageFrom(json&& j) {
    ChangesPage v;
    json& changes = j.at("changes");
    if (!changes.is_array()) throw std::invalid_argument("changes must be an array");
    v.changes.reserve(changes.size());
    for (json& c : changes) v.changes.push_back(changeFrom(std::move(c)));
    v.next_cursor = intAt(j, "next_cursor");
    j.at("more").get_to(v.more);
    v.last_applied_seq = pageLastApplied(j);
    return v;
}

void to_json(json& j, const ChangesPage& v) {
    j = json{{"changes", v.changes}, {"next_cursor", v.next_cursor}, {"more", v.more}};
    if (v.last_applied_seq) j["last_applied_seq"] = *v.last_applied_seq;
}
void from_json(const json& j, ChangesPage& v) {
    j.at("changes").get_to(v.changes);
    v.next_cursor = intAt(j, "next_cursor");
    j.at("more").get_to(v.more);
    v.last_applied_seq = pageLastApplied(j);
}

void to_json(json& j, const StationStatus& v) {
    j = json{{"app_version", v.app_version},     {"config_version", v.config_version},
             {"oplog_depth", v.oplog_depth},     {"last_sync", v.last_sync},
             {"free_disk_bytes", v.free_disk_bytes}, {"help_calls", v.help_calls},
             {"keyset_version", v.keyset_version}, {"pin_failures_24h", v.pin_failures_24h},
             {"pin_locked", v.pin_locked}};
    j["config_rejection"] = v.config_rejection ? json(*v.config_rejection) : json(nullptr);
}
void from_json(const json& j, StationStatus& v) {
    j.at("app_version").get_to(v.app_version);
    v.config_version = intOr(j, "config_version", 0);
    v.oplog_depth = intOr(j, "oplog_depth", 0);
    v.last_sync = j.value("last_sync", std::string());
    v.free_disk_bytes = intOr(j, "free_disk_bytes", 0);
    v.help_calls = intOr(j, "help_calls", 0);
    v.keyset_version = intOr(j, "keyset_version", 0);
    v.pin_failures_24h = intOr(j, "pin_failures_24h", 0);
    v.pin_locked = j.value("pin_locked", false);
    if (j.contains("config_rejection") && j["config_rejection"].is_string())
        v.config_rejection = j["config_rejection"].get<std::string>();
}

void to_json(json& j, const ErrorBody& v) { j = json{{"error", v.error}, {"message", v.message}}; }
void from_json(const json& j, ErrorBody& v) {
    j.at("error").get_to(v.error);
    v.message = j.value("message", std::string());
}

}  // namespace proto
