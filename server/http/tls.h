// tls.h — the TLS settings of every HTTPS listener of the district server (the
// sync API, and any other port such as an admin console): one function, so
// they cannot drift apart.
//
//   - TLS 1.2 and 1.3 only; no TLS compression (CRIME), no renegotiation.
//   - TLS 1.2: only ECDHE with an AEAD cipher (AES-GCM, ChaCha20-Poly1305),
//     for ECDSA and RSA certificates; no CBC, no static RSA key exchange.
//   - TLS 1.3: OpenSSL's default suites (all AEAD).
//   - The server's order of preference, not the client's: AES-128-GCM first
//     (hardware AES on the server), then AES-256-GCM, then ChaCha20.
//   - Curves X25519, P-256, P-384.
// HTTP-level compression of answers (BREACH) is refused separately, by
// HardenedHttpsServer.
#pragma once

#include <string>

typedef struct ssl_ctx_st SSL_CTX;

namespace district {

inline constexpr const char* kTls12Ciphers =
    "ECDHE-ECDSA-AES128-GCM-SHA256:ECDHE-RSA-AES128-GCM-SHA256:"
    "ECDHE-ECDSA-AES256-GCM-SHA384:ECDHE-RSA-AES256-GCM-SHA384:"
    "ECDHE-ECDSA-CHACHA20-POLY1305:ECDHE-RSA-CHACHA20-POLY1305";
inline constexpr const char* kTls13Suites =
    "TLS_AES_128_GCM_SHA256:TLS_AES_256_GCM_SHA384:TLS_CHACHA20_POLY1305_SHA256";

// Applies the settings above and loads the certificate chain and its private
// key (PEM files). False, with `error` (if given) saying what failed, when a
// file cannot be used or the key does not match the certificate.
bool configureServerTls(SSL_CTX& ctx, const std::string& certChainPath, const std::string& keyPath,
                        std::string* error = nullptr);

}  // namespace district
