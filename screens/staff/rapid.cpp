// staff_rapid: card after card; each answer in an icon, words and the name
// (never colour alone), the running count, undo the last one, manual lookup.
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

class Rapid final : public Step {
public:
    Rapid(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kStaffRapid, "staff.rapid.title", std::move(st)) {}

    bool onCard(const std::string& cardNo) override {
        // In staff mode a card never identifies an elder at the screen.
        if (!unlocked() || !st().target) return true;
        noteRapid(ctx_, st(), domain::rapidCheckIn(*ctx_.domain, *st().target, cardNo));
        return true;
    }

protected:
    void load() override {
        if (st().target) st().count = domain::rapidCount(*ctx_.domain, *st().target);
        if (st().last) st().last->count = st().count;
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked() || !st().target) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const shell::Palette& c = ui.c();
        const auto& str = ctx_.strings;
        State& s = st();
        const domain::RapidTarget& t = *s.target;
        // What, and how many so far: the count is what staff watch.
        Node what = body(ctx_, targetTitle(ctx_, t));
        what.grow = 1;
        what.align = shell::Align::Centre;
        Node count = heading(ctx_, str.format("staff.rapid.count", {{"count", std::to_string(s.count)}}),
                             shell::TextAlign::Right);
        count.flex = false;
        Node head = shell::row(m.gap, {std::move(what), std::move(count)});

        std::string headline, detail;
        shell::Icon icon = shell::Icon::Card;
        shell::Rgb colour = c.textMuted;
        if (!s.last) {
            headline = str.get("staff.rapid.ready");
            detail = str.get("staff.rapid.ready_detail");
        } else if (s.lastWasUndo) {
            headline = str.get("staff.rapid.undone");
            detail = s.undoneName;
            icon = shell::Icon::Back;
            colour = c.text;
        } else {
            const auto& r = *s.last;
            const bool good = r.outcome == domain::RapidOutcome::Ok || r.outcome == domain::RapidOutcome::WalkIn;
            icon = good ? shell::Icon::Check : shell::Icon::Offline;
            colour = good ? c.onlineIcon : c.offlineIcon;
            const char* key = "staff.rapid.bad_input";
            switch (r.outcome) {
                case domain::RapidOutcome::Ok: key = t.kind == domain::RapidKind::Activity ? "staff.rapid.ok" : "staff.rapid.ok_meal"; break;
                case domain::RapidOutcome::WalkIn: key = "staff.rapid.walk_in"; break;
                case domain::RapidOutcome::UnknownCard: key = "staff.rapid.unknown_card"; break;
                case domain::RapidOutcome::BadInput: key = "staff.rapid.bad_input"; break;
                case domain::RapidOutcome::NotBooked: key = "staff.rapid.not_booked"; break;
                case domain::RapidOutcome::AlreadyDone: key = "staff.rapid.already"; break;
                case domain::RapidOutcome::BlockedCard: key = "staff.rapid.blocked_card"; break;
            }
            headline = str.get(key);
            detail = r.masked_name.empty() ? str.get("staff.rapid.ask_staff") : r.masked_name;
        }
        const float h = std::max(m.touchMin, m.primaryHeight * 0.6f);
        Node undo = ui.button(wid::kStaffUndo, str.get("staff.rapid.undo"), shell::Icon::Back, ui.secondaryStyle(),
                              [this] { undoLast(); }, h);
        Node lookup = ui.button(wid::kStaffLookup, str.get("staff.rapid.lookup"), shell::Icon::Person,
                                ui.secondaryStyle(), [this] { ctx_.router.push(ids::kStaffLookup); }, h);
        if (ui.theme().portrait()) {
            Node answer = ui.card(shell::column(m.gap, {ui.icon(icon, colour, m.iconTile * 0.7f, m.iconHero),
                                                        heading(ctx_, headline, shell::TextAlign::Centre),
                                                        heading(ctx_, detail, shell::TextAlign::Centre)}),
                                  m.gap);
            answer.grow = 1;
            return shell::column(m.gap, {std::move(head), std::move(answer), actions(ctx_, {std::move(undo), std::move(lookup)})});
        }
        // Landscape: the answer, and the two actions beside it.
        Node words = shell::column(m.gap * 0.3f, {heading(ctx_, headline), heading(ctx_, detail)});
        words.grow = 1;
        words.justify = shell::Align::Centre;
        Node mark = ui.icon(icon, colour, m.iconTile * 0.7f, m.iconHero);
        mark.align = shell::Align::Centre;
        Node answer = ui.card(shell::row(m.gap * 1.5f, {std::move(mark), std::move(words)}), m.gap);
        answer.grow = 1;
        Node side = shell::column(m.gap, {std::move(undo), std::move(lookup)});
        side.justify = shell::Align::Centre;
        return shell::column(m.gap, {std::move(head), shell::row(m.gap * 1.5f, {std::move(answer), std::move(side)})});
    }

private:
    void undoLast() {
        State& s = st();
        if (s.undoable.empty()) return;
        domain::RapidResult last = s.undoable.back();
        s.undoable.pop_back();
        if (!domain::undoRapid(*ctx_.domain, *s.target, last)) return;
        ctx_.syncNow();
        ctx_.playSound(Feedback::Info);
        s.lastWasUndo = true;
        s.undoneName = last.masked_name;
        s.last = last;
        load();
    }
};

}  // namespace

std::unique_ptr<Screen> rapidStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Rapid>(ctx, std::move(st));
}

}  // namespace screens::staff
