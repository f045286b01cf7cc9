// activities.list: that day's activities (or 我的报名), with category chips.
// Each activity is one card that is one target: in landscape its title and
// state on the left, when and where beside them, so two whole ones show at 大.
#include "screens/activities/state.h"
#include "screens/format.h"

namespace screens::activities {
namespace {

class List final : public Step {
public:
    List(Context& ctx, std::shared_ptr<State> st)
        : Step(ctx, ids::kActivitiesList, "activities.list.title", std::move(st)) {}

protected:
    void load() override {
        State& s = st();
        const domain::Context& d = *ctx_.domain;
        s.today = d.today();
        s.categories.clear();
        if (!s.mine && !s.date.empty()) {
            s.categories = domain::activityCategories(d, s.date);
            if (s.categories.size() > 5) s.categories.resize(5);  // 全部 + five: six choices
        }
        s.list = s.mine ? domain::mySignups(d, ctx_.session.memberId())
                        : domain::activitiesOn(d, s.date, s.category, ctx_.session.memberId());
        for (const auto& c : s.categories) ctx_.addText(c);
        for (const auto& a : s.list) ctx_.addText(a.title + a.place + a.category);
    }

    Node content(const shell::Rect& area) override {
        State& s = st();
        if (!ready() || (!s.mine && s.date.empty())) return needCard(ctx_);
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const auto& str = ctx_.strings;
        Node col = shell::column(m.gap * 0.75f);
        Node q = question(ctx_, s.mine ? str.get("activities.mine.question")
                                       : str.format("activities.ask_which", {{"day", dayLabel(str, s.today, s.date)},
                                                                             {"date", dayDate(str, s.date)}}));
        q.optional = true;
        col.add(std::move(q));
        if (!s.mine) col.add(chips(area.w));
        if (s.list.empty()) {
            col.add(emptyNote(ctx_, str.get(s.mine ? "activities.mine.empty" : "activities.none")));
            return col;
        }
        Node items = shell::column(m.targetGap);
        for (std::size_t i = 0; i < s.list.size(); ++i) items.add(item(i));
        Node list = ui.scroll(wid::kActivitiesList, std::move(items), m.touchMin * 1.5f);
        list.grow = 1;
        col.add(std::move(list));
        return col;
    }

private:
    // 全部 and the categories, in as many rows as they need.
    Node chips(float width) {
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        Node rows = shell::column(m.targetGap);
        Node current = shell::row(m.gap);
        float used = 0;
        auto add = [&](const std::string& id, const std::string& label, const std::string& cat) {
            const bool chosen = st().category == cat;
            Node chip = ui.button(id, label, shell::Icon::None, chosen ? ui.primaryStyle() : ui.secondaryStyle(),
                                  [this, cat] {
                                      st().category = cat;
                                      load();
                                  },
                                  m.touchMin, chosen);
            const float w = shell::widthOf(chip).pref;
            chip.width = [w] { return shell::Span{w, w}; };
            if (!current.children.empty() && used + m.gap + w > width) {
                rows.add(std::move(current));
                current = shell::row(m.gap);
                used = 0;
            }
            used += (current.children.empty() ? 0 : m.gap) + w;
            current.add(std::move(chip));
        };
        add(wid::kActivitiesCatAll, ctx_.strings.get("activities.cat.all"), "");
        for (std::size_t i = 0; i < st().categories.size(); ++i)
            add(wid::activitiesCat(i), st().categories[i], st().categories[i]);
        current.add(shell::spring());
        rows.add(std::move(current));
        return rows;
    }

    Node item(std::size_t i) {
        shell::Ui& ui = ctx_.ui;
        const shell::Metrics& m = ui.m();
        const shell::Palette& c = ui.c();
        const auto& str = ctx_.strings;
        const domain::Activity& a = st().list[i];
        const std::string when = st().mine ? dayLabel(str, st().today, a.starts_at.substr(0, 10)) + " " + activityTime(ctx_, a)
                                           : activityTime(ctx_, a);
        std::string state = signupState(ctx_, a);
        if (state.empty())
            state = a.seats_left > 0 ? str.format("activities.seats_left", {{"n", std::to_string(a.seats_left)}})
                                     : str.get("activities.full_waitlist");
        Node title = heading(ctx_, a.title);
        Node where = body(ctx_, str.format("activities.when_where", {{"when", when}, {"place", a.place}}));
        Node how = muted(ctx_, state);
        Node inside;
        if (ui.theme().portrait()) {
            inside = shell::column(m.gap * 0.2f, {std::move(title), std::move(where), std::move(how)});
        } else {
            Node left = shell::column(m.gap * 0.2f, {std::move(title), std::move(how)});
            left.width = [&ui, &m] { return shell::Span{m.touchMin * 2, ui.emPx(shell::FontRole::Title) * 6}; };
            left.flex = true;
            where.grow = 1;
            inside = shell::row(m.gap, {std::move(left), std::move(where)});
        }
        const std::string id = a.id;
        return ui.pressable(wid::activitiesItem(i), std::move(inside), {c.card, c.cardText, c.navText, true}, [this, id] {
            st().activityId = id;
            ctx_.router.push(ids::kActivitiesDetail);
        });
    }
};

}  // namespace

std::unique_ptr<Screen> listStep(Context& ctx, std::shared_ptr<State> st) {
    return std::make_unique<List>(ctx, std::move(st));
}

}  // namespace screens::activities
