// activities/ — 活动, one question a step (DESIGN.md), one file a step:
//
//   activities          day.cpp      which day? 今天 / 明天 / 后天 / two dated days, and 我的报名
//   activities.list     list.cpp     that day's activities (the elder's own first, marked
//                                    已报名 / 候补中 in words), category chips (全部 + at most 5);
//                                    landscape shows each on one card row: two whole ones at 大
//   activities.detail   detail.cpp   time, place, seats left, description; 报名, or 候补
//                                    when full, or 取消报名
//   activities.confirm  confirm.cpp  confirm the sign-up / waitlist / cancel -> domain
//
// Widget ids (screens/ids.h): activities.day.0 .. activities.day.4,
// activities.mine; activities.cat.all, activities.cat.<n>, activities.item.<n>,
// activities.list (scroll); activities.signup, activities.waitlist,
// activities.cancel; activities.confirm.yes, activities.confirm.no.
#pragma once

#include <memory>
#include <vector>

#include "screens/screen.h"

namespace screens {

// Adds the activities steps to the kiosk's screens (all_screens.cpp).
void addActivitiesScreens(Context& ctx, std::vector<std::unique_ptr<Screen>>& out);

}  // namespace screens
