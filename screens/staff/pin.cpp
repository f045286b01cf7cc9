// staff_pin: the PIN (6-8 digits), masked, on the shared keypad. The check
// and the pad's lock are domain/staff_login's: off the UI thread (a slow
// hash), every try and the lock kept in kiosk.db (five wrong in a row lock
// the pad, each lock twice as long as the one before).
#include "screens/keypad.h"
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Pin final : public Step {
public:
    Pin(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffPin, "staff.pin.title", std::move(st)) {}

protected:
    bool admit() override { return true; }

    void load() override {
        State& s = st();
        s.pin.clear();
        s.wrongShown = false;
        s.tooShort = false;
        if (!s.login && ctx_.domain) s.login = std::make_shared<domain::StaffLogin>(ctx_.domain->db, ctx_.clock);
    }

    Node content(const shell::Rect& /*area*/) override {
        State& s = st();
        if (!s.who || !s.login) return emptyNote(ctx_, ctx_.strings.get("staff.login.ask"));
        poll();
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const shell::Palette& c = ui.c();
        const auto& str = ctx_.strings;
        const bool checking = s.login->checking();
        const domain::PinPadState pad = s.login->state();
        const bool locked = pad.locked;
        Node col = shell::column(m.gap * 0.5f);
        col.add(body(ctx_, str.format("staff.pin.ask", {{"name", s.who->name}}), shell::TextAlign::Centre));
        std::string dots;
        for (std::size_t i = 0; i < s.pin.size(); ++i) dots += "●";
        Node field = ui.card(heading(ctx_, dots.empty() ? " " : dots, shell::TextAlign::Centre), m.gap * 0.5f);
        field.align = shell::Align::Centre;
        field.width = [&m] { return shell::Span{m.primaryMinWidth, m.primaryMinWidth * 1.3f}; };
        col.add(std::move(field));
        std::string msg;
        if (locked)
            msg = str.format("staff.pin.locked", {{"minutes", std::to_string((pad.lockLeft.count() + 59) / 60)}});
        else if (checking) msg = str.get("staff.pin.checking");
        else if (s.tooShort) msg = str.format("staff.pin.short", {{"digits", std::to_string(domain::kMinPinDigits)}});
        else if (s.wrongShown) msg = str.format("staff.pin.wrong", {{"left", std::to_string(pad.triesLeft)}});
        if (!msg.empty()) {
            Node line = shell::row(m.gap * 0.4f);
            line.justify = shell::Align::Centre;
            if (s.wrongShown && !checking && !locked) {
                Node icon = ui.icon(shell::Icon::Offline, c.offlineIcon, m.iconNav * 0.8f, m.iconNav * 0.8f);
                icon.optional = false;
                icon.align = shell::Align::Centre;
                line.add(std::move(icon));
            }
            line.add(body(ctx_, msg));
            col.add(std::move(line));
        }
        Node keys = keypad(ctx_, {wid::kPinPad, "del", str.get("staff.pin.del"), shell::Icon::Back, "ok",
                                 str.get("staff.pin.ok"), shell::Icon::Check, true},
                          [this](const std::string& k) { key(k); });
        keys.align = shell::Align::Centre;
        if (ui.theme().portrait()) {
            col.add(std::move(keys));
            return col;
        }
        // Landscape: the words beside the keypad, as identify does.
        col.justify = shell::Align::Centre;
        col.grow = 1;
        return shell::row(m.gap * 1.5f, {std::move(col), std::move(keys)});
    }

private:
    void key(const std::string& k) {
        State& s = st();
        if (!s.login || s.login->checking() || s.login->state().locked) return;
        s.wrongShown = false;
        s.tooShort = false;
        if (k == "del") {
            if (!s.pin.empty()) s.pin.pop_back();
        } else if (k == "ok") {
            if (s.pin.empty()) return;
            if (s.pin.size() < domain::kMinPinDigits) {
                s.tooShort = true;  // not a PIN at all: not counted as a guess
                return;
            }
            if (s.login->submit(*s.who, s.pin)) ctx_.wake();
        } else if (s.pin.size() < domain::kMaxPinDigits) {
            s.pin += k;
        }
    }

    void poll() {
        State& s = st();
        if (!s.login->checking()) return;
        const auto answer = s.login->poll();
        if (!answer) {
            ctx_.wake();  // the answer comes from another thread: keep drawing until it does
            return;
        }
        s.pin.clear();
        if (*answer == domain::PinAnswer::Ok && s.who) {
            s.unlocked = true;
            s.staffName = s.who->name;
            // What staff do on the staff screens (a 巡访, dealing with an
            // alert) carries their id; the shell clears it elsewhere.
            ctx_.domain->staffId = s.who->staffId;
            s.undoable.clear();
            s.last.reset();
            ctx_.session.clear();
            ctx_.router.reset(ids::kStaff);  // Back from staff home leaves staff mode
            // Staff came from an alert on the strip: straight to the list.
            if (!ctx_.staffThen.empty()) ctx_.router.push(ctx_.staffThen);
            ctx_.staffThen.clear();
            return;
        }
        s.wrongShown = true;
        ctx_.playSound(Feedback::Failure);
    }
};

}  // namespace

std::unique_ptr<Screen> pinStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Pin>(ctx, std::move(st));
}

}  // namespace screens::staff
