// meals.voucher: the pickup QR code of the booking just made, and 取消.
#include "screens/format.h"
#include "screens/meals/state.h"
#include "shell/ui/qr.h"

namespace screens::meals {
namespace {

class Voucher final : public Step {
public:
    Voucher(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kMealsVoucher, "meals.voucher.title", std::move(st)) {}

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
        const domain::Booking* b = st().booking();
        if (!b) return emptyNote(ctx_, str.get("meals.voucher.gone"));
        const bool showQr = b->status == "booked";
        std::vector<Line> ls{{bookingHeading(ctx_, st().today, *b), true, false}, {bookingState(ctx_, *b), false, false}};
        if (showQr)
            ls.push_back({str.format("meals.you_pay", {{"pay", money(str, b->pay_cents)}}) + str.get("meals.details_sep") +
                              str.get(b->delivery ? "meals.way.delivery" : "meals.way.pickup"),
                          false, false});
        // A delivery comes to the elder: that is what they must read, not small print.
        if (showQr && b->delivery) ls.push_back({deliveryNote(ctx_, b->slot), false, false});
        Node words = shell::column(m.gap, {lines(ctx_, ls)});
        // How to use the code: small print that goes first when room is short.
        if (showQr && !b->delivery) words.add(ui.hint(str.get("meals.voucher.show")));
        if (cancellable(ctx_, *b)) {
            Node cancel = ui.button(wid::kMealsVoucherCancel, str.get("meals.cancel_booking"), shell::Icon::Back,
                                    ui.secondaryStyle(), [this] { ctx_.router.push(ids::kMealsCancel); });
            cancel.align = shell::Align::Start;
            words.add(std::move(cancel));
        }
        if (!showQr) return words;
        Node code = ui.qr(domain::voucherText(*ctx_.domain, b->id), std::round(m.touchMin * 2.5f), shell::qrPreferredSide(m));
        if (ui.theme().portrait()) {
            code.align = shell::Align::Centre;
            return shell::column(m.gap, {std::move(words), std::move(code)});
        }
        code.align = shell::Align::Start;
        words.grow = 1;
        return shell::row(m.gap * 2, {std::move(code), std::move(words)});
    }
};

}  // namespace

std::unique_ptr<Screen> voucherStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Voucher>(ctx, std::move(st));
}

}  // namespace screens::meals
