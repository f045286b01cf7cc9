// deliveries.h — 送餐上门 from this station's canteens: the list staff take on
// the round (per canteen and slot: who, where, phone, what to bring, what to
// collect), marking each delivery done or failed, and the same list as a CSV
// file and an A4 page to print (HTML for the browser).
//
// The list comes from the district (PROTOCOL.md entity `delivery`, scoped to
// this station: the only rows a kiosk holds with an address and a whole phone
// number). A delivery booked here and not yet synced is listed too, with its
// address "to come" (the kiosk has none of its own).
#pragma once

#include <string>
#include <vector>

#include "domain/context.h"

namespace domain {

struct DeliveryLine {
    std::string booking_id;
    std::string member_id;
    std::string masked_name;  // 张*明
    std::string phone;        // whole, to call at the door; "" before the district sent it
    std::string address;      // "" before the district sent it
    bool living_alone = false;
    std::string status;           // booked / picked_up (cancelled ones are not listed)
    std::string delivery_status;  // "" not yet / delivered / failed
    int pay_cents = 0;            // what to collect at the door
    bool pending = false;         // marked here, the district does not have it yet
};

struct DeliverySlot {
    std::string slot_id;
    std::string date, slot;  // lunch / dinner
    std::string canteen_name;
    std::vector<std::string> dishes;  // what to bring
    int total = 0, delivered = 0, failed = 0;
};

// This station's canteens' slots of `date` that have deliveries, lunch first.
std::vector<DeliverySlot> deliverySlots(const Context& ctx, const std::string& date);
// The deliveries of one slot, by address (a round goes street by street).
std::vector<DeliveryLine> deliveries(const Context& ctx, const std::string& slotId);

enum class MarkOutcome { Marked, Unchanged, NotFound, Cancelled };
// Marks a delivery done (the meal counts as picked up) or failed; one op
// (meal_delivery) in the same transaction. Marking the other way corrects it.
MarkOutcome markDelivery(const Context& ctx, const std::string& bookingId, bool delivered);

// The list as CSV (UTF-8 with a BOM, so that Excel shows Chinese) and as an A4
// page (HTML, print from the browser). Names stay masked.
std::string deliveriesCsv(const DeliverySlot& slot, const std::vector<DeliveryLine>& lines);
std::string deliveriesHtml(const DeliverySlot& slot, const std::vector<DeliveryLine>& lines,
                           const std::string& stationName);
// Writes both into `dir` as deliveries-<date>-<slot>-<canteen>.csv/.html (0600);
// returns the two paths. Throws std::runtime_error when they cannot be written.
std::vector<std::string> exportDeliveries(const Context& ctx, const std::string& slotId,
                                          const std::string& dir, const std::string& stationName);

}  // namespace domain
