#include "rules/push.h"

#include <algorithm>
#include <map>
#include <stdexcept>

#include "rules/handlers.h"
#include "rules/payload.h"

namespace district {
namespace {

using nlohmann::json;

proto::OpResult answer(const proto::Op& op, const Outcome& o) {
    proto::OpResult r;
    r.seq = op.seq;
    r.uuid = op.uuid;
    r.status = o.applied ? proto::OpStatus::Applied : proto::OpStatus::Rejected;
    r.reason = o.reason;
    r.detail = o.detail;
    return r;
}

proto::OpResult notApplied(const proto::Op& op, const char* why, json detail) {
    return proto::OpResult{op.seq, op.uuid, proto::OpStatus::NotApplied, why, std::move(detail)};
}

// When the op counts (PROTOCOL.md "Which time counts"), or the reason it is
// refused: its created_at, never after the server's clock, never before the
// station's previous op.
struct Timing {
    std::optional<Outcome> refused;
    core::TimePoint judged_at;
};

Timing judgeTime(const proto::Op& op, const std::optional<std::string>& previous,
                 core::TimePoint now, const PushOptions& options) {
    Timing t;
    core::TimePoint created;
    try {
        created = core::parseIso(op.created_at);
    } catch (const std::invalid_argument&) {
        t.refused = Outcome::reject(reason::kInvalidPayload,
                                    {{"field", "created_at"},
                                     {"message", "created_at: must be an ISO-8601 time with offset"}});
        return t;
    }
    if (created < now - std::chrono::hours(24) * options.max_op_age_days) {
        t.refused = Outcome::reject(reason::kStaleOp, {{"created_at", op.created_at},
                                                       {"max_age_days", options.max_op_age_days}});
        return t;
    }
    t.judged_at = std::min(created, now);
    if (previous) {
        try {
            const core::TimePoint before = core::parseIso(*previous);
            if (created < before - options.clock_slack) {
                t.refused = Outcome::reject(reason::kStaleOp, {{"created_at", op.created_at},
                                                               {"previous_created_at", *previous}});
                return t;
            }
            t.judged_at = std::min(std::max(created, before), now);
        } catch (const std::invalid_argument&) {
            // The previous op's own created_at was refused as invalid: no bound.
        }
    }
    return t;
}

// Staff acting for an elder put their id in any op's payload (PROTOCOL.md).
std::string staffIdOf(const proto::Op& op) {
    if (!op.payload.is_object()) return "";
    const std::string id = optString(op.payload, "staff_id", "", 64);
    if (!id.empty() && !isStaffId(id))
        throw InvalidPayload("staff_id", "must be a staff id of letters, digits, '.', '_' or '-'");
    return id;
}

Outcome applyOne(WriteTx& tx, const std::string& stationId, const proto::Op& op,
                 core::TimePoint judgedAt) {
    if (tx.uuidSeen(op.uuid)) return Outcome::reject(reason::kDuplicateUuid);
    const OpHandler handler = handlerFor(op.kind);
    if (!handler) return Outcome::reject(reason::kUnknownKind, {{"kind", op.kind}});
    try {
        OpContext ctx;
        ctx.staff_id = staffIdOf(op);
        ctx.station_id = stationId;
        ctx.uuid = op.uuid;
        ctx.created_at = op.created_at;
        ctx.judged_at = judgedAt;
        ctx.judged_iso = core::isoLocal(ctx.judged_at);
        return handler(tx, ctx, op.payload);
    } catch (const InvalidPayload& e) {
        return Outcome::reject(reason::kInvalidPayload, {{"field", e.field()}, {"message", e.what()}});
    }
}

// Runs one op in its own savepoint. Anything but a transient storage failure
// becomes a final rejection of this op alone.
Outcome applyIsolated(WriteTx& tx, const std::string& stationId, const proto::Op& op,
                      core::TimePoint judgedAt) {
    Outcome o;
    try {
        tx.savepoint([&] { o = applyOne(tx, stationId, op, judgedAt); });
    } catch (const TransientStorageError&) {
        throw;
    } catch (const std::exception& e) {
        std::string what = e.what();
        if (what.size() > 200) what.resize(200);
        o = Outcome::reject(reason::kOpFailed, {{"message", what}});
    }
    return o;
}

}  // namespace

OpHandler handlerFor(const std::string& kind) {
    static const std::map<std::string, OpHandler, std::less<>> handlers = {
        {"checkin", applyCheckin},
        {"meal_book", applyMealBook},
        {"meal_cancel", applyMealCancel},
        {"meal_pickup", applyMealPickup},
        {"activity_signup", applyActivitySignup},
        {"activity_cancel", applyActivityCancel},
        {"activity_attend", applyActivityAttend},
        {"activity_attend_undo", applyActivityAttendUndo},
        {"meal_pickup_undo", applyMealPickupUndo},
        {"meal_delivery", applyMealDelivery},
        {"tb_redeem", applyTbRedeem},
        {"tb_service", applyTbService},
        {"help_call", applyHelpCall},
        {"alert", applyAlert},
        {"alert_ack", applyAlertAck},
        {"care_visit", applyCareVisit},
        {"member_enrol", applyMemberEnrol},
        {"card_replace", applyCardReplace},
    };
    auto it = handlers.find(kind);
    return it == handlers.end() ? nullptr : it->second;
}

proto::PushResponse PushService::push(const std::string& stationId,
                                      const std::vector<proto::Op>& ops) {
    proto::PushResponse resp;
    const core::TimePoint now = clock_.now();
    const std::string receivedAt = core::isoLocal(now);
    storage_.write([&](WriteTx& tx) {
        resp.results.clear();
        const auto station = tx.station(stationId);
        if (!station) throw std::logic_error("push for unknown station " + stationId);
        std::int64_t last = station->last_applied_seq;
        std::optional<std::string> previous = tx.lastOpCreatedAt(stationId);
        // After a gap or a reused number nothing more is applied: the client
        // sends these again, in the same order, once it has mended the cause.
        const char* stopped = nullptr;
        for (const auto& op : ops) {
            if (op.seq <= last) {
                const auto stored = tx.storedOp(stationId, op.seq);
                if (!stored)
                    throw std::logic_error("no stored answer for " + stationId + " seq " +
                                           std::to_string(op.seq));
                if (stored->uuid != op.uuid) {
                    resp.results.push_back(
                        notApplied(op, reason::kSeqConflict, {{"last_applied_seq", last}}));
                    stopped = reason::kSeqConflict;
                    continue;
                }
                proto::OpResult r;
                r.seq = stored->seq;
                r.uuid = stored->uuid;
                r.status = proto::opStatusFromString(stored->status);
                r.reason = stored->reason;
                r.detail = json::parse(stored->detail_json);
                resp.results.push_back(std::move(r));
            } else if (stopped == reason::kSeqConflict) {
                resp.results.push_back(
                    notApplied(op, reason::kSeqConflict, {{"last_applied_seq", last}}));
            } else if (stopped || op.seq > last + 1) {
                resp.results.push_back(notApplied(op, reason::kGap, {{"expected_seq", last + 1}}));
                stopped = reason::kGap;
            } else {
                const Timing t = judgeTime(op, previous, now, options_);
                const Outcome o = t.refused ? *t.refused : applyIsolated(tx, stationId, op, t.judged_at);
                std::string staffId;
                try {
                    staffId = staffIdOf(op);
                } catch (const InvalidPayload&) {
                    // The op was rejected invalid_payload for it; no staff to name.
                }
                tx.storeOp(stationId, op.seq, op.uuid, op.kind, op.created_at, receivedAt,
                           o.applied ? "applied" : "rejected", o.reason, o.detail.dump(), staffId);
                // A stale op does not move the station's clock back or forth.
                if (!t.refused) previous = op.created_at;
                last = op.seq;
                resp.results.push_back(answer(op, o));
            }
        }
        if (last != station->last_applied_seq) tx.setLastApplied(stationId, last);
        resp.last_applied_seq = last;
    });
    return resp;
}

}  // namespace district
