// meals_screen.h — 订餐, one question a step (DESIGN.md):
//
//   meals          which day? 今天 / 明天 / 后天 / two dated days, and 我的订餐
//   meals.slots    which meal? a card per slot: canteen, dishes, price, the
//                  elder's subsidy and what they pay, seats left, cut-off
//   meals.how      pick up or 送餐上门? (only for a delivery-eligible elder)
//   meals.book     confirm: exactly what they will pay -> domain::bookMeal
//   meals.voucher  the pickup QR code (domain::voucherText) and 取消
//   meals.mine     我的订餐: every booking with its state, QR and 取消
//   meals.cancel   confirm the cancel -> domain::cancelBooking
//
// Widget ids: meals.day.0 .. meals.day.4, meals.mine; meals.book.lunch,
// meals.book.dinner (meals.book.<slot>.<n> for a second canteen);
// meals.pickup, meals.delivery; meals.confirm, meals.abort; meals.voucher.cancel;
// meals.mine.cancel.<n>, meals.mine.list (scroll); meals.cancel.yes, meals.cancel.no.
#pragma once

#include <memory>
#include <vector>

#include "screens/screen.h"

namespace screens {

// Adds the meals steps to the kiosk's screens (all_screens.cpp).
void addMealsScreens(Context& ctx, std::vector<std::unique_ptr<Screen>>& out);

}  // namespace screens
