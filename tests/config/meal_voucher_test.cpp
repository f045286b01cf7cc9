// The meal voucher's QR: a booking reference signed with the member key.
#include "config/meal_voucher.h"

#include <gtest/gtest.h>

namespace config {
namespace {

constexpr const char* kKey = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
constexpr const char* kOtherKey = "ffeeddccbbaa99887766554433221100ffeeddccbbaa99887766554433221100";

TEST(MealVoucher, SignedAndCheckedWithTheMemberKey) {
    const MealVoucher v{"6f1c2a90-1b2c-4d5e-8f90-a1b2c3d4e5f6", "m-000123", "2026-11-24", "lunch"};
    const std::string text = signMealVoucher(v, kKey);
    EXPECT_EQ(text.rfind("MEAL1:6f1c2a90-1b2c-4d5e-8f90-a1b2c3d4e5f6:m-000123:20261124:L:", 0), 0u) << text;
    const auto ok = verifyMealVoucher(text, kKey);
    ASSERT_EQ(ok.status, MealVoucherStatus::Ok);
    EXPECT_EQ(ok.voucher.booking_id, v.booking_id);
    EXPECT_EQ(ok.voucher.member_id, "m-000123");
    EXPECT_EQ(ok.voucher.date, "2026-11-24");
    EXPECT_EQ(ok.voucher.slot, "lunch");
    EXPECT_EQ(signMealVoucher(v, kKey), text) << "the same voucher every time it is shown";
}

TEST(MealVoucher, AChangedElderDayOrMealIsRefused) {
    const std::string text = signMealVoucher({"b-1", "m-1", "2026-11-24", "lunch"}, kKey);
    auto tampered = [&](const std::string& from, const std::string& to) {
        std::string t = text;
        t.replace(t.find(from), from.size(), to);
        return verifyMealVoucher(t, kKey).status;
    };
    EXPECT_EQ(tampered(":m-1:", ":m-2:"), MealVoucherStatus::BadSignature);
    EXPECT_EQ(tampered(":20261124:", ":20261125:"), MealVoucherStatus::BadSignature);
    EXPECT_EQ(tampered(":L:", ":D:"), MealVoucherStatus::BadSignature);
    EXPECT_EQ(verifyMealVoucher(text, kOtherKey).status, MealVoucherStatus::BadSignature)
        << "another district's voucher";
    EXPECT_EQ(verifyMealVoucher(text.substr(0, text.size() - 3), kKey).status, MealVoucherStatus::Malformed);
    EXPECT_EQ(verifyMealVoucher("MEAL:b-1", kKey).status, MealVoucherStatus::Malformed)
        << "the old unsigned form names any booking";
    EXPECT_EQ(verifyMealVoucher("ELDER1:m-1:20261101:abc", kKey).status, MealVoucherStatus::NotVoucher);
    EXPECT_EQ(verifyMealVoucher("8801000001", kKey).status, MealVoucherStatus::NotVoucher);
    EXPECT_EQ(verifyMealVoucher(text, "not a key").status, MealVoucherStatus::BadSignature);
    EXPECT_THROW(signMealVoucher({"b:1", "m-1", "2026-11-24", "lunch"}, kKey), std::invalid_argument);
    EXPECT_THROW(signMealVoucher({"b-1", "m-1", "2026-11-24", "supper"}, kKey), std::invalid_argument);
}

}  // namespace
}  // namespace config
