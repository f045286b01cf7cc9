#include "admin/stations.h"

#include <cctype>
#include <cstdio>

#include "admin/keys.h"
#include "errors.h"
#include "pki/pki.h"
#include "pki/token.h"

namespace district {

bool validId(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (unsigned char c : id)
        if (!(std::isalnum(c) || c == '.' || c == '_' || c == ':' || c == '-')) return false;
    return true;
}

std::string stationIdFor(const std::string& name) { return "st-" + sha256Hex(name).substr(0, 8); }

std::string communityOf(const std::string& stationName) {
    for (const std::string suffix : {"长者服务中心", "长者服务站"})
        if (stationName.size() > suffix.size() &&
            stationName.compare(stationName.size() - suffix.size(), suffix.size(), suffix) == 0)
            return stationName.substr(0, stationName.size() - suffix.size());
    return stationName;
}

StationAdded addStation(Storage& storage, const std::string& dataDir, const StationAdd& req) {
    if (req.name.empty() || req.name.size() > 120)
        throw AdminError("a station name is 1 to 120 bytes");
    if (!req.id.empty() && !validId(req.id))
        throw AdminError("a station id is 1-64 letters, digits or . _ : -");
    if (req.server_url.rfind("https://", 0) != 0)
        throw AdminError("the server URL must start with https:// (stations talk HTTPS only)");
    const PkiPaths pki = pkiPaths(dataDir);
    // Everything the bundle needs, before the token changes.
    const config::KeySet keys = publishedKeySet(storage);
    if (keys.version == 0)
        throw AdminError("no trusted keyset is published yet: run `district-server --data-dir " + dataDir +
                         " init` first");
    const std::string memberKey = readMemberKey(dataDir);
    const std::string caPem = readFile(pki.ca_cert), configPub = readFile(pki.config_pub);
    StationAdded out;
    const std::string token = newToken();
    storage.write([&](WriteTx& tx) {
        auto byName = tx.stationByName(req.name);
        if (byName && !req.id.empty() && byName->id != req.id)
            throw AdminError("station '" + req.name + "' already exists with id " + byName->id);
        if (!byName) {
            Station s{req.id.empty() ? stationIdFor(req.name) : req.id, req.name,
                      req.community.empty() ? communityOf(req.name) : req.community, 0};
            if (auto other = tx.station(s.id))
                throw AdminError("station id " + s.id + " is already used by '" + other->name + "'");
            tx.putStation(s);
            out.created = true;
            byName = s;
        } else if (!req.community.empty() && req.community != byName->community) {
            byName->community = req.community;
            tx.putStation(*byName);
        }
        tx.setStationToken(byName->id, sha256Hex(token), keys.version);
        out.station = *byName;
    });
    out.bundle = proto::EnrollmentBundle{out.station.id, out.station.name, token,     req.server_url,
                                         caPem,          configPub,         keys.keys, keys.version,
                                         memberKey};
    return out;
}

std::string stationListText(Storage& storage) {
    std::vector<StationOverview> rows;
    storage.read([&](Tx& tx) { rows = tx.stationOverview(); });
    std::string out;
    char buf[512];
    std::snprintf(buf, sizeof buf, "%-16s %-24s %8s %-8s %6s %6s %-25s %10s %5s\n", "ID", "NAME",
                  "LAST_SEQ", "APP", "CONFIG", "OPLOG", "LAST_SYNC", "FREE_MB", "HELP");
    out += buf;
    for (const auto& r : rows) {
        std::string app = "-", lastSync = "-", cfg = "-", depth = "-", freeMb = "-";
        if (!r.status_json.empty()) {
            const auto st = nlohmann::json::parse(r.status_json).get<proto::StationStatus>();
            app = st.app_version;
            cfg = std::to_string(st.config_version);
            depth = std::to_string(st.oplog_depth);
            lastSync = st.last_sync.empty() ? r.status_received_at : st.last_sync;
            freeMb = std::to_string(st.free_disk_bytes / (1024 * 1024));
            if (st.config_rejection) cfg += "!";
        }
        // Chinese names are 3 bytes a character and 2 columns wide: pad by hand.
        std::string name = r.station.name;
        int width = 0;
        for (unsigned char c : name) width += (c < 0x80) ? 1 : ((c & 0xC0) != 0x80 ? 2 : 0);
        if (width < 24) name += std::string(static_cast<std::size_t>(24 - width), ' ');
        std::snprintf(buf, sizeof buf, "%-16s %s %8lld %-8s %6s %6s %-25s %10s %5lld\n",
                      r.station.id.c_str(), name.c_str(),
                      static_cast<long long>(r.station.last_applied_seq), app.c_str(), cfg.c_str(),
                      depth.c_str(), lastSync.c_str(), freeMb.c_str(),
                      static_cast<long long>(r.help_calls));
        out += buf;
    }
    return out;
}

}  // namespace district
