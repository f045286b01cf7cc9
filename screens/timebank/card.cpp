// timebank_service_card: the recipient of the service confirms with a card
// tap (onCard) → domain::recordService (pending until the district approves).
#include "domain/members.h"
#include "screens/timebank/state.h"

namespace screens::timebank {
namespace {

class Card final : public Step {
public:
    Card(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kTimeBankServiceCard, "timebank.card.title", std::move(st)) {}

    bool onCard(const std::string& cardNo) override {
        if (!ready() || !st().chosen) return false;
        const auto& str = ctx_.strings;
        const domain::Context& d = *ctx_.domain;
        auto who = domain::identifyByCard(d.db, cardNo);
        if (who.outcome != domain::IdentifyOutcome::Found || !who.member) {
            announce(ctx_, Feedback::Failure, str.get("timebank.card.unknown"), str.get("timebank.card.unknown_detail"));
            return true;
        }
        const domain::CatalogItem item = *st().chosen;
        const int minutes = st().serviceMinutes;
        switch (domain::recordService(d, ctx_.session.memberId(), who.member->id, item.id, minutes)) {
            case domain::ServiceOutcome::Recorded:
                ctx_.syncNow();
                announce(ctx_, Feedback::Success, str.get("timebank.service.recorded"),
                         str.format("timebank.service.recorded_detail", {{"what", item.name},
                                                                         {"hours", domain::formatHours(minutes)},
                                                                         {"name", domain::maskName(who.member->name)}}));
                backToOverview(ctx_);
                break;
            case domain::ServiceOutcome::SamePerson:
                announce(ctx_, Feedback::Failure, str.get("timebank.service.same_person"),
                         str.get("timebank.service.same_person_detail"));
                break;
            case domain::ServiceOutcome::InvalidHours:
            case domain::ServiceOutcome::UnknownItem:
            case domain::ServiceOutcome::UnknownMember:
                announce(ctx_, Feedback::Failure, str.get("timebank.service.failed"), str.get("timebank.service.failed_detail"));
                break;
        }
        return true;
    }

protected:
    Node content(const shell::Rect& /*area*/) override {
        if (!ready() || !st().chosen) return needCard(ctx_, "timebank.need_card");
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        Node col = shell::column(m.gap * 0.5f);
        col.justify = shell::Align::Centre;
        col.add(ui.icon(shell::Icon::Card, ui.c().timebank, m.iconTile * 0.8f, m.iconHero));
        col.add(question(ctx_, str.get("timebank.card.ask")));
        col.add(body(ctx_, str.format("timebank.card.summary", {{"what", st().chosen->name},
                                                                 {"hours", domain::formatHours(st().serviceMinutes)}}),
                     shell::TextAlign::Centre));
        col.add(muted(ctx_, str.get("timebank.card.note"), shell::TextAlign::Centre));
        return col;
    }
};

}  // namespace

std::unique_ptr<Screen> cardStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Card>(ctx, std::move(st));
}

}  // namespace screens::timebank
