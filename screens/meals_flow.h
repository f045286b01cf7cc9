// meals_flow.h — what the meals steps share: the choices made so far.
#pragma once

#include <optional>
#include <string>

#include "domain/meals.h"
#include "domain/members.h"
#include "screens/screen.h"

namespace screens {

namespace meals_ids {
inline constexpr const char* kSlots = "meals.slots";
inline constexpr const char* kHow = "meals.how";
inline constexpr const char* kBook = "meals.book";
inline constexpr const char* kVoucher = "meals.voucher";
inline constexpr const char* kMine = "meals.mine";
inline constexpr const char* kCancel = "meals.cancel";
}  // namespace meals_ids

struct MealsFlow {
    std::string date;          // the day chosen
    std::string slotId;        // the meal chosen
    bool delivery = false;     // 送餐上门 chosen
    std::string bookingId;     // the voucher shown / the booking to cancel

    // The elder at the screen, read from the store when needed.
    std::optional<domain::Member> member(Context& ctx) const;
};

// The words for a booking's state (pending, rejected with its reason ...).
std::string bookingState(Context& ctx, const domain::Booking& b);
// "明天 午餐 · 长城长者饭堂"
std::string bookingHeading(Context& ctx, const domain::Booking& b);
// Words for a rejection reason code.
std::string rejectReason(Context& ctx, const std::string& reason);
// May the booking still be cancelled (booked, not rejected, before its cut-off)?
bool cancellable(Context& ctx, const domain::Booking& b);

// The first step; it owns the flow's state, the other steps refer to it.
class MealsScreen final : public Screen {
public:
    explicit MealsScreen(Context& ctx);
    void onEnter() override;
    MealsFlow& flow() { return flow_; }

protected:
    void drawContent(const shell::Rect& area) override;

private:
    MealsFlow flow_;
};

class MealsSlotsScreen final : public Screen {
public:
    MealsSlotsScreen(Context& ctx, MealsFlow& flow);
    void onEnter() override;

protected:
    void drawContent(const shell::Rect& area) override;

private:
    MealsFlow& flow_;
};

class MealsHowScreen final : public Screen {
public:
    MealsHowScreen(Context& ctx, MealsFlow& flow);

protected:
    void drawContent(const shell::Rect& area) override;

private:
    MealsFlow& flow_;
};

class MealsBookScreen final : public Screen {
public:
    MealsBookScreen(Context& ctx, MealsFlow& flow);

protected:
    void drawContent(const shell::Rect& area) override;

private:
    void confirm(const domain::Member& member);
    MealsFlow& flow_;
};

class MealsVoucherScreen final : public Screen {
public:
    MealsVoucherScreen(Context& ctx, MealsFlow& flow);

protected:
    void drawContent(const shell::Rect& area) override;

private:
    MealsFlow& flow_;
};

class MealsMineScreen final : public Screen {
public:
    MealsMineScreen(Context& ctx, MealsFlow& flow);
    void onEnter() override;

protected:
    void drawContent(const shell::Rect& area) override;

private:
    MealsFlow& flow_;
};

class MealsCancelScreen final : public Screen {
public:
    MealsCancelScreen(Context& ctx, MealsFlow& flow);

protected:
    void drawContent(const shell::Rect& area) override;

private:
    MealsFlow& flow_;
};

}  // namespace screens
