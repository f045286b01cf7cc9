// timebank_confirm: "将用去 1 小时，剩余 2 小时", then domain::redeem (pending
// until the district confirms).
#include "screens/timebank/state.h"

namespace screens::timebank {
namespace {

class Confirm final : public Step {
public:
    Confirm(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kTimeBankConfirm, "timebank.confirm.title", std::move(st)) {}

protected:
    void load() override { st().balance = domain::balanceOf(*ctx_.domain, ctx_.session.memberId()); }

    Node content(const shell::Rect& /*area*/) override {
        if (!ready() || !st().chosen) return needCard(ctx_, "timebank.need_card");
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        const domain::CatalogItem item = *st().chosen;
        const int avail = st().balance.available();
        const bool enough = avail >= item.minutes;
        Node words = shell::column(m.gap * 0.5f);
        words.add(heading(ctx_, item.name, shell::TextAlign::Centre));
        words.add(body(ctx_, str.format("timebank.confirm.needs", {{"hours", domain::formatHours(item.minutes)}}),
                       shell::TextAlign::Centre));
        words.add(body(ctx_,
                       enough ? str.format("timebank.confirm.spend", {{"use", domain::formatHours(item.minutes)},
                                                                     {"left", domain::formatHours(avail - item.minutes)}})
                              : str.format("timebank.confirm.not_enough", {{"hours", domain::formatHours(avail)}}),
                       shell::TextAlign::Centre));
        if (enough) words.add(muted(ctx_, str.get("timebank.confirm.pending_note"), shell::TextAlign::Centre));
        Node card = ui.card(ui.scroll("timebank.confirm.text", std::move(words), m.touchMin * 1.5f), m.gap * 1.5f);
        const float h = m.primaryHeight * 0.8f;
        Node col = shell::column(m.gap, {std::move(card), space(ctx_, 0.5f)});
        if (!enough) {
            Node back = ui.button(wid::kTbCancel, str.get("timebank.confirm.back"), shell::Icon::Back, ui.secondaryStyle(),
                                  [this] { ctx_.router.back(); }, h);
            back.align = shell::Align::Centre;
            col.add(std::move(back));
            return col;
        }
        col.add(actions(ctx_, {ui.button(wid::kTbCancel, str.get("timebank.confirm.no"), shell::Icon::Back,
                                         ui.secondaryStyle(), [this] { ctx_.router.back(); }, h),
                               ui.button(wid::kTbConfirm, str.get("timebank.confirm.yes"), shell::Icon::Check,
                                         ui.primaryStyle(), [this, item] { redeem(item); }, h)}));
        return col;
    }

private:
    void redeem(const domain::CatalogItem& item) {
        const auto& str = ctx_.strings;
        auto r = domain::redeem(*ctx_.domain, ctx_.session.memberId(), item.id);
        switch (r.outcome) {
            case domain::RedeemOutcome::Requested:
                ctx_.syncNow();
                announce(ctx_, Feedback::Info, str.get("timebank.redeem.sent"), str.get("timebank.redeem.sent_detail"));
                backToOverview(ctx_);
                break;
            case domain::RedeemOutcome::NotEnoughHours:
                load();
                announce(ctx_, Feedback::Failure, str.get("timebank.redeem.not_enough"),
                         str.format("timebank.confirm.not_enough", {{"hours", domain::formatHours(st().balance.available())}}));
                break;
            case domain::RedeemOutcome::UnknownItem:
                announce(ctx_, Feedback::Failure, str.get("timebank.redeem.unknown"), str.get("timebank.redeem.unknown_detail"));
                ctx_.router.back();
                break;
        }
    }
};

}  // namespace

std::unique_ptr<Screen> confirmStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Confirm>(ctx, std::move(st));
}

}  // namespace screens::timebank
