// staff_lookup: find an elder who forgot the card, by name or the last digits
// of the phone (the shared keypad; a keyboard or input method types too),
// and check them in with a tap.
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Lookup final : public Step {
public:
    Lookup(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffLookup, "staff.lookup.title", std::move(st)) {}

protected:
    void load() override {
        st().query.clear();
        st().found.clear();
        st().searched = false;
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked() || !st().target) return shell::column(0);
        return lookupView(ctx_, st(), {"staff.lookup.ask", "staff.lookup.hint", "staff.lookup.results", wid::staffMember,
                                       [this](const domain::Member& mem) {
                                           noteRapid(ctx_, st(), domain::rapidCheckInMember(*ctx_.domain, *st().target, mem));
                                           ctx_.router.back();
                                       }});
    }

};

}  // namespace

std::unique_ptr<Screen> lookupStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Lookup>(ctx, std::move(st));
}

}  // namespace screens::staff
