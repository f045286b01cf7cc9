// welcome_screen.h — the attract screen: greeting, clock, "请刷颐年卡 / 点这里开始".
// Widget ids: welcome.start. Entering it clears the session (the elder has left).
#pragma once

#include "screens/screen.h"

namespace screens {

class WelcomeScreen final : public Screen {
public:
    explicit WelcomeScreen(Context& ctx);
    void onEnter() override;
    // Tap-to-check-in (Context::tapToCheckin): a card checks the elder in at
    // once and the answer shows here; the next elder taps right after.
    bool onCard(const std::string& cardNo) override;

protected:
    void drawContent(const shell::Rect& area) override;
    bool showsNavigation() const override { return false; }
};

}  // namespace screens
