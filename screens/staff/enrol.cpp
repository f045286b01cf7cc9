// staff_enrol: 登记新长者. Staff fill the form (name and address from a
// keyboard, the numbers with the keypad, the card from the reader), choose
// 深圳户籍 and the categories, and press 提交: the elder is enrolled here at
// once (pending at the district until an admin approves; check-in works
// meanwhile) and the numbers travel to the district in the op's personal part.
#include <algorithm>

#include "domain/records.h"
#include "screens/keypad.h"
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

struct Field {
    const char* key;     // name / phone / birth / card / address
    bool digits;         // from the keypad (else a keyboard)
    std::size_t max;     // bytes
};
constexpr Field kFields[] = {{"name", false, 60}, {"phone", true, 11}, {"birth", true, 8},
                             {"card", true, 20},  {"address", false, 200}};

const char* outcomeKey(domain::EnrolOutcome o) {
    switch (o) {
    case domain::EnrolOutcome::Enrolled: return "staff.enrol.done";
    case domain::EnrolOutcome::BadName: return "staff.enrol.bad_name";
    case domain::EnrolOutcome::BadPhone: return "staff.enrol.bad_phone";
    case domain::EnrolOutcome::BadBirthDate: return "staff.enrol.bad_birth";
    case domain::EnrolOutcome::TooYoung: return "staff.enrol.too_young";
    case domain::EnrolOutcome::BadCard: return "staff.enrol.bad_card";
    case domain::EnrolOutcome::CardInUse: return "staff.enrol.card_in_use";
    case domain::EnrolOutcome::CardBlocked: return "staff.enrol.card_blocked";
    case domain::EnrolOutcome::BadAddress: return "staff.enrol.bad_address";
    case domain::EnrolOutcome::BadCategory: return "staff.enrol.bad_address";
    case domain::EnrolOutcome::NotEnrolled: return "staff.enrol.not_enrolled";
    }
    return "staff.enrol.not_enrolled";
}

class Enrol final : public Step {
public:
    Enrol(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffEnrol, "staff.enrol.title", std::move(st)) {}

    bool onCard(const std::string& cardNo) override {
        if (!unlocked()) return false;
        st().form["card"] = cardNo;
        ctx_.playSound(Feedback::Success);
        return true;
    }

protected:
    void load() override {
        st().form.clear();
        st().formField = "name";
        st().formHukou = false;
        st().formCategories.clear();
    }

