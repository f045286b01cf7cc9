// meal_voucher.h — the QR code on a meal voucher (餐券): a booking reference
// that staff scan at the canteen to hand the meal out (domain/staff.h).
//
//     MEAL1:<booking id>:<member id>:<YYYYMMDD>:<L|D>:<32 hex digits>
//
// The kiosk that books prints the voucher at once, offline too, so it cannot
// use the district's signing key (only the server holds it). It signs with the
// district's member key instead, which every enrolled station holds (bundle,
// config/member_hash.h): HMAC-SHA-256 over
// "meal-voucher/1|<booking>|<member>|<YYYY-MM-DD>|<lunch|dinner>", the first
// 128 bits. Any station can check a voucher; nobody without a station's key
// can make one, or change the elder, the day or the meal of one. The old
// unsigned "MEAL:<booking id>" is not a voucher any more.
#pragma once

#include <string>
#include <string_view>

namespace config {

struct MealVoucher {
    std::string booking_id;
    std::string member_id;
    std::string date;  // YYYY-MM-DD
    std::string slot;  // lunch / dinner
};

// Throws std::invalid_argument for an id with ':' or control characters (or
// longer than 64), a date that is not YYYY-MM-DD, another slot, or a key that
// is not 64 hex digits.
std::string signMealVoucher(const MealVoucher& v, std::string_view memberKeyHex);

enum class MealVoucherStatus {
    Ok,
    NotVoucher,    // no meal voucher at all (an elder code, a card number...)
    Malformed,     // claims to be one, but cut or garbled; or the old unsigned form
    BadSignature,  // not made with this district's key, or changed since
};

struct MealVoucherCheck {
    MealVoucherStatus status = MealVoucherStatus::NotVoucher;
    MealVoucher voucher;  // filled when Ok
};

// Never throws (a bad key is BadSignature).
MealVoucherCheck verifyMealVoucher(const std::string& text, std::string_view memberKeyHex);

}  // namespace config
