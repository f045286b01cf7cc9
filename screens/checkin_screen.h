// checkin_screen.h — 签到: the checkin flow. Its steps call the domain layer
// (kiosk/domain) through Context; until they land the screen shows the
// flow's header (icon, title, hint) under the shared top bar.
#pragma once

#include "screens/screen.h"

namespace screens {

class CheckinScreen final : public Screen {
public:
    explicit CheckinScreen(Context& ctx);

protected:
    void drawContent(const shell::Rect& area) override;
};

}  // namespace screens
