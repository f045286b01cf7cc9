#include "config/meal_voucher.h"

#include <openssl/crypto.h>

#include <algorithm>
#include <stdexcept>
#include <vector>

#include "config/member_hash.h"

namespace config {
namespace {

constexpr std::string_view kPrefix = "MEAL1:";
constexpr std::size_t kMacHex = 32;  // 128 bits

bool goodId(const std::string& id) {
    return !id.empty() && id.size() <= 64 &&
           std::all_of(id.begin(), id.end(), [](unsigned char c) { return c > 0x20 && c < 0x7f && c != ':'; });
}

bool digits(const std::string& s, std::size_t n) {
    return s.size() == n && std::all_of(s.begin(), s.end(), [](unsigned char c) { return c >= '0' && c <= '9'; });
}

std::string mac(const MealVoucher& v, std::string_view keyHex) {
    return memberHmac(keyHex, "meal-voucher/1|" + v.booking_id + "|" + v.member_id + "|" + v.date + "|" + v.slot)
        .substr(0, kMacHex);
}

std::vector<std::string> split(const std::string& s) {
    std::vector<std::string> out;
    std::size_t start = 0;
    for (;;) {
        const auto colon = s.find(':', start);
        out.push_back(s.substr(start, colon == std::string::npos ? std::string::npos : colon - start));
        if (colon == std::string::npos) return out;
        start = colon + 1;
    }
}

}  // namespace

std::string signMealVoucher(const MealVoucher& v, std::string_view memberKeyHex) {
    if (!goodId(v.booking_id) || !goodId(v.member_id))
        throw std::invalid_argument("booking and member ids must be 1-64 printable characters without ':'");
    std::string compact = v.date;
    compact.erase(std::remove(compact.begin(), compact.end(), '-'), compact.end());
    if (v.date.size() != 10 || !digits(compact, 8)) throw std::invalid_argument("date must be YYYY-MM-DD");
    if (v.slot != "lunch" && v.slot != "dinner") throw std::invalid_argument("slot must be lunch or dinner");
    return std::string(kPrefix) + v.booking_id + ":" + v.member_id + ":" + compact + ":" +
           (v.slot == "lunch" ? "L" : "D") + ":" + mac(v, memberKeyHex);
}

MealVoucherCheck verifyMealVoucher(const std::string& text, std::string_view memberKeyHex) {
    MealVoucherCheck out;
    if (text.rfind("MEAL:", 0) == 0) {  // the old unsigned form: anyone could write one
        out.status = MealVoucherStatus::Malformed;
        return out;
    }
    if (text.rfind(kPrefix, 0) != 0) return out;
    out.status = MealVoucherStatus::Malformed;
    if (text.size() > 256) return out;
    const auto parts = split(text.substr(kPrefix.size()));
    if (parts.size() != 5) return out;
    MealVoucher v{parts[0], parts[1], "", ""};
    const std::string& compact = parts[2];
    if (!goodId(v.booking_id) || !goodId(v.member_id) || !digits(compact, 8) ||
        (parts[3] != "L" && parts[3] != "D") || parts[4].size() != kMacHex)
        return out;
    v.date = compact.substr(0, 4) + "-" + compact.substr(4, 2) + "-" + compact.substr(6, 2);
    v.slot = parts[3] == "L" ? "lunch" : "dinner";
    out.status = MealVoucherStatus::BadSignature;
    std::string expected;
    try {
        expected = mac(v, memberKeyHex);
    } catch (const std::exception&) {
        return out;
    }
    if (CRYPTO_memcmp(expected.data(), parts[4].data(), kMacHex) != 0) return out;
    out.status = MealVoucherStatus::Ok;
    out.voucher = v;
    return out;
}

}  // namespace config
