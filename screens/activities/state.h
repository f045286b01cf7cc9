// state.h — what the activities steps share (flow.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/activities.h"
#include "screens/flow.h"

namespace screens::activities {

struct State : FlowState {
    enum class Action { SignUp, Waitlist, Cancel };
    // Choices.
    std::string date;        // the day chosen ("" with `mine`)
    bool mine = false;       // 我的报名 instead of a day
    std::string category;    // "" = all
    std::string activityId;  // the activity shown in detail
    Action action = Action::SignUp;

    // View models.
    std::string today;
    std::vector<std::string> categories;        // activities.list (at most five)
    std::vector<domain::Activity> list;         // activities.list
    std::optional<domain::Activity> activity;   // activities.detail, .confirm
    bool started = false;                       // the activity has begun
};

using Step = FlowStep<State>;

// "9:00–10:30"
std::string activityTime(Context& ctx, const domain::Activity& a);
// The elder's state in words ("已报名" / "候补中" / "没有报上…"); "" when none.
std::string signupState(Context& ctx, const domain::Activity& a);
// Title, time and place (and the description) as lines of a card.
std::vector<Line> summary(Context& ctx, const std::string& today, const domain::Activity& a, bool withDescription);

std::unique_ptr<Screen> dayStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> listStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> detailStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> confirmStep(Context& ctx, std::shared_ptr<State> st);

}  // namespace screens::activities
