// staff_deliveries: one delivery round (送餐单) of a canteen's slot: who, where,
// the phone, what to bring and what to collect; each delivery marked 送到了 or
// 没送到 (domain::markDelivery); the list saved as CSV and as an A4 page to
// print (domain::exportDeliveries). As many deliveries a page as fit whole (at
// most three: each has two answers).
#include "screens/format.h"
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

// Deliveries a page: as many whole cards as the content area holds (1 to 3;
// each card has two answers, so at most six choices a screen).
constexpr int kMaxPerPage = 3;

class Deliveries final : public Step {
public:
    Deliveries(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kStaffDeliveries, "staff.deliveries.title", std::move(st)) {}

protected:
    void load() override {
        State& s = st();
        if (!s.deliverySlot) return;
        for (const auto& d : domain::deliverySlots(*ctx_.domain, s.deliverySlot->date))
            if (d.slot_id == s.deliverySlot->slot_id) s.deliverySlot = d;
        s.deliveries = domain::deliveries(*ctx_.domain, s.deliverySlot->slot_id);
        std::string text = s.deliverySlot->canteen_name;
        for (const auto& d : s.deliverySlot->dishes) text += d;
        for (const auto& l : s.deliveries) text += l.masked_name + l.address + l.phone;
        ctx_.addText(text);
    }

    Node content(const shell::Rect& area) override {
        if (!unlocked() || !st().deliverySlot) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        State& s = st();
        const domain::DeliverySlot& d = *s.deliverySlot;
        std::string dishes;
        for (const auto& x : d.dishes) dishes += (dishes.empty() ? "" : str.get("meals.dish_sep")) + x;
        // What round (today's: the roster list said so) and how far it is.
        Node head = body(ctx_, str.format("staff.deliveries.head",
                                          {{"slot", str.get(d.slot == "lunch" ? "staff.slot.lunch" : "staff.slot.dinner")},
                                           {"canteen", d.canteen_name},
                                           {"n", std::to_string(d.total)},
                                           {"done", std::to_string(d.delivered)},
                                           {"failed", std::to_string(d.failed)}}));
        // Save sits in the bottom row, beside the pager when there is one.
        Node save = ui.button(wid::kStaffDeliveryExport, str.get("staff.deliveries.export"), shell::Icon::More,
                              ui.secondaryStyle(), [this] { save_(); }, m.touchMin);
        Node bring = muted(ctx_, str.format("staff.deliveries.bring", {{"dishes", dishes}}));
        bring.optional = true;  // the deliveries come first when room is short
        if (s.deliveries.empty())
            return shell::column(m.gap, {std::move(head), std::move(bring), emptyNote(ctx_, str.get("staff.deliveries.none")),
                                         std::move(save)});

        const int n = int(s.deliveries.size());
        std::vector<Node> cards;
        std::vector<float> heights;
        for (int i = 0; i < n; ++i) {
            cards.push_back(card(s.deliveries[std::size_t(i)], std::size_t(i)));
            heights.push_back(shell::heightOf(cards.back(), area.w).pref);
        }
        // Pages of whole cards: each page takes the next cards while they fit
        // under the head and above the bottom row (at least one, at most three).
        const float listGap = m.gap * 0.75f;
        const float room = area.h - (shell::heightOf(head, area.w).pref + m.gap) - (m.touchMin + m.gap);
        std::vector<int> starts;
        for (int i = 0; i < n;) {
            starts.push_back(i);
            float used = heights[std::size_t(i)];
            int k = 1;
            while (i + k < n && k < kMaxPerPage && used + listGap + heights[std::size_t(i + k)] <= room)
                used += listGap + heights[std::size_t(i + k++)];
            i += k;
        }
        // The shared pager counts six items a page: a page of ours is six of its items.
        const int pages = int(starts.size());
        s.deliveryPager.clamp(pages * Pager::kPerPage);
        const int first = starts[std::size_t(s.deliveryPager.page)];
        const int last = s.deliveryPager.page + 1 < pages ? starts[std::size_t(s.deliveryPager.page + 1)] : n;
        Node list = shell::column(listGap);
        for (int i = first; i < last; ++i) list.add(std::move(cards[std::size_t(i)]));
        Node scrolled = ui.scroll(wid::kStaffDeliveryList, std::move(list), m.touchMin * 1.5f);
        scrolled.grow = 1;
        Node pager = pagerRow(ctx_, wid::kStaffDeliveryPager, s.deliveryPager, pages * Pager::kPerPage);
        pager.grow = 1;
        Node bottom = shell::row(m.gap, {std::move(pager), std::move(save)});
        return shell::column(m.gap, {std::move(head), std::move(bring), std::move(scrolled), std::move(bottom)});
    }

