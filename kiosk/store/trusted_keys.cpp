#include "store/trusted_keys.h"

namespace store {

config::KeySet trustedKeys(Database& db) {
    config::KeySet set;
    auto st = db.prepare("SELECT version, keys FROM trusted_keys WHERE id=1");
    if (!st.step()) return set;
    set.version = st.getInt(0);
    const auto keys = nlohmann::json::parse(st.getText(1), nullptr, false);
    if (keys.is_array())
        for (const auto& k : keys)
            if (k.is_string()) set.keys.push_back(k.get<std::string>());
    return set;
}

void saveTrustedKeys(Database& db, const config::KeySet& keys) {
    db.run("INSERT INTO trusted_keys(id, version, keys) VALUES (1, ?, ?) "
           "ON CONFLICT(id) DO UPDATE SET version=excluded.version, keys=excluded.keys",
           keys.version, nlohmann::json(keys.keys).dump());
}

std::string memberKey(Database& db) {
    return db.queryText("SELECT coalesce(member_key, '') FROM enrollment WHERE id=1").value_or("");
}

}  // namespace store
