// staff_rapid: card after card; each answer in an icon, words and the name
// (never colour alone), the running count, undo the last one, manual lookup.
#include "screens/format.h"
#include "screens/staff/state.h"

#include <tuple>

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

    // The scanner: at a meal pickup a voucher (or the elder's own code); at
    // an activity the elder's code. In staff mode nothing identifies an elder
    // at the screen.
    bool onScan(const std::string& text) override {
        if (!unlocked() || !st().target) return true;
        State& s = st();
        if (s.target->kind == domain::RapidKind::MealPickup) {
            const std::string atCounter = ctx_.clock.monotonicMs() < s.atCounterUntilMs ? s.atCounter : "";
            noteScan(ctx_, s, domain::scanPickup(*ctx_.domain, *s.target, text, atCounter));
            return true;
        }
        const auto id = domain::identifyByQr(ctx_.domain->db, text);
        if (id.member) noteRapid(ctx_, s, domain::rapidCheckInMember(*ctx_.domain, *s.target, *id.member));
        else noteRapid(ctx_, s, {id.outcome == domain::IdentifyOutcome::BadInput ? domain::RapidOutcome::BadInput
                                                                              : domain::RapidOutcome::UnknownCard,
                                 {}, {}, {}, s.count});
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
            detail = str.get(t.kind == domain::RapidKind::MealPickup ? "staff.rapid.ready_detail_meal"
                                                                      : "staff.rapid.ready_detail");
        } else if (s.scan && !s.lastWasUndo) {
            const bool good = s.scan->outcome == domain::ScanOutcome::PickedUp;
            icon = good ? shell::Icon::Check : shell::Icon::Offline;
            colour = good ? c.onlineIcon : c.offlineIcon;
            std::tie(headline, detail) = scanWords(*s.scan);
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
    // The scan's answer in words: what happened, and whose or which meal.
    std::pair<std::string, std::string> scanWords(const domain::ScanResult& r) {
        const auto& str = ctx_.strings;
        const std::string who = r.masked_name.empty() ? str.get("staff.rapid.ask_staff") : r.masked_name;
        switch (r.outcome) {
            case domain::ScanOutcome::PickedUp: return {str.get("staff.rapid.ok_meal"), who};
            case domain::ScanOutcome::AlreadyPickedUp: return {str.get("staff.rapid.already"), who};
            case domain::ScanOutcome::NotBooked: return {str.get("staff.rapid.not_booked"), who};
            case domain::ScanOutcome::OtherElder:
                return {str.get("staff.scan.other_elder"), str.format("staff.scan.other_elder.detail", {{"name", who}})};
            case domain::ScanOutcome::Cancelled: return {str.get("staff.scan.cancelled"), who};
            case domain::ScanOutcome::OtherMeal:
                return {str.get("staff.scan.other_meal"),
                        str.format("staff.scan.other_meal.detail",
                                   {{"date", dayDate(str, r.date)},
                                    {"slot", str.get(r.slot == "lunch" ? "staff.slot.lunch" : "staff.slot.dinner")},
                                    {"name", who}})};
            case domain::ScanOutcome::OtherCanteen: return {str.get("staff.scan.other_canteen"), who};
            case domain::ScanOutcome::Delivery: return {str.get("staff.scan.delivery"), who};
            case domain::ScanOutcome::UnknownBooking: return {str.get("staff.scan.unknown_booking"), str.get("staff.scan.unknown_booking.detail")};
            case domain::ScanOutcome::Forged: return {str.get("staff.scan.forged"), str.get("staff.scan.forged.detail")};
            case domain::ScanOutcome::UnknownElder: return {str.get("staff.rapid.unknown_card"), str.get("staff.rapid.ask_staff")};
            case domain::ScanOutcome::NotRecognised: break;
        }
        return {str.get("staff.rapid.bad_input"), str.get("staff.rapid.ask_staff")};
    }

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
        s.scan.reset();
        load();
    }
};

}  // namespace

std::unique_ptr<Screen> rapidStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Rapid>(ctx, std::move(st));
}

}  // namespace screens::staff
