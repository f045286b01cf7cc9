// state.h — what the meals steps share (flow.h): the choices made so far and
// each step's view model, loaded in onEnter and after an action.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/meals.h"
#include "domain/members.h"
#include "screens/flow.h"

namespace screens::meals {

struct SlotView {
    std::string id, widget;    // the slot, and the card's widget id
    std::string heading;       // 午餐 · 长城长者饭堂
    std::string pay;           // 您付13元
    std::string details;       // dishes, and the seats left (or when to book)
    std::string state;         // why it cannot be booked, a word or two ("" when it can)
};

struct State : FlowState {
    // Choices.
    std::string date;       // the day chosen
    std::string slotId;     // the meal chosen
    bool delivery = false;  // 送餐上门 chosen
    std::string bookingId;  // the voucher shown / the booking to cancel

    // View models.
    std::string today;
    std::optional<domain::Member> member;
    std::vector<SlotView> slots;                  // meals.slots
    std::optional<domain::MealSlot> slot;         // meals.book
    domain::Price price;
    std::vector<domain::Booking> bookings;        // meals.voucher, .mine, .cancel
    const domain::Booking* booking() const;       // the one of bookingId, if any
};

using Step = FlowStep<State>;

// Words the steps share.
std::string bookingState(Context& ctx, const domain::Booking& b);     // "已订好", "没有订上：…"
std::string bookingHeading(Context& ctx, const std::string& today, const domain::Booking& b);  // 明天 午餐 · 长城长者饭堂
std::string priceLine(Context& ctx, const domain::Price& p);           // 价格18元，补贴5元，您付13元
std::string dishesLine(Context& ctx, const std::vector<std::string>& dishes);
// Why this subsidy, in the rules' words and amounts (config: subsidy):
// "户籍70岁以上，每餐补贴5元", or why there is none for this meal.
std::string ruleLine(Context& ctx, const domain::Price& p);
// "送餐费5元，其中补贴2元" ("" without delivery).
std::string deliveryLine(Context& ctx, const domain::Price& p);
// "这份餐会送到您登记的地址，大约11:00到12:30送到，不用到饭堂取。"
std::string deliveryNote(Context& ctx, const std::string& slot);
std::string pastCutoffText(Context& ctx, const std::string& slot, const std::string& cutoff);
bool cancellable(Context& ctx, const domain::Booking& b);

// The steps (one file each).
std::unique_ptr<Screen> dayStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> slotsStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> howStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> bookStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> voucherStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> mineStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> cancelStep(Context& ctx, std::shared_ptr<State> st);

}  // namespace screens::meals
