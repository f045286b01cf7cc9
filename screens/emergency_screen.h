// emergency_screen.h — 紧急 (config emergency.button): the station's
// emergency number in huge digits, 120 for a life in danger, and an urgent
// alert raised on entering (the strip on every screen of this kiosk, with a
// chime, and `district-server alerts` within one sync).
#pragma once

#include <string>

#include "screens/screen.h"

namespace screens {

class EmergencyScreen final : public Screen {
public:
    explicit EmergencyScreen(Context& ctx);
    void onEnter() override;

protected:
    shell::Node content(const shell::Rect& area) override;
};

}  // namespace screens
