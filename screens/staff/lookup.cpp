// staff_lookup: find an elder who forgot the card, by name or the last digits
// of the phone (the shared keypad; a keyboard or input method types too),
// and check them in with a tap.
#include "screens/keypad.h"
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
            results.add(muted(ctx_, str.get("staff.lookup.hint")));
        } else if (s.found.empty()) {
            results.add(body(ctx_, str.get("staff.lookup.none")));
        } else {
            for (std::size_t i = 0; i < s.found.size(); ++i) {
                const domain::Member mem = s.found[i];
                const std::string label = str.format("staff.lookup.row", {{"name", domain::maskName(mem.name)},
                                                                          {"phone", mem.phone_last4},
                                                                          {"born", mem.birth_ym.substr(0, 4)}});
                results.add(ui.button(wid::staffMember(i), label, shell::Icon::Person, ui.secondaryStyle(), [this, mem] {
                    noteRapid(ctx_, st(), domain::rapidCheckInMember(*ctx_.domain, *st().target, mem));
                    ctx_.router.back();
                }, m.touchMin));
            }
        }
        Node found = ui.scroll("staff.lookup.results", std::move(results), m.touchMin * 1.5f);
        found.grow = 1;
        // What is typed and what was found; the keypad beside (landscape) or under them.
        Node words = shell::column(m.gap * 0.5f, {body(ctx_, str.get("staff.lookup.ask")), std::move(field), std::move(found)});
        words.grow = 1;
        if (ui.theme().portrait()) {
            pad.align = shell::Align::Centre;
            return shell::column(m.gap, {std::move(words), std::move(pad)});
        }
        pad.align = shell::Align::Centre;
        return shell::row(m.gap * 2, {std::move(words), std::move(pad)});
    }

private:
    void key(const std::string& k) { lookupKey(ctx_, st(), k); }
    void search() { lookupSearch(ctx_, st()); }
};

}  // namespace

std::unique_ptr<Screen> lookupStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Lookup>(ctx, std::move(st));
}

}  // namespace screens::staff
