// activities.confirm: confirm the sign-up, the waitlist place or the cancel.
#include "screens/activities/state.h"
#include "screens/format.h"

namespace screens::activities {
namespace {

class Confirm final : public Step {
public:
    Confirm(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kActivitiesConfirm, "activities.confirm.title", std::move(st)) {}

protected:
    void load() override {
        st().today = ctx_.domain->today();
        st().activity = domain::activityById(*ctx_.domain, st().activityId, ctx_.session.memberId());
    }

    Node content(const shell::Rect& /*area*/) override {
        State& s = st();
        if (!ready() || !s.activity) return needCard(ctx_);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        const char* q = s.action == State::Action::SignUp     ? "activities.ask_signup"
                        : s.action == State::Action::Waitlist ? "activities.ask_waitlist"
                                                               : "activities.ask_cancel";
        auto ls = summary(ctx_, s.today, *s.activity, false);
        if (s.action == State::Action::Waitlist) ls.push_back({str.get("activities.waitlist.explain"), false, false});
        Node card = ui.card(ui.scroll("activities.confirm.text", lines(ctx_, ls), m.touchMin * 1.5f));
        const char* yesKey = s.action == State::Action::SignUp     ? "activities.confirm.signup"
                             : s.action == State::Action::Waitlist ? "activities.confirm.waitlist"
                                                                    : "activities.confirm.cancel";
        const float h = std::round(m.touchMin * 1.4f);
        Node yes = ui.button(wid::kActivitiesYes, str.get(yesKey), shell::Icon::Check, ui.primaryStyle(), [this] { act(); }, h);
        Node no = ui.button(wid::kActivitiesNo, str.get("activities.confirm.no"), shell::Icon::Back, ui.secondaryStyle(),
                            [this] { ctx_.router.back(); }, h);
        return confirmation(ctx_, question(ctx_, str.get(q)), std::move(card), {std::move(yes), std::move(no)});
    }

private:
    void act() {
        const State& s = st();
        const domain::Activity a = *s.activity;
        const auto& str = ctx_.strings;
        const std::string& memberId = ctx_.session.memberId();
        const std::string when = str.format("activities.result.when",
                                            {{"day", dayLabel(str, s.today, a.starts_at.substr(0, 10))},
                                             {"time", activityTime(ctx_, a)}, {"place", a.place}});
        if (s.action == State::Action::Cancel) {
            const bool ok = domain::cancelSignup(*ctx_.domain, memberId, a.my_signup_id);
            ctx_.syncNow();
            if (ok) announce(ctx_, Feedback::Success, str.get("activities.cancelled"), a.title);
            else announce(ctx_, Feedback::Failure, str.get("activities.cancel_failed"), str.get("activities.ask_staff"));
        } else {
            const auto r = domain::signUp(*ctx_.domain, memberId, a.id, s.action == State::Action::Waitlist);
            ctx_.syncNow();
            switch (r.outcome) {
                case domain::SignupOutcome::SignedUp:
                    announce(ctx_, Feedback::Success, str.get("activities.signed_up"), a.title + str.get("activities.sep") + when);
                    break;
                case domain::SignupOutcome::Waitlisted:
                    announce(ctx_, Feedback::Info, str.get("activities.waitlisted"), str.get("activities.waitlisted.detail"));
                    break;
                case domain::SignupOutcome::Full:
                    announce(ctx_, Feedback::Failure, str.get("activities.failed"), str.get("activities.full.detail"));
                    break;
                case domain::SignupOutcome::AlreadySignedUp:
                    announce(ctx_, Feedback::Info, str.get("activities.already"), a.title);
                    break;
                case domain::SignupOutcome::Started:
                    announce(ctx_, Feedback::Failure, str.get("activities.failed"), str.get("activities.started"));
                    break;
                case domain::SignupOutcome::Unknown:
                    announce(ctx_, Feedback::Failure, str.get("activities.failed"), str.get("activities.ask_staff"));
                    break;
            }
        }
        // Back to the activity: it shows the new state in words (and 候补 when full).
        ctx_.router.back();
    }
};

}  // namespace

std::unique_ptr<Screen> confirmStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Confirm>(ctx, std::move(st));
}

}  // namespace screens::activities