    Node content(const shell::Rect& area) override {
        if (!unlocked()) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        State& s = st();
        const Field* active = &kFields[0];
        for (const Field& f : kFields)
            if (s.formField == f.key) active = &f;
        {
            std::string& v = s.form[active->key];
            if (ui.typed(v)) {
                if (v.size() > active->max) v.resize(active->max);
                ctx_.addText(v);
            }
        }
        Node form = shell::column(m.targetGap);
        for (const Field& f : kFields) {
            const std::string key = f.key;
            const std::string value = s.form[key];
            std::string shown = value;
            if (key == "birth" && !value.empty()) shown = birthShown(value);
            const std::string label = str.format("staff.enrol.field_value",
                                                 {{"field", str.get("staff.enrol." + key)},
                                                  {"value", shown.empty() ? str.get("staff.enrol.empty") : shown}});
            const bool on = key == s.formField;
            form.add(ui.button("staff.enrol.field." + key, label, shell::Icon::None,
                               on ? ui.selectedStyle() : ui.secondaryStyle(), [this, key] { st().formField = key; },
                               m.touchMin, on));
        }
        // 户籍 and the categories: toggles, two a row.
        std::vector<Node> toggles;
        toggles.push_back(ui.button("staff.enrol.hukou", str.get("staff.enrol.hukou"), shell::Icon::None,
                                    s.formHukou ? ui.selectedStyle() : ui.secondaryStyle(),
                                    [this] { st().formHukou = !st().formHukou; }, m.touchMin, s.formHukou));
        for (const char* code : domain::kCategoryCodes) {
            const std::string c = code;
            const bool on = s.formCategories.count(c) > 0;
            toggles.push_back(ui.button("staff.enrol.cat." + c, str.get("staff.enrol.cat." + c), shell::Icon::None,
                                        on ? ui.selectedStyle() : ui.secondaryStyle(),
                                        [this, c, on] {
                                            if (on) st().formCategories.erase(c);
                                            else st().formCategories.insert(c);
                                        },
                                        m.touchMin, on));
        }
        Node grid = shell::column(m.targetGap);
        if (ui.theme().portrait()) {
            // Portrait: the toggles in one column beside the fields.
            for (auto& t : toggles) grid.add(std::move(t));
            form.grow = 1;
            // At large text the fields scroll rather than push 提交 off the screen.
            Node top = ui.scroll("staff.enrol.form", shell::row(m.gap, {std::move(form), std::move(grid)}),
                                 m.touchMin * 2.5f);
            top.grow = 1;
            // A digit field: the keypad, whose right key submits (staff.enrol.key.ok);
            // a typed field: the hint and 提交 (staff.enrol.submit).
            if (active->digits) {
                Node pad = keypad(ctx_, {"staff.enrol.key", "del", str.get("staff.pin.del"), shell::Icon::Back, "ok",
                                         str.get("staff.enrol.submit"), shell::Icon::Check, true},
                                  [this, active](const std::string& k) {
                                      if (k == "ok") submit();
                                      else key(*active, k);
                                  },
                                  area.w);
                pad.align = shell::Align::Centre;
                return shell::column(m.gap, {std::move(top), std::move(pad)});
            }
            Node send = ui.primary("staff.enrol.submit", str.get("staff.enrol.submit"),
                                   str.get("staff.enrol.submit.hint"), shell::Icon::Check, [this] { submit(); });
            return shell::column(m.gap, {std::move(top), muted(ctx_, str.get("staff.enrol.keyboard")), std::move(send)});
        }
        // `perRow` toggles a row (two; one when English at 特大 leaves the keypad no room).
        auto toggleRows = [&](std::size_t perRow) {
            Node g = shell::column(m.targetGap);
            for (std::size_t i = 0; i < toggles.size(); i += perRow) {
                Node r = shell::row(m.targetGap);
                for (std::size_t j = i; j < std::min(toggles.size(), i + perRow); ++j) {
                    r.add(toggles[j]);
                    r.children.back().grow = 1;
                }
                g.add(std::move(r));
            }
            return g;
        };
        grid = toggleRows(2);
        Node send = ui.primary("staff.enrol.submit", str.get("staff.enrol.submit"), str.get("staff.enrol.submit.hint"),
                                 shell::Icon::Check, [this] { submit(); });
        auto makePad = [&](shell::Icon delIcon) {
            Node p = active->digits
                         ? keypad(ctx_, {"staff.enrol.key", "clear", str.get("staff.lookup.clear"), shell::Icon::None, "del",
                                         str.get("staff.pin.del"), delIcon, false},
                                  [this, active](const std::string& k) { key(*active, k); })
                         : muted(ctx_, str.get("staff.enrol.keyboard"));
            p.align = shell::Align::Centre;
            return p;
        };
        Node pad = makePad(shell::Icon::Back);
        form.grow = 1;
        // The fields and the toggles side by side when their words leave the
        // keypad its width; else (English at 大) the toggles under the fields
        // and 提交 under both.
        const float sideBySide = shell::widthOf(form).min + m.gap * 1.5f + shell::widthOf(grid).min;
        if (sideBySide + m.gap * 1.5f + shell::widthOf(pad).pref > area.w) {
            if (shell::widthOf(grid).min + m.gap * 1.5f + shell::widthOf(makePad(shell::Icon::None)).pref > area.w)
                grid = toggleRows(1);
            Node fields = ui.scroll("staff.enrol.form", shell::column(m.gap, {std::move(form), std::move(grid)}),
                                    m.touchMin * 2.5f);
            fields.grow = 1;
            Node left = shell::column(m.gap, {std::move(fields), std::move(send)});
            left.grow = 1;
            // The delete key's word without its arrow: every key of the pad is
            // as wide as the widest, and English "Delete" with it took the
            // form's room.
            return shell::row(m.gap * 1.5f, {std::move(left), makePad(shell::Icon::None)});
        }
        Node middle = shell::column(m.gap, {std::move(grid), std::move(send)});
        middle.grow = 1;
        // At large text the fields scroll; at the standard size they all show.
        Node fields = ui.scroll("staff.enrol.form", shell::row(m.gap * 1.5f, {std::move(form), std::move(middle)}),
                                m.touchMin * 2.5f);
        fields.grow = 1;
        return shell::row(m.gap * 1.5f, {std::move(fields), std::move(pad)});
    }

private:
    static std::string birthShown(const std::string& d) {
        // 19500302 -> 1950-03-02 as it is typed.
        std::string out = d.substr(0, 4);
        if (d.size() > 4) out += "-" + d.substr(4, 2);
        if (d.size() > 6) out += "-" + d.substr(6);
        return out;
    }

