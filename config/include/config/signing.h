// signing.h — Ed25519 signatures over configuration documents (DESIGN principle 6).
//
// Envelope (what the district server publishes as the `config` entity):
//     { "document": { ...the configuration... },
//       "signature": "<base64 of the 64-byte Ed25519 signature>",
//       "key_id": "ed25519:<16 hex digits>" }
// The signature covers canonicalBytes(document): nlohmann's compact dump with
// keys sorted (see config/README.md). The verifier re-serialises the document it
// parsed, so what is verified is exactly what the station will use, however the
// envelope was formatted in transit. `key_id` is not signed: it only names the
// key for messages and for a future key rotation; the signature decides.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace config {

struct KeyPair {
    std::string privatePem;  // PKCS#8, unencrypted: keep it on the district server only
    std::string publicPem;   // SubjectPublicKeyInfo: goes into every station's enrollment bundle
};

// A fresh Ed25519 key pair. Throws std::runtime_error if OpenSSL fails.
KeyPair generateKeyPair();

// "ed25519:" + the first 16 hex digits of SHA-256 over the raw 32-byte public
// key. Accepts a public or a private key PEM (the id of its public half).
// Throws std::invalid_argument if the PEM is not an Ed25519 key.
std::string keyId(const std::string& pem);

// The bytes that are signed: document.dump() (compact, keys sorted by byte
// value, UTF-8 unescaped, integers in decimal). Throws nlohmann::json::type_error
// if a string in the document is not valid UTF-8.
std::string canonicalBytes(const nlohmann::json& document);

// Signs a document (a JSON object) and returns the envelope. Does not validate
// the document: callers that publish call validateConfig first.
// Throws std::invalid_argument for a non-object document or an unusable key.
nlohmann::json signConfig(const nlohmann::json& document, const std::string& privateKeyPem);

enum class VerifyStatus {
    Ok,
    Malformed,     // not an envelope: wrong shape, missing or extra keys, bad base64
    BadSignature,  // well formed, but not signed by this key over this document
    BadPublicKey,  // the public key we were given is not a usable Ed25519 key
};

struct VerifyResult {
    VerifyStatus status = VerifyStatus::Malformed;
    std::string message;  // empty when Ok; otherwise says what is wrong, in plain words
    bool ok() const { return status == VerifyStatus::Ok; }
};

// Checks the envelope's shape and its signature against `publicKeyPem`.
// Never throws (except std::bad_alloc).
VerifyResult verifyEnvelope(const nlohmann::json& envelope, const std::string& publicKeyPem);

// Same, against a station's set of trusted keys (keyset.h): the key the
// envelope's key_id names, if trusted; otherwise every trusted key is tried
// (the key_id is not signed). BadPublicKey only when no trusted key is usable.
VerifyResult verifyEnvelope(const nlohmann::json& envelope, const std::vector<std::string>& trustedPems);

// The raw primitives under the envelopes, for other signed things of the
// district (the trusted-key set, elder QR codes): a 64-byte Ed25519 signature
// over `message`, and its check. signBytes throws std::invalid_argument for a
// key that is not an Ed25519 private key; verifyBytes never throws and is
// false for anything but a good signature by `publicKeyPem`.
std::vector<unsigned char> signBytes(std::string_view message, const std::string& privateKeyPem);
bool verifyBytes(std::string_view message, const std::vector<unsigned char>& signature,
                 const std::string& publicKeyPem);
// Whether `pem` is an Ed25519 public key (SubjectPublicKeyInfo).
bool isEd25519PublicKey(const std::string& pem);
// The public half of an Ed25519 private key; throws std::invalid_argument.
std::string publicKeyOf(const std::string& privateKeyPem);

}  // namespace config
