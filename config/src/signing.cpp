#include "config/signing.h"

#include "openssl_util.h"

#include <openssl/pem.h>

#include <algorithm>
#include <array>
#include <stdexcept>

namespace config {
namespace {

using detail::BioPtr;
using detail::Bytes;
using detail::MdCtxPtr;
using detail::PkeyCtxPtr;
using detail::PkeyPtr;

constexpr std::size_t kSignatureBytes = 64;  // Ed25519 signatures are always 64 bytes

// Refuses to prompt for a passphrase: without this, an encrypted key would make
// OpenSSL read a password from the terminal, which hangs a server or a kiosk.
int noPassphrase(char*, int, int, void*) { return -1; }

BioPtr memoryBio(const std::string& pem) {
    BioPtr bio(BIO_new_mem_buf(pem.data(), int(pem.size())));
    if (!bio) throw std::runtime_error(detail::takeOpensslError("BIO_new_mem_buf failed"));
    return bio;
}

bool isEd25519(const PkeyPtr& key) { return key && EVP_PKEY_get_id(key.get()) == EVP_PKEY_ED25519; }

// nullptr if the PEM holds no Ed25519 public key.
PkeyPtr loadPublicKey(const std::string& pem) {
    PkeyPtr key(PEM_read_bio_PUBKEY(memoryBio(pem).get(), nullptr, noPassphrase, nullptr));
    detail::clearOpensslErrors();
    return isEd25519(key) ? std::move(key) : nullptr;
}

PkeyPtr loadPrivateKey(const std::string& pem) {
    PkeyPtr key(PEM_read_bio_PrivateKey(memoryBio(pem).get(), nullptr, noPassphrase, nullptr));
    detail::clearOpensslErrors();
    return isEd25519(key) ? std::move(key) : nullptr;
}

std::string keyIdOf(EVP_PKEY* key) {
    std::array<unsigned char, 32> raw{};
    std::size_t rawLen = raw.size();
    std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
    unsigned int digestLen = 0;
    if (EVP_PKEY_get_raw_public_key(key, raw.data(), &rawLen) != 1 ||
        EVP_Digest(raw.data(), rawLen, digest.data(), &digestLen, EVP_sha256(), nullptr) != 1)
        throw std::runtime_error(detail::takeOpensslError("cannot compute the key id"));
    static constexpr char kHex[] = "0123456789abcdef";
    std::string id = "ed25519:";
    for (std::size_t i = 0; i < 8; ++i) {
        id += kHex[digest[i] >> 4];
        id += kHex[digest[i] & 0xF];
    }
    return id;
}

std::string writePem(EVP_PKEY* key, bool privatePart) {
    BioPtr bio(BIO_new(BIO_s_mem()));
    if (!bio) throw std::runtime_error(detail::takeOpensslError("BIO_new failed"));
    int ok = privatePart
                 ? PEM_write_bio_PrivateKey(bio.get(), key, nullptr, nullptr, 0, nullptr, nullptr)
                 : PEM_write_bio_PUBKEY(bio.get(), key);
    if (ok != 1) throw std::runtime_error(detail::takeOpensslError("cannot write the key as PEM"));
    char* data = nullptr;
    long len = BIO_get_mem_data(bio.get(), &data);
    return std::string(data, std::size_t(len));
}

VerifyResult fail(VerifyStatus status, std::string message) { return {status, std::move(message)}; }

}  // namespace

KeyPair generateKeyPair() {
    PkeyCtxPtr ctx(EVP_PKEY_CTX_new_id(EVP_PKEY_ED25519, nullptr));
    EVP_PKEY* raw = nullptr;
    if (!ctx || EVP_PKEY_keygen_init(ctx.get()) != 1 || EVP_PKEY_keygen(ctx.get(), &raw) != 1)
        throw std::runtime_error(detail::takeOpensslError("Ed25519 key generation failed"));
    PkeyPtr key(raw);
    return {writePem(key.get(), true), writePem(key.get(), false)};
}

std::string keyId(const std::string& pem) {
    PkeyPtr key = loadPublicKey(pem);
    if (!key) key = loadPrivateKey(pem);
    if (!key) throw std::invalid_argument("not an Ed25519 key in PEM format");
    return keyIdOf(key.get());
}

std::string canonicalBytes(const nlohmann::json& document) { return document.dump(); }

nlohmann::json signConfig(const nlohmann::json& document, const std::string& privateKeyPem) {
    if (!document.is_object()) throw std::invalid_argument("a config document must be a JSON object");
    PkeyPtr key = loadPrivateKey(privateKeyPem);
    if (!key) throw std::invalid_argument("not an Ed25519 private key in PEM format");

    const std::string tbs = canonicalBytes(document);
    MdCtxPtr ctx(EVP_MD_CTX_new());
    Bytes sig(kSignatureBytes);
    std::size_t sigLen = sig.size();
    // Ed25519 hashes internally (PureEdDSA): the digest argument must be NULL.
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), sig.data(), &sigLen,
                       reinterpret_cast<const unsigned char*>(tbs.data()), tbs.size()) != 1)
        throw std::runtime_error(detail::takeOpensslError("signing failed"));
    sig.resize(sigLen);

    return {{"document", document},
            {"signature", detail::base64Encode(sig)},
            {"key_id", keyIdOf(key.get())}};
}