    void key(const Field& f, const std::string& k) {
        std::string& v = st().form[f.key];
        if (k == "del") {
            if (!v.empty()) v.pop_back();
        } else if (k == "clear") {
            v.clear();
        } else if (v.size() < f.max) {
            v += k;
        }
    }

    void submit() {
        State& s = st();
        domain::Enrolment e;
        e.name = s.form["name"];
        e.phone = s.form["phone"];
        e.birth_date = s.form["birth"].size() == 8 ? birthShown(s.form["birth"]) : s.form["birth"];
        e.card_no = s.form["card"];
        e.address = s.form["address"];
        e.hukou = s.formHukou;
        for (const char* code : domain::kCategoryCodes)
            if (s.formCategories.count(code)) e.categories.push_back(code);
        const domain::EnrolResult r = domain::enrolMember(*ctx_.domain, e);
        const auto& str = ctx_.strings;
        if (r.outcome == domain::EnrolOutcome::Enrolled) {
            ctx_.syncNow();
            ctx_.showResult(Feedback::Success, str.get("staff.enrol.done"),
                            str.format("staff.enrol.done.detail", {{"name", domain::maskName(e.name)}}));
            load();
            ctx_.router.back();
            return;
        }
        ctx_.playSound(Feedback::Failure);
        ctx_.showNotice(str.get(outcomeKey(r.outcome)));
    }
};

// staff_card: 补卡. Find the elder (name, phone's last digits), then the new
// card on the reader: the old one is blocked here at once and everywhere
// from the next sync.
class Card final : public Step {
public:
    Card(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffCard, "staff.card.title", std::move(st)) {}

    bool onCard(const std::string& cardNo) override {
        if (!unlocked()) return false;
        if (!st().cardFor) {
            ctx_.playSound(Feedback::Failure);
            ctx_.showNotice(ctx_.strings.get("staff.card.first"));
            return true;
        }
        const auto o = domain::replaceCard(*ctx_.domain, st().cardFor->id, cardNo);
        const auto& str = ctx_.strings;
        if (o == domain::ReplaceOutcome::Replaced) {
            ctx_.syncNow();
            ctx_.showResult(Feedback::Success, str.get("staff.card.done"),
                            str.format("staff.card.done.detail", {{"name", domain::maskName(st().cardFor->name)}}));
            st().cardFor.reset();
            ctx_.router.back();
            return true;
        }
        ctx_.playSound(Feedback::Failure);
        const char* key = o == domain::ReplaceOutcome::SameCard     ? "staff.card.same"
                          : o == domain::ReplaceOutcome::CardInUse   ? "staff.enrol.card_in_use"
                          : o == domain::ReplaceOutcome::CardBlocked ? "staff.enrol.card_blocked"
                                                                     : "staff.enrol.bad_card";
        ctx_.showNotice(str.get(key));
        return true;
    }

protected:
    void load() override {
        st().query.clear();
        st().found.clear();
        st().searched = false;
        st().cardFor.reset();
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked()) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        State& s = st();
        if (s.cardFor) {
            Node col = shell::column(m.gap);
            col.justify = shell::Align::Centre;
            col.add(heading(ctx_, str.format("staff.card.for", {{"name", domain::maskName(s.cardFor->name)},
                                                                 {"phone", s.cardFor->phone_last4}})));
            col.add(ui.icon(shell::Icon::Card, ui.c().primary, m.iconTile, m.iconHero));
            col.add(body(ctx_, str.get("staff.card.tap_new"), shell::TextAlign::Centre));
            col.add(ui.button("staff.card.other", str.get("staff.card.other"), shell::Icon::Back, ui.secondaryStyle(),
                              [this] { st().cardFor.reset(); }, m.touchMin));
            Node card = ui.card(std::move(col), m.gap);
            card.grow = 1;
            return card;
        }
        return lookupView(ctx_, s, {"staff.card.ask", "staff.card.hint", "staff.card.results", wid::staffCardMember,
                                    [this](const domain::Member& mem) { st().cardFor = mem; }});
    }
};

}  // namespace

std::unique_ptr<Screen> enrolStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Enrol>(ctx, std::move(st));
}

std::unique_ptr<Screen> cardStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Card>(ctx, std::move(st));
}

}  // namespace screens::staff
