// meals.book: confirm what the elder will pay, then domain::bookMeal.
#include "screens/format.h"
#include "screens/meals/state.h"

namespace screens::meals {
namespace {

class Book final : public Step {
public:
    Book(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kMealsBook, "meals.book.title", std::move(st)) {}

protected:
    void load() override {
        State& s = st();
        const domain::Context& d = *ctx_.domain;
        s.today = d.today();
        s.member = domain::memberById(d.db, ctx_.session.memberId());
        s.slot = s.member ? domain::mealSlot(d, s.slotId) : std::nullopt;
        if (s.slot) {
            s.price = domain::priceFor(d, *s.member, *s.slot, s.delivery);
            // The rule's words come from the configuration: their glyphs too.
            ctx_.addText(s.slot->canteen_name + dishesLine(ctx_, s.slot->dishes) + ruleLine(ctx_, s.price));
        }
    }

    Node content(const shell::Rect& /*area*/) override {
        State& s = st();
        if (!ready() || !s.member || !s.slot) return needCard(ctx_);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        const domain::MealSlot& slot = *s.slot;
        // What it costs comes first: it must be seen before confirming.
        Node summary = lines(ctx_, {
            {str.format("meals.confirm_heading", {{"day", dayLabel(str, s.today, slot.date)},
                                                  {"date", dayDate(str, slot.date)},
                                                  {"slot", slotName(str, slot.slot)}}), true, false},
            {str.format("meals.you_pay", {{"pay", money(str, s.price.pay_cents)}}), true, false},
            {priceLine(ctx_, s.price), false, true},
            // Why: the rule in the district's words and amounts.
            {ruleLine(ctx_, s.price), false, true},
            {slot.canteen_name, false, false},
            {dishesLine(ctx_, slot.dishes), false, false},
            {str.get(s.delivery ? "meals.way.delivery" : "meals.way.pickup"), false, false},
        });
        if (s.delivery) summary.add(lines(ctx_, {{deliveryLine(ctx_, s.price), false, false}}));
        Node card = ui.card(ui.scroll("meals.confirm.summary", std::move(summary), m.touchMin * 1.5f));
        card.grow = 1;
        Node confirm = ui.primary(wid::kMealsConfirm, str.get("meals.confirm"),
                                  str.format("meals.confirm.hint", {{"pay", money(str, s.price.pay_cents)}}),
                                  shell::Icon::Check, [this] { book(); });
        Node abort = ui.button(wid::kMealsAbort, str.get("meals.abort"), shell::Icon::Back, ui.secondaryStyle(),
                               [this] { ctx_.router.back(); });
        Node q = question(ctx_, str.get("meals.ask_confirm"));
        q.optional = true;
        if (ui.theme().portrait())
            return shell::column(m.gap, {std::move(q), std::move(card), std::move(confirm), std::move(abort)});
        Node side = shell::column(m.gap * 1.5f, {std::move(confirm), std::move(abort)});
        side.width = [&m] { return shell::Span{m.primaryMinWidth * 1.2f, m.primaryMinWidth * 1.2f}; };
        return shell::column(m.gap, {std::move(q), shell::row(m.gap * 1.5f, {std::move(card), std::move(side)})});
    }

private:
    void book() {
        State& s = st();
        const auto& str = ctx_.strings;
        const domain::BookResult r = domain::bookMeal(*ctx_.domain, *s.member, s.slotId, s.delivery);
        ctx_.syncNow();
        const std::string failed = str.get("meals.failed");
        switch (r.outcome) {
            case domain::BookOutcome::Booked:
                s.bookingId = r.booking_id;
                ctx_.router.home();
                ctx_.router.push(ids::kMeals);
                ctx_.router.push(ids::kMealsVoucher);
                announce(ctx_, Feedback::Success, str.get("meals.booked"),
                         str.format(s.delivery ? "meals.booked.detail_delivery" : "meals.booked.detail",
                                    {{"pay", money(str, r.price.pay_cents)}}));
                return;
            case domain::BookOutcome::AlreadyBooked:
                announce(ctx_, Feedback::Info, str.get("meals.already"), str.get("meals.already.detail"));
                break;
            case domain::BookOutcome::Full: announce(ctx_, Feedback::Failure, failed, str.get("meals.full.detail")); break;
            case domain::BookOutcome::PastCutoff:
                announce(ctx_, Feedback::Failure, failed,
                         s.slot ? pastCutoffText(ctx_, s.slot->slot, s.slot->cutoff) : str.get("meals.reason.past_cutoff"));
                break;
            case domain::BookOutcome::NotEligibleDelivery:
                announce(ctx_, Feedback::Failure, failed, str.get("meals.not_eligible_delivery"));
                break;
            case domain::BookOutcome::NoAddress:
                announce(ctx_, Feedback::Failure, failed, str.get("meals.no_address"));
                break;
            case domain::BookOutcome::UnknownSlot:
                announce(ctx_, Feedback::Failure, failed, str.get("meals.unknown_slot"));
                break;
        }
        // Not booked: back to the list of meals, which now shows why.
        ctx_.router.home();
        ctx_.router.push(ids::kMeals);
        ctx_.router.push(ids::kMealsSlots);
    }
};

}  // namespace

std::unique_ptr<Screen> bookStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Book>(ctx, std::move(st));
}

}  // namespace screens::meals
