// staff.h — what station staff do in staff mode: rapid check-in of a queue
// (card after card) for an activity or a meal pickup, undo the last one,
// today's rosters.
#pragma once

#include <string>
#include <vector>

#include "domain/context.h"
#include "domain/members.h"

namespace domain {

enum class RapidKind { Activity, MealPickup };

struct RapidTarget {
    RapidKind kind = RapidKind::Activity;
    std::string id;     // activity id or meal slot id
    std::string title;  // activity title, or canteen + slot
    std::string starts_at;
};

enum class RapidOutcome {
    Ok,           // attended / picked up
    WalkIn,       // attended without a sign-up: recorded, staff told
    UnknownCard,
    BadInput,
    NotBooked,    // meal pickup without a booking for this slot
    AlreadyDone,  // second tap of the same card
    BlockedCard,  // a card reported lost: staff keep it, an alert is raised
};

struct RapidResult {
    RapidOutcome outcome = RapidOutcome::BadInput;
    std::string member_id;
    std::string masked_name;
    std::string record_id;  // what undo reverses
    int count = 0;          // attended / picked up so far
};

// Meal pickup by scan: what staff scanned at the counter, and what it meant.
enum class ScanOutcome {
    PickedUp,        // marked picked up (a voucher, or the elder's own QR code or card)
    AlreadyPickedUp, // this meal was handed out before
    OtherElder,      // a voucher of another elder than the one at the counter
    Cancelled,       // the booking on the voucher was cancelled
    OtherMeal,       // another day's or another slot's meal (date and slot say which)
    OtherCanteen,    // a meal of another station's canteen
    Delivery,        // a meal to be delivered, not picked up here
    NotBooked,       // the elder (by QR code or card) has no booking of this meal
    UnknownBooking,  // a good voucher of a booking not known here yet: sync, or the card
    Forged,          // a voucher or elder code not made by this district (or the old unsigned kind)
    UnknownElder,    // an elder code or card of nobody known here
    NotRecognised,   // neither a voucher, an elder code nor a card number
};

struct ScanResult {
    ScanOutcome outcome = ScanOutcome::NotRecognised;
    std::string member_id;
    std::string masked_name;
    std::string booking_id;  // the voucher's (also what undo reverses after PickedUp)
    std::string date, slot;  // the voucher's meal (OtherMeal)
    int count = 0;           // picked up so far for the target
    // As a RapidResult (undoRapid() after PickedUp; the rapid step's count and
    // sound): PickedUp Ok, AlreadyPickedUp AlreadyDone, NotBooked, UnknownElder
    // UnknownCard, anything else BadInput.
    RapidResult rapid() const;
};

// The meal pickup of `target` (a RapidKind::MealPickup of today) by what the
// scanner read: a meal voucher (config/meal_voucher.h), or an elder's own QR
// code or card number, which pick up the elder's booking of the meal.
// `atCounter`: the elder staff identified just before, if any; a voucher of
// someone else is then OtherElder and nothing is marked.
ScanResult scanPickup(const Context& ctx, const RapidTarget& target, const std::string& text,
                      const std::string& atCounter = "");

struct RosterLine {
    std::string member_id;
    std::string masked_name;
    std::string status;  // signed_up / waitlisted / attended / booked / picked_up
};

// Today's activities and meal slots at this station, in time order.
std::vector<RapidTarget> todaysTargets(const Context& ctx);
RapidResult rapidCheckIn(const Context& ctx, const RapidTarget& target, const std::string& cardNo);
// Same, for an elder found by manual lookup.
RapidResult rapidCheckInMember(const Context& ctx, const RapidTarget& target, const Member& m);
// Reverses a result of rapidCheckIn with a reversal op; false when nothing to undo.
bool undoRapid(const Context& ctx, const RapidTarget& target, const RapidResult& last);
int rapidCount(const Context& ctx, const RapidTarget& target);
std::vector<RosterLine> roster(const Context& ctx, const RapidTarget& target);

}  // namespace domain
