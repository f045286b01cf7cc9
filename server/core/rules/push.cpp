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

Outcome applyOne(WriteTx& tx, const std::string& stationId, const proto::Op& op,
                 core::TimePoint now) {
    if (tx.uuidSeen(op.uuid)) return Outcome::reject(reason::kDuplicateUuid);
    const OpHandler handler = handlerFor(op.kind);
    if (!handler) return Outcome::reject(reason::kUnknownKind, {{"kind", op.kind}});
    try {
        OpContext ctx;
        ctx.station_id = stationId;
        ctx.uuid = op.uuid;
        ctx.created_at = op.created_at;
        try {
            ctx.judged_at = std::min(core::parseIso(op.created_at), now);
        } catch (const std::invalid_argument&) {
            throw InvalidPayload("created_at", "must be an ISO-8601 time with offset");
        }
        ctx.judged_iso = core::isoLocal(ctx.judged_at);
        return handler(tx, ctx, op.payload);
    } catch (const InvalidPayload& e) {
        return Outcome::reject(reason::kInvalidPayload, {{"field", e.field()}, {"message", e.what()}});
    }
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
        {"tb_redeem", applyTbRedeem},
        {"tb_service", applyTbService},
        {"help_call", applyHelpCall},
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
        bool gap = false;
        for (const auto& op : ops) {
            if (gap || op.seq > last + 1) {
                proto::OpResult r{op.seq, op.uuid, proto::OpStatus::NotApplied, reason::kGap,
                                  {{"expected_seq", last + 1}}};
                gap = true;
                resp.results.push_back(std::move(r));
            } else if (op.seq <= last) {
                const auto stored = tx.storedOp(stationId, op.seq);
                if (!stored)
                    throw std::logic_error("no stored answer for " + stationId + " seq " +
                                           std::to_string(op.seq));
                if (stored->uuid != op.uuid) {
                    resp.results.push_back(answer(
                        op, Outcome::reject(reason::kSeqConflict, {{"stored_uuid", stored->uuid}})));
                    continue;
                }
                proto::OpResult r;
                r.seq = stored->seq;
                r.uuid = stored->uuid;
                r.status = proto::opStatusFromString(stored->status);
                r.reason = stored->reason;
                r.detail = json::parse(stored->detail_json);
                resp.results.push_back(std::move(r));
            } else {
                const Outcome o = applyOne(tx, stationId, op, now);
                tx.storeOp(stationId, op.seq, op.uuid, op.kind, op.created_at, receivedAt,
                           o.applied ? "applied" : "rejected", o.reason, o.detail.dump());
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
