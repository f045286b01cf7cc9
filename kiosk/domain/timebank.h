// timebank.h — 时间银行: balance, statement, redeem (pending until the
// district confirms: spending hours needs the authoritative ledger), and
// service given (pending until approved).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/context.h"

namespace domain {

struct StatementLine {
    std::string at;
    std::string what;
    int minutes = 0;  // signed: + banked, - redeemed
};

struct CatalogItem {
    std::string id;
    std::string name;
    std::string kind;  // service / goods
    int minutes = 0;
};

struct Redemption {
    std::string id;
    std::string item_name;
    int minutes = 0;
    std::string status;  // pending / confirmed / rejected
    std::string voucher;
    std::string reason;
    std::string created_at;
};

struct Balance {
    int minutes = 0;          // as last confirmed by the district
    int pending_minutes = 0;  // redemptions sent but not yet confirmed
    int available() const { return minutes - pending_minutes; }
};

enum class RedeemOutcome { Requested, NotEnoughHours, UnknownItem };

struct RedeemResult {
    RedeemOutcome outcome = RedeemOutcome::UnknownItem;
    std::string redemption_id;
};

enum class ServiceOutcome { Recorded, SamePerson, InvalidHours, UnknownItem, UnknownMember };

Balance balanceOf(const Context& ctx, const std::string& memberId);
std::vector<StatementLine> statementOf(const Context& ctx, const std::string& memberId, int limit);
std::vector<CatalogItem> catalog(const Context& ctx, const std::string& kind);
std::optional<CatalogItem> catalogItem(const Context& ctx, const std::string& id);
RedeemResult redeem(const Context& ctx, const std::string& memberId, const std::string& itemId);
std::vector<Redemption> myRedemptions(const Context& ctx, const std::string& memberId);
// A volunteer served a recipient (who confirmed with a card tap).
ServiceOutcome recordService(const Context& ctx, const std::string& volunteerId,
                             const std::string& recipientId, const std::string& itemId,
                             int minutes);
// "3.5" for 210 minutes: hours with at most one decimal.
std::string formatHours(int minutes);

}  // namespace domain
