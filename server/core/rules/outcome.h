// outcome.h — what an op handler answers, the reason codes of PROTOCOL.md, and
// the context an op is judged in.
#pragma once

#include <string>

#include <nlohmann/json.hpp>

#include "core/clock.h"

namespace district {

// Reason codes (sync/PROTOCOL.md, "Op kinds and payloads" and "General reasons").
namespace reason {
inline constexpr const char* kUnknownMember = "unknown_member";
inline constexpr const char* kAlreadyCheckedIn = "already_checked_in";
inline constexpr const char* kUnknownSlot = "unknown_slot";
inline constexpr const char* kFull = "full";
inline constexpr const char* kPastCutoff = "past_cutoff";
inline constexpr const char* kSubsidyCap = "subsidy_cap";
inline constexpr const char* kNotEligibleDelivery = "not_eligible_delivery";
inline constexpr const char* kNoAddress = "no_address";
inline constexpr const char* kNotDelivery = "not_delivery";
inline constexpr const char* kUnknownBooking = "unknown_booking";
inline constexpr const char* kCancelled = "cancelled";
inline constexpr const char* kPickedUp = "picked_up";
inline constexpr const char* kUnknownActivity = "unknown_activity";
inline constexpr const char* kAlreadySignedUp = "already_signed_up";
inline constexpr const char* kUnknownSignup = "unknown_signup";
inline constexpr const char* kUnknownItem = "unknown_item";
inline constexpr const char* kInsufficientBalance = "insufficient_balance";
inline constexpr const char* kInvalidHours = "invalid_hours";
inline constexpr const char* kDuplicateUuid = "duplicate_uuid";
inline constexpr const char* kSeqConflict = "seq_conflict";
inline constexpr const char* kInvalidPayload = "invalid_payload";
inline constexpr const char* kUnknownKind = "unknown_kind";
inline constexpr const char* kGap = "gap";
inline constexpr const char* kAlreadyBooked = "already_booked";
inline constexpr const char* kNotOwner = "not_owner";
inline constexpr const char* kStaleOp = "stale_op";
inline constexpr const char* kOpFailed = "op_failed";
inline constexpr const char* kCardInUse = "card_in_use";
inline constexpr const char* kCardBlocked = "card_blocked";
inline constexpr const char* kUnknownAlert = "unknown_alert";
inline constexpr const char* kTooYoung = "too_young";
}  // namespace reason

struct Outcome {
    bool applied = true;
    std::string reason;  // set when rejected
    nlohmann::json detail = nlohmann::json::object();

    static Outcome ok(nlohmann::json detail = nlohmann::json::object()) {
        return Outcome{true, {}, std::move(detail)};
    }
    static Outcome reject(std::string why, nlohmann::json detail = nlohmann::json::object()) {
        return Outcome{false, std::move(why), std::move(detail)};
    }
};

// An op is judged at the time it was created on the kiosk (its created_at),
// but never later than the server's clock: an op created offline before a
// cutoff and pushed after it still counts as on time, because ops come only
// from enrolled stations with their token; a created_at in the future gains
// nothing.
struct OpContext {
    std::string station_id;
    std::string uuid;
    std::string created_at;  // as the station sent it
    core::TimePoint judged_at;
    std::string judged_iso;  // judged_at in +08:00
    std::string staff_id;    // payload's staff_id: staff acted for the elder ("" the elder did)
};

}  // namespace district
