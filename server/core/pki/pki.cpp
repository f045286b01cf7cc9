#include "pki/pki.h"

#include <arpa/inet.h>
#include <fcntl.h>
#include <openssl/bn.h>
#include <openssl/err.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "config/member_hash.h"

namespace district {
namespace {

namespace fs = std::filesystem;
using PKey = std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)>;
using Cert = std::unique_ptr<X509, decltype(&X509_free)>;
using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

[[noreturn]] void sslFail(const std::string& what) {
    char buf[256] = "unknown error";
    if (unsigned long e = ERR_get_error()) ERR_error_string_n(e, buf, sizeof buf);
    throw std::runtime_error(what + ": " + buf);
}

PKey keygen(const char* type, const char* curve) {
    EVP_PKEY* k = curve ? EVP_PKEY_Q_keygen(nullptr, nullptr, type, curve)
                        : EVP_PKEY_Q_keygen(nullptr, nullptr, type);
    if (!k) sslFail(std::string("generating a ") + type + " key");
    return PKey(k, EVP_PKEY_free);
}

std::string bioString(BIO* b) {
    char* data = nullptr;
    long n = BIO_get_mem_data(b, &data);
    return std::string(data, static_cast<std::size_t>(n));
}

std::string certPem(X509* x) {
    Bio b(BIO_new(BIO_s_mem()), BIO_free);
    if (!PEM_write_bio_X509(b.get(), x)) sslFail("writing a certificate");
    return bioString(b.get());
}

std::string keyPem(EVP_PKEY* k) {
    Bio b(BIO_new(BIO_s_mem()), BIO_free);
    if (!PEM_write_bio_PrivateKey(b.get(), k, nullptr, nullptr, 0, nullptr, nullptr))
        sslFail("writing a private key");
    return bioString(b.get());
}

std::string pubPem(EVP_PKEY* k) {
    Bio b(BIO_new(BIO_s_mem()), BIO_free);
    if (!PEM_write_bio_PUBKEY(b.get(), k)) sslFail("writing a public key");
    return bioString(b.get());
}

Cert parseCert(const std::string& pem) {
    Bio b(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    X509* x = PEM_read_bio_X509(b.get(), nullptr, nullptr, nullptr);
    if (!x) sslFail("reading the CA certificate");
    return Cert(x, X509_free);
}

PKey parseKey(const std::string& pem) {
    Bio b(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
    EVP_PKEY* k = PEM_read_bio_PrivateKey(b.get(), nullptr, nullptr, nullptr);
    if (!k) sslFail("reading the CA key");
    return PKey(k, EVP_PKEY_free);
}

void addExt(X509* cert, X509* issuer, int nid, const std::string& value) {
    X509V3_CTX ctx;
    X509V3_set_ctx_nodb(&ctx);
    X509V3_set_ctx(&ctx, issuer, cert, nullptr, nullptr, 0);
    X509_EXTENSION* ex = X509V3_EXT_conf_nid(nullptr, &ctx, nid, value.c_str());
    if (!ex) sslFail("certificate extension " + value);
    X509_add_ext(cert, ex, -1);
    X509_EXTENSION_free(ex);
}

Cert newCert(EVP_PKEY* key, const std::string& cn, long days) {
    Cert x(X509_new(), X509_free);
    X509_set_version(x.get(), 2);
    std::unique_ptr<BIGNUM, decltype(&BN_free)> serial(BN_new(), BN_free);
    BN_rand(serial.get(), 127, BN_RAND_TOP_ANY, BN_RAND_BOTTOM_ANY);
    BN_to_ASN1_INTEGER(serial.get(), X509_get_serialNumber(x.get()));
    // An hour back, so a station whose clock is a little behind accepts it.
    X509_gmtime_adj(X509_getm_notBefore(x.get()), -3600);
    X509_gmtime_adj(X509_getm_notAfter(x.get()), days * 86400L);
    X509_set_pubkey(x.get(), key);
    X509_NAME* name = X509_get_subject_name(x.get());
    X509_NAME_add_entry_by_txt(name, "O", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>("Futian District Elder Services"),
                               -1, -1, 0);
    X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_UTF8,
                               reinterpret_cast<const unsigned char*>(cn.c_str()), -1, -1, 0);
    return x;
}

std::string sanList(const std::vector<std::string>& hosts) {
    std::string san;
    for (const auto& h : hosts) {
        unsigned char buf[sizeof(in6_addr)];
        const bool ip = inet_pton(AF_INET, h.c_str(), buf) == 1 || inet_pton(AF_INET6, h.c_str(), buf) == 1;
        if (!san.empty()) san += ",";
        san += (ip ? "IP:" : "DNS:") + h;
    }
    return san;
}

std::pair<std::string, std::string> signServerCert(const std::string& caCertPem,
                                                   const std::string& caKeyPem,
                                                   const std::vector<std::string>& hosts) {
    Cert ca = parseCert(caCertPem);
    PKey caKey = parseKey(caKeyPem);
    PKey key = keygen("EC", "P-256");
    Cert x = newCert(key.get(), hosts.empty() ? "localhost" : hosts.front(), 2 * 365);
    X509_set_issuer_name(x.get(), X509_get_subject_name(ca.get()));
    addExt(x.get(), ca.get(), NID_basic_constraints, "critical,CA:FALSE");
    addExt(x.get(), ca.get(), NID_key_usage, "critical,digitalSignature");
    addExt(x.get(), ca.get(), NID_ext_key_usage, "serverAuth");
    addExt(x.get(), ca.get(), NID_subject_key_identifier, "hash");
    addExt(x.get(), ca.get(), NID_authority_key_identifier, "keyid:always");
    addExt(x.get(), ca.get(), NID_subject_alt_name, sanList(hosts));
    if (!X509_sign(x.get(), caKey.get(), EVP_sha256())) sslFail("signing the server certificate");
    return {certPem(x.get()), keyPem(key.get())};
}

std::pair<std::string, std::string> makeCa(const std::string& caName) {
    PKey key = keygen("EC", "P-256");
    Cert x = newCert(key.get(), caName, 10 * 365);
    X509_set_issuer_name(x.get(), X509_get_subject_name(x.get()));
    addExt(x.get(), x.get(), NID_basic_constraints, "critical,CA:TRUE,pathlen:0");
    addExt(x.get(), x.get(), NID_key_usage, "critical,keyCertSign,cRLSign");
    addExt(x.get(), x.get(), NID_subject_key_identifier, "hash");
    addExt(x.get(), x.get(), NID_authority_key_identifier, "keyid:always");
    if (!X509_sign(x.get(), key.get(), EVP_sha256())) sslFail("signing the CA certificate");
    return {certPem(x.get()), keyPem(key.get())};
}

}  // namespace

PkiPaths pkiPaths(const std::string& dataDir) {
    const fs::path d(dataDir);
    return {(d / "tls" / "ca.pem").string(),          (d / "tls" / "ca.key").string(),
            (d / "tls" / "server.pem").string(),      (d / "tls" / "server.key").string(),
            (d / "keys" / "config-signing.key").string(),
            (d / "keys" / "config-signing.pub.pem").string(),
            (d / "keys" / "previous").string(),
            (d / "keys" / "member-hash.key").string()};
}

CertPair makeCaAndServerCert(const std::string& caName, const std::vector<std::string>& hosts) {
    auto [caCert, caKey] = makeCa(caName);
    auto [cert, key] = signServerCert(caCert, caKey, hosts);
    return {caCert, caKey, cert, key};
}

std::pair<std::string, std::string> makeEd25519KeyPair() {
    PKey k = keygen("ED25519", nullptr);
    return {keyPem(k.get()), pubPem(k.get())};
}

std::vector<std::string> initPki(const std::string& dataDir) {
    const PkiPaths p = pkiPaths(dataDir);
    std::vector<std::string> made;
    fs::create_directories(dataDir);
    fs::permissions(dataDir, fs::perms::owner_all, fs::perm_options::replace);
    for (const char* sub : {"tls", "keys", "keys/previous"}) {
        fs::create_directories(fs::path(dataDir) / sub);
        fs::permissions(fs::path(dataDir) / sub, fs::perms::owner_all, fs::perm_options::replace);
    }
    if (!fs::exists(p.ca_cert) || !fs::exists(p.ca_key)) {
        auto [cert, key] = makeCa("Futian District Elder Services Demo CA");
        writeFile(p.ca_key, key, 0600);
        writeFile(p.ca_cert, cert);
        made.push_back(p.ca_cert);
        fs::remove(p.server_cert);  // a certificate of the old CA would no longer verify
    }
    if (!fs::exists(p.server_cert) || !fs::exists(p.server_key)) {
        auto [cert, key] = signServerCert(readFile(p.ca_cert), readFile(p.ca_key),
                                          {"localhost", "127.0.0.1"});
        writeFile(p.server_key, key, 0600);
        writeFile(p.server_cert, cert);
        made.push_back(p.server_cert);
    }
    if (!fs::exists(p.config_key) || !fs::exists(p.config_pub)) {
        auto [key, pub] = makeEd25519KeyPair();
        writeFile(p.config_key, key, 0600);
        writeFile(p.config_pub, pub);
        made.push_back(p.config_pub);
    }
    if (!fs::exists(p.member_key)) {
        writeFile(p.member_key, config::newMemberKey() + "\n", 0600);
        made.push_back(p.member_key);
    }
    return made;
}

void requirePki(const std::string& dataDir) {
    const PkiPaths p = pkiPaths(dataDir);
    std::vector<std::string> missing;
    for (const auto* f : {&p.ca_cert, &p.server_cert, &p.server_key, &p.config_key, &p.config_pub, &p.member_key})
        if (!fs::exists(*f)) missing.push_back(*f);
    if (missing.empty()) return;
    std::string list;
    for (const auto& m : missing) list += "\n  " + m;
    throw MissingKeys("the district's keys are not all in " + dataDir + "; missing:" + list +
                      "\nNothing was changed. For a new district run `district-server --data-dir " + dataDir +
                      " init`; for an existing one, put the files back from your backup (a new key would make "
                      "every station refuse its configuration or its TLS).");
}

std::string readMemberKey(const std::string& dataDir) {
    const std::string path = pkiPaths(dataDir).member_key;
    if (!fs::exists(path)) throw MissingKeys("the member key " + path + " is missing; see `init`");
    std::string key = readFile(path);
    while (!key.empty() && (key.back() == '\n' || key.back() == '\r' || key.back() == ' ')) key.pop_back();
    if (!config::isMemberKey(key)) throw MissingKeys("the member key " + path + " is not 64 hex digits");
    return key;
}

std::string readFile(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read " + path + ": " + std::strerror(errno));
    std::ostringstream ss;
    ss << in.rdbuf();
    return ss.str();
}

void writeFile(const std::string& path, const std::string& content, unsigned mode) {
    const std::string tmp = path + ".tmp";
    int fd = ::open(tmp.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, mode);
    if (fd < 0) throw std::runtime_error("cannot write " + tmp + ": " + std::strerror(errno));
    ::fchmod(fd, mode);  // the umask must not loosen nor tighten it
    std::size_t done = 0;
    while (done < content.size()) {
        ssize_t n = ::write(fd, content.data() + done, content.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            const int err = errno;
            ::close(fd);
            throw std::runtime_error("cannot write " + tmp + ": " + std::strerror(err));
        }
        done += static_cast<std::size_t>(n);
    }
    ::fsync(fd);
    ::close(fd);
    if (::rename(tmp.c_str(), path.c_str()) != 0)
        throw std::runtime_error("cannot rename " + tmp + ": " + std::strerror(errno));
}

}  // namespace district