    // One delivery: who (living alone?), its state in words and an icon (never
    // colour alone), where, the phone and what to collect; 送到了 / 没送到
    // beside it in landscape, under it in portrait.
    Node card(const domain::DeliveryLine& l, std::size_t i) {
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        const bool done = l.delivery_status == "delivered", failed = l.delivery_status == "failed";
        Node badge = ui.icon(done ? shell::Icon::Check : failed ? shell::Icon::Cross : shell::Icon::Meal, ui.c().text,
                             m.iconNav * 0.8f, m.iconNav * 0.8f);
        badge.align = shell::Align::Centre;
        const std::string nameState = l.masked_name + (l.living_alone ? str.get("staff.deliveries.alone") : "") +
                                      str.get("staff.deliveries.sep") +
                                      str.get(done ? "staff.deliveries.state.done"
                                              : failed ? "staff.deliveries.state.failed"
                                                       : "staff.deliveries.state.todo");
        const std::string phonePay = str.format("staff.deliveries.phone_pay",
                                                {{"phone", l.phone.empty() ? "-" : l.phone}, {"pay", money(str, l.pay_cents)}});
        Node where = body(ctx_, l.address.empty() ? str.get("staff.deliveries.no_address") : l.address);
        const bool portrait = ui.theme().portrait();
        const std::string id = l.booking_id;
        Node yes = ui.button(wid::staffDeliveryDone(i), str.get("staff.deliveries.done"), shell::Icon::Check,
                             ui.secondaryStyle(), [this, id] { mark(id, true); }, m.touchMin);
        Node no = ui.button(wid::staffDeliveryFailed(i), str.get("staff.deliveries.failed"), shell::Icon::Cross,
                            ui.secondaryStyle(), [this, id] { mark(id, false); }, m.touchMin);
        // Landscape is short of height: the phone goes beside the name.
        Node words = shell::column(m.gap * 0.25f);
        if (portrait) {
            Node name = body(ctx_, nameState);
            name.grow = 1;
            words.add(shell::row(m.gap * 0.5f, {std::move(badge), std::move(name)}));
            words.add(std::move(where));
            words.add(body(ctx_, phonePay));
        } else {
            // One paragraph, so that a long line wraps as words do, not in columns.
            Node who = body(ctx_, nameState + str.get("staff.deliveries.sep") + phonePay);
            who.grow = 1;
            words.add(shell::row(m.gap * 0.5f, {std::move(badge), std::move(who)}));
            words.add(std::move(where));
        }
        if (portrait)
            return ui.card(shell::column(m.gap * 0.5f, {std::move(words), shell::row(m.gap, {std::move(yes), std::move(no)})}),
                           m.gap * 0.6f);
        words.grow = 1;
        Node answers = shell::row(m.gap, {std::move(yes), std::move(no)});
        answers.align = shell::Align::Centre;
        return ui.card(shell::row(m.gap, {std::move(words), std::move(answers)}), m.gap * 0.6f);
    }

private:
    void mark(const std::string& bookingId, bool delivered) {
        const auto out = domain::markDelivery(*ctx_.domain, bookingId, delivered);
        if (out == domain::MarkOutcome::Marked) ctx_.syncNow();
        ctx_.playSound(out == domain::MarkOutcome::Marked || out == domain::MarkOutcome::Unchanged ? Feedback::Success
                                                                                                  : Feedback::Failure);
        if (out == domain::MarkOutcome::Cancelled) ctx_.showNotice(ctx_.strings.get("staff.deliveries.cancelled"));
        load();
    }

    void save_() {
        const StationInfo info = ctx_.stationInfo();
        try {
            const auto paths = domain::exportDeliveries(*ctx_.domain, st().deliverySlot->slot_id,
                                                        info.dataDir + "/exports", info.stationName);
            ctx_.showNotice(ctx_.strings.format("staff.deliveries.saved", {{"path", paths.back()}}));
            ctx_.playSound(Feedback::Success);
        } catch (const std::exception&) {
            ctx_.showNotice(ctx_.strings.get("staff.deliveries.save_failed"));
            ctx_.playSound(Feedback::Failure);
        }
    }
};

}  // namespace

std::unique_ptr<Screen> deliveriesStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Deliveries>(ctx, std::move(st));
}

}  // namespace screens::staff
