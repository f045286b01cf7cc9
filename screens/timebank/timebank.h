// timebank/ — 时间银行: the elder's hours, one file a step (so Back, the shared
// top bar, always goes one step back):
//   timebank                  overview.cpp      balance (big), pending, and four choices
//   timebank_statement        statement.cpp     date / what / hours ±, a drag-scroll list
//   timebank_catalog          catalog.cpp       服务 / 物品, at most six items a page
//   timebank_confirm          confirm.cpp       "将用去 1 小时，剩余 2 小时" → domain::redeem
//   timebank_redemptions      redemptions.cpp   my redemptions with their status
//   timebank_voucher          voucher.cpp       the QR voucher of a confirmed redemption
//   timebank_service          catalog.cpp       记录服务: the volunteer picks the service
//   timebank_service_hours    hours.cpp         how long, half-hour steps with big − / +
//   timebank_service_card     card.cpp          the recipient confirms with a card tap
// Widget ids (screens/ids.h): timebank.redeem, timebank.statement,
// timebank.redemptions, timebank.record, timebank.kind_service,
// timebank.kind_goods, timebank.item.<catalog id>, timebank.prev_page,
// timebank.next_page, timebank.confirm, timebank.cancel,
// timebank.voucher.<redemption id>, timebank.hours_minus, timebank.hours_plus,
// timebank.hours_next, timebank.statement_list / timebank.redemptions_list (scroll).
#pragma once

#include <memory>
#include <vector>

#include "screens/screen.h"

namespace screens {

void addTimeBankScreens(Context& ctx, std::vector<std::unique_ptr<Screen>>& out);

}  // namespace screens
