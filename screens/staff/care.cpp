// staff_care: 关爱名单. Elders on the care rule not seen or reached for the
// configuration's care_days: this station's first, with phone and address;
// each with 已联系上 / 没联系上 (a 巡访 op, domain/care.h).
#include "screens/format.h"
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Care final : public Step {
public:
    Care(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffCare, "staff.care.title", std::move(st)) {}

protected:
    void load() override {
        if (!unlocked()) return;
        st().care = domain::careList(*ctx_.domain);
        for (const auto& e : st().care) {
            ctx_.addText(domain::maskName(e.member.name));
            ctx_.addText(e.address);
            ctx_.addText(e.last_attempt_note);
        }
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked()) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        const auto& list = st().care;
        const int days = ctx_.domain->running()->careDays;
        if (list.empty()) return emptyNote(ctx_, str.format("staff.care.none", {{"days", std::to_string(days)}}));
        Node rows = shell::column(m.targetGap);
        rows.add(muted(ctx_, str.format("staff.care.lead", {{"days", std::to_string(days)},
                                                            {"count", std::to_string(list.size())}})));
        const std::size_t shown = std::min<std::size_t>(list.size(), 20);
        for (std::size_t i = 0; i < shown; ++i) {
            const auto& e = list[i];
            std::vector<Line> ls;
            std::string why = e.member.living_alone ? str.get("staff.care.alone") : str.get("staff.care.needs");
            ls.push_back({domain::maskName(e.member.name) + "  " + why, true, false});
            ls.push_back({e.days_unseen < 0 ? str.get("staff.care.never")
                                            : str.format("staff.care.unseen", {{"days", std::to_string(e.days_unseen)}}),
                          false, false});
            if (e.own) {
                if (!e.phone.empty()) ls.push_back({str.format("staff.care.phone", {{"phone", e.phone}}), false, false});
                if (!e.address.empty()) ls.push_back({e.address, false, true});
            } else {
                ls.push_back({str.format("staff.care.elsewhere", {{"phone", e.member.phone_last4}}), false, true});
            }
            if (!e.last_attempt_at.empty())
                ls.push_back({str.format(e.last_attempt_outcome == "reached" ? "staff.care.last_reached"
                                                                             : "staff.care.last_not_reached",
                                         {{"time", e.last_attempt_at.substr(5, 5) + " " + hhmm(e.last_attempt_at)}, {"note", e.last_attempt_note}}),
                              false, true});
            Node card = lines(ctx_, ls);
            card.grow = 1;
            const std::string id = e.member.id;
            Node reached = ui.button(wid::staffCareReached(i), str.get("staff.care.reached"), shell::Icon::Check,
                                     ui.primaryStyle(), [this, id] { visit(id, domain::VisitOutcome::Reached); });
            Node missed = ui.button(wid::staffCareNotReached(i), str.get("staff.care.not_reached"), shell::Icon::Offline,
                                    ui.secondaryStyle(), [this, id] { visit(id, domain::VisitOutcome::NotReached); });
            Node answers = shell::column(m.targetGap, {std::move(reached), std::move(missed)});
            rows.add(ui.card(shell::row(m.gap, {std::move(card), std::move(answers)}), m.gap * 0.5f));
        }
        return ui.scroll(wid::kStaffCareList, std::move(rows), m.touchMin * 1.5f);
    }

private:
    void visit(const std::string& memberId, domain::VisitOutcome o) {
        if (domain::recordVisit(*ctx_.domain, memberId, o, "")) {
            ctx_.playSound(Feedback::Success);
            ctx_.syncNow();
        }
        load();
    }
};

}  // namespace

std::unique_ptr<Screen> careStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Care>(ctx, std::move(st));
}

}  // namespace screens::staff
