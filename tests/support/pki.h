// pki.h — throwaway keys and certificates for tests (OpenSSL), e.g. a CA the
// district server was not signed by, to check that sync fails closed.
#pragma once

#include <string>

namespace testsupport {

// A self-signed CA certificate (EC P-256, valid for a day), PEM.
std::string makeCaCertPem(const std::string& commonName = "Elder Test CA");
// A fresh Ed25519 public key, PEM (SubjectPublicKeyInfo).
std::string makeEd25519PublicKeyPem();
// A fresh P-256 public key, PEM: a key of the wrong kind for config signing.
std::string makeEcPublicKeyPem();

}  // namespace testsupport
