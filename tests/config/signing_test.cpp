#include "config/signing.h"
#include "config/elder_qr.h"
#include "config/keyset.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace config {
namespace {

using json = nlohmann::json;
using test::districtKeys;
using test::exampleDocument;
using test::otherKeys;

// Made with the openssl command line, independently of this code:
//   openssl genpkey -algorithm ed25519 -out golden.key
//   printf '%s' '{"scope":"district","version":1,"名":"值"}' |
//     openssl pkeyutl -sign -inkey golden.key -rawin -in /dev/stdin | base64 -w0
const std::string kGoldenPrivate =
    "-----BEGIN PRIVATE KEY-----\n"
    "MC4CAQAwBQYDK2VwBCIEIHfiQTjAHH8to+udYk0a9cezu9wsQqO+/08PBupuyBMO\n"
    "-----END PRIVATE KEY-----\n";
const std::string kGoldenPublic =
    "-----BEGIN PUBLIC KEY-----\n"
    "MCowBQYDK2VwAyEAvV5rSp1r7PmwV4QM5iOpRz7PIZ3oUQOuaRy1cdUKu1k=\n"
    "-----END PUBLIC KEY-----\n";
const std::string kGoldenSignature =
    "XWfgLRjkIrBmpI0uJv5gHZbKEa/cIE/TlMM6EboKoQB6cat0F8vAFL+SqTi5hGxS0n0iq6G19JRmh7+ys6pTDw==";

json goldenDocument() { return json::parse(R"({"version": 1, "名": "值", "scope": "district"})"); }

TEST(Signing, CanonicalBytesAreTheCompactDumpWithSortedKeys) {
    EXPECT_EQ(canonicalBytes(goldenDocument()), R"({"scope":"district","version":1,"名":"值"})");
    EXPECT_EQ(canonicalBytes(json::parse(R"({"b": [1, {"d": true, "c": null}], "a": "x\"y"})")),
              R"({"a":"x\"y","b":[1,{"c":null,"d":true}]})");
}

TEST(Signing, SignatureMatchesTheOpensslCommandLine) {
    // Ed25519 is deterministic: same key and bytes, same signature. A change to
    // the canonical bytes would break every envelope already published.
    json envelope = signConfig(goldenDocument(), kGoldenPrivate);
    EXPECT_EQ(envelope.at("signature"), kGoldenSignature);
    EXPECT_EQ(envelope.at("key_id"), keyId(kGoldenPublic));
    EXPECT_TRUE(verifyEnvelope(envelope, kGoldenPublic).ok());
}

TEST(Signing, SignedEnvelopeVerifies) {
    json envelope = signConfig(exampleDocument(), districtKeys().privatePem);
    EXPECT_EQ(envelope.size(), 3u);
    EXPECT_EQ(envelope.at("document"), exampleDocument());
    EXPECT_EQ(envelope.at("signature").get<std::string>().size(), 88u);  // 64 bytes in base64
    EXPECT_EQ(envelope.at("key_id"), keyId(districtKeys().publicPem));
    auto result = verifyEnvelope(envelope, districtKeys().publicPem);
    EXPECT_TRUE(result.ok()) << result.message;
    EXPECT_TRUE(result.message.empty());
}

TEST(Signing, KeyIdIsTheSameForThePrivateAndThePublicHalf) {
    const std::string id = keyId(districtKeys().publicPem);
    EXPECT_EQ(id, keyId(districtKeys().privatePem));
    EXPECT_EQ(id.size(), std::string("ed25519:").size() + 16);
    EXPECT_NE(id, keyId(otherKeys().publicPem));
    EXPECT_THROW(keyId("not a key"), std::invalid_argument);
}

TEST(Signing, FormattingInTransitDoesNotMatter) {
    json envelope = signConfig(exampleDocument(), districtKeys().privatePem);
    json reparsed = json::parse(envelope.dump(4));  // pretty-printed, as stored by a tool
    EXPECT_TRUE(verifyEnvelope(reparsed, districtKeys().publicPem).ok());
}

