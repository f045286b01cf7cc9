// PIN hashing is slow by design (tens of ms per hash): these tests keep to a
// handful of real PBKDF2 runs, most at the minimum iteration count.
#include "config/pin_hash.h"

#include "test_support.h"

#include <gtest/gtest.h>

#include <stdexcept>

namespace config {
namespace {

TEST(PinHash, VerifiesTheRightPinAndRefusesAWrongOne) {
    const std::string hash = hashPin("246813");  // the production iteration count
    EXPECT_TRUE(hash.starts_with("pbkdf2-sha256$" + std::to_string(kPinHashIterations) + "$"));
    EXPECT_TRUE(isWellFormedPinHash(hash));
    EXPECT_TRUE(verifyPin("246813", hash));
    EXPECT_FALSE(verifyPin("246814", hash));
    EXPECT_FALSE(verifyPin("2468", hash)) << "too short to be a PIN";
}

TEST(PinHash, TwoHashesOfTheSamePinDifferBecauseOfTheSalt) {
    const std::string a = hashPin("135790", kPinHashMinIterations);
    const std::string b = hashPin("135790", kPinHashMinIterations);
    EXPECT_NE(a, b);
    // The salt (third part) differs, not just the output.
    EXPECT_NE(a.substr(0, a.rfind('$')), b.substr(0, b.rfind('$')));
    EXPECT_TRUE(verifyPin("135790", b));
}

TEST(PinHash, MatchesStandardPbkdf2) {
    // Made independently with Python: hashlib.pbkdf2_hmac("sha256", b"246813",
    // bytes(range(16)), 100000, 32). Another implementation (the district server,
    // an audit script) can check our hashes.
    const std::string known =
        "pbkdf2-sha256$100000$AAECAwQFBgcICQoLDA0ODw==$5N2YZ6qXV4jN1ROatSUEPoUJ7d3RyeooEm6PRo3XBdY=";
    EXPECT_TRUE(verifyPin("246813", known));
}

TEST(PinHash, TheExampleDocumentsStaffPinIsTheOneInTheReadme) {
    const auto& staff = test::exampleDocument().at("staff_pins").at(0);
    EXPECT_TRUE(verifyPin("246810", staff.at("hash").get<std::string>()));
}

TEST(PinHash, AcceptsOnlySixToEightDigits) {
    for (const char* bad : {"", "123", "1234", "12345", "123456789", "12a456", " 123456", "123456 ",
                            "１２３４５６", "-12345"}) {
        EXPECT_FALSE(isValidPin(bad)) << bad;
        EXPECT_THROW(hashPin(bad), std::invalid_argument) << bad;
    }
    for (const char* good : {"000000", "123456", "12345678"}) EXPECT_TRUE(isValidPin(good)) << good;
}

TEST(PinHash, RefusesIterationCountsOutOfBounds) {
    EXPECT_THROW(hashPin("123456", kPinHashMinIterations - 1), std::invalid_argument);
    EXPECT_THROW(hashPin("123456", kPinHashMaxIterations + 1), std::invalid_argument);
}

TEST(PinHash, AMalformedHashNeverMatchesAndCostsNothing) {
    const std::string salt = "AAECAwQFBgcICQoLDA0ODw==";
    const std::string out = "ayf3tcDVah5kRZWydsw6bJ//4aRAeOWgSOaDtH/B5Lg=";
    const std::vector<std::string> malformed = {
        "",
        "2468",
        "pbkdf2-sha1$100000$" + salt + "$" + out,      // another scheme
        "pbkdf2-sha256$99999$" + salt + "$" + out,     // below the floor
        "pbkdf2-sha256$2000001$" + salt + "$" + out,   // above the ceiling
        "pbkdf2-sha256$0100000$" + salt + "$" + out,   // leading zero
        "pbkdf2-sha256$-100000$" + salt + "$" + out,
        "pbkdf2-sha256$1e5$" + salt + "$" + out,
        "pbkdf2-sha256$100000$AAECAwQFBgcICQoL$" + out,           // 12-byte salt
        "pbkdf2-sha256$100000$" + salt + "$AAECAwQFBgcICQoL",     // 12-byte hash
        "pbkdf2-sha256$100000$" + salt + "$" + out + "$",         // extra part
        "pbkdf2-sha256$100000$" + salt + "$" + out.substr(0, 43) + "!",  // not base64
        "pbkdf2-sha256$100000$ " + salt.substr(1) + "$" + out,    // whitespace
    };
    for (const auto& m : malformed) {
        EXPECT_FALSE(isWellFormedPinHash(m)) << m;
        EXPECT_FALSE(verifyPin("2468", m)) << m;
    }
    // A valid PIN format is checked before any hashing: a letter never matches.
    EXPECT_FALSE(verifyPin("24a8", "pbkdf2-sha256$100000$" + salt + "$" + out));
}

}  // namespace
}  // namespace config
