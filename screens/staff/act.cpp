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
        return lookupView(ctx_, st(), {"staff.act.ask", "staff.act.hint", "staff.act.results", wid::staffActMember,
                                       [this](const domain::Member& mem) { actFor(mem); }});
    }

private:
    void actFor(const domain::Member& mem) {
        const std::string staffId = st().who ? st().who->staffId : "";
        // The elder's session, with the staff acting: Home and every flow
        // work as for the elder; 结束代办 (or idle) ends it.
        onIdentified(ctx_, mem);
        ctx_.session.setActing(staffId, st().staffName);
    }

};

}  // namespace

std::unique_ptr<Screen> actStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Act>(ctx, std::move(st));
}

}  // namespace screens::staff
