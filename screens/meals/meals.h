// meals/ — 订餐, one question a step (DESIGN.md), one file a step:
//
//   meals          day.cpp      which day? 今天 / 明天 / 后天 / two dated days, and 我的订餐
//   meals.slots    slots.cpp    which meal? a card per slot: the meal and canteen,
//                               what the elder pays, the dishes, seats left
//   meals.how      how.cpp      pick up or 送餐上门? (only for a delivery-eligible elder)
//   meals.book     book.cpp     confirm: price, subsidy and what they pay -> domain::bookMeal
//   meals.voucher  voucher.cpp  the pickup QR code (domain::voucherText) and 取消
//   meals.mine     mine.cpp     我的订餐: every booking with its state, QR and 取消
//   meals.cancel   cancel.cpp   confirm the cancel -> domain::cancelBooking
//
// Widget ids (screens/ids.h): meals.day.0 .. meals.day.4, meals.mine;
// meals.book.lunch, meals.book.dinner (meals.book.<slot>.<n> for a second
// canteen: the whole card is the target); meals.pickup, meals.delivery;
// meals.confirm, meals.abort; meals.voucher.cancel; meals.mine.cancel.<n>,
// meals.mine.list (scroll); meals.cancel.yes, meals.cancel.no.
#pragma once

#include <memory>
#include <vector>

#include "screens/screen.h"

namespace screens {

// Adds the meals steps to the kiosk's screens (all_screens.cpp).
void addMealsScreens(Context& ctx, std::vector<std::unique_ptr<Screen>>& out);

}  // namespace screens
