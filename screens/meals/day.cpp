// meals: which day? Five days from today, and 我的订餐.
#include "screens/format.h"
#include "screens/meals/state.h"

namespace screens::meals {
namespace {

class Day final : public Step {
public:
    Day(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kMeals, "meals.title", std::move(st)) {}

protected:
    void load() override { st().today = ctx_.domain->today(); }

    Node content(const shell::Rect& /*area*/) override {
        if (!ready() || st().today.empty()) return needCard(ctx_);
        shell::Ui& ui = ctx_.ui;
        const shell::Palette& c = ui.c();
        const std::string& today = st().today;
        std::vector<shell::Ui::TileSpec> tiles;
        for (const std::string& d : comingDays(today, 5)) {
            tiles.push_back({wid::mealsDay(tiles.size()), dayLabel(ctx_.strings, today, d), dayDate(ctx_.strings, d),
                             shell::Icon::Activity, c.meals, [this, d] {
                                 st().date = d;
                                 ctx_.router.push(ids::kMealsSlots);
                             }});
        }
        tiles.push_back({wid::kMealsMine, ctx_.strings.get("meals.mine"), ctx_.strings.get("meals.mine.hint"),
                         shell::Icon::Meal, c.checkin, [this] { ctx_.router.push(ids::kMealsMine); }});
        Node q = question(ctx_, ctx_.strings.get("meals.ask_day"));
        q.optional = true;
        return shell::column(ui.m().gap, {std::move(q), ui.tileGrid(std::move(tiles), ui.theme().portrait() ? 2 : 3)});
    }
};

}  // namespace

std::unique_ptr<Screen> dayStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Day>(ctx, std::move(st));
}

}  // namespace screens::meals
