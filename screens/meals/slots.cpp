// meals.slots: which meal? One card per slot of the day chosen; a card that
// can be booked is itself the target (meals.book.<slot>).
#include <algorithm>
#include <map>

#include "screens/format.h"
#include "screens/meals/state.h"

namespace screens::meals {
namespace {

class Slots final : public Step {
public:
    Slots(Context& ctx, std::shared_ptr<State> st) : Step(ctx, ids::kMealsSlots, "meals.slots.title", std::move(st)) {}

protected:
    void load() override {
        State& s = st();
        const domain::Context& d = *ctx_.domain;
        s.today = d.today();
        s.member = domain::memberById(d.db, ctx_.session.memberId());
        s.slots.clear();
        if (!s.member || s.date.empty()) return;
        const auto mine = domain::myBookings(d, s.member->id);
        std::map<std::string, int> seen;
        for (const auto& slot : domain::mealSlots(d, s.date, 1)) {
            SlotView v;
            v.id = slot.id;
            const int n = seen[slot.slot]++;
            v.widget = "meals.book." + slot.slot + (n ? "." + std::to_string(n) : "");
            v.heading = ctx_.strings.format("meals.slot_heading",
                                            {{"slot", slotName(ctx_.strings, slot.slot)}, {"canteen", slot.canteen_name}});
            domain::Price price = domain::priceFor(d, *s.member, slot);
            const auto booked = std::find_if(mine.begin(), mine.end(), [&](const domain::Booking& b) {
                return b.slot_id == slot.id && b.status == "booked";
            });
            const bool already = booked != mine.end();
            // A meal already booked shows what it was booked at: its own
            // subsidy counts towards the caps, it is not capped by itself.
            if (already) {
                price.capped = false;
                price.subsidy_cents = booked->subsidy_cents;
                price.pay_cents = booked->pay_cents;
            }
            v.pay = ctx_.strings.format("meals.pay_short", {{"pay", money(ctx_.strings, price.pay_cents)}});
            const std::string sep = ctx_.strings.get("meals.details_sep");
            // A meal that cannot be booked says why in a word on its first
            // row (where a bookable one says 订这一餐), and when to book in
            // its paragraph: a card no taller than a bookable one, so two
            // closed meals still show whole at 大 (a line of its own for the
            // reason made two cards 740 px where 711 were left).
            const bool closed = !already && slot.past_cutoff, full = !already && !closed && slot.seats_left <= 0;
            if (already) v.state = ctx_.strings.get("meals.state.booked");
            else if (closed) v.state = ctx_.strings.get("meals.state.closed");
            else if (full) v.state = ctx_.strings.get("meals.state.full");
            // The subsidy first (what the district pays is why the price is
            // low; of no use once the meal is closed), then the dishes, then
            // the seats: one paragraph that wraps.
            if (closed)
                v.details = ctx_.strings.format("meals.book_before", {{"time", clockTime(slot.cutoff)},
                                                                     {"slot", slotName(ctx_.strings, slot.slot)}}) + sep;
            else if (price.capped) v.details = ctx_.strings.get("meals.subsidy_capped_short") + sep;
            else if (price.subsidy_cents > 0)
                v.details = ctx_.strings.format("meals.subsidy_short", {{"subsidy", money(ctx_.strings, price.subsidy_cents)}}) + sep;
            v.details += dishesLine(ctx_, slot.dishes);
            // Full: the head row says so; the paragraph only what may help.
            if (full) v.details += sep + ctx_.strings.get("meals.full.card");
            else if (v.state.empty())
                v.details += sep + ctx_.strings.format("meals.seats_left", {{"n", std::to_string(slot.seats_left)}});
            ctx_.addText(v.heading + v.details + v.state);
            s.slots.push_back(std::move(v));
        }
    }

    Node content(const shell::Rect&) override {
        State& s = st();
        if (!ready() || !s.member || s.date.empty()) return needCard(ctx_);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const shell::Palette& c = ui.c();
        const auto& str = ctx_.strings;
        Node q = question(ctx_, str.format("meals.ask_slot", {{"day", dayLabel(str, s.today, s.date)},
                                                              {"date", dayDate(str, s.date)}}));
        q.optional = true;
        if (s.slots.empty()) return shell::column(m.gap, {std::move(q), emptyNote(ctx_, str.get("meals.no_slots"))});

        Node list = shell::column(m.gap * 0.75f);
        const float cardPad = m.gap * 0.75f;
        for (const SlotView& v : s.slots) {
            const bool bookable = v.state.empty();
            // The meal, what it costs and 订这一餐 on one row, the dishes under
            // it; where the row's words do not fit the card (English at 特大,
            // portrait), the meal on its own line with the rest under it, and
            // where that does not fit either, the price and the action on
            // lines of their own: no word is split and two meals still show.
            auto title = [&](bool grow) {
                Node t = heading(ctx_, v.heading);
                t.grow = grow ? 1 : 0;
                t.align = grow ? shell::Align::Centre : shell::Align::Start;
                return t;
            };
            auto pay = [&](bool grow) {
                Node p = body(ctx_, v.pay);
                p.align = shell::Align::Centre;
                p.grow = grow ? 1 : 0;
                return p;
            };
            auto actions = [&] {
                std::vector<Node> a;
                if (bookable) {
                    Node go = ui.text(shell::FontRole::Body, str.get("meals.book_this"), c.navText);
                    go.align = shell::Align::Centre;
                    a.push_back(std::move(go));
                    Node more = ui.icon(shell::Icon::More, c.navText, m.iconNav * 0.6f, m.iconNav * 0.6f);
                    more.optional = false;
                    more.align = shell::Align::Centre;
                    a.push_back(std::move(more));
                } else {
                    Node why = body(ctx_, v.state);
                    why.align = shell::Align::Centre;
                    a.push_back(std::move(why));
                }
                return a;
            };
            auto line = [&](std::vector<Node> first, std::vector<Node> rest) {
                for (Node& n : rest) first.push_back(std::move(n));
                return shell::row(m.gap, std::move(first));
            };
            Node oneRow = line({title(true), pay(false)}, actions());
            Node payAlone = pay(false);
            payAlone.align = shell::Align::Start;
            Node cost = shell::either(line({pay(true)}, actions()),
                                      shell::column(0, {std::move(payAlone), shell::row(m.gap, actions())}));
            Node head = shell::either(std::move(oneRow), shell::column(0, {title(false), std::move(cost)}));
            Node col = shell::column(0, {std::move(head), body(ctx_, v.details)});
            const std::string slotId = v.id;
            if (bookable) {
                list.add(ui.pressable(v.widget, std::move(col), {c.card, c.cardText, c.navText, true}, [this, slotId] {
                    st().slotId = slotId;
                    st().delivery = false;
                    // Delivery is offered only to the eligible with an address (config rules).
                    const bool canDeliver = st().member && domain::deliveryFor(*ctx_.domain, *st().member, st().date) ==
                                                               config::DeliveryCheck::Eligible;
                    ctx_.router.push(canDeliver ? ids::kMealsHow : ids::kMealsBook);
                }));
            } else {
                list.add(ui.card(std::move(col), cardPad));
            }
        }
        Node scroll = ui.list(wid::kMealsSlotsList, std::move(list), m.touchMin * 1.5f);
        scroll.grow = 1;
        return shell::column(m.gap * 0.75f, {std::move(q), std::move(scroll)});
    }
};

}  // namespace

std::unique_ptr<Screen> slotsStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Slots>(ctx, std::move(st));
}

}  // namespace screens::meals
