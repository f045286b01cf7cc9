#include "admin/keys.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <map>

#include "admin/config_push.h"
#include "config/elder_qr.h"
#include "config/signing.h"
#include "errors.h"
#include "pki/pki.h"
#include "protocol.h"

namespace district {
namespace {

namespace fs = std::filesystem;
using nlohmann::json;

std::string previousPath(const std::string& dataDir, const std::string& keyId) {
    std::string file = keyId;
    std::replace(file.begin(), file.end(), ':', '-');  // ed25519-0123... : no ':' in file names
    return (fs::path(pkiPaths(dataDir).previous_keys) / (file + ".key")).string();
}

// The keyset each enrolled station holds: the newer of what it last
// reported and what its bundle carried (0: neither). Stations without a
// bundle hold nothing and are left out: they get the keyset of their bundle.
std::map<std::string, std::int64_t> reportedKeySets(Storage& storage,
                                                   std::vector<StationOverview>* stations = nullptr) {
    std::vector<StationOverview> rows;
    storage.read([&](Tx& tx) { rows = tx.stationOverview(); });
    std::map<std::string, std::int64_t> out;
    for (const auto& r : rows) {
        if (!r.enrolled) continue;
        std::int64_t v = r.bundle_keyset_version;
        if (!r.status_json.empty())
            v = std::max(v, json::parse(r.status_json).get<proto::StationStatus>().keyset_version);
        out[r.station.id] = v;
    }
    if (stations) *stations = std::move(rows);
    return out;
}

}  // namespace

std::string signingKey(const std::string& dataDir) {
    requirePki(dataDir);
    return readFile(pkiPaths(dataDir).config_key);
}

std::vector<std::string> signingKeys(const std::string& dataDir) {
    std::vector<std::string> keys{signingKey(dataDir)};
    const auto dir = pkiPaths(dataDir).previous_keys;
    if (!fs::exists(dir)) return keys;
    std::vector<fs::path> files;
    for (const auto& e : fs::directory_iterator(dir))
        if (e.path().extension() == ".key") files.push_back(e.path());
    std::sort(files.begin(), files.end());
    for (const auto& f : files) keys.push_back(readFile(f.string()));
    return keys;
}

config::KeySet publishedKeySet(Storage& storage) {
    std::optional<KeySetDoc> doc;
    storage.read([&](Tx& tx) { doc = tx.keySet(); });
    config::KeySet set;
    if (!doc) return set;
    const json env = json::parse(doc->envelope_json);
    set.version = doc->version;
    for (const auto& k : env.at("document").at("keys")) set.keys.push_back(k.get<std::string>());
    return set;
}

KeySetDoc publishKeySet(Storage& storage, const std::string& dataDir, core::TimePoint now) {
    const auto privates = signingKeys(dataDir);
    config::KeySet set;
    for (const auto& k : privates) set.keys.push_back(config::publicKeyOf(k));
    KeySetDoc doc;
    storage.write([&](WriteTx& tx) {
        const auto current = tx.keySet();
        set.version = current ? current->version + 1 : 1;
        // Signed by every key of the set just published too: a key leaving
        // the set signs its own retirement (retireKey signs with it).
        doc = KeySetDoc{set.version, config::signKeySet(set, privates).dump(), core::isoLocal(now)};
        tx.putKeySet(doc);
    });
    return doc;
}

std::vector<std::string> initDistrict(Storage& storage, const std::string& dataDir, core::TimePoint now) {
    std::vector<std::string> made = initPki(dataDir);
    if (publishedKeySet(storage).version == 0) {
        const auto doc = publishKeySet(storage, dataDir, now);
        made.push_back("trusted keyset version " + std::to_string(doc.version));
    }
    return made;
}

Rotated rotateSigningKey(Storage& storage, const std::string& dataDir, core::TimePoint now) {
    const PkiPaths p = pkiPaths(dataDir);
    const std::string oldKey = signingKey(dataDir);
    Rotated out;
    out.old_key_id = config::keyId(oldKey);
    if (signingKeys(dataDir).size() >= config::kMaxTrustedKeys)
        throw AdminError("the trusted set already holds " + std::to_string(config::kMaxTrustedKeys) +
                         " keys: retire an old one first (`keys list`)");

    // The old key stays trusted (and signing keysets) until it is retired.
    fs::create_directories(p.previous_keys);
    fs::permissions(p.previous_keys, fs::perms::owner_all, fs::perm_options::replace);
    writeFile(previousPath(dataDir, out.old_key_id), oldKey, 0600);
    const auto fresh = config::generateKeyPair();
    writeFile(p.config_key, fresh.privatePem, 0600);
    writeFile(p.config_pub, fresh.publicPem);
    out.new_key_id = config::keyId(fresh.privatePem);
    out.keyset_version = publishKeySet(storage, dataDir, now).version;

    // What each station runs: the newest district document and any station
    // document newer than it. Published again, in the same order, signed by
    // the new key.
    std::vector<ConfigDoc> docs;
    storage.read([&](Tx& tx) { docs = tx.configDocs(); });
    std::int64_t districtVersion = 0;
    for (const auto& d : docs)
        if (d.scope == "district") districtVersion = d.version;
    std::map<std::string, const ConfigDoc*> live;  // by scope
    for (const auto& d : docs)
        if (d.version >= districtVersion) live[d.scope] = &d;
    std::vector<const ConfigDoc*> order;
    for (const auto& [scope, d] : live) order.push_back(d);
    std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->version < b->version; });
    for (const auto* d : order) {
        json doc = json::parse(d->envelope_json).at("document");
        doc.erase("version");
        try {
            const auto pushed = pushConfig(storage, fresh.privatePem,
                                           {doc.dump(), d->scope == "district" ? "" : d->scope}, now);
            out.republished.push_back(pushed.version);
        } catch (const AdminError& e) {
            out.warnings.push_back("configuration version " + std::to_string(d->version) + " (" + d->scope +
                                   ") was not published again: " + e.what() +
                                   "; push a fresh one before retiring " + out.old_key_id);
        }
    }
    return out;
}

