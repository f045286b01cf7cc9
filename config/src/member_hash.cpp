#include "config/member_hash.h"

#include <openssl/hmac.h>
#include <openssl/rand.h>

#include <array>
#include <stdexcept>
#include <vector>

#include "openssl_util.h"

namespace config {
namespace {

constexpr char kHex[] = "0123456789abcdef";

std::string hex(const unsigned char* p, std::size_t n) {
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out += kHex[p[i] >> 4];
        out += kHex[p[i] & 0xF];
    }
    return out;
}

int nibble(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

std::string hmac(std::string_view keyHex, const std::string& message) {
    if (!isMemberKey(keyHex)) throw std::invalid_argument("the member key must be 64 hex digits");
    std::array<unsigned char, 32> key{};
    for (std::size_t i = 0; i < key.size(); ++i)
        key[i] = static_cast<unsigned char>(nibble(keyHex[2 * i]) << 4 | nibble(keyHex[2 * i + 1]));
    std::array<unsigned char, EVP_MAX_MD_SIZE> mac{};
    unsigned int len = 0;
    if (!HMAC(EVP_sha256(), key.data(), static_cast<int>(key.size()),
              reinterpret_cast<const unsigned char*>(message.data()), message.size(), mac.data(), &len))
        throw std::runtime_error(detail::takeOpensslError("HMAC failed"));
    return hex(mac.data(), len);
}

}  // namespace

std::string memberHmac(std::string_view keyHex, const std::string& message) { return hmac(keyHex, message); }

std::string newMemberKey() {
    std::array<unsigned char, 32> key{};
    if (RAND_bytes(key.data(), static_cast<int>(key.size())) != 1)
        throw std::runtime_error(detail::takeOpensslError("no random bytes"));
    return hex(key.data(), key.size());
}

bool isMemberKey(std::string_view keyHex) {
    if (keyHex.size() != 64) return false;
    for (char c : keyHex)
        if (nibble(c) < 0) return false;
    return true;
}

std::string cardHash(std::string_view keyHex, std::string_view cardNo) {
    return hmac(keyHex, "card|" + std::string(cardNo));
}

std::string phoneHash(std::string_view keyHex, std::string_view phone) {
    return hmac(keyHex, "phone|" + std::string(phone));
}

std::string phoneBirthdayHash(std::string_view keyHex, std::string_view phone, std::string_view mmdd) {
    return hmac(keyHex, "phone-birthday|" + std::string(phone) + "|" + std::string(mmdd));
}

std::vector<std::string_view> codePointsOf(std::string_view text) {
    std::vector<std::string_view> cps;
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 1;
        n = std::min(n, text.size() - i);
        cps.push_back(text.substr(i, n));
        i += n;
    }
    return cps;
}

std::string maskName(std::string_view name) {
    const auto cps = codePointsOf(name);
    if (cps.size() <= 1) return std::string(name);
    std::string out(cps.front());
    if (cps.size() == 2) return out + "*";
    out.append(cps.size() - 2, '*');
    return out += cps.back();
}

}  // namespace config
