// meals.cancel: confirm the cancel, then domain::cancelBooking.
#include "screens/format.h"
#include "screens/meals/state.h"

namespace screens::meals {
namespace {

class Cancel final : public Step {
public:
    Cancel(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kMealsCancel, "meals.cancel.title", std::move(st)) {}

protected:
    void load() override {
        st().today = ctx_.domain->today();
        st().bookings = domain::myBookings(*ctx_.domain, ctx_.session.memberId());
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!ready()) return needCard(ctx_);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        const domain::Booking* b = st().booking();
        if (!b) return emptyNote(ctx_, str.get("meals.voucher.gone"));
        const domain::Booking booking = *b;
        Node card = ui.card(lines(ctx_, {{bookingHeading(ctx_, st().today, booking), true, false},
                                         {str.get("meals.cancel.explain"), false, false}}));
        const float h = std::round(m.touchMin * 1.4f);
        Node yes = ui.button(wid::kMealsCancelYes, str.get("meals.cancel.yes"), shell::Icon::Check, ui.primaryStyle(),
                             [this, booking] { cancel(booking); }, h);
        Node no = ui.button(wid::kMealsCancelNo, str.get("meals.cancel.no"), shell::Icon::Back, ui.secondaryStyle(),
                            [this] { ctx_.router.back(); }, h);
        return confirmation(ctx_, question(ctx_, str.get("meals.ask_cancel")), std::move(card), {std::move(yes), std::move(no)});
    }

private:
    void cancel(const domain::Booking& b) {
        const auto& str = ctx_.strings;
        const auto r = domain::cancelBooking(*ctx_.domain, ctx_.session.memberId(), b.id);
        ctx_.syncNow();
        if (r == domain::CancelOutcome::Cancelled)
            announce(ctx_, Feedback::Success, str.get("meals.cancelled"), str.get("meals.cancelled.detail"));
        else if (r == domain::CancelOutcome::PastCutoff)
            announce(ctx_, Feedback::Failure, str.get("meals.cancel_failed"),
                     str.format("meals.cancel_late", {{"time", clockTime(b.cutoff)}}));
        else if (r == domain::CancelOutcome::NotHere)
            announce(ctx_, Feedback::Failure, str.get("meals.cancel_failed"),
                     str.format("meals.cancel_elsewhere", {{"canteen", b.canteen_name}}));
        else
            announce(ctx_, Feedback::Failure, str.get("meals.cancel_failed"), str.get("meals.voucher.gone"));
        ctx_.router.home();
        ctx_.router.push(ids::kMeals);
        ctx_.router.push(ids::kMealsMine);
    }
};

}  // namespace

std::unique_ptr<Screen> cancelStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Cancel>(ctx, std::move(st));
}

}  // namespace screens::meals
