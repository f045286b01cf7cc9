// staff_roster: who signed up or booked, and who came.
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Roster final : public Step {
public:
    Roster(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffRoster, "staff.roster.title", std::move(st)) {}

protected:
    void load() override {
        if (st().target) st().roster = domain::roster(*ctx_.domain, *st().target);
        for (const auto& r : st().roster) ctx_.addText(r.masked_name);
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked() || !st().target) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        const auto& roster = st().roster;
        int came = 0;
        for (const auto& r : roster) came += (r.status == "attended" || r.status == "picked_up") ? 1 : 0;
        Node head = body(ctx_, str.format("staff.roster.head", {{"what", targetTitle(ctx_, *st().target)},
                                                                {"total", std::to_string(roster.size())},
                                                                {"came", std::to_string(came)}}));
        if (roster.empty()) return shell::column(m.gap, {std::move(head), emptyNote(ctx_, str.get("staff.roster.empty"))});
        // Name and state side by side; two columns of them in landscape.
        std::vector<Node> rows;
        for (const auto& r : roster) {
            const bool here = r.status == "attended" || r.status == "picked_up";
            Node mark = ui.icon(here ? shell::Icon::Check : shell::Icon::None, ui.c().text, m.iconNav * 0.8f, m.iconNav * 0.8f);
            mark.optional = false;
            mark.align = shell::Align::Centre;
            Node name = body(ctx_, r.masked_name);
            Node state = body(ctx_, str.get("staff.roster.status." + r.status));
            state.grow = 1;
            rows.push_back(shell::row(m.gap * 0.5f, {std::move(mark), std::move(name), std::move(state)}));
        }
        Node g = shell::grid(ui.theme().portrait() ? 1 : 2, m.gap * 0.5f, std::move(rows));
        return shell::column(m.gap, {std::move(head), ui.card(ui.scroll(wid::kStaffRosterList, std::move(g), m.touchMin * 1.5f))});
    }
};

}  // namespace

std::unique_ptr<Screen> rosterStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Roster>(ctx, std::move(st));
}

}  // namespace screens::staff
