// activities_flow.h — what the activities steps share: the choices made so far.
#pragma once

#include <string>

#include "domain/activities.h"
#include "screens/screen.h"

namespace screens {

namespace activities_ids {
inline constexpr const char* kList = "activities.list";
inline constexpr const char* kDetail = "activities.detail";
inline constexpr const char* kConfirm = "activities.confirm";
}  // namespace activities_ids

struct ActivitiesFlow {
    enum class Action { SignUp, Waitlist, Cancel };
    std::string date;         // the day chosen ("" with `mine`)
    bool mine = false;        // 我的报名 instead of a day
    std::string category;     // "" = all
    std::string activityId;   // the activity shown in detail
    Action action = Action::SignUp;
};

// "9:00–10:30"
std::string activityTime(Context& ctx, const domain::Activity& a);
// The elder's state in words ("已报名" / "候补中" / "没有报上…"); "" when none.
std::string signupState(Context& ctx, const domain::Activity& a);

class ActivitiesScreen final : public Screen {
public:
    explicit ActivitiesScreen(Context& ctx);
    void onEnter() override;
    ActivitiesFlow& flow() { return flow_; }

protected:
    void drawContent(const shell::Rect& area) override;

private:
    ActivitiesFlow flow_;
};

class ActivitiesListScreen final : public Screen {
public:
    ActivitiesListScreen(Context& ctx, ActivitiesFlow& flow);
    void onEnter() override;

protected:
    void drawContent(const shell::Rect& area) override;

private:
    ActivitiesFlow& flow_;
};

class ActivityDetailScreen final : public Screen {
public:
    ActivityDetailScreen(Context& ctx, ActivitiesFlow& flow);

protected:
    void drawContent(const shell::Rect& area) override;

private:
    ActivitiesFlow& flow_;
};

class ActivityConfirmScreen final : public Screen {
public:
    ActivityConfirmScreen(Context& ctx, ActivitiesFlow& flow);

protected:
    void drawContent(const shell::Rect& area) override;

private:
    void act(const domain::Activity& a);
    ActivitiesFlow& flow_;
};

}  // namespace screens