TEST(Signing, AnyChangeToTheDocumentBreaksTheSignature) {
    const json signed_ = signConfig(exampleDocument(), districtKeys().privatePem);
    for (auto change : {+[](json& d) { d["idle_timeout_seconds"] = 91; },
                        +[](json& d) { d["staff_pins"].erase(1); },
                        +[](json& d) { d["announcement"] = "本周五上午九点在二楼活动室举办防诈骗讲座，欢迎参加!"; },
                        +[](json& d) { d["extra"] = nullptr; }}) {
        json tampered = signed_;
        change(tampered["document"]);
        auto result = verifyEnvelope(tampered, districtKeys().publicPem);
        EXPECT_EQ(result.status, VerifyStatus::BadSignature);
        EXPECT_NE(result.message.find("changed after signing"), std::string::npos) << result.message;
    }
}

TEST(Signing, AnotherKeyIsRefusedAndNamed) {
    json envelope = signConfig(exampleDocument(), otherKeys().privatePem);
    auto result = verifyEnvelope(envelope, districtKeys().publicPem);
    EXPECT_EQ(result.status, VerifyStatus::BadSignature);
    EXPECT_NE(result.message.find(keyId(otherKeys().publicPem)), std::string::npos) << result.message;
    EXPECT_NE(result.message.find(keyId(districtKeys().publicPem)), std::string::npos) << result.message;

    // A forged key_id changes nothing: the signature still does not verify.
    envelope["key_id"] = keyId(districtKeys().publicPem);
    EXPECT_EQ(verifyEnvelope(envelope, districtKeys().publicPem).status, VerifyStatus::BadSignature);
}

TEST(Signing, DamagedSignaturesAreRefused) {
    json envelope = signConfig(exampleDocument(), districtKeys().privatePem);
    const std::string sig = envelope.at("signature");

    json flipped = envelope;
    std::string s = sig;
    s[10] = s[10] == 'A' ? 'B' : 'A';
    flipped["signature"] = s;
    EXPECT_EQ(verifyEnvelope(flipped, districtKeys().publicPem).status, VerifyStatus::BadSignature);

    json truncated = envelope;
    truncated["signature"] = sig.substr(0, 84);  // valid base64 of 63 bytes
    auto r = verifyEnvelope(truncated, districtKeys().publicPem);
    EXPECT_EQ(r.status, VerifyStatus::BadSignature);
    EXPECT_NE(r.message.find("63 bytes"), std::string::npos) << r.message;
}

TEST(Signing, EnvelopesOfTheWrongShapeAreMalformed) {
    const json good = signConfig(exampleDocument(), districtKeys().privatePem);
    std::vector<std::pair<std::string, json>> cases = {
        {"array", json::array({good})},
        {"string", "hello"},
        {"null", nullptr},
    };
    auto edited = [&](const std::string& name, auto edit) {
        json e = good;
        edit(e);
        cases.emplace_back(name, e);
    };
    edited("no document", [](json& e) { e.erase("document"); });
    edited("document is a string", [](json& e) { e["document"] = e["document"].dump(); });
    edited("document is an array", [](json& e) { e["document"] = json::array(); });
    edited("no signature", [](json& e) { e.erase("signature"); });
    edited("signature is a number", [](json& e) { e["signature"] = 5; });
    edited("signature not base64", [](json& e) { e["signature"] = "!!!!"; });
    edited("signature with a newline", [](json& e) { e["signature"] = e["signature"].get<std::string>() + "\n"; });
    edited("no key_id", [](json& e) { e.erase("key_id"); });
    edited("empty key_id", [](json& e) { e["key_id"] = ""; });
    edited("extra field", [](json& e) { e["signed_by"] = "admin"; });
    for (const auto& [name, envelope] : cases) {
        auto result = verifyEnvelope(envelope, districtKeys().publicPem);
        EXPECT_EQ(result.status, VerifyStatus::Malformed) << name;
        EXPECT_FALSE(result.message.empty()) << name;
    }
}

TEST(Signing, AnUnusablePublicKeyIsSaidSo) {
    json envelope = signConfig(exampleDocument(), districtKeys().privatePem);
    EXPECT_EQ(verifyEnvelope(envelope, "").status, VerifyStatus::BadPublicKey);
    EXPECT_EQ(verifyEnvelope(envelope, "-----BEGIN PUBLIC KEY-----\nAAAA\n-----END PUBLIC KEY-----\n").status,
              VerifyStatus::BadPublicKey);
    // The private key is not where the public key belongs.
    EXPECT_EQ(verifyEnvelope(envelope, districtKeys().privatePem).status, VerifyStatus::BadPublicKey);
}

