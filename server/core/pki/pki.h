// pki.h — the district's keys and certificates (OpenSSL EVP / X509 APIs, no
// openssl command needed). Made only by `init` and `demo`: every other command
// refuses to run when one is missing (requirePki), because a key made behind
// the admin's back would make every station refuse its config or its TLS.
//
//   DATA_DIR/tls/ca.pem, ca.key          district CA (self-signed, 10 years);
//                                        ca.key may be kept offline
//   DATA_DIR/tls/server.pem, server.key  server certificate signed by the CA for
//                                        DNS:localhost and IP:127.0.0.1 (2 years)
//   DATA_DIR/keys/config-signing.key     Ed25519 key that signs config, keysets
//                                        and elder QR codes (the current one)
//   DATA_DIR/keys/config-signing.pub.pem its public half (in enrollment bundles)
//   DATA_DIR/keys/previous/<id>.key      earlier signing keys still trusted by
//                                        stations, until `keys retire`
//   DATA_DIR/keys/member-hash.key        the district's member key (64 hex
//                                        digits; config/member_hash.h)
//
// TLS keys are ECDSA P-256 (fast handshakes on a 2-core server). Folders are
// 0700, private keys 0600. Existing files are never replaced: an admin can put
// a CA and certificate of the district's own in their place.
#pragma once

#include <stdexcept>
#include <string>
#include <vector>

namespace district {

struct PkiPaths {
    std::string ca_cert, ca_key, server_cert, server_key, config_key, config_pub;
    std::string previous_keys;  // folder
    std::string member_key;
};

PkiPaths pkiPaths(const std::string& dataDir);

// `init` and `demo` only: creates whatever is missing (the data folder 0700
// too). Returns what was created, for the log. Throws std::runtime_error with
// OpenSSL's reason on failure.
std::vector<std::string> initPki(const std::string& dataDir);

// Every other command: throws MissingKeys naming what is missing and what to
// do, and creates nothing.
class MissingKeys : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};
void requirePki(const std::string& dataDir);

// The member key, checked (64 hex digits); throws MissingKeys.
std::string readMemberKey(const std::string& dataDir);

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
