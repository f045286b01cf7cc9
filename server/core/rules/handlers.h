// handlers.h — one function per op kind (PROTOCOL.md "Op kinds and payloads").
// Each reads its payload first (payload.h), then checks the rules and writes
// the effects through WriteTx, whose put*() also emits the change rows.
#pragma once

#include <nlohmann/json.hpp>

#include "rules/outcome.h"
#include "storage.h"

namespace district {

using OpHandler = Outcome (*)(WriteTx&, const OpContext&, const nlohmann::json& payload);

// The handler for a kind, or nullptr for an unknown kind.
OpHandler handlerFor(const std::string& kind);

// visits.cpp
Outcome applyCheckin(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyHelpCall(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyAlert(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyAlertAck(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyCareVisit(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
// members.cpp
Outcome applyMemberEnrol(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyCardReplace(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
// meals.cpp
Outcome applyMealBook(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyMealCancel(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyMealPickup(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyMealPickupUndo(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyMealDelivery(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
// activities.cpp
Outcome applyActivitySignup(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyActivityCancel(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyActivityAttend(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyActivityAttendUndo(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
// timebank_ops.cpp
Outcome applyTbRedeem(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);
Outcome applyTbService(WriteTx& tx, const OpContext& ctx, const nlohmann::json& p);

// Whole years between birth (YYYY-MM-DD) and date (YYYY-MM-DD).
int ageOn(const std::string& birthDate, const std::string& date);

}  // namespace district
