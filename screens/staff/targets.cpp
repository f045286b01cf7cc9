// staff_rapid_targets / staff_roster_targets: today's activities and meal
// pickups at this station, a page of six at a time.
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Targets final : public Step {
public:
    Targets(Context& ctx, std::shared_ptr<State> st, bool rapid)
        : Step(ctx, rapid ? ids::kStaffRapidTargets : ids::kStaffRosterTargets,
               rapid ? "staff.rapid_targets.title" : "staff.roster_targets.title", std::move(st)),
          rapid_(rapid) {}

protected:
    void load() override {
        st().targets = domain::todaysTargets(*ctx_.domain);
        for (const auto& t : st().targets) ctx_.addText(t.title);
        // Today's delivery rounds follow the rosters (送餐单: who, where, done or not).
        st().deliverySlots = rapid_ ? std::vector<domain::DeliverySlot>{}
                                    : domain::deliverySlots(*ctx_.domain, ctx_.domain->today());
        for (const auto& d : st().deliverySlots) ctx_.addText(deliveryTitle(ctx_, d));
        st().pager = {};
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked()) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        State& s = st();
        if (s.targets.empty() && s.deliverySlots.empty()) return emptyNote(ctx_, ctx_.strings.get("staff.targets.none"));
        const int targets = int(s.targets.size());
        const int n = targets + int(s.deliverySlots.size());
        Node list = shell::column(m.targetGap);
        for (int i = s.pager.first(); i < std::min(n, s.pager.first() + Pager::kPerPage); ++i) {
            if (i >= targets) {
                const domain::DeliverySlot d = s.deliverySlots[std::size_t(i - targets)];
                list.add(ui.button(wid::staffDeliveryRound(std::size_t(i - targets)), deliveryTitle(ctx_, d),
                                   shell::Icon::Meal, ui.secondaryStyle(), [this, d] {
                                       st().deliverySlot = d;
                                       st().deliveryPager = {};
                                       ctx_.router.push(ids::kStaffDeliveries);
                                   },
                                   m.touchMin));
                continue;
            }
            const domain::RapidTarget t = s.targets[std::size_t(i)];
            list.add(ui.button(wid::staffTarget(std::size_t(i)), targetTitle(ctx_, t),
                               t.kind == domain::RapidKind::Activity ? shell::Icon::Activity : shell::Icon::Meal,
                               ui.secondaryStyle(), [this, t] {
                                   st().target = t;
                                   st().last.reset();
                                   st().undoable.clear();
                                   ctx_.router.push(rapid_ ? ids::kStaffRapid : ids::kStaffRoster);
                               },
                               m.touchMin));
        }
        Node scrolled = ui.scroll("staff.targets", std::move(list), m.touchMin * 1.5f);
        scrolled.grow = 1;
        return shell::column(m.gap, {body(ctx_, ctx_.strings.get(rapid_ ? "staff.targets.ask_rapid" : "staff.targets.ask_roster")),
                                     std::move(scrolled), pagerRow(ctx_, wid::kStaffPager, s.pager, n)});
    }

private:
    bool rapid_;
};

}  // namespace

std::unique_ptr<Screen> rapidTargetsStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Targets>(ctx, std::move(st), true);
}

std::unique_ptr<Screen> rosterTargetsStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Targets>(ctx, std::move(st), false);
}

}  // namespace screens::staff
