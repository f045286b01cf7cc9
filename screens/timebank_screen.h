// timebank_screen.h — 时间银行: the timebank flow. Its steps call the domain layer
// (kiosk/domain) through Context; until they land the screen shows the
// flow's header (icon, title, hint) under the shared top bar.
#pragma once

#include "screens/screen.h"

namespace screens {

class TimeBankScreen final : public Screen {
public:
    explicit TimeBankScreen(Context& ctx);

protected:
    void drawContent(const shell::Rect& area) override;
};

}  // namespace screens
