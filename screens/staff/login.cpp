// staff_login: choose your name (the staff of the running configuration).
// Coming here locks staff mode: every way in goes through the PIN.
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Login final : public Step {
public:
    Login(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffLogin, "staff.login.title", std::move(st)) {}

protected:
    bool admit() override { return true; }

    void load() override {
        State& s = st();
        s.unlocked = false;
        s.staffName.clear();
        s.who.reset();
        s.staff = ctx_.staffPins();
        for (const auto& p : s.staff) ctx_.addText(p.name);
        s.pager = {};
    }

    Node content(const shell::Rect& /*area*/) override {
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        State& s = st();
        if (s.staff.empty()) return emptyNote(ctx_, ctx_.strings.get("staff.login.none"));
        const int n = int(s.staff.size());
        std::vector<Node> names;
        for (int i = s.pager.first(); i < std::min(n, s.pager.first() + Pager::kPerPage); ++i) {
            const config::StaffPin who = s.staff[std::size_t(i)];
            names.push_back(ui.button(wid::staffName(who.staffId), who.name, shell::Icon::Person, ui.secondaryStyle(),
                                      [this, who] {
                                          st().who = who;
                                          ctx_.router.push(ids::kStaffPin);
                                      },
                                      m.primaryHeight * 0.8f));
        }
        Node g = shell::grid(ui.theme().portrait() ? 2 : 3, m.gap, std::move(names));
        return shell::column(m.gap, {body(ctx_, ctx_.strings.get("staff.login.ask"), shell::TextAlign::Centre),
                                     std::move(g), pagerRow(ctx_, wid::kStaffPager, s.pager, n)});
    }
};

}  // namespace

std::unique_ptr<Screen> loginStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Login>(ctx, std::move(st));
}

}  // namespace screens::staff
