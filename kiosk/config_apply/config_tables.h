// config_tables.h — internal: the kiosk tables the configuration lives in
// (kiosk/store/schema.cpp), as the ConfigManager reads and writes them.
//
//   config_inbox       what sync pulled, not judged yet (written by sync/client)
//   config             one row, id 'current': the envelope the station runs
//   config_rejections  every refusal, reason "<code>: <message>"
//   enrollment         the station id and the district's public key
//
// Every function runs on the caller's connection and inside the caller's
// transaction, if any.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "store/sqlite.h"

namespace cfgapply {

struct Trust {
    std::string stationId;
    // The district's trusted Ed25519 keys: from the enrollment bundle, then
    // from signed keysets (kiosk/store/trusted_keys.h).
    std::vector<std::string> keys;
};
std::optional<Trust> loadTrust(store::Database& db);  // nullopt: not enrolled

struct StoredConfig {
    std::int64_t version = 0;
    std::string envelope;
};
std::optional<StoredConfig> loadRunning(store::Database& db);
void storeRunning(store::Database& db, std::int64_t version, const std::string& envelope,
                  const std::string& appliedAt);
void removeRunning(store::Database& db);

struct InboxItem {
    std::string id;        // "district" or the station id (the change key)
    std::int64_t version;  // as the delivery claims; only the signed document counts
    std::string envelope;
};
bool inboxEmpty(store::Database& db);
// The lowest version first: a fresh station that pulls a station document v5
// and a district document v8 runs through both instead of refusing v5 as a rollback.
std::optional<InboxItem> firstInInbox(store::Database& db);
void dropFromInbox(store::Database& db, const std::string& id);

void recordRejection(store::Database& db, const std::string& at,
                     std::optional<std::int64_t> version, const std::string& reason);

// The refusal a station reports in its status: the newest one that no accepted
// document has superseded. An accept supersedes the refusals before it: those
// of an earlier second, and those of the same second with a version not above
// its own (one pass over the inbox works in version order). A damaged stored
// config that was dropped leaves no row in `config`, so its refusal stands.
// Columns: reason, version, at. sync/client/sync_once.cpp posts column 0 of
// the same SQL (a copy: sync_client does not link this library).
inline constexpr const char* kStandingRejectionSql =
    "SELECT r.reason, r.version, r.at FROM config_rejections r WHERE NOT EXISTS (SELECT 1 "
    "FROM config c WHERE c.applied_at > r.at OR (c.applied_at = r.at AND c.version >= "
    "coalesce(r.version, 0))) ORDER BY r.id DESC LIMIT 1";

}  // namespace cfgapply
