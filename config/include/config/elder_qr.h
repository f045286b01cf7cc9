// elder_qr.h — the QR code an elder shows on a phone to identify at a kiosk.
//
//     ELDER1:<member id>:<issued YYYYMMDD>:<base64url signature, no padding>
//
// The district signs "elder-qr/1|<member id>|<issued>" with its signing key
// (`district-server member qr ID`); a kiosk accepts the code only with a good
// signature by a key it trusts (keyset.h). Member ids are sequential, so an
// unsigned code (the old "ELDER:<id>") would let anyone be anyone. The issue
// date lets a station refuse codes older than a limit.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace config {

struct ElderQr {
    std::string member_id;
    std::string issued;  // YYYY-MM-DD
};

// Throws std::invalid_argument for an id with ':' or control characters, a
// date that is not YYYY-MM-DD, or an unusable key.
std::string signElderQr(const ElderQr& qr, const std::string& privateKeyPem);

enum class ElderQrStatus { Ok, NotElderQr, Malformed, BadSignature };

struct ElderQrCheck {
    ElderQrStatus status = ElderQrStatus::NotElderQr;
    ElderQr qr;  // filled when Ok
};

// NotElderQr: the text is no elder code at all (a voucher, a card number...);
// Malformed: it claims to be one but is cut or garbled; BadSignature: not
// signed by any trusted key. Never throws (except bad_alloc).
ElderQrCheck verifyElderQr(const std::string& text, const std::vector<std::string>& trustedPems);

}  // namespace config
