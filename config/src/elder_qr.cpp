#include "config/elder_qr.h"

#include <algorithm>
#include <stdexcept>

#include "config/signing.h"
#include "openssl_util.h"

namespace config {
namespace {

constexpr const char* kPrefix = "ELDER1:";

std::string signedText(const ElderQr& qr) { return "elder-qr/1|" + qr.member_id + "|" + qr.issued; }

bool goodId(const std::string& id) {
    return !id.empty() && id.size() <= 64 &&
           std::all_of(id.begin(), id.end(), [](unsigned char c) { return c > 0x20 && c < 0x7f && c != ':'; });
}

bool goodCompactDate(const std::string& d) {
    return d.size() == 8 && std::all_of(d.begin(), d.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

// base64url without padding, from and to the standard alphabet.
std::string toUrl(std::string b64) {
    for (char& c : b64) c = c == '+' ? '-' : c == '/' ? '_' : c;
    while (!b64.empty() && b64.back() == '=') b64.pop_back();
    return b64;
}
std::string fromUrl(std::string u) {
    for (char& c : u) c = c == '-' ? '+' : c == '_' ? '/' : c;
    while (u.size() % 4) u.push_back('=');
    return u;
}

}  // namespace

std::string signElderQr(const ElderQr& qr, const std::string& privateKeyPem) {
    if (!goodId(qr.member_id)) throw std::invalid_argument("member id must be 1-64 printable characters without ':'");
    std::string compact = qr.issued;
    compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end());
    if (qr.issued.size() != 10 || !goodCompactDate(compact))
        throw std::invalid_argument("issued must be YYYY-MM-DD");
    const auto sig = signBytes(signedText(qr), privateKeyPem);
    return kPrefix + qr.member_id + ":" + compact + ":" + toUrl(detail::base64Encode(sig));
}

ElderQrCheck verifyElderQr(const std::string& text, const std::vector<std::string>& trustedPems) {
    ElderQrCheck out;
    if (text.rfind(kPrefix, 0) != 0) return out;
    out.status = ElderQrStatus::Malformed;
    const std::string rest = text.substr(std::string(kPrefix).size());
    const auto a = rest.find(':');
    if (a == std::string::npos) return out;
    const auto b = rest.find(':', a + 1);
    if (b == std::string::npos) return out;
    ElderQr qr;
    qr.member_id = rest.substr(0, a);
    const std::string compact = rest.substr(a + 1, b - a - 1);
    const std::string sigText = rest.substr(b + 1);
    if (!goodId(qr.member_id) || !goodCompactDate(compact) || sigText.empty() || sigText.size() > 100) return out;
    qr.issued = compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
    const auto sig = detail::base64Decode(fromUrl(sigText));
    if (!sig) return out;
    out.status = ElderQrStatus::BadSignature;
    for (const auto& pem : trustedPems)
        if (verifyBytes(signedText(qr), *sig, pem)) {
            out.status = ElderQrStatus::Ok;
            out.qr = qr;
            break;
        }
    return out;
}

}  // namespace config
