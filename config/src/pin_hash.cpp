#include "config/pin_hash.h"

#include "openssl_util.h"

#include <openssl/crypto.h>
#include <openssl/rand.h>

#include <charconv>
#include <stdexcept>

namespace config {
namespace {

using detail::Bytes;

constexpr std::string_view kScheme = "pbkdf2-sha256";

struct ParsedHash {
    int iterations = 0;
    Bytes salt;
    Bytes hash;
};

// Splits "pbkdf2-sha256$ITER$SALT$HASH" and checks every part; nullopt if any
// part is off, so a damaged string can never be half-used.
std::optional<ParsedHash> parse(std::string_view s) {
    std::string_view parts[4];
    for (int i = 0; i < 3; ++i) {
        auto cut = s.find('$');
        if (cut == std::string_view::npos) return std::nullopt;
        parts[i] = s.substr(0, cut);
        s.remove_prefix(cut + 1);
    }
    parts[3] = s;
    if (parts[0] != kScheme || parts[3].find('$') != std::string_view::npos) return std::nullopt;

    ParsedHash out;
    const std::string_view iter = parts[1];
    // Plain decimal digits only: from_chars alone would also take a leading '-'.
    if (iter.empty() || iter.front() < '1' || iter.front() > '9') return std::nullopt;
    auto [end, ec] = std::from_chars(iter.data(), iter.data() + iter.size(), out.iterations);
    if (ec != std::errc() || end != iter.data() + iter.size()) return std::nullopt;
    if (out.iterations < kPinHashMinIterations || out.iterations > kPinHashMaxIterations)
        return std::nullopt;

    auto salt = detail::base64Decode(parts[2]);
    auto hash = detail::base64Decode(parts[3]);
    if (!salt || salt->size() != kPinSaltBytes || !hash || hash->size() != kPinHashBytes)
        return std::nullopt;
    out.salt = std::move(*salt);
    out.hash = std::move(*hash);
    return out;
}

Bytes derive(std::string_view pin, const Bytes& salt, int iterations) {
    Bytes out(kPinHashBytes);
    if (PKCS5_PBKDF2_HMAC(pin.data(), int(pin.size()), salt.data(), int(salt.size()), iterations,
                          EVP_sha256(), int(out.size()), out.data()) != 1)
        throw std::runtime_error(detail::takeOpensslError("PBKDF2 failed"));
    return out;
}

}  // namespace

bool isValidPin(std::string_view pin) {
    if (pin.size() < 6 || pin.size() > 8) return false;
    for (char c : pin)
        if (c < '0' || c > '9') return false;
    return true;
}

std::string hashPin(std::string_view pin, int iterations) {
    if (!isValidPin(pin)) throw std::invalid_argument("a staff PIN must be 6 to 8 digits");
    if (iterations < kPinHashMinIterations || iterations > kPinHashMaxIterations)
        throw std::invalid_argument("PIN hash iterations out of the accepted range");
    Bytes salt(kPinSaltBytes);
    if (RAND_bytes(salt.data(), int(salt.size())) != 1)
        throw std::runtime_error(detail::takeOpensslError("no random bytes for the PIN salt"));
    Bytes hash = derive(pin, salt, iterations);
    return std::string(kScheme) + '$' + std::to_string(iterations) + '$' +
           detail::base64Encode(salt) + '$' + detail::base64Encode(hash);
}

bool verifyPin(std::string_view pin, std::string_view encoded) {
    if (!isValidPin(pin)) return false;
    auto parsed = parse(encoded);
    if (!parsed) return false;
    Bytes candidate = derive(pin, parsed->salt, parsed->iterations);
    // Constant time, so response timing says nothing about how close a guess was.
    return CRYPTO_memcmp(candidate.data(), parsed->hash.data(), candidate.size()) == 0;
}

bool isWellFormedPinHash(std::string_view encoded) { return parse(encoded).has_value(); }

}  // namespace config
