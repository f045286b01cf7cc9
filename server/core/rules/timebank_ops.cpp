// timebank_ops.cpp — the time-bank ops: redemptions (confirmed only if the
// balance stays above its floor) and services given (pending until approved).
#include "rules/handlers.h"
#include "rules/payload.h"
#include "rules/timebank.h"

namespace district {
namespace {

using nlohmann::json;

// A single service above 12 hours is a typing mistake, not a service.
constexpr std::int64_t kMaxServiceMinutes = 12 * 60;

}  // namespace

Outcome applyTbRedeem(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string redemptionId = needId(p, "redemption_id");
    const std::string memberId = needId(p, "member_id");
    const std::string itemId = needId(p, "item_id");
    json detail = {{"redemption_id", redemptionId}};
    if (tx.redemption(redemptionId)) return Outcome::reject(reason::kDuplicateUuid, detail);
    if (!tx.member(memberId)) return Outcome::reject(reason::kUnknownMember, detail);
    const auto item = tx.catalogItem(itemId);
    if (!item) return Outcome::reject(reason::kUnknownItem, detail);

    ensureMemberAccount(tx, memberId);
    Redemption r{redemptionId, memberId, itemId, item->minutes, "confirmed", "",
                 ctx.station_id, ctx.created_at};
    const Transfer t{"tr-red-" + redemptionId, memberId,           kRedemptionAccount,
                     item->minutes,            ctx.judged_iso,     "redemption",
                     "兑换：" + item->name,   redemptionId};
    detail["minutes"] = item->minutes;
    if (!transferWithinFloor(tx, t)) {
        r.status = "rejected";
        tx.putRedemption(r);
        detail["balance_minutes"] = tx.account(memberId)->minutes;
        return Outcome::reject(reason::kInsufficientBalance, detail);
    }
    r.voucher = voucherFor(redemptionId);
    tx.putRedemption(r);
    detail["status"] = r.status;
    detail["voucher"] = r.voucher;
    detail["balance_minutes"] = tx.account(memberId)->minutes;
    return Outcome::ok(detail);
}

Outcome applyTbService(WriteTx& tx, const OpContext& ctx, const json& p) {
    const std::string serviceId = needId(p, "service_id");
    const std::string volunteerId = needId(p, "volunteer_id");
    const std::string recipientId = needId(p, "recipient_id");
    const std::string itemId = needId(p, "item_id");
    const std::int64_t minutes = needInt(p, "minutes");
    json detail = {{"service_id", serviceId}};
    if (tx.service(serviceId)) return Outcome::reject(reason::kDuplicateUuid, detail);
    if (!tx.member(volunteerId) || !tx.member(recipientId))
        return Outcome::reject(reason::kUnknownMember, detail);
    if (!tx.catalogItem(itemId)) return Outcome::reject(reason::kUnknownItem, detail);
    if (minutes <= 0 || minutes > kMaxServiceMinutes || volunteerId == recipientId)
        return Outcome::reject(reason::kInvalidHours, detail);
    Service s{serviceId, volunteerId, recipientId, itemId, minutes, "pending",
              ctx.station_id, ctx.created_at, ""};
    tx.putService(s);
    detail["status"] = s.status;
    return Outcome::ok(detail);
}

}  // namespace district
