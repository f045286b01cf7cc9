#include "screens/reasons.h"

#include <algorithm>
#include <array>

namespace screens {

namespace {

// Every reason code of sync/PROTOCOL.md.
constexpr std::array<std::string_view, 27> kReasons = {
    "unknown_member",    "already_checked_in", "unknown_slot",     "full",           "past_cutoff",
    "subsidy_cap",       "not_eligible_delivery", "unknown_booking", "cancelled",     "picked_up",
    "unknown_activity",  "already_signed_up",  "unknown_signup",   "unknown_item",   "insufficient_balance",
    "invalid_hours",     "duplicate_uuid",     "seq_conflict",     "invalid_payload", "unknown_kind",
    "gap",               "already_booked",     "not_owner",        "stale_op",       "op_failed",
    "no_address",        "not_delivery"};

// Every op kind a kiosk sends.
constexpr std::array<std::string_view, 13> kKinds = {
    "activity_attend", "activity_attend_undo", "activity_cancel",  "activity_signup", "checkin",
    "help_call",       "meal_book",            "meal_cancel",      "meal_pickup",     "meal_pickup_undo",
    "meal_delivery",   "tb_redeem",            "tb_service"};

const char* prefix(ReasonFor who) {
    switch (who) {
        case ReasonFor::Elder: return "notices.reason.";
        case ReasonFor::Clause: return "meals.reason.";
        case ReasonFor::Staff: return "staff.reason.";
    }
    return "notices.reason.";
}

}  // namespace

bool knownReason(std::string_view reason) {
    return std::find(kReasons.begin(), kReasons.end(), reason) != kReasons.end();
}

bool knownOpKind(std::string_view kind) { return std::find(kKinds.begin(), kKinds.end(), kind) != kKinds.end(); }

std::string reasonText(const shell::Strings& s, std::string_view reason, ReasonFor who, std::string_view opKind) {
    const std::string p = prefix(who);
    if (knownReason(reason)) {
        // The most specific words there are: for this kind of op, then for the reason.
        if (!opKind.empty() && s.has(p + std::string(opKind) + "." + std::string(reason)))
            return s.get(p + std::string(opKind) + "." + std::string(reason));
        if (s.has(p + std::string(reason))) return s.get(p + std::string(reason));
    }
    return s.format(p + "other", {{"code", std::string(reason)}});
}

std::string opKindText(const shell::Strings& s, std::string_view kind) {
    if (knownOpKind(kind)) return s.get("staff.kind." + std::string(kind));
    return s.format("staff.kind.other", {{"code", std::string(kind)}});
}

}  // namespace screens
