// staff_deliveries: one delivery round (送餐单) of a canteen's slot: who, where,
// the phone, what to bring and what to collect; each delivery marked 送到了 or
// 没送到 (domain::markDelivery); the list saved as CSV and as an A4 page to
// print (domain::exportDeliveries). Three deliveries a page: each has two answers.
#include "screens/format.h"
#include "screens/staff/state.h"

namespace screens::staff {
namespace {

constexpr int kPerPage = 3;  // deliveries a page: two buttons each, six choices

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
        // The shared pager counts six a page: two of its items are one delivery.
        s.deliveryPager.clamp(int(s.deliveries.size()) * 2);
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!unlocked() || !st().deliverySlot) return shell::column(0);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        State& s = st();
        const domain::DeliverySlot& d = *s.deliverySlot;
        std::string dishes;
        for (const auto& x : d.dishes) dishes += (dishes.empty() ? "" : str.get("meals.dish_sep")) + x;
        Node head = lines(ctx_, {
            {str.format("staff.deliveries.head", {{"date", dayDate(str, d.date)},
                                                  {"slot", str.get(d.slot == "lunch" ? "staff.slot.lunch" : "staff.slot.dinner")},
                                                  {"canteen", d.canteen_name},
                                                  {"n", std::to_string(d.total)},
                                                  {"done", std::to_string(d.delivered)},
                                                  {"failed", std::to_string(d.failed)}}),
             true, false},
            {str.format("staff.deliveries.bring", {{"dishes", dishes}}), false, false},
        });
        if (s.deliveries.empty()) return shell::column(m.gap, {std::move(head), emptyNote(ctx_, str.get("staff.deliveries.none"))});

        const int n = int(s.deliveries.size());
        const int first = s.deliveryPager.first() / 2;
        Node list = shell::column(m.gap * 0.75f);
        for (int i = first; i < std::min(n, first + kPerPage); ++i) {
            const domain::DeliveryLine& l = s.deliveries[std::size_t(i)];
            const bool done = l.delivery_status == "delivered", failed = l.delivery_status == "failed";
            // State in words and an icon, never colour alone.
            Node badge = ui.icon(done ? shell::Icon::Check : failed ? shell::Icon::Cross : shell::Icon::Meal, ui.c().text,
                                m.iconNav * 0.8f, m.iconNav * 0.8f);
            badge.align = shell::Align::Centre;
            Node name = heading(ctx_, l.masked_name + (l.living_alone ? str.get("staff.deliveries.alone") : ""));
            name.grow = 1;
            Node state = body(ctx_, str.get(done ? "staff.deliveries.state.done"
                                            : failed ? "staff.deliveries.state.failed"
                                                     : "staff.deliveries.state.todo"));
            Node top = shell::row(m.gap * 0.5f, {std::move(badge), std::move(name), std::move(state)});
            Node where = body(ctx_, l.address.empty() ? str.get("staff.deliveries.no_address") : l.address);
            Node call = body(ctx_, str.format("staff.deliveries.phone_pay",
                                              {{"phone", l.phone.empty() ? "-" : l.phone},
                                               {"pay", money(str, l.pay_cents)}}));
            const std::string id = l.booking_id;
            const float h = std::max(m.touchMin, m.primaryHeight * 0.55f);
            Node yes = ui.button(wid::staffDeliveryDone(std::size_t(i)), str.get("staff.deliveries.done"), shell::Icon::Check,
                                 ui.secondaryStyle(), [this, id] { mark(id, true); }, h);
            Node no = ui.button(wid::staffDeliveryFailed(std::size_t(i)), str.get("staff.deliveries.failed"),
                                shell::Icon::Cross, ui.secondaryStyle(), [this, id] { mark(id, false); }, h);
            Node words = shell::column(m.gap * 0.3f, {std::move(top), std::move(where), std::move(call)});
            if (ui.theme().portrait()) {
                list.add(ui.card(shell::column(m.gap * 0.5f, {std::move(words), shell::row(m.gap, {std::move(yes), std::move(no)})}),
                                 m.gap * 0.75f));
            } else {
                words.grow = 1;
                Node answers = shell::row(m.gap, {std::move(yes), std::move(no)});
                answers.align = shell::Align::Centre;
                list.add(ui.card(shell::row(m.gap, {std::move(words), std::move(answers)}), m.gap * 0.75f));
            }
        }
        Node scrolled = ui.scroll(wid::kStaffDeliveryList, std::move(list), m.touchMin * 1.5f);
        scrolled.grow = 1;
        Node save = ui.button(wid::kStaffDeliveryExport, str.get("staff.deliveries.export"), shell::Icon::More,
                              ui.secondaryStyle(), [this] { save_(); }, m.touchMin);
        return shell::column(m.gap, {std::move(head), std::move(scrolled),
                                     shell::row(m.gap, {pagerRow(ctx_, wid::kStaffDeliveryPager, s.deliveryPager, n * 2),
                                                        std::move(save)})});
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
