// activities: which day? Five days from today, and 我的报名.
#include "screens/activities/state.h"
#include "screens/format.h"

namespace screens::activities {
namespace {

class Day final : public Step {
public:
    Day(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kActivities, "activities.title", std::move(st)) {}

protected:
    void load() override { st().today = ctx_.domain->today(); }

    Node content(const shell::Rect& /*area*/) override {
        if (!ready() || st().today.empty()) return needCard(ctx_);
        shell::Ui& ui = ctx_.ui;
        const shell::Palette& c = ui.c();
        const std::string& today = st().today;
        std::vector<shell::Ui::TileSpec> tiles;
        for (const std::string& d : comingDays(today, 5)) {
            tiles.push_back({wid::activitiesDay(tiles.size()), dayLabel(ctx_.strings, today, d),
                             dayDate(ctx_.strings, d), shell::Icon::Activity, c.activities, [this, d] {
                                 st().date = d;
                                 st().mine = false;
                                 st().category.clear();
                                 ctx_.router.push(ids::kActivitiesList);
                             }});
        }
        tiles.push_back({wid::kActivitiesMine, ctx_.strings.get("activities.mine"),
                         ctx_.strings.get("activities.mine.hint"), shell::Icon::Check, c.checkin, [this] {
                             st().mine = true;
                             st().date.clear();
                             st().category.clear();
                             ctx_.router.push(ids::kActivitiesList);
                         }});
        Node q = question(ctx_, ctx_.strings.get("activities.ask_day"));
        q.optional = true;
        return shell::column(ui.m().gap, {std::move(q), ui.tileGrid(std::move(tiles), ui.theme().portrait() ? 2 : 3)});
    }
};

}  // namespace

std::unique_ptr<Screen> dayStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Day>(ctx, std::move(st));
}

}  // namespace screens::activities