Retired retireKey(Storage& storage, const std::string& dataDir, const std::string& keyId, bool force,
                  core::TimePoint now) {
    if (keyId == config::keyId(signingKey(dataDir)))
        throw AdminError(keyId + " is the current signing key: rotate first (`keys rotate`)");
    const std::string path = previousPath(dataDir, keyId);
    if (!fs::exists(path)) throw AdminError("no earlier signing key " + keyId + " (see `keys list`)");
    const std::int64_t newest = publishedKeySet(storage).version;
    if (!force) {
        std::vector<std::string> behind;
        for (const auto& [station, v] : reportedKeySets(storage))
            if (v < newest) behind.push_back(station + " (keyset " + std::to_string(v) + ")");
        if (!behind.empty()) {
            std::string list;
            for (const auto& b : behind) list += "\n  " + b;
            throw AdminError("these stations have not reported keyset " + std::to_string(newest) +
                             " yet; retiring " + keyId + " now would make them refuse everything signed "
                             "afterwards:" + list + "\nWait for their next sync, or add --force.");
        }
    }
    // Signed by the leaving key too, then the key is gone.
    std::vector<std::string> privates = signingKeys(dataDir);
    config::KeySet set;
    for (const auto& k : privates)
        if (config::keyId(k) != keyId) set.keys.push_back(config::publicKeyOf(k));
    Retired out{keyId, 0};
    storage.write([&](WriteTx& tx) {
        const auto current = tx.keySet();
        set.version = current ? current->version + 1 : 1;
        tx.putKeySet(KeySetDoc{set.version, config::signKeySet(set, privates).dump(), core::isoLocal(now)});
    });
    fs::remove(path);
    out.keyset_version = set.version;
    return out;
}

std::string keysText(Storage& storage, const std::string& dataDir) {
    const auto privates = signingKeys(dataDir);
    const auto set = publishedKeySet(storage);
    std::string out = "keyset version " + std::to_string(set.version) + "\n";
    for (std::size_t i = 0; i < privates.size(); ++i)
        out += "  " + config::keyId(privates[i]) + (i == 0 ? "  signing (current)\n" : "  trusted (earlier; retire when every station has the newest keyset)\n");
    std::vector<StationOverview> rows;
    for (const auto& [station, v] : reportedKeySets(storage, &rows))
        out += "  station " + station + ": " + (v ? "keyset " + std::to_string(v) : "keyset unknown") +
               (v == set.version ? "" : "  (behind)") + "\n";
    return out;
}

std::string elderQrFor(Storage& storage, const std::string& dataDir, const std::string& memberId,
                       const std::string& issued) {
    bool known = false;
    storage.read([&](Tx& tx) { known = tx.member(memberId).has_value(); });
    if (!known) throw AdminError("there is no member " + memberId);
    try {
        return config::signElderQr({memberId, issued}, signingKey(dataDir));
    } catch (const std::invalid_argument& e) {
        throw AdminError(e.what());
    }
}

}  // namespace district
