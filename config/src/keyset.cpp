#include "config/keyset.h"

#include <set>
#include <stdexcept>

#include "config/signing.h"
#include "openssl_util.h"

namespace config {
namespace {

using nlohmann::json;

KeySetDecision refuse(std::string code, std::string message) {
    KeySetDecision d;
    d.code = std::move(code);
    d.message = std::move(message);
    return d;
}

// The keys of a document, or the reason they cannot be used.
std::string checkKeys(const json& keys, std::vector<std::string>& out) {
    if (!keys.is_array() || keys.empty()) return "keys: must be a non-empty array of public keys";
    if (keys.size() > kMaxTrustedKeys)
        return "keys: at most " + std::to_string(kMaxTrustedKeys) + " keys, got " + std::to_string(keys.size());
    std::set<std::string> ids;
    for (const auto& k : keys) {
        if (!k.is_string() || !isEd25519PublicKey(k.get<std::string>()))
            return "keys: every key must be an Ed25519 public key in PEM format";
        if (!ids.insert(keyId(k.get<std::string>())).second) return "keys: a key is listed twice";
        out.push_back(k.get<std::string>());
    }
    return {};
}

}  // namespace

json signKeySet(const KeySet& set, const std::vector<std::string>& privatePems) {
    std::vector<std::string> keys;
    if (auto why = checkKeys(json(set.keys), keys); !why.empty()) throw std::invalid_argument(why);
    if (privatePems.empty()) throw std::invalid_argument("a keyset needs at least one signature");
    const json doc = {{"kind", "trusted_keys"}, {"version", set.version}, {"keys", set.keys}};
    const std::string tbs = canonicalBytes(doc);
    json signatures = json::array();
    for (const auto& pem : privatePems) {
        const auto sig = signBytes(tbs, pem);
        signatures.push_back({{"key_id", keyId(pem)}, {"signature", detail::base64Encode(sig)}});
    }
    return {{"document", doc}, {"signatures", signatures}};
}

KeySetDecision decideKeySet(const json& envelope, const KeySet& current) {
    if (!envelope.is_object() || envelope.size() != 2 || !envelope.contains("document") ||
        !envelope.contains("signatures"))
        return refuse("malformed", "a keyset envelope is {\"document\", \"signatures\"}");
    const json& doc = envelope.at("document");
    const json& sigs = envelope.at("signatures");
    if (!doc.is_object() || !sigs.is_array() || sigs.empty() || sigs.size() > 2 * kMaxTrustedKeys)
        return refuse("malformed", "a keyset needs a document object and 1 to 16 signatures");

    // Nothing of the document is trusted before a signature by a trusted key.
    std::string tbs;
    try {
        tbs = canonicalBytes(doc);
    } catch (const json::exception&) {
        return refuse("malformed", "the document is not valid UTF-8");
    }
    bool trusted = false;
    for (const auto& s : sigs) {
        if (!s.is_object() || !s.contains("signature") || !s["signature"].is_string())
            return refuse("malformed", "every signature is {\"key_id\", \"signature\"}");
        const auto raw = detail::base64Decode(s["signature"].get<std::string>());
        if (!raw) return refuse("malformed", "a signature is not valid base64");
        for (const auto& pem : current.keys)
            if (verifyBytes(tbs, *raw, pem)) trusted = true;
        if (trusted) break;
    }
    if (!trusted)
        return refuse("bad_signature", "the keyset is not signed by any key this station trusts");

    if (doc.value("kind", "") != "trusted_keys") return refuse("invalid", "kind: must be \"trusted_keys\"");
    const auto v = doc.find("version");
    if (v == doc.end() || !v->is_number_integer() || v->get<std::int64_t>() < 1)
        return refuse("invalid", "version: must be a whole number >= 1");
    const std::int64_t version = v->get<std::int64_t>();
    if (version < current.version)
        return refuse("rollback", "keyset version " + std::to_string(version) + " is older than " +
                                      std::to_string(current.version));
    if (version == current.version)
        return refuse("same_version", "keyset version " + std::to_string(version) + " is already trusted");
    KeySetDecision d;
    if (auto why = checkKeys(doc.value("keys", json()), d.keys.keys); !why.empty()) return refuse("invalid", why);
    d.keys.version = version;
    d.accepted = true;
    return d;
}

}  // namespace config
