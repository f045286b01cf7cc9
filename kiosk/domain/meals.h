// meals.h — 订餐: menus, subsidies, booking within the station's quota,
// cancel before the cut-off, pickup. The district is authoritative
// (sync/PROTOCOL.md); these figures are what the elder sees before confirming.
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
    int pay_cents = 0;
    bool capped = false;  // a cap took the subsidy away
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
};

enum class BookOutcome {
    Booked,
    AlreadyBooked,
    Full,             // this station's share is used: a connection is needed
    PastCutoff,
    NotEligibleDelivery,
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
Price priceFor(const Context& ctx, const Member& m, const MealSlot& s);
BookResult bookMeal(const Context& ctx, const Member& m, const std::string& slotId, bool delivery);
CancelOutcome cancelBooking(const Context& ctx, const std::string& memberId,
                            const std::string& bookingId);
// Upcoming and today's bookings of the elder, including rejected ones.
std::vector<Booking> myBookings(const Context& ctx, const std::string& memberId);
// Text of the pickup voucher QR code.
std::string voucherText(const std::string& bookingId);

}  // namespace domain
