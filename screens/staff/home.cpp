// staff: six choices; the ones a day needs less often are under 更多 (staff_more).
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Home final : public Step {
public:
    Home(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaff, "staff.title", std::move(st)) {}

protected:
    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked()) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Palette& c = ui.c();
        const auto& s = ctx_.strings;
        struct Choice {
            const char* id;
            const char* label;
            const char* hint;
            shell::Icon icon;
            const char* screen;  // nullptr: sync now
        };
        static constexpr Choice kChoices[6] = {
            {wid::kStaffRapid, "staff.home.rapid", "staff.home.rapid.hint", shell::Icon::CheckIn, ids::kStaffRapidTargets},
            {wid::kStaffActTile, "staff.home.act", "staff.home.act.hint", shell::Icon::Person, ids::kStaffAct},
            {wid::kStaffCareTile, "staff.home.care", "staff.home.care.hint", shell::Icon::Help, ids::kStaffCare},
            {wid::kStaffHelp, "staff.home.help", "staff.home.help.hint", shell::Icon::Help, ids::kStaffHelp},
            {wid::kStaffRosters, "staff.home.rosters", "staff.home.rosters.hint", shell::Icon::Activity, ids::kStaffRosterTargets},
            {wid::kStaffMoreTile, "staff.home.more", "staff.home.more.hint", shell::Icon::Synced, ids::kStaffMore},
        };
        std::vector<shell::Ui::TileSpec> tiles;
        for (const Choice& ch : kChoices) {
            const char* screen = ch.screen;
            tiles.push_back({ch.id, s.get(ch.label), s.get(ch.hint), ch.icon, c.primary, [this, screen] {
                                 if (screen) {
                                     ctx_.router.push(screen);
                                     return;
                                 }
                                 ctx_.syncNow();
                                 ctx_.showNotice(ctx_.strings.get("staff.sync.started"));
                             }});
        }
        Node hello = body(ctx_, s.format("staff.home.hello", {{"name", st().staffName}}));
        hello.optional = true;  // the choices come first when room is short
        return shell::column(ui.m().gap, {std::move(hello), ui.tileGrid(std::move(tiles), ui.theme().portrait() ? 2 : 3)});
    }
};

}  // namespace

std::unique_ptr<Screen> homeStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Home>(ctx, std::move(st));
}

}  // namespace screens::staff
