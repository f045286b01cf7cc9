// timebank_redemptions: my redemptions with their status in words and an
// icon; a confirmed one has its voucher.
#include "screens/format.h"
#include "screens/timebank/state.h"

namespace screens::timebank {
namespace {

class Redemptions final : public Step {
public:
    Redemptions(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kTimeBankRedemptions, "timebank.redemptions.title", std::move(st)) {}

protected:
    void load() override {
        st().redemptions = domain::myRedemptions(*ctx_.domain, ctx_.session.memberId());
        for (const auto& r : st().redemptions) ctx_.addText(r.item_name + r.reason);
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!ready()) return needCard(ctx_, "timebank.need_card");
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        if (st().redemptions.empty()) return emptyNote(ctx_, str.get("timebank.redemptions.empty"));
        Node rows = shell::column(m.gap * 0.75f);
        for (const auto& r : st().redemptions) {
            // Status in words with an icon (not colour alone).
            std::string status = str.get("timebank.status.pending");
            shell::Icon icon = shell::Icon::TimeBank;
            if (r.status == "confirmed") {
                status = str.get("timebank.status.confirmed");
                icon = shell::Icon::Check;
            } else if (r.status == "rejected") {
                status = str.get("timebank.status.rejected");
                icon = shell::Icon::Offline;
            }
            Node mark = ui.icon(icon, ui.c().text, m.iconNav * 0.8f, m.iconNav * 0.8f);
            mark.optional = false;
            mark.align = shell::Align::Centre;
            Node state = body(ctx_, status);
            state.grow = 1;
            Node words = shell::column(m.gap * 0.2f);
            words.add(body(ctx_, str.format("timebank.redemptions.line", {{"what", r.item_name},
                                                                           {"hours", domain::formatHours(r.minutes)},
                                                                           {"date", monthDay(str, r.created_at)}})));
            words.add(shell::row(m.gap * 0.4f, {std::move(mark), std::move(state)}));
            words.grow = 1;
            Node line = shell::row(m.gap, {std::move(words)});
            if (r.status == "confirmed" && !r.voucher.empty()) {
                const domain::Redemption copy = r;
                Node show = ui.button(wid::tbVoucher(r.id), str.get("timebank.voucher.show"), shell::Icon::None,
                                      ui.primaryStyle(), [this, copy] {
                                          st().voucher = copy;
                                          ctx_.router.push(ids::kTimeBankVoucher);
                                      });
                show.align = shell::Align::Centre;
                line.add(std::move(show));
            }
            rows.add(std::move(line));
        }
        return shell::column(0, {ui.card(ui.scroll(wid::kTbRedemptionsList, std::move(rows), m.touchMin * 1.5f))});
    }
};

}  // namespace

std::unique_ptr<Screen> redemptionsStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Redemptions>(ctx, std::move(st));
}

}  // namespace screens::timebank
