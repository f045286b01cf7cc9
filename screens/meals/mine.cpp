// meals.mine: 我的订餐, every upcoming booking with its state in words, its
// pickup QR code and 取消 before the cut-off.
#include "screens/format.h"
#include "screens/meals/state.h"

namespace screens::meals {
namespace {

class Mine final : public Step {
public:
    Mine(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kMealsMine, "meals.mine.title", std::move(st)) {}

protected:
    void load() override {
        State& s = st();
        s.today = ctx_.domain->today();
        s.bookings = domain::myBookings(*ctx_.domain, ctx_.session.memberId());
        for (const auto& b : s.bookings) ctx_.addText(b.canteen_name);
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!ready()) return needCard(ctx_);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        const auto& list = st().bookings;
        if (list.empty()) return emptyNote(ctx_, str.get("meals.mine.empty"));
        Node rows = shell::column(m.gap * 0.75f);
        for (std::size_t i = 0; i < list.size(); ++i) {
            const domain::Booking& b = list[i];
            std::vector<Line> ls{{bookingHeading(ctx_, st().today, b), true, false}, {bookingState(ctx_, b), false, false}};
            if (b.status == "booked" || b.status == "picked_up")
                ls.push_back({str.format("meals.you_pay", {{"pay", money(str, b.pay_cents)}}), false, false});
            // A delivery is not picked up: say so, not "show the code".
            if (b.delivery && b.status == "booked") ls.push_back({deliveryNote(ctx_, b.slot), false, false});
            Node words = shell::column(m.gap * 0.5f, {lines(ctx_, ls)});
            words.grow = 1;
            if (cancellable(ctx_, b)) {
                const std::string id = b.id;
                Node cancel = ui.button(wid::mealsMineCancel(i), str.get("meals.cancel_booking"), shell::Icon::Back,
                                        ui.secondaryStyle(), [this, id] {
                                            st().bookingId = id;
                                            ctx_.router.push(ids::kMealsCancel);
                                        });
                cancel.align = shell::Align::Start;
                words.add(std::move(cancel));
            }
            Node r = shell::row(m.gap, {std::move(words)});
            if (b.status == "booked") {
                Node code = ui.qr(domain::voucherText(*ctx_.domain, b.id), std::round(m.touchMin * 2.2f), std::round(m.touchMin * 2.6f));
                code.flex = false;
                code.align = shell::Align::Start;
                r.add(std::move(code));
            }
            rows.add(ui.card(std::move(r), m.gap * 0.75f));
        }
        return ui.scroll(wid::kMealsMineList, std::move(rows), m.touchMin * 1.5f);
    }
};

}  // namespace

std::unique_ptr<Screen> mineStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Mine>(ctx, std::move(st));
}

}  // namespace screens::meals
