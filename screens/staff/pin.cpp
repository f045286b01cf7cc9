// staff_pin: the PIN, masked, on the shared keypad; checked off the UI thread
// (a slow hash); five wrong PINs lock the pad for a minute.
#include <chrono>

#include "config/pin_hash.h"
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
        st().pin.clear();
        st().wrongShown = false;
    }

    Node content(const shell::Rect& /*area*/) override {
        State& s = st();
        if (!s.who) return emptyNote(ctx_, ctx_.strings.get("staff.login.ask"));
        poll();
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const shell::Palette& c = ui.c();
        const auto& str = ctx_.strings;
        const bool checking = s.checking.valid();
        const bool locked = ctx_.clock.monotonicMs() < s.lockedUntilMs;
        Node col = shell::column(m.gap * 0.5f);
        col.add(body(ctx_, str.format("staff.pin.ask", {{"name", s.who->name}}), shell::TextAlign::Centre));
        std::string dots;
        for (std::size_t i = 0; i < s.pin.size(); ++i) dots += "●";
        Node field = ui.card(heading(ctx_, dots.empty() ? " " : dots, shell::TextAlign::Centre), m.gap * 0.5f);
        field.align = shell::Align::Centre;
        field.width = [&m] { return shell::Span{m.primaryMinWidth, m.primaryMinWidth * 1.3f}; };
        col.add(std::move(field));
        std::string msg;
        if (locked) msg = str.get("staff.pin.locked");
        else if (checking) msg = str.get("staff.pin.checking");
        else if (s.wrongShown) msg = str.format("staff.pin.wrong", {{"left", std::to_string(kMaxWrongPins - s.wrongPins)}});
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
        Node pad = keypad(ctx_, {wid::kPinPad, "del", str.get("staff.pin.del"), shell::Icon::Back, "ok",
                                 str.get("staff.pin.ok"), shell::Icon::Check, true},
                          [this](const std::string& k) { key(k); });
        pad.align = shell::Align::Centre;
        if (ui.theme().portrait()) {
            col.add(std::move(pad));
            return col;
        }
        // Landscape: the words beside the keypad, as identify does.
        col.justify = shell::Align::Centre;
        col.grow = 1;
        return shell::row(m.gap * 1.5f, {std::move(col), std::move(pad)});
    }

private:
    void key(const std::string& k) {
        State& s = st();
        if (s.checking.valid() || ctx_.clock.monotonicMs() < s.lockedUntilMs) return;
        s.wrongShown = false;
        if (k == "del") {
            if (!s.pin.empty()) s.pin.pop_back();
        } else if (k == "ok") {
            if (s.pin.empty()) return;
            // About 75 ms of PBKDF2: never on the UI thread.
            s.checking = std::async(std::launch::async, [pin = s.pin, hash = s.who->hash] {
                             try {
                                 return config::verifyPin(pin, hash);
                             } catch (const std::exception&) {
                                 return false;
                             }
                         }).share();
            ctx_.wake();
        } else if (s.pin.size() < kMaxPinDigits) {
            s.pin += k;
        }
    }

    void poll() {
        State& s = st();
        if (!s.checking.valid()) return;
        if (s.checking.wait_for(std::chrono::seconds(0)) != std::future_status::ready) {
            ctx_.wake();  // the answer comes from another thread: keep drawing until it does
            return;
        }
        const bool ok = s.checking.get();
        s.checking = {};
        s.pin.clear();
        if (ok && s.who) {
            s.wrongPins = 0;
            s.unlocked = true;
            s.staffName = s.who->name;
            s.undoable.clear();
            s.last.reset();
            ctx_.session.clear();
            ctx_.router.reset(ids::kStaff);  // Back from staff home leaves staff mode
            return;
        }
        s.wrongShown = true;
        if (++s.wrongPins >= kMaxWrongPins) {
            s.wrongPins = 0;
            s.lockedUntilMs = ctx_.clock.monotonicMs() + kLockMs;
        }
    }
};

}  // namespace

std::unique_ptr<Screen> pinStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Pin>(ctx, std::move(st));
}

}  // namespace screens::staff
