// checkin_screen.h — 签到: asks who is here (requireMember), then one big
// 签到 button (checkin.go) → domain::checkIn → the answer overlay:
// 签到成功 with a greeting by time of day and today's date, or 您今天已经签过到了（09:12）.
// announceCheckin() is shared with the welcome screen's tap-to-check-in.
#pragma once

#include <string>

#include "domain/checkins.h"
#include "screens/screen.h"

namespace screens {

// Shows the answer to a check-in for the elder called `maskedName`.
void announceCheckin(Context& ctx, const std::string& maskedName, const domain::CheckinResult& r);

class CheckinScreen final : public Screen {
public:
    explicit CheckinScreen(Context& ctx);
    void onEnter() override;

protected:
    shell::Node content(const shell::Rect& area) override;
};

}  // namespace screens
