// staff_help: open help calls (when, from which screen, who), each with 已处理.
#include "screens/format.h"
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Help final : public Step {
public:
    Help(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffHelp, "staff.help.title", std::move(st)) {}

protected:
    void load() override {
        const domain::Context& d = *ctx_.domain;
        st().helpCalls = domain::openHelpCalls(d);
        st().helpMembers.clear();
        for (const auto& h : st().helpCalls) {
            std::string member;
            if (!h.member_id.empty())
                if (auto m = domain::memberById(d.db, h.member_id)) member = domain::maskName(m->name);
            st().helpMembers.push_back(member);
            ctx_.addText(member);
        }
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked()) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        const auto& calls = st().helpCalls;
        if (calls.empty()) return emptyNote(ctx_, str.get("staff.help.none"));
        Node rows = shell::column(m.targetGap);
        const std::size_t shown = std::min<std::size_t>(calls.size(), Pager::kPerPage);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& h = calls[i];
            const std::string who = st().helpMembers[i].empty() ? "" : "  " + st().helpMembers[i];
            Node what = body(ctx_, str.format("staff.help.row", {{"time", hhmm(h.at)}, {"where", ctx_.screenTitle(h.screen)}}) + who);
            what.grow = 1;
            what.align = shell::Align::Centre;
            const std::string id = h.id;
            Node done = ui.button(wid::staffHelpDone(i), str.get("staff.help.done"), shell::Icon::Check, ui.primaryStyle(),
                                  [this, id] {
                                      domain::markHelpHandled(*ctx_.domain, id);
                                      ctx_.alertsChanged();
                                      load();
                                  });
            rows.add(shell::row(m.gap, {std::move(what), std::move(done)}));
        }
        if (calls.size() > shown)
            rows.add(muted(ctx_, str.format("staff.help.more", {{"count", std::to_string(calls.size() - shown)}})));
        return ui.scroll("staff.help.list", std::move(rows), m.touchMin * 1.5f);
    }
};

}  // namespace

std::unique_ptr<Screen> helpStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Help>(ctx, std::move(st));
}

}  // namespace screens::staff
