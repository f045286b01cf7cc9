// home_screen.h — the five big tiles (签到, 订餐, 活动, 时间银行, 帮助), under a
// greeting by name once the elder is known.
// Widget ids: home.checkin, home.meals, home.activities, home.timebank, home.help.
#pragma once

#include "screens/screen.h"

namespace screens {

class HomeScreen final : public Screen {
public:
    explicit HomeScreen(Context& ctx);

protected:
    shell::Node content(const shell::Rect& area) override;
};

}  // namespace screens
