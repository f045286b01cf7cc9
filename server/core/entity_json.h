// entity_json.h — the `data` of each change entity, exactly as PROTOCOL.md's
// entity table names the fields. Storage implementations call these when an
// entity is written, so every backend sends the same JSON.
#pragma once

#include <nlohmann/json.hpp>

#include "model.h"

namespace district {

nlohmann::json toJson(const Station& s);
// What a station may know of a member (PROTOCOL.md, entity `member`): keyed
// hashes of the card and phone (config/member_hash.h, the district's member
// key), the masked name, the phone's last 4 digits, the birth year and month,
// and what the meal rules ask (户籍, categories, care level, whether an address
// is on file: not the address itself).
// Throws std::invalid_argument for a key that is not 64 hex digits.
// Also the care fields (categories, living_alone, care_level, hukou), the
// enrolment status, the home station, last_seen and last_visit.
nlohmann::json memberJson(const Member& m, const std::string& memberKeyHex);
// What the home station of an elder on the care list may know besides the
// member row: phone and address, to visit or call (entity `care_contact`,
// scoped to that station).
nlohmann::json careContactJson(const Member& m);
// A lost card, keyed by its hash: no station learns the number.
nlohmann::json blockedCardJson(const BlockedCard& b, const std::string& memberKeyHex);
// A delivery booking as the delivery list of the canteen's station needs it
// (PROTOCOL.md, entity `delivery`, scoped to that station): the masked name,
// the phone and the address to deliver to, what to collect.
nlohmann::json deliveryJson(const Booking& b, const Member& m);
nlohmann::json toJson(const Canteen& c);
nlohmann::json toJson(const MealSlot& s);
nlohmann::json toJson(const Activity& a);
nlohmann::json toJson(const CatalogItem& c);
nlohmann::json toJson(const Quota& q);
nlohmann::json toJson(const Booking& b);
nlohmann::json toJson(const Signup& s);
nlohmann::json toJson(const Redemption& r);
nlohmann::json toJson(const Service& s);
// {"version", "envelope"}: the envelope as a JSON object, not a string in a string.
nlohmann::json toJson(const ConfigDoc& c);
nlohmann::json balanceJson(const std::string& memberId, std::int64_t minutes,
                           std::int64_t floorMinutes);
nlohmann::json ledgerEntryJson(const std::string& movementId, const std::string& memberId,
                               const std::string& at, const std::string& what,
                               std::int64_t minutes);

// Key of a quota change: kind:target_id:station_id.
std::string quotaKey(const Quota& q);

}  // namespace district
