// openssl_util.h — private helpers shared by the PIN hashing and the signing
// code: RAII owners for OpenSSL objects, base64 through OpenSSL's own encoder,
// and turning OpenSSL's thread-local error queue into a message.
#pragma once

#include <openssl/bio.h>
#include <openssl/evp.h>

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace config::detail {

struct PkeyFree {
    void operator()(EVP_PKEY* p) const { EVP_PKEY_free(p); }
};
struct MdCtxFree {
    void operator()(EVP_MD_CTX* p) const { EVP_MD_CTX_free(p); }
};
struct PkeyCtxFree {
    void operator()(EVP_PKEY_CTX* p) const { EVP_PKEY_CTX_free(p); }
};
struct BioFree {
    void operator()(BIO* p) const { BIO_free(p); }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, PkeyFree>;
using MdCtxPtr = std::unique_ptr<EVP_MD_CTX, MdCtxFree>;
using PkeyCtxPtr = std::unique_ptr<EVP_PKEY_CTX, PkeyCtxFree>;
using BioPtr = std::unique_ptr<BIO, BioFree>;

using Bytes = std::vector<unsigned char>;

// Standard base64 with padding (RFC 4648 section 4), via EVP_EncodeBlock.
std::string base64Encode(const unsigned char* data, std::size_t size);
inline std::string base64Encode(const Bytes& b) { return base64Encode(b.data(), b.size()); }

// Strict decoder: only the standard alphabet, length a multiple of 4, '=' only
// as the last one or two characters, no whitespace. EVP_DecodeBlock alone is
// lenient (skips surrounding whitespace, counts padding as zero bytes), so the
// shape is checked first and the padding subtracted here.
std::optional<Bytes> base64Decode(std::string_view text);

// Drains OpenSSL's error queue into one line, prefixed by `what`. Draining
// matters: the queue is per thread, and a stale entry left behind would be
// blamed on the next OpenSSL user in the thread (libcurl's TLS in the sync worker).
std::string takeOpensslError(std::string_view what);

// Discards the queued errors without reading them (for failures we report in
// our own words, such as "signature does not match").
void clearOpensslErrors();

}  // namespace config::detail
