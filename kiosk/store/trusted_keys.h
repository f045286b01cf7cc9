// trusted_keys.h — what the kiosk holds of the district's keys: the trusted
// signing keys (config/keyset.h: config envelopes and elder QR codes must be
// signed by one of them) and the member key that hashes a card or phone
// number before it is looked up (config/member_hash.h).
#pragma once

#include <string>

#include "config/keyset.h"
#include "store/sqlite.h"

namespace store {

// Version 0 and no keys before enrollment.
config::KeySet trustedKeys(Database& db);
// Replaces the set; call inside the transaction that decided it.
void saveTrustedKeys(Database& db, const config::KeySet& keys);
// "" before enrollment (or from a bundle of an older district server).
std::string memberKey(Database& db);

}  // namespace store
