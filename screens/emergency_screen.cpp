#include "screens/emergency_screen.h"

#include "domain/help.h"
#include "screens/parts.h"

namespace screens {

using shell::FontRole;
using shell::Node;
using shell::TextAlign;

EmergencyScreen::EmergencyScreen(Context& ctx) : Screen(ctx, ids::kEmergency, "emergency.title") {}

void EmergencyScreen::onEnter() {
    if (!ctx_.domain || ctx_.emergencyNumber.empty()) return;
    domain::raiseAlert(*ctx_.domain, "urgent", ids::kEmergency, ctx_.session.memberId(), "紧急 button");
    ctx_.playSound(Feedback::Info);
    ctx_.syncNow();
    ctx_.alertsChanged();
}

Node EmergencyScreen::content(const shell::Rect& /*area*/) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    ctx_.addText(ctx_.emergencyNumber);
    Node col = shell::column(m.gap);
    col.justify = shell::Align::Centre;
    col.add(ui.text(FontRole::Title, s.get("emergency.call"), c.cardText, TextAlign::Centre));
    Node number = ui.bigText(ctx_.emergencyNumber, c.offlineIcon, 2.2f);
    col.add(std::move(number));
    col.add(ui.text(FontRole::Body, s.get("emergency.raised"), c.cardText, TextAlign::Centre));
    col.add(ui.text(FontRole::Body, s.get("emergency.life"), c.cardText, TextAlign::Centre));
    Node card = ui.card(std::move(col), m.gap * 1.5f);
    card.grow = 1;
    return card;
}

}  // namespace screens
