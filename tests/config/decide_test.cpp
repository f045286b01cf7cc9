#include "config/decide.h"

#include "test_support.h"

#include <gtest/gtest.h>

namespace config {
namespace {

using json = nlohmann::json;
using test::districtKeys;
using test::exampleDocument;

const std::string kStation = "st-changcheng";
const core::TimePoint kNow = core::parseIso("2026-11-23T10:00:00+08:00");

json signedDoc(const json& doc) { return signConfig(doc, districtKeys().privatePem); }

json exampleWith(const std::function<void(json&)>& edit) {
    json doc = exampleDocument();
    edit(doc);
    return doc;
}

ConfigDecision decideNow(const json& envelope, std::int64_t running = 3, const std::string& station = kStation) {
    return decide(envelope, districtKeys().publicPem, running, station, kNow);
}

// The reason code of a rejection, or "accepted".
std::string outcome(const ConfigDecision& d) {
    if (const auto* r = std::get_if<Reject>(&d)) return std::string(r->reasonCode()) + " (" + r->message + ")";
    return "accepted";
}

std::string code(const ConfigDecision& d) {
    if (const auto* r = std::get_if<Reject>(&d)) return std::string(r->reasonCode());
    return "accepted";
}

TEST(Decide, AcceptsASignedNewerValidDocumentForThisStation) {
    ConfigDecision d = decideNow(signedDoc(exampleDocument()));
    ASSERT_TRUE(isAccepted(d)) << outcome(d);
    const StationConfig& c = std::get<Accept>(d).config;
    EXPECT_EQ(c.version, 7);
    EXPECT_EQ(c.stationName, "长城长者服务站");
    EXPECT_EQ(c.staffPins.size(), 2u);
}

TEST(Decide, ADistrictDocumentIsForEveryStation) {
    json env = signedDoc(exampleWith([](json& d) { d["scope"] = "district"; }));
    EXPECT_TRUE(isAccepted(decideNow(env, 0, "st-futian-01")));
    EXPECT_TRUE(isAccepted(decideNow(env, 6, kStation)));
}

TEST(Decide, TheEnvelopeAsText) {
    const std::string text = signedDoc(exampleDocument()).dump(2);
    EXPECT_TRUE(isAccepted(decideText(text, districtKeys().publicPem, 0, kStation, kNow)));
    for (const char* bad : {"", "{", "not json", "{\"document\": {}", "[1,2]", "{\"document\": {\"version\": 1E500}}"}) {
        ConfigDecision d = decideText(bad, districtKeys().publicPem, 0, kStation, kNow);
        EXPECT_EQ(code(d), "malformed") << bad;
    }
    // Invalid UTF-8 is not JSON text either.
    EXPECT_EQ(code(decideText("{\"document\": \"\xff\"}", districtKeys().publicPem, 0, kStation, kNow)),
              "malformed");
}

// 100,000 nested arrays would overflow the stack when the document is
// copied or re-serialised for the signature check: refused before any DOM.
TEST(Decide, ADeeplyNestedEnvelopeIsMalformed) {
    const std::string deep = "{\"document\": {\"announcement\": " + std::string(100000, '[') +
                             std::string(100000, ']') + "}, \"signature\": \"x\", \"key_id\": \"y\"}";
    const ConfigDecision d = decideText(deep, districtKeys().publicPem, 0, kStation, kNow);
    EXPECT_EQ(code(d), "malformed");
    EXPECT_NE(outcome(d).find("deeper than 32"), std::string::npos) << outcome(d);
}

TEST(Decide, NotAnEnvelopeIsMalformed) {
    EXPECT_EQ(code(decideNow(exampleDocument())), "malformed");  // a bare document, unsigned
    EXPECT_EQ(code(decideNow(json::array())), "malformed");
    json env = signedDoc(exampleDocument());
    env.erase("signature");
    EXPECT_EQ(code(decideNow(env)), "malformed");
}

TEST(Decide, ATamperedDocumentIsRefused) {
    json env = signedDoc(exampleDocument());
    env["document"]["idle_timeout_seconds"] = 600;
    EXPECT_EQ(code(decideNow(env)), "bad_signature");
}

TEST(Decide, AnotherKeysSignatureIsRefused) {
    json env = signConfig(exampleDocument(), test::otherKeys().privatePem);
    EXPECT_EQ(code(decideNow(env)), "bad_signature");
}

TEST(Decide, AStationWithoutAUsableKeyAcceptsNothing) {
    ConfigDecision d = decide(signedDoc(exampleDocument()), "", 0, kStation, kNow);
    ASSERT_EQ(code(d), "bad_signature");
    EXPECT_NE(std::get<Reject>(d).message.find("re-enroll"), std::string::npos);
}

TEST(Decide, AnOlderVersionIsARollback) {
    ConfigDecision d = decideNow(signedDoc(exampleDocument()), 8);
    ASSERT_EQ(code(d), "rollback");
    EXPECT_EQ(std::get<Reject>(d).message, "version 7 is older than the running version 8; a station never goes back");
}

TEST(Decide, TheSameVersionIsNotAppliedAgain) {
    ConfigDecision d = decideNow(signedDoc(exampleDocument()), 7);
    ASSERT_EQ(code(d), "same_version");
    EXPECT_EQ(std::get<Reject>(d).message, "version 7 is already running");
}

TEST(Decide, AnExpiredDocumentIsRefused) {
    json atNow = signedDoc(exampleWith([](json& d) { d["expires_at"] = "2026-11-23T10:00:00+08:00"; }));
    ConfigDecision d = decideNow(atNow);
    ASSERT_EQ(code(d), "expired");
    EXPECT_EQ(std::get<Reject>(d).message,
              "the document expired at 2026-11-23T10:00:00+08:00 (now 2026-11-23T10:00:00+08:00)");
    // One second later than now is still acceptable; the offset does not matter.
    json later = signedDoc(exampleWith([](json& d) { d["expires_at"] = "2026-11-23T02:00:01Z"; }));
    EXPECT_TRUE(isAccepted(decideNow(later)));
}

TEST(Decide, ADocumentForAnotherStationIsRefused) {
    ConfigDecision d = decideNow(signedDoc(exampleDocument()), 3, "st-lianhua");
    ASSERT_EQ(code(d), "wrong_scope");
    EXPECT_EQ(std::get<Reject>(d).message, "the document is for station st-changcheng, this is station st-lianhua");
}

TEST(Decide, ASignedButInvalidDocumentIsRefusedWithEveryProblem) {
    json env = signedDoc(exampleWith([](json& d) {
        d["idle_timeout_seconds"] = 5;
        d["colour"] = "red";
    }));
    ConfigDecision d = decideNow(env);
    ASSERT_EQ(code(d), "invalid");
    const std::string& message = std::get<Reject>(d).message;
    EXPECT_TRUE(message.starts_with("2 problems: idle_timeout_seconds: ")) << message;
    EXPECT_NE(message.find("; colour: unknown field"), std::string::npos) << message;
}

TEST(Decide, AVersionThatCannotBeOrderedIsInvalidNotSameVersion) {
    for (const json& version : {json(0), json(-1), json("8"), json(nullptr)}) {
        json env = signedDoc(exampleWith([&](json& d) { d["version"] = version; }));
        EXPECT_EQ(code(decideNow(env, 0)), "invalid") << version;
    }
    json env = signedDoc(exampleWith([](json& d) { d.erase("version"); }));
    EXPECT_EQ(code(decideNow(env, 0)), "invalid");
}

TEST(Decide, ChecksComeInTheDocumentedOrder) {
    // Signature before everything: a tampered old document is bad_signature.
    json tamperedOld = signedDoc(exampleDocument());
    tamperedOld["document"]["version"] = 2;
    EXPECT_EQ(code(decideNow(tamperedOld, 5)), "bad_signature");

    // An old document that also expired, targets another station and is invalid: rollback.
    json everything = signedDoc(exampleWith([](json& d) {
        d["expires_at"] = "2020-01-01T00:00:00+08:00";
        d["scope"] = "st-other";
        d["idle_timeout_seconds"] = 1;
    }));
    EXPECT_EQ(code(decideNow(everything, 9)), "rollback");
    EXPECT_EQ(code(decideNow(everything, 7)), "same_version");
    // Newer, but expired (and for another station, and invalid): expired.
    EXPECT_EQ(code(decideNow(everything, 3)), "expired");

    // Not expired, for another station and invalid: wrong_scope.
    json elsewhere = signedDoc(exampleWith([](json& d) {
        d["scope"] = "st-other";
        d["idle_timeout_seconds"] = 1;
    }));
    EXPECT_EQ(code(decideNow(elsewhere)), "wrong_scope");
}

TEST(Decide, ReasonCodes) {
    EXPECT_EQ(toString(RejectCode::Malformed), "malformed");
    EXPECT_EQ(toString(RejectCode::BadSignature), "bad_signature");
    EXPECT_EQ(toString(RejectCode::Rollback), "rollback");
    EXPECT_EQ(toString(RejectCode::SameVersion), "same_version");
    EXPECT_EQ(toString(RejectCode::Expired), "expired");
    EXPECT_EQ(toString(RejectCode::WrongScope), "wrong_scope");
    EXPECT_EQ(toString(RejectCode::Invalid), "invalid");
}

TEST(Decide, RestoringAtStartupIgnoresVersionAndExpiryButNotTheSignature) {
    json expired = signedDoc(exampleWith([](json& d) { d["expires_at"] = "2020-01-01T00:00:00+08:00"; }));
    ConfigDecision d = restoreAccepted(expired, districtKeys().publicPem, kStation);
    ASSERT_TRUE(isAccepted(d)) << outcome(d);
    EXPECT_EQ(std::get<Accept>(d).config.version, 7);

    json tampered = expired;
    tampered["document"]["staff_pins"] = json::array();
    EXPECT_EQ(code(restoreAccepted(tampered, districtKeys().publicPem, kStation)), "bad_signature");
    EXPECT_EQ(code(restoreAccepted(expired, districtKeys().publicPem, "st-other")), "wrong_scope");
    json invalid = signedDoc(exampleWith([](json& d) { d["idle_timeout_seconds"] = 1; }));
    EXPECT_EQ(code(restoreAccepted(invalid, districtKeys().publicPem, kStation)), "invalid");
}

}  // namespace
}  // namespace config