std::vector<unsigned char> signBytes(std::string_view message, const std::string& privateKeyPem) {
    PkeyPtr key = loadPrivateKey(privateKeyPem);
    if (!key) throw std::invalid_argument("not an Ed25519 private key in PEM format");
    MdCtxPtr ctx(EVP_MD_CTX_new());
    Bytes sig(kSignatureBytes);
    std::size_t sigLen = sig.size();
    if (!ctx || EVP_DigestSignInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) != 1 ||
        EVP_DigestSign(ctx.get(), sig.data(), &sigLen,
                       reinterpret_cast<const unsigned char*>(message.data()), message.size()) != 1)
        throw std::runtime_error(detail::takeOpensslError("signing failed"));
    sig.resize(sigLen);
    return sig;
}

bool verifyBytes(std::string_view message, const std::vector<unsigned char>& signature,
                 const std::string& publicKeyPem) {
    if (signature.size() != kSignatureBytes) return false;
    PkeyPtr key = loadPublicKey(publicKeyPem);
    if (!key) return false;
    MdCtxPtr ctx(EVP_MD_CTX_new());
    const bool ok = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
                    EVP_DigestVerify(ctx.get(), signature.data(), signature.size(),
                                     reinterpret_cast<const unsigned char*>(message.data()),
                                     message.size()) == 1;
    detail::clearOpensslErrors();
    return ok;
}

bool isEd25519PublicKey(const std::string& pem) { return loadPublicKey(pem) != nullptr; }

std::string publicKeyOf(const std::string& privateKeyPem) {
    PkeyPtr key = loadPrivateKey(privateKeyPem);
    if (!key) throw std::invalid_argument("not an Ed25519 private key in PEM format");
    return writePem(key.get(), false);
}

VerifyResult verifyEnvelope(const nlohmann::json& envelope, const std::vector<std::string>& trustedPems) {
    using S = VerifyStatus;
    std::vector<const std::string*> usable;
    for (const auto& pem : trustedPems)
        if (loadPublicKey(pem)) usable.push_back(&pem);
    if (usable.empty())
        return fail(S::BadPublicKey, "no trusted key is an Ed25519 public key in PEM format");
    // The named key first: its message is the useful one when it fails.
    std::string claimed;
    if (envelope.is_object())
        if (auto it = envelope.find("key_id"); it != envelope.end() && it->is_string()) claimed = *it;
    std::stable_partition(usable.begin(), usable.end(),
                          [&](const std::string* pem) { return keyId(*pem) == claimed; });
    VerifyResult first;
    for (std::size_t i = 0; i < usable.size(); ++i) {
        VerifyResult r = verifyEnvelope(envelope, *usable[i]);
        if (r.ok() || r.status == S::Malformed) return r;
        if (i == 0) first = r;
    }
    if (keyId(*usable.front()) != claimed) {
        std::string ids;
        for (const auto* pem : usable) ids += (ids.empty() ? "" : ", ") + keyId(*pem);
        return fail(S::BadSignature, "signed with key " + claimed + ", which this station does not trust (it trusts " +
                                         ids + ")");
    }
    return first;
}

VerifyResult verifyEnvelope(const nlohmann::json& envelope, const std::string& publicKeyPem) {
    using S = VerifyStatus;
    if (!envelope.is_object()) return fail(S::Malformed, "the envelope is not a JSON object");
    for (const auto& [name, value] : envelope.items())
        if (name != "document" && name != "signature" && name != "key_id")
            return fail(S::Malformed, "the envelope has an unexpected field '" + name + "'");
    auto doc = envelope.find("document");
    if (doc == envelope.end() || !doc->is_object())
        return fail(S::Malformed, "the envelope has no 'document' object");
    auto sigField = envelope.find("signature");
    if (sigField == envelope.end() || !sigField->is_string())
        return fail(S::Malformed, "the envelope has no 'signature' string");
    auto idField = envelope.find("key_id");
    if (idField == envelope.end() || !idField->is_string() || idField->get_ref<const std::string&>().empty())
        return fail(S::Malformed, "the envelope has no 'key_id' string");
    auto sig = detail::base64Decode(sigField->get_ref<const std::string&>());
    if (!sig) return fail(S::Malformed, "the signature is not valid base64");

    PkeyPtr key = loadPublicKey(publicKeyPem);
    if (!key) return fail(S::BadPublicKey, "the trusted public key is not an Ed25519 public key in PEM format");

    std::string tbs;
    try {
        tbs = canonicalBytes(*doc);
    } catch (const nlohmann::json::type_error&) {
        // Only reachable for a json built in memory: the parser rejects bad UTF-8.
        return fail(S::Malformed, "the document contains text that is not valid UTF-8");
    }

    bool verified = false;
    if (sig->size() == kSignatureBytes) {
        MdCtxPtr ctx(EVP_MD_CTX_new());
        verified = ctx && EVP_DigestVerifyInit(ctx.get(), nullptr, nullptr, nullptr, key.get()) == 1 &&
                   EVP_DigestVerify(ctx.get(), sig->data(), sig->size(),
                                    reinterpret_cast<const unsigned char*>(tbs.data()), tbs.size()) == 1;
        detail::clearOpensslErrors();
    }
    if (verified) return {S::Ok, {}};

    // The signature decides; the unsigned key_id only makes the message useful.
    const std::string trusted = keyIdOf(key.get());
    const auto& claimed = idField->get_ref<const std::string&>();
    if (claimed != trusted)
        return fail(S::BadSignature, "signed with key " + claimed + ", but this station trusts key " + trusted);
    if (sig->size() != kSignatureBytes)
        return fail(S::BadSignature, "the signature has " + std::to_string(sig->size()) +
                                         " bytes; an Ed25519 signature has 64");
    return fail(S::BadSignature, "the signature does not match the document: it was changed after signing");
}

}  // namespace config
