// welcome_screen.h — the attract screen: greeting, station, clock and date,
// and the big "请刷颐年卡 / 或点这里开始" (welcome.start). Entering it clears the
// session (the elder has left). Landscape puts the button beside the words.
#pragma once

#include "domain/hours.h"
#include "screens/screen.h"

namespace screens {

class WelcomeScreen final : public Screen {
public:
    explicit WelcomeScreen(Context& ctx);
    void onEnter() override;
    // Tap-to-check-in (Context::tapToCheckin): a card checks the elder in at
    // once and the answer shows here; the next elder taps right after.
    bool onCard(const std::string& cardNo) override;

private:
    bool checkInByCard(const std::string& cardNo);
    std::string closedDetail(const domain::OpenState& open) const;
    // The language switch (config languages), the read-aloud voice beside it,
    // and the 紧急 button (config emergency); empty when there is none. The
    // closed screen has no voices (nothing there is read but the hours).
    // `width`: what they have; three languages that do not fit go two a row.
    shell::Node options(float width, bool voices = true);

protected:
    shell::Node content(const shell::Rect& area) override;
    bool showsNavigation() const override { return false; }
    bool titleGivesWay() const override { return true; }
};

}  // namespace screens
