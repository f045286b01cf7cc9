// The activities flow: its steps, and the words they share.
#include "screens/activities/activities.h"

#include "screens/activities/state.h"
#include "screens/format.h"

namespace screens {

void addActivitiesScreens(Context& ctx, std::vector<std::unique_ptr<Screen>>& out) {
    auto st = std::make_shared<activities::State>();
    for (auto make : {activities::dayStep, activities::listStep, activities::detailStep, activities::confirmStep})
        out.push_back(make(ctx, st));
}

namespace activities {

std::string activityTime(Context& ctx, const domain::Activity& a) {
    return ctx.strings.format("activities.time", {{"from", clockTime(a.starts_at)}, {"to", clockTime(a.ends_at)}});
}

std::string signupState(Context& ctx, const domain::Activity& a) {
    if (a.my_status == "signed_up") return ctx.strings.get("activities.state.signed_up");
    if (a.my_status == "waitlisted") return ctx.strings.get("activities.state.waitlisted");
    if (a.my_status == "rejected") return ctx.strings.get("activities.state.rejected");
    return {};
}

std::vector<Line> summary(Context& ctx, const std::string& today, const domain::Activity& a, bool withDescription) {
    const auto& s = ctx.strings;
    const std::string date = a.starts_at.substr(0, 10);
    std::vector<Line> ls{
        {a.title, true, false},
        {s.format("activities.detail.time",
                  {{"day", dayLabel(s, today, date)}, {"date", dayDate(s, date)}, {"time", activityTime(ctx, a)}}),
         false, false},
        {s.format("activities.detail.place", {{"place", a.place}}), false, false},
    };
    if (withDescription && !a.description.empty()) ls.push_back({a.description, false, true});
    return ls;
}

}  // namespace activities
}  // namespace screens
