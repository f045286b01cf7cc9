// staff_more: what a day needs less often (ops the district refused, sync
// now, the station's status).
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class More final : public Step {
public:
    More(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffMore, "staff.more.title", std::move(st)) {}

protected:
    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked()) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const auto& s = ctx_.strings;
        std::vector<shell::Ui::TileSpec> tiles;
        tiles.push_back({"staff.enrol", s.get("staff.home.enrol"), s.get("staff.home.enrol.hint"), shell::Icon::Person,
                         ui.c().primary, [this] { ctx_.router.push(ids::kStaffEnrol); }});
        tiles.push_back({"staff.card", s.get("staff.home.card"), s.get("staff.home.card.hint"), shell::Icon::Card,
                         ui.c().primary, [this] { ctx_.router.push(ids::kStaffCard); }});
        tiles.push_back({wid::kStaffRejected, s.get("staff.home.rejected"), s.get("staff.home.rejected.hint"),
                         shell::Icon::Offline, ui.c().primary, [this] { ctx_.router.push(ids::kStaffRejected); }});
        tiles.push_back({wid::kStaffSync, s.get("staff.home.sync"), s.get("staff.home.sync.hint"), shell::Icon::Synced,
                         ui.c().primary, [this] {
                             ctx_.syncNow();
                             ctx_.showNotice(ctx_.strings.get("staff.sync.started"));
                         }});
        tiles.push_back({wid::kStaffStatus, s.get("staff.home.status"), s.get("staff.home.status.hint"),
                         shell::Icon::Person, ui.c().primary, [this] { ctx_.router.push(ids::kStaffStatus); }});
        return ui.tileGrid(std::move(tiles), ui.theme().portrait() ? 2 : 3);
    }
};

}  // namespace

std::unique_ptr<Screen> moreStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<More>(ctx, std::move(st));
}

}  // namespace screens::staff
