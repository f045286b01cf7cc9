#include "config_apply/config_tables.h"

#include "store/trusted_keys.h"

namespace cfgapply {

std::optional<Trust> loadTrust(store::Database& db) {
    auto st = db.prepare("SELECT station_id, config_public_key_pem FROM enrollment WHERE id = 1");
    if (!st.step()) return std::nullopt;
    Trust t{st.getText(0), store::trustedKeys(db).keys};
    if (t.keys.empty()) t.keys.push_back(st.getText(1));
    return t;
}

std::optional<StoredConfig> loadRunning(store::Database& db) {
    auto st = db.prepare("SELECT version, document FROM config WHERE id = 'current'");
    if (!st.step()) return std::nullopt;
    return StoredConfig{st.getInt(0), st.getText(1)};
}

void storeRunning(store::Database& db, std::int64_t version, const std::string& envelope,
                  const std::string& appliedAt) {
    // One row: the status's max(version) is then always the running version.
    db.run("DELETE FROM config");
    db.run("INSERT INTO config (id, version, document, applied_at) VALUES ('current', ?, ?, ?)",
           version, envelope, appliedAt);
}

void removeRunning(store::Database& db) { db.run("DELETE FROM config"); }

bool inboxEmpty(store::Database& db) {
    return db.queryInt("SELECT EXISTS (SELECT 1 FROM config_inbox)").value_or(0) == 0;
}

std::optional<InboxItem> firstInInbox(store::Database& db) {
    auto st = db.prepare("SELECT id, version, document FROM config_inbox ORDER BY version, id LIMIT 1");
    if (!st.step()) return std::nullopt;
    return InboxItem{st.getText(0), st.getInt(1), st.getText(2)};
}

void dropFromInbox(store::Database& db, const std::string& id) {
    db.run("DELETE FROM config_inbox WHERE id = ?", id);
}

void recordRejection(store::Database& db, const std::string& at,
                     std::optional<std::int64_t> version, const std::string& reason) {
    db.run("INSERT INTO config_rejections (at, version, reason) VALUES (?, ?, ?)", at, version,
           reason);
}

}  // namespace cfgapply
