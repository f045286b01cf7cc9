#include "pki/token.h"

#include <openssl/rand.h>
#include <openssl/sha.h>

#include <stdexcept>

namespace district {
namespace {

std::string hex(const unsigned char* p, std::size_t n) {
    static const char* digits = "0123456789abcdef";
    std::string out;
    out.reserve(n * 2);
    for (std::size_t i = 0; i < n; ++i) {
        out.push_back(digits[p[i] >> 4]);
        out.push_back(digits[p[i] & 15]);
    }
    return out;
}

}  // namespace

std::string newToken() {
    unsigned char buf[24];
    if (RAND_bytes(buf, sizeof buf) != 1) throw std::runtime_error("no random bytes for a token");
    return hex(buf, sizeof buf);
}

std::string sha256Hex(const std::string& data) {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(data.data()), data.size(), md);
    return hex(md, sizeof md);
}

}  // namespace district
