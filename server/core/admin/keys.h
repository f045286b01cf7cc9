// keys.h — the district's signing keys over time: `init`, `keys list`,
// `keys rotate`, `keys retire`, and elder QR codes (config/keyset.h,
// config/elder_qr.h, server/README.md "Keys").
//
// Rotation without a station refusing anything:
//   rotate   a new signing key; the old one moves to keys/previous/. A new
//            keyset (old keys + the new one) is published, signed by all of
//            them, so any station that trusts any of them takes it; the live
//            configuration documents are published again (new versions, same
//            content) signed by the new key, so nothing a station runs still
//            depends on the old key.
//   retire   once every station reports the newest keyset in its status, a
//            keyset without the old key is published (signed by it too, for
//            the last time) and its private key is deleted.
#pragma once

#include <string>
#include <vector>

#include "config/keyset.h"
#include "core/clock.h"
#include "storage.h"

namespace district {

// `init`: the keys and certificates that are missing (pki.h), and the first
// keyset if none is published. Returns what was created, for the admin.
std::vector<std::string> initDistrict(Storage& storage, const std::string& dataDir, core::TimePoint now);

// The current signing key (PEM), and every private key still in the trusted
// set (the current one first). Throw MissingKeys.
std::string signingKey(const std::string& dataDir);
std::vector<std::string> signingKeys(const std::string& dataDir);

// The newest published keyset (version 0 and no keys if none yet).
config::KeySet publishedKeySet(Storage& storage);

// A new keyset of the public halves of signingKeys(), signed by all of them.
KeySetDoc publishKeySet(Storage& storage, const std::string& dataDir, core::TimePoint now);

struct Rotated {
    std::string old_key_id, new_key_id;
    std::int64_t keyset_version = 0;
    std::vector<std::int64_t> republished;  // new config versions
    std::vector<std::string> warnings;      // e.g. an expired live document
};
Rotated rotateSigningKey(Storage& storage, const std::string& dataDir, core::TimePoint now);

struct Retired {
    std::string key_id;
    std::int64_t keyset_version = 0;
};
// Throws AdminError when the key is the current one or unknown, or when a
// station has not yet reported the newest keyset (unless `force`).
Retired retireKey(Storage& storage, const std::string& dataDir, const std::string& keyId, bool force,
                  core::TimePoint now);

// `keys list`: each key, its role, and which keyset each station reports.
std::string keysText(Storage& storage, const std::string& dataDir);

// `member qr ID`: the text of the elder's QR code, signed now.
std::string elderQrFor(Storage& storage, const std::string& dataDir, const std::string& memberId,
                       const std::string& issued);

}  // namespace district
