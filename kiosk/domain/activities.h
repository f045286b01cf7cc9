// activities.h — 活动: browse by day and category, sign up within the
// station's seat quota, waitlist when full, cancel, attendance.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/context.h"

namespace domain {

struct Activity {
    std::string id;
    std::string title;
    std::string category;
    std::string starts_at;
    std::string ends_at;
    std::string place;
    std::string description;
    int capacity = 0;
    int seats_left = 0;          // at this station
    std::string my_status;       // "" / signed_up / waitlisted / rejected
    std::string my_signup_id;
};

enum class SignupOutcome { SignedUp, Waitlisted, Full, AlreadySignedUp, Started, Unknown };

struct SignupResult {
    SignupOutcome outcome = SignupOutcome::Unknown;
    std::string signup_id;
};

// This station's and district-wide activities starting on `date` (all
// categories when `category` is empty);
// the elder's own sign-ups first.
std::vector<Activity> activitiesOn(const Context& ctx, const std::string& date,
                                   const std::string& category, const std::string& memberId);
std::vector<std::string> activityCategories(const Context& ctx, const std::string& fromDate);
std::optional<Activity> activityById(const Context& ctx, const std::string& id,
                                     const std::string& memberId);
// `waitlist`: the elder agreed to wait for a place when there is none.
SignupResult signUp(const Context& ctx, const std::string& memberId, const std::string& activityId,
                    bool waitlist);
bool cancelSignup(const Context& ctx, const std::string& memberId, const std::string& signupId);
// Staff: attendance at an activity (rapid check-in).
void recordAttendance(const Context& ctx, const std::string& memberId,
                      const std::string& activityId);
// The elder's upcoming sign-ups.
std::vector<Activity> mySignups(const Context& ctx, const std::string& memberId);

}  // namespace domain
