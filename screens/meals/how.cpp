// meals.how: pick up at the canteen, or 送餐上门 (a delivery-eligible elder).
#include "screens/meals/state.h"

namespace screens::meals {
namespace {

class How final : public Step {
public:
    How(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kMealsHow, "meals.how.title", std::move(st)) {}

protected:
    Node content(const shell::Rect& /*area*/) override {
        if (!ready() || st().slotId.empty()) return needCard(ctx_);
        shell::Ui& ui = ctx_.ui;
        const shell::Palette& c = ui.c();
        const auto& s = ctx_.strings;
        std::vector<shell::Ui::TileSpec> tiles{
            {wid::kMealsPickup, s.get("meals.pickup"), s.get("meals.pickup.hint"), shell::Icon::Meal, c.meals,
             [this] {
                 st().delivery = false;
                 ctx_.router.push(ids::kMealsBook);
             }},
            {wid::kMealsDelivery, s.get("meals.delivery"), s.get("meals.delivery.hint"), shell::Icon::Home, c.checkin,
             [this] {
                 st().delivery = true;
                 ctx_.router.push(ids::kMealsBook);
             }},
        };
        return shell::column(ui.m().gap, {question(ctx_, s.get("meals.ask_how")), ui.tileGrid(std::move(tiles), 2)});
    }
};

}  // namespace

std::unique_ptr<Screen> howStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<How>(ctx, std::move(st));
}

}  // namespace screens::meals
