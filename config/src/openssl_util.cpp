#include "openssl_util.h"

#include <openssl/err.h>

#include <climits>
#include <stdexcept>

namespace config::detail {

std::string base64Encode(const unsigned char* data, std::size_t size) {
    if (size == 0) return {};
    // EVP_EncodeBlock takes an int length; our inputs are tens of bytes.
    if (size > std::size_t(INT_MAX / 4 * 3)) throw std::length_error("base64 input too large");
    std::string out(4 * ((size + 2) / 3) + 1, '\0');  // + 1: it writes a NUL
    int n = EVP_EncodeBlock(reinterpret_cast<unsigned char*>(out.data()), data, int(size));
    out.resize(std::size_t(n));
    return out;
}

namespace {

bool isBase64Char(char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') ||
           c == '+' || c == '/';
}

}  // namespace

std::optional<Bytes> base64Decode(std::string_view text) {
    if (text.empty()) return Bytes{};
    if (text.size() % 4 != 0 || text.size() > std::size_t(INT_MAX)) return std::nullopt;
    std::size_t padding = 0;
    if (text.back() == '=') padding = text[text.size() - 2] == '=' ? 2 : 1;
    for (std::size_t i = 0; i < text.size() - padding; ++i)
        if (!isBase64Char(text[i])) return std::nullopt;

    Bytes out(text.size() / 4 * 3);
    int n = EVP_DecodeBlock(out.data(), reinterpret_cast<const unsigned char*>(text.data()),
                            int(text.size()));
    if (n < 0 || std::size_t(n) != out.size()) {
        clearOpensslErrors();
        return std::nullopt;
    }
    out.resize(out.size() - padding);
    return out;
}

std::string takeOpensslError(std::string_view what) {
    std::string msg(what);
    bool first = true;
    while (unsigned long code = ERR_get_error()) {
        char buf[256];
        ERR_error_string_n(code, buf, sizeof buf);
        msg += first ? ": " : "; ";
        msg += buf;
        first = false;
    }
    return msg;
}

void clearOpensslErrors() { ERR_clear_error(); }

}  // namespace config::detail
