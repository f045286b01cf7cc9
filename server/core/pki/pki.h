// pki.h — the district's keys and certificates, made on first start
// (OpenSSL EVP / X509 APIs, no openssl command needed).
//
//   DATA_DIR/tls/ca.pem, ca.key          demo district CA (self-signed, 10 years)
//   DATA_DIR/tls/server.pem, server.key  server certificate signed by the CA for
//                                        DNS:localhost and IP:127.0.0.1 (2 years)
//   DATA_DIR/keys/config-signing.key     Ed25519 key that signs pushed config
//   DATA_DIR/keys/config-signing.pub.pem its public half (in enrollment bundles)
//
// Keys are ECDSA P-256 (fast handshakes on a 2-core server) and are written
// with mode 0600. Existing files are never replaced: an admin can put a CA
// and certificate of the district's own in their place.
#pragma once

#include <string>
#include <vector>

namespace district {

struct PkiPaths {
    std::string ca_cert, ca_key, server_cert, server_key, config_key, config_pub;
};

PkiPaths pkiPaths(const std::string& dataDir);

// Creates whatever is missing. Returns what was created, for the log.
// Throws std::runtime_error with OpenSSL's reason on failure.
std::vector<std::string> ensurePki(const std::string& dataDir);

// A CA and a server certificate signed by it, in memory; `hosts` become the
// SAN entries (names as DNS, literal addresses as IP). Used by ensurePki and
// by tests that need a second, unrelated CA.
struct CertPair {
    std::string ca_cert_pem, ca_key_pem, cert_pem, key_pem;
};
CertPair makeCaAndServerCert(const std::string& caName, const std::vector<std::string>& hosts);

// Ed25519 key pair as PEM (private PKCS#8, public SubjectPublicKeyInfo).
std::pair<std::string, std::string> makeEd25519KeyPair();

std::string readFile(const std::string& path);
// Writes atomically (temp file + rename) with the given mode.
void writeFile(const std::string& path, const std::string& content, unsigned mode = 0644);

}  // namespace district
