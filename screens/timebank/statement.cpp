// timebank_statement: date, what, hours ± — each row wraps, never cut.
#include "screens/format.h"
#include "screens/timebank/state.h"

namespace screens::timebank {
namespace {

class Statement final : public Step {
public:
    Statement(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kTimeBankStatement, "timebank.statement.title", std::move(st)) {}

protected:
    void load() override {
        st().statement = domain::statementOf(*ctx_.domain, ctx_.session.memberId(), kStatementLines);
        for (const auto& l : st().statement) ctx_.addText(l.what);
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!ready()) return needCard(ctx_, "timebank.need_card");
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        if (st().statement.empty()) return emptyNote(ctx_, ctx_.strings.get("timebank.statement.empty"));
        Node rows = shell::column(m.gap * 0.6f);
        for (const auto& l : st().statement) {
            Node date = muted(ctx_, monthDay(ctx_.strings, l.at));
            date.flex = false;
            Node what = body(ctx_, l.what);
            what.grow = 1;
            // The sign is written out: not colour alone.
            Node amount = body(ctx_, (l.minutes >= 0 ? "+" : "") + hours(ctx_, l.minutes), shell::TextAlign::Right);
            amount.flex = false;
            rows.add(shell::row(m.gap, {std::move(date), std::move(what), std::move(amount)}));
        }
        Node list = ui.card(ui.scroll(wid::kTbStatementList, std::move(rows), m.touchMin * 1.5f));
        return shell::column(0, {std::move(list)});
    }
};

}  // namespace

std::unique_ptr<Screen> statementStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Statement>(ctx, std::move(st));
}

}  // namespace screens::timebank
