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
