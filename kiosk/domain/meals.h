// meals.h — 订餐: menus, subsidies, booking within the station's quota,
// cancel before the cut-off, the signed voucher. The district is
// authoritative (sync/PROTOCOL.md); these figures are what the elder sees
// before confirming, priced by the same function the district prices with
// (config::quoteMeal) under the rules of the running configuration.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/context.h"
#include "domain/members.h"

namespace domain {

struct MealSlot {
    std::string id;
    std::string canteen_id;
    std::string canteen_name;
    std::string date;
    std::string slot;  // lunch / dinner
    std::vector<std::string> dishes;
    int price_cents = 0;
    int capacity = 0;
    std::string cutoff;
    int seats_left = 0;     // at this station: quota minus this station's bookings
    bool past_cutoff = false;
};

struct Price {
    int price_cents = 0;
    int subsidy_cents = 0;
    int pay_cents = 0;               // price - subsidy + delivery fee - delivery subsidy
    bool capped = false;             // a cap took the subsidy away (daily or weekly)
    int delivery_fee_cents = 0;      // when delivered
    int delivery_subsidy_cents = 0;
    std::string rule = "none";       // the tier that pays, "none" when none does
    std::string tier;                // the elder's tier even when it pays nothing today ("" none)
    config::NoSubsidy why = config::NoSubsidy::NoTier;
};

struct Booking {
    std::string id;
    std::string slot_id;
    std::string date;
    std::string slot;
    std::string canteen_name;
    std::string status;       // booked / cancelled / picked_up / rejected
    std::string local_state;  // pending / synced / rejected
    std::string reason;
    int subsidy_cents = 0;
    int pay_cents = 0;
    bool delivery = false;
    std::string cutoff;
    std::string rule;  // the tier that paid ("none"; "" before the district answered an old booking)
    int delivery_fee_cents = 0;
    int delivery_subsidy_cents = 0;
    std::string delivery_status;  // "" / delivered / failed
};

enum class BookOutcome {
    Booked,
    AlreadyBooked,
    Full,             // this station's share is used: a connection is needed
    PastCutoff,
    NotEligibleDelivery,  // the rules offer delivery to others (config: subsidy.delivery.eligible)
    NoAddress,            // eligible, but no address on file to deliver to
    UnknownSlot,
};

struct BookResult {
    BookOutcome outcome = BookOutcome::UnknownSlot;
    std::string booking_id;
    Price price;
};

// NotHere: the booking was made at another station for another station's
// canteen; the district takes a cancel only from those (PROTOCOL.md "Who may
// act on a record"), so the elder is sent there instead of being told later.
enum class CancelOutcome { Cancelled, PastCutoff, NotFound, NotHere };

// This station's canteens' slots from `fromDate` for `days` days, in date
// then lunch/dinner order (all canteens before the station is enrolled).
std::vector<MealSlot> mealSlots(const Context& ctx, const std::string& fromDate, int days);
std::optional<MealSlot> mealSlot(const Context& ctx, const std::string& slotId);
// The price of the meal for the elder, with or without delivery: the tier,
// the day and slot, the caps over the elder's bookings known here.
Price priceFor(const Context& ctx, const Member& m, const MealSlot& s, bool delivery = false);
// Whether delivery may be offered for a meal on `date`.
config::DeliveryCheck deliveryFor(const Context& ctx, const Member& m, const std::string& date);
// The elder's tier's words and amount, for "户籍70岁以上，每餐补贴5元"; nullptr
// when the elder is in no tier.
const config::SubsidyTier* tierOf(const Context& ctx, const Price& p);
BookResult bookMeal(const Context& ctx, const Member& m, const std::string& slotId, bool delivery);
CancelOutcome cancelBooking(const Context& ctx, const std::string& memberId,
                            const std::string& bookingId);
// Upcoming and today's bookings of the elder, including rejected ones.
std::vector<Booking> myBookings(const Context& ctx, const std::string& memberId);
// Text of the voucher's QR code: the booking reference signed with the
// district's member key (config/meal_voucher.h); "" when the booking is not
// here or the station is not enrolled (no key).
std::string voucherText(const Context& ctx, const std::string& bookingId);

}  // namespace domain
