// keyset.h — the district's trusted signing keys, and how the set changes
// (config/README.md "Keys and their rotation").
//
// A station trusts a set of Ed25519 public keys: configuration envelopes and
// elder QR codes must be signed by one of them. The set starts as the one in
// the enrollment bundle and changes only through a keyset document signed by
// a key the station already trusts:
//     { "document": { "kind": "trusted_keys", "version": 3, "keys": ["-----BEGIN PUBLIC KEY-----..."] },
//       "signatures": [ { "key_id": "ed25519:…", "signature": "<base64>" }, … ] }
// The district signs each keyset with every key of the old set and of the new
// one, so a station that missed any number of rotations in between still
// finds a key it trusts, as long as the key it holds has not been retired
// (`district-server keys retire` waits for every station to report the newer
// set).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

namespace config {

struct KeySet {
    std::int64_t version = 0;       // 0: what the enrollment bundle gave
    std::vector<std::string> keys;  // Ed25519 public keys (PEM)
};

inline constexpr std::size_t kMaxTrustedKeys = 8;

// Signs a keyset with each of `privatePems`. Throws std::invalid_argument for
// an empty set, a key that is not an Ed25519 public key, or an unusable
// private key.
nlohmann::json signKeySet(const KeySet& set, const std::vector<std::string>& privatePems);

struct KeySetDecision {
    bool accepted = false;
    KeySet keys;          // the new set when accepted
    std::string code;     // malformed / bad_signature / rollback / same_version / invalid
    std::string message;  // plain words
};

// Whether a station that trusts `current` takes the envelope. Never throws
// (except bad_alloc).
KeySetDecision decideKeySet(const nlohmann::json& envelope, const KeySet& current);

}  // namespace config
