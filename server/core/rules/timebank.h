// timebank.h — the time-bank ledger rules (DESIGN.md principle 3).
//
// Double entry: every transfer is two immutable movements summing to zero
// (WriteTx::addTransfer). The floor of the account paying out is checked here
// before any write: a member's balance never goes below 0. A service given is
// pending until an admin approves it; approval moves the minutes from the
// district's issuance account to the volunteer. A mistake is corrected by a
// reversal transfer, never by editing or deleting a movement.
#pragma once

#include <string>

#include "core/clock.h"
#include "storage.h"

namespace district {

// Adds the transfer unless it would take `from` below its floor.
bool transferWithinFloor(WriteTx& tx, const Transfer& t);

// A member's account, created on first use with floor 0.
void ensureMemberAccount(WriteTx& tx, const std::string& memberId);

// Voucher code shown to the elder for a confirmed redemption: derived from the
// redemption id, so a repeated answer shows the same code.
std::string voucherFor(const std::string& redemptionId);

// Admin: approve a pending service. Throws AdminError (unknown, already approved).
Transfer approveService(Storage& storage, const std::string& serviceId, core::TimePoint now);
// Admin: reverse a transfer with a new, opposite transfer. Throws AdminError
// (unknown, already reversed, a reversal itself, or the floor would break).
Transfer reverseTransfer(Storage& storage, const std::string& transferId, core::TimePoint now);

}  // namespace district
