// stations.h — enrolling stations: a new token each time, the bundle the
// kiosk enrolls with (PROTOCOL.md "Enrollment"), and the admin's overview.
#pragma once

#include <string>

#include "protocol.h"
#include "storage.h"

namespace district {

struct StationAdd {
    std::string name;
    std::string id;         // empty: reuse the station of that name, or derive one
    std::string community;  // empty: the name without 长者服务站 / 长者服务中心
    std::string server_url = "https://127.0.0.1:8443";
};

struct StationAdded {
    Station station;
    bool created = false;
    proto::EnrollmentBundle bundle;
};

// Creates the station, or reuses the one with that name, and issues a new
// token (the old one stops working). Only the token's SHA-256 is stored.
// Throws AdminError on a bad name, id or URL, or an id taken by another name.
StationAdded addStation(Storage& storage, const std::string& dataDir, const StationAdd& req);

// "st-" + 8 hex digits of the name's SHA-256: stable for a name.
std::string stationIdFor(const std::string& name);
std::string communityOf(const std::string& stationName);

// The `station list` table, one line per station with its last status.
std::string stationListText(Storage& storage);

// A safe identifier: 1-64 of [A-Za-z0-9._:-].
bool validId(const std::string& id);

}  // namespace district
