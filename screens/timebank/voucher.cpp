// timebank_voucher: the QR voucher of a confirmed redemption.
#include <cmath>

#include "screens/timebank/state.h"
#include "shell/ui/qr.h"

namespace screens::timebank {
namespace {

class Voucher final : public Step {
public:
    Voucher(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kTimeBankVoucher, "timebank.voucher.title", std::move(st)) {}

protected:
    Node content(const shell::Rect& /*area*/) override {
        if (!ready() || !st().voucher) return needCard(ctx_, "timebank.need_card");
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& r = *st().voucher;
        Node words = shell::column(m.gap * 0.5f);
        words.justify = shell::Align::Centre;
        words.add(heading(ctx_, r.item_name, shell::TextAlign::Centre));
        words.add(body(ctx_, ctx_.strings.format("timebank.voucher.code", {{"code", r.voucher}}), shell::TextAlign::Centre));
        words.add(muted(ctx_, ctx_.strings.get("timebank.voucher.hint"), shell::TextAlign::Centre));
        Node code = ui.qr(r.voucher, std::round(m.touchMin * 2.5f), shell::qrPreferredSide(m));
        code.align = shell::Align::Centre;
        if (ui.theme().portrait()) return shell::column(m.gap, {std::move(words), std::move(code)});
        words.grow = 1;
        return shell::row(m.gap * 2, {std::move(code), std::move(words)});
    }
};

}  // namespace

std::unique_ptr<Screen> voucherStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Voucher>(ctx, std::move(st));
}

}  // namespace screens::timebank
