#include "screens/welcome_screen.h"

#include <algorithm>

#include "domain/help.h"
#include "domain/members.h"
#include "screens/checkin_screen.h"
#include "screens/screen_ids.h"

namespace screens {

using shell::FontRole;
using shell::Rect;

WelcomeScreen::WelcomeScreen(Context& ctx) : Screen(ctx, ids::kWelcome, "welcome.title") {}

void WelcomeScreen::onEnter() { ctx_.session.clear(); }

bool WelcomeScreen::onCard(const std::string& cardNo) {
    if (!ctx_.tapToCheckin || !ctx_.domain) return false;
    const domain::IdentifyResult r = domain::identifyCardAt(*ctx_.domain, cardNo, id());
    if (r.outcome == domain::IdentifyOutcome::BlockedCard) {
        ctx_.showResult(Feedback::Failure, ctx_.strings.get("identify.blocked_card.title"),
                        ctx_.strings.get("identify.blocked_card.detail"));
        return true;
    }
    if (r.outcome != domain::IdentifyOutcome::Found) {
        ctx_.showResult(Feedback::Failure, ctx_.strings.get("identify.unknown_card.title"),
                        ctx_.strings.get("checkin.tap_unknown"));
        return true;
    }
    const std::string masked = domain::maskName(r.member->name);
    ctx_.addText(masked);
    const domain::CheckinResult c = domain::checkIn(*ctx_.domain, r.member->id);
    ctx_.syncNow();
    announceCheckin(ctx_, masked, c);
    return true;
}

void WelcomeScreen::drawContent(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);

    // Today's date and time, large: the screen is also a clock in the hall.
    const core::TimePoint now = ctx_.clock.now();
    const std::string date = core::dateLocal(now);
    const std::string weekday = ctx_.strings.get("date.weekday." + std::to_string(core::weekday(date)));
    const std::string dateLine = ctx_.strings.format(
        "date.format", {{"month", std::to_string(std::stoi(date.substr(5, 2)))},
                        {"day", std::to_string(std::stoi(date.substr(8, 2)))},
                        {"weekday", weekday}});
    const std::string& station =
        ctx_.status.stationName.empty() ? ctx_.strings.get("station.unnamed") : ctx_.status.stationName;

    // One card, centred: greeting, station, date and time, then the big start
    // button. Spare height (a portrait panel) goes to the button and the icon.
    const float cardW = std::min(area.w, std::max(m.primaryMinWidth * 2.2f, area.w * 0.62f));
    const float pad = m.gap * 1.5f;
    auto heightFor = [&](float iconS, float buttonH) {
        return pad + (iconS > 0 ? iconS + m.gap * 0.75f : 0) + th + m.gap * 0.5f + bh + m.gap * 1.25f + th + m.gap * 0.25f + bh +
               m.gap * 1.5f + buttonH + pad;
    };
    float iconS = m.iconTile, buttonH = m.primaryHeight * 1.15f;
    const float spare = area.h - heightFor(iconS, buttonH);
    if (spare > 0) {
        buttonH += std::min(spare * 0.3f, m.primaryHeight * 0.6f);
        iconS += std::min(spare * 0.12f, m.iconHero - m.iconTile);
    } else {
        // Short of room (landscape, large text): the icon shrinks, then goes;
        // then the button comes down to the primary size. Text never shrinks.
        iconS = std::max(0.0f, iconS + spare);
        if (iconS < m.iconTile * 0.75f) iconS = 0;
        const float still = area.h - heightFor(iconS, buttonH);
        if (still < 0) buttonH = std::max(m.primaryHeight, buttonH + still);
    }
    const float cardH = std::min(heightFor(iconS, buttonH), area.h);
    Rect card{area.cx() - cardW / 2, area.y + std::max(0.0f, (area.h - cardH) / 2), cardW, cardH};
    ui.card(card);

    float y = card.y + pad;
    if (iconS > 0) {
        ui.icon(shell::Icon::Person, card.cx(), y + iconS / 2, iconS, c.primary);
        y += iconS + m.gap * 0.75f;
    }
    ui.textCentred(FontRole::Title, ctx_.strings.get("welcome.greeting"), {card.x + pad, y, card.w - 2 * pad, th},
                   c.cardText);
    y += th + m.gap * 0.5f;
    ui.textCentred(FontRole::Body, station, {card.x + pad, y, card.w - 2 * pad, bh}, c.textMuted);
    y += bh + m.gap * 1.25f;
    ui.textCentred(FontRole::Title, core::hhmmLocal(now), {card.x + pad, y, card.w - 2 * pad, th}, c.cardText);
    y += th + m.gap * 0.25f;
    ui.textCentred(FontRole::Body, dateLine, {card.x + pad, y, card.w - 2 * pad, bh}, c.textMuted);
    y += bh + m.gap * 1.5f;

    Rect start{card.x + pad, y, card.w - 2 * pad, buttonH};
    if (ui.primaryButton("welcome.start", start, ctx_.strings.get("welcome.card_prompt"),
                         ctx_.strings.get("welcome.tap_prompt"), shell::Icon::Card))
        ctx_.router.push(ids::kHome);
}

}  // namespace screens