TEST(Signing, SigningNeedsAnObjectAndAPrivateKey) {
    EXPECT_THROW(signConfig(json::array(), districtKeys().privatePem), std::invalid_argument);
    EXPECT_THROW(signConfig(exampleDocument(), districtKeys().publicPem), std::invalid_argument);
    EXPECT_THROW(signConfig(exampleDocument(), "garbage"), std::invalid_argument);
}

TEST(Signing, GeneratedKeysArePem) {
    const auto& keys = districtKeys();
    EXPECT_TRUE(keys.privatePem.starts_with("-----BEGIN PRIVATE KEY-----\n"));
    EXPECT_TRUE(keys.publicPem.starts_with("-----BEGIN PUBLIC KEY-----\n"));
    EXPECT_NE(keys.privatePem, otherKeys().privatePem);
}

}  // namespace
}  // namespace config

namespace {

// config/keyset.h: a station's trusted keys change only through a keyset
// signed by a key it already trusts.
TEST(KeySet, TakesANewerSetSignedByATrustedKeyOnly) {
    const auto k1 = config::generateKeyPair(), k2 = config::generateKeyPair(), evil = config::generateKeyPair();
    const config::KeySet current{1, {k1.publicPem}};
    const auto grown = config::signKeySet({2, {k1.publicPem, k2.publicPem}}, {k1.privatePem, k2.privatePem});
    auto d = config::decideKeySet(grown, current);
    ASSERT_TRUE(d.accepted) << d.message;
    EXPECT_EQ(d.keys.version, 2);
    EXPECT_EQ(d.keys.keys.size(), 2u);
    // Signed by a key the station does not trust.
    d = config::decideKeySet(config::signKeySet({2, {evil.publicPem}}, {evil.privatePem}), current);
    EXPECT_FALSE(d.accepted);
    EXPECT_EQ(d.code, "bad_signature");
    // The document changed after signing.
    auto tampered = grown;
    tampered["document"]["keys"] = nlohmann::json::array({evil.publicPem});
    EXPECT_EQ(config::decideKeySet(tampered, current).code, "bad_signature");
    // Old and repeated sets.
    EXPECT_EQ(config::decideKeySet(config::signKeySet({1, {k1.publicPem}}, {k1.privatePem}), {2, {k1.publicPem}}).code,
              "rollback");
    EXPECT_EQ(config::decideKeySet(grown, {2, {k1.publicPem}}).code, "same_version");
    EXPECT_EQ(config::decideKeySet(nlohmann::json::array(), current).code, "malformed");
    EXPECT_EQ(config::decideKeySet({{"document", 1}, {"signatures", 2}}, current).code, "malformed");
}

// config/elder_qr.h
TEST(ElderQr, SignedCodesVerifyAndNothingElseDoes) {
    const auto k = config::generateKeyPair(), other = config::generateKeyPair();
    const std::string qr = config::signElderQr({"m-000001", "2026-12-01"}, k.privatePem);
    EXPECT_EQ(qr.rfind("ELDER1:m-000001:20261201:", 0), 0u) << qr;
    auto c = config::verifyElderQr(qr, {other.publicPem, k.publicPem});
    ASSERT_EQ(c.status, config::ElderQrStatus::Ok);
    EXPECT_EQ(c.qr.member_id, "m-000001");
    EXPECT_EQ(c.qr.issued, "2026-12-01");
    EXPECT_EQ(config::verifyElderQr(qr, {other.publicPem}).status, config::ElderQrStatus::BadSignature);
    std::string otherDay = qr;
    otherDay.replace(otherDay.find("20261201"), 8, "20261202");
    EXPECT_EQ(config::verifyElderQr(otherDay, {k.publicPem}).status, config::ElderQrStatus::BadSignature);
    EXPECT_EQ(config::verifyElderQr("ELDER1:m-1", {k.publicPem}).status, config::ElderQrStatus::Malformed);
    EXPECT_EQ(config::verifyElderQr("ELDER1:m-1:2026:x", {k.publicPem}).status, config::ElderQrStatus::Malformed);
    EXPECT_EQ(config::verifyElderQr("8801000001", {k.publicPem}).status, config::ElderQrStatus::NotElderQr);
    EXPECT_THROW(config::signElderQr({"m:1", "2026-12-01"}, k.privatePem), std::invalid_argument);
}

}  // namespace
