// activities.detail: time, place, seats, description; 报名, 候补 or 取消报名.
#include "core/clock.h"
#include "screens/activities/state.h"
#include "screens/format.h"

namespace screens::activities {
namespace {

class Detail final : public Step {
public:
    Detail(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kActivitiesDetail, "activities.detail.title", std::move(st)) {}

protected:
    void load() override {
        State& s = st();
        s.today = ctx_.domain->today();
        s.activity = domain::activityById(*ctx_.domain, s.activityId, ctx_.session.memberId());
        s.started = true;
        if (!s.activity) return;
        ctx_.addText(s.activity->title + s.activity->place + s.activity->description);
        try {
            s.started = ctx_.clock.now() >= core::parseIso(s.activity->starts_at);
        } catch (const std::exception&) {
            s.started = true;
        }
    }

    Node content(const shell::Rect& /*area*/) override {
        State& s = st();
        if (!ready() || !s.activity) return needCard(ctx_);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        const domain::Activity& a = *s.activity;
        auto ls = summary(ctx_, s.today, a, true);
        const std::string state = signupState(ctx_, a);
        if (!state.empty()) ls.push_back({state, true, false});
        if (a.my_status != "signed_up")
            ls.push_back({a.seats_left > 0 ? str.format("activities.seats_left", {{"n", std::to_string(a.seats_left)}})
                                           : str.get("activities.full_waitlist"),
                          false, false});
        Node card = ui.card(ui.scroll("activities.detail.text", lines(ctx_, ls), m.touchMin * 1.5f));
        card.grow = 1;
        const bool mine = a.my_status == "signed_up" || a.my_status == "waitlisted";
        Node action;
        auto go = [this](State::Action what) {
            st().action = what;
            ctx_.router.push(ids::kActivitiesConfirm);
        };
        const float h = std::round(m.touchMin * 1.4f);
        if (mine)
            action = ui.button(wid::kActivitiesCancel, str.get("activities.cancel"), shell::Icon::Back, ui.secondaryStyle(),
                               [go] { go(State::Action::Cancel); }, h);
        else if (s.started)
            action = body(ctx_, str.get("activities.started"), shell::TextAlign::Centre);
        else if (a.seats_left > 0)
            action = ui.button(wid::kActivitiesSignup, str.get("activities.signup"), shell::Icon::Check, ui.primaryStyle(),
                               [go] { go(State::Action::SignUp); }, h);
        else
            action = ui.button(wid::kActivitiesWaitlist, str.get("activities.waitlist"), shell::Icon::Check,
                               ui.primaryStyle(), [go] { go(State::Action::Waitlist); }, h);
        action.align = shell::Align::Centre;
        return shell::column(m.gap, {std::move(card), std::move(action)});
    }
};

}  // namespace

std::unique_ptr<Screen> detailStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Detail>(ctx, std::move(st));
}

}  // namespace screens::activities
