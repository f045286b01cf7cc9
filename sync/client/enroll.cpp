// enroll.cpp — enrollFromFile(): check a bundle thoroughly, then store it.
//
// Everything is checked before the transaction opens, so a bad bundle leaves
// the database exactly as it was.
#include "enroll.h"

#include "curl_lib.h"
#include <openssl/bio.h>
#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/x509.h>

#include <algorithm>
#include <fstream>
#include <memory>
#include <sstream>
#include <stdexcept>

#include "bounded_json.h"
#include "config/keyset.h"
#include "config/member_hash.h"
#include "config/signing.h"
#include "store/trusted_keys.h"
#include "sync_client.h"

namespace syncc {
namespace {

[[noreturn]] void refuse(const std::string& why) {
    throw std::runtime_error("enrollment bundle refused: " + why);
}

bool printable(const std::string& s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](unsigned char c) {
        return c > 0x20 && c < 0x7f;  // goes into an HTTP header and a URL: no spaces, no CR/LF
    });
}

void checkUrl(const std::string& url) {
    const CurlLib& c = curl();
    std::unique_ptr<CURLU, decltype(c.url_cleanup)> u(c.url(), c.url_cleanup);
    if (!u || curl().url_set(u.get(), CURLUPART_URL, url.c_str(), 0) != CURLUE_OK)
        refuse("server_url '" + url + "' is not a URL");
    char* scheme = nullptr;
    char* host = nullptr;
    curl().url_get(u.get(), CURLUPART_SCHEME, &scheme, 0);
    curl().url_get(u.get(), CURLUPART_HOST, &host, 0);
    const std::string sch = scheme ? scheme : "", hst = host ? host : "";
    curl().free(scheme);
    curl().free(host);
    if (sch != "https") refuse("server_url must start with https:// (got '" + url + "')");
    if (hst.empty()) refuse("server_url '" + url + "' has no host");
}

using Bio = std::unique_ptr<BIO, decltype(&BIO_free)>;

Bio memBio(const std::string& pem) {
    return Bio(BIO_new_mem_buf(pem.data(), static_cast<int>(pem.size())), BIO_free);
}

void checkCa(const std::string& pem) {
    auto bio = memBio(pem);
    std::unique_ptr<X509, decltype(&X509_free)> cert(
        PEM_read_bio_X509(bio.get(), nullptr, nullptr, nullptr), X509_free);
    if (!cert) refuse("ca_pem is not a PEM certificate");
}

void checkConfigKey(const std::string& pem) {
    auto bio = memBio(pem);
    std::unique_ptr<EVP_PKEY, decltype(&EVP_PKEY_free)> key(
        PEM_read_bio_PUBKEY(bio.get(), nullptr, nullptr, nullptr), EVP_PKEY_free);
    if (!key) refuse("config_public_key_pem is not a PEM public key");
    if (EVP_PKEY_id(key.get()) != EVP_PKEY_ED25519)
        refuse("config_public_key_pem must be an Ed25519 key (config documents are signed "
               "with Ed25519)");
}

}  // namespace

void validateBundle(const proto::EnrollmentBundle& b) {
    if (!printable(b.station_id)) refuse("station_id is empty or has spaces or control characters");
    if (b.station_name.empty()) refuse("station_name is empty");
    if (!printable(b.token)) refuse("token is empty or has spaces or control characters");
    checkUrl(b.server_url);
    checkCa(b.ca_pem);
    checkConfigKey(b.config_public_key_pem);
    for (const auto& k : b.trusted_keys)
        if (!config::isEd25519PublicKey(k)) refuse("trusted_keys: every key must be an Ed25519 public key");
    if (b.trusted_keys.size() > config::kMaxTrustedKeys) refuse("trusted_keys: too many keys");
    if (b.keyset_version < 0) refuse("keyset_version must be 0 or more");
    if (!config::isMemberKey(b.member_key))
        refuse("member_key must be 64 hex digits (a bundle from an older district server: ask for a new one)");
}

std::optional<proto::EnrollmentBundle> loadEnrollment(store::Database& db) {
    auto st = db.prepare(
        "SELECT station_id, station_name, token, server_url, ca_pem, config_public_key_pem "
        "FROM enrollment WHERE id=1");
    if (!st.step()) return std::nullopt;
    proto::EnrollmentBundle b;
    b.station_id = st.getText(0);
    b.station_name = st.getText(1);
    b.token = st.getText(2);
    b.server_url = st.getText(3);
    b.ca_pem = st.getText(4);
    b.config_public_key_pem = st.getText(5);
    const config::KeySet keys = store::trustedKeys(db);
    b.trusted_keys = keys.keys;
    b.keyset_version = keys.version;
    b.member_key = store::memberKey(db);
    return b;
}

void enrollFromFile(store::Database& db, const std::string& bundlePath, const core::Clock& clock) {
    std::ifstream in(bundlePath, std::ios::binary);
    if (!in) throw std::runtime_error("cannot read the enrollment bundle " + bundlePath);
    std::stringstream text;
    text << in.rdbuf();

    proto::EnrollmentBundle b;
    try {
        proto::parseBounded(text.str()).get_to(b);
    } catch (const std::exception& e) {  // BadJson, a wrong shape, a number out of range
        refuse(bundlePath + " is not a valid bundle (" + e.what() + ")");
    }
    while (!b.server_url.empty() && b.server_url.back() == '/') b.server_url.pop_back();
    validateBundle(b);

    store::Transaction tx(db);
    const auto current = loadEnrollment(db);
    const bool otherStation = current && current->station_id != b.station_id;
    if (otherStation) {
        // Sequence numbers are per station: ops queued under the old station
        // would reach the new one as a gap (or worse, be applied there).
        const auto queued = db.queryInt("SELECT count(*) FROM op_log").value_or(0);
        if (queued > 0)
            throw std::runtime_error(
                "this kiosk is enrolled as station '" + current->station_id + "' and holds " +
                std::to_string(queued) + " ops of it; enroll it again with a bundle for '" +
                current->station_id + "', or start station '" + b.station_id +
                "' with an empty data directory");
    }
    const std::string oldMemberKey = store::memberKey(db);
    db.run("INSERT OR REPLACE INTO enrollment(id, station_id, station_name, token, server_url, "
           "ca_pem, config_public_key_pem, enrolled_at, member_key) VALUES (1,?,?,?,?,?,?,?,?)",
           b.station_id, b.station_name, b.token, b.server_url, b.ca_pem, b.config_public_key_pem,
           core::isoLocal(clock.now()), b.member_key);
    // The bundle's keys, unless this kiosk already follows a newer keyset of
    // the district (re-enrolled with an older bundle).
    config::KeySet keys{b.keyset_version, b.trusted_keys};
    if (keys.keys.empty()) keys.keys.push_back(b.config_public_key_pem);
    if (otherStation || store::trustedKeys(db).version <= keys.version) store::saveTrustedKeys(db, keys);
    if (otherStation || oldMemberKey != b.member_key) {
        // The old station's scoped rows are not the new one's (and member rows
        // hashed with another key find no one); pull all again.
        db.exec("DELETE FROM quotas; DELETE FROM config_inbox;");
        db.run("UPDATE sync_state SET cursor=0, last_error=NULL WHERE id=1");
    }
    tx.commit();
}

}  // namespace syncc
