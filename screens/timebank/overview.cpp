// timebank: the balance, big, and four choices.
#include "screens/timebank/state.h"

namespace screens::timebank {
namespace {

class Overview final : public Step {
public:
    Overview(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kTimeBank, "timebank.title", std::move(st)) {}

protected:
    void load() override { st().balance = domain::balanceOf(*ctx_.domain, ctx_.session.memberId()); }

    Node content(const shell::Rect& /*area*/) override {
        if (!ready()) return needCard(ctx_, "timebank.need_card");
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const shell::Palette& c = ui.c();
        const auto& s = ctx_.strings;
        const domain::Balance& b = st().balance;
        // What the elder can use now, and what waits for the district.
        Node words = shell::column(m.gap * 0.2f);
        words.add(muted(ctx_, s.format("timebank.balance_label", {{"name", ctx_.session.maskedName()}})));
        words.add(heading(ctx_, hours(ctx_, b.available())));
        if (b.pending_minutes > 0)
            words.add(body(ctx_, s.format("timebank.pending_line", {{"hours", domain::formatHours(b.pending_minutes)}})));
        words.grow = 1;
        Node icon = ui.icon(shell::Icon::TimeBank, c.timebank, ui.emPx(shell::FontRole::Title), m.iconTile);
        icon.align = shell::Align::Centre;
        Node balance = ui.card(shell::row(m.gap, {std::move(icon), std::move(words)}));

        struct Choice {
            const char* id;
            const char* label;
            const char* hint;
            shell::Icon icon;
            const char* screen;
        };
        static constexpr Choice kChoices[] = {
            {wid::kTbRedeem, "timebank.redeem", "timebank.redeem.hint", shell::Icon::TimeBank, ids::kTimeBankCatalog},
            {wid::kTbStatement, "timebank.statement", "timebank.statement.hint", shell::Icon::Activity, ids::kTimeBankStatement},
            {wid::kTbRedemptions, "timebank.redemptions", "timebank.redemptions.hint", shell::Icon::Check,
             ids::kTimeBankRedemptions},
            {wid::kTbRecord, "timebank.record", "timebank.record.hint", shell::Icon::Person, ids::kTimeBankService},
        };
        std::vector<shell::Ui::TileSpec> tiles;
        for (const Choice& ch : kChoices) {
            const char* screen = ch.screen;
            tiles.push_back({ch.id, s.get(ch.label), s.get(ch.hint), ch.icon, c.timebank, [this, screen] {
                                 if (screen == ids::kTimeBankCatalog) st().pager.page = 0;
                                 ctx_.router.push(screen);
                             }});
        }
        return shell::column(m.gap, {std::move(balance), ui.tileGrid(std::move(tiles), ui.theme().portrait() ? 2 : 4)});
    }
};

}  // namespace

std::unique_ptr<Screen> overviewStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Overview>(ctx, std::move(st));
}

}  // namespace screens::timebank
