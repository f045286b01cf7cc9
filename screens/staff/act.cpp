// staff_act: 代办. Staff find the elder (a card on the reader, or by name or
// the phone's last digits) and then do for them whatever the elder could:
// the elder's Home opens with the staff acting, and every op carries their
// staff id (kiosk/domain/context.h) until the session ends.
#include "screens/identify_screen.h"
#include "screens/keypad.h"
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Act final : public Step {
public:
    Act(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffAct, "staff.act.title", std::move(st)) {}

    bool onCard(const std::string& cardNo) override {
        if (!unlocked()) return false;
        const auto r = domain::identifyCardAt(*ctx_.domain, cardNo, id());
        if (r.outcome == domain::IdentifyOutcome::Found && r.member) {
            actFor(*r.member);
        } else {
            ctx_.playSound(Feedback::Failure);
            ctx_.showNotice(ctx_.strings.get(r.outcome == domain::IdentifyOutcome::BlockedCard ? "staff.rapid.blocked_card"
                                                                                              : "staff.rapid.unknown_card"));
        }
        return true;
    }

protected:
    void load() override {
        st().query.clear();
        st().found.clear();
        st().searched = false;
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked()) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        State& s = st();
        if (ui.typed(s.query)) search();
        Node field = ui.card(heading(ctx_, s.query.empty() ? " " : s.query), m.gap * 0.5f);
        Node pad = keypad(ctx_, {wid::kLookupPad, "clear", str.get("staff.lookup.clear"), shell::Icon::None, "del",
                                 str.get("staff.pin.del"), shell::Icon::Back, false},
                          [this](const std::string& k) { key(k); });
        Node results = shell::column(m.targetGap);
        if (!s.searched) {
            results.add(muted(ctx_, str.get("staff.act.hint")));
        } else if (s.found.empty()) {
            results.add(body(ctx_, str.get("staff.lookup.none")));
        } else {
            for (std::size_t i = 0; i < s.found.size(); ++i) {
                const domain::Member mem = s.found[i];
                const std::string label = str.format("staff.lookup.row", {{"name", domain::maskName(mem.name)},
                                                                          {"phone", mem.phone_last4},
                                                                          {"born", mem.birth_ym.substr(0, 4)}});
                results.add(ui.button(wid::staffActMember(i), label, shell::Icon::Person, ui.secondaryStyle(),
                                      [this, mem] { actFor(mem); }, m.touchMin));
            }
        }
        Node found = ui.scroll("staff.act.results", std::move(results), m.touchMin * 1.5f);
        found.grow = 1;
        Node words = shell::column(m.gap * 0.5f, {body(ctx_, str.get("staff.act.ask")), std::move(field), std::move(found)});
        words.grow = 1;
        pad.align = shell::Align::Centre;
        if (ui.theme().portrait()) return shell::column(m.gap, {std::move(words), std::move(pad)});
        return shell::row(m.gap * 2, {std::move(words), std::move(pad)});
    }

private:
    void actFor(const domain::Member& mem) {
        const std::string staffId = st().who ? st().who->staffId : "";
        // The elder's session, with the staff acting: Home and every flow
        // work as for the elder; 结束代办 (or idle) ends it.
        onIdentified(ctx_, mem);
        ctx_.session.setActing(staffId, st().staffName);
    }

    void key(const std::string& k) { lookupKey(ctx_, st(), k); }
    void search() { lookupSearch(ctx_, st()); }
};

}  // namespace

std::unique_ptr<Screen> actStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Act>(ctx, std::move(st));
}

}  // namespace screens::staff
