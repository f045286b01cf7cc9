#include "http/tls.h"

#include <openssl/err.h>
#include <openssl/ssl.h>

namespace district {
namespace {

bool fail(std::string* error, const std::string& what) {
    if (error) {
        *error = what;
        if (const unsigned long e = ERR_peek_last_error()) {
            char buf[256];
            ERR_error_string_n(e, buf, sizeof buf);
            *error += std::string(" (") + buf + ")";
        }
    }
    ERR_clear_error();
    return false;
}

}  // namespace

bool configureServerTls(SSL_CTX& ctx, const std::string& certChainPath, const std::string& keyPath,
                        std::string* error) {
    if (SSL_CTX_set_min_proto_version(&ctx, TLS1_2_VERSION) != 1)
        return fail(error, "cannot require TLS 1.2");
    SSL_CTX_set_options(&ctx, SSL_OP_NO_COMPRESSION | SSL_OP_NO_RENEGOTIATION |
                                  SSL_OP_CIPHER_SERVER_PREFERENCE |
                                  SSL_OP_NO_SESSION_RESUMPTION_ON_RENEGOTIATION);
    if (SSL_CTX_set_cipher_list(&ctx, kTls12Ciphers) != 1)
        return fail(error, "cannot set the TLS 1.2 ciphers");
    if (SSL_CTX_set_ciphersuites(&ctx, kTls13Suites) != 1)
        return fail(error, "cannot set the TLS 1.3 suites");
    if (SSL_CTX_set1_groups_list(&ctx, "X25519:P-256:P-384") != 1)
        return fail(error, "cannot set the key exchange groups");
    if (SSL_CTX_use_certificate_chain_file(&ctx, certChainPath.c_str()) != 1)
        return fail(error, "cannot load the certificate " + certChainPath);
    if (SSL_CTX_use_PrivateKey_file(&ctx, keyPath.c_str(), SSL_FILETYPE_PEM) != 1)
        return fail(error, "cannot load the private key " + keyPath);
    if (SSL_CTX_check_private_key(&ctx) != 1)
        return fail(error, "the key " + keyPath + " does not match the certificate " + certChainPath);
    return true;
}

}  // namespace district
