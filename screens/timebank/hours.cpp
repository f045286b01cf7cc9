// timebank_service_hours: how long the service took, half an hour a tap with
// big − / + either side of the number.
#include <algorithm>
#include <cmath>

#include "screens/timebank/state.h"

namespace screens::timebank {
namespace {

class Hours final : public Step {
public:
    Hours(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kTimeBankServiceHours, "timebank.hours.title", std::move(st)) {}

protected:
    void load() override {
        State& s = st();
        if (s.chosen) s.serviceMinutes = std::clamp(s.chosen->minutes, kStepMinutes, kMaxServiceMinutes);
        s.serviceMinutes -= s.serviceMinutes % kStepMinutes;
    }

    Node content(const shell::Rect& /*area*/) override {
        if (!ready() || !st().chosen) return needCard(ctx_, "timebank.need_card");
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        State& s = st();
        const float big = std::round(std::max(m.touchMin * 1.2f, ui.lineHeight(shell::FontRole::Title) * 1.2f));
        // − and + are labelled (read aloud by their words) and drawn as big signs.
        auto sign = [&](const char* id, const char* key, shell::Icon icon, int delta, bool shown) {
            if (!shown) {
                Node keep = shell::gap(big, big);
                keep.flex = false;
                return keep;
            }
            Node b = ui.button(id, str.get(key), icon, ui.secondaryStyle(), [this, delta] { st().serviceMinutes += delta; }, big);
            return b;
        };
        Node number = ui.card(heading(ctx_, hours(ctx_, s.serviceMinutes), shell::TextAlign::Centre), m.gap * 0.5f);
        number.grow = 1;
        Node stepper = shell::row(m.gap, {sign(wid::kTbHoursMinus, "timebank.hours.minus", shell::Icon::Minus, -kStepMinutes,
                                               s.serviceMinutes > kStepMinutes),
                                          std::move(number),
                                          sign(wid::kTbHoursPlus, "timebank.hours.plus", shell::Icon::Plus, kStepMinutes,
                                               s.serviceMinutes < kMaxServiceMinutes)});
        Node next = ui.button(wid::kTbHoursNext, str.get("timebank.hours.next"), shell::Icon::Card, ui.primaryStyle(),
                              [this] { ctx_.router.push(ids::kTimeBankServiceCard); });
        next.align = shell::Align::Centre;
        Node col = shell::column(m.gap * 0.75f);
        col.justify = shell::Align::Centre;
        col.add(question(ctx_, str.format("timebank.hours.ask", {{"what", s.chosen->name}})));
        col.add(std::move(stepper));
        col.add(ui.hint(str.get("timebank.hours.step"), shell::TextAlign::Centre));
        col.add(space(ctx_, 0.5f));
        col.add(std::move(next));
        return col;
    }
};

}  // namespace

std::unique_ptr<Screen> hoursStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<Hours>(ctx, std::move(st));
}

}  // namespace screens::timebank
