#include "screens/welcome_screen.h"

#include <cmath>

#include "domain/help.h"
#include "domain/members.h"
#include "screens/checkin_screen.h"
#include "screens/format.h"
#include "screens/parts.h"

namespace screens {

using shell::FontRole;
using shell::Node;
using shell::TextAlign;

WelcomeScreen::WelcomeScreen(Context& ctx) : Screen(ctx, ids::kWelcome, "welcome.title") {}

void WelcomeScreen::onEnter() { ctx_.session.clear(); }

bool WelcomeScreen::onCard(const std::string& cardNo) {
    if (ctx_.domain) {
        // Closed (opening_hours): a card checks in only if the district says so.
        const domain::OpenState open = domain::openState(ctx_.domain->stationConfig(), ctx_.clock.now());
        if (!open.open && !open.cardCheckin) {
            ctx_.showResult(Feedback::Info, ctx_.strings.get("closed.title"), closedDetail(open));
            return true;
        }
        if (!open.open) return checkInByCard(cardNo);
    }
    if (!ctx_.tapToCheckin || !ctx_.domain) return false;
    return checkInByCard(cardNo);
}

std::string WelcomeScreen::closedDetail(const domain::OpenState& open) const {
    if (!open.nextOpening) return ctx_.strings.get("closed.no_hours");
    const std::string date = core::dateLocal(*open.nextOpening);
    const std::string today = core::dateLocal(ctx_.clock.now());
    const std::string day = date == today ? ctx_.strings.get("closed.today")
                            : date == core::addDays(today, 1) ? ctx_.strings.get("closed.tomorrow")
                                                              : longDate(ctx_.strings, date);
    return ctx_.strings.format("closed.next", {{"day", day}, {"time", core::hhmmLocal(*open.nextOpening)}});
}

bool WelcomeScreen::checkInByCard(const std::string& cardNo) {
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

Node WelcomeScreen::content(const shell::Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const core::TimePoint now = ctx_.clock.now();
    const std::string& station =
        ctx_.status.stationName.empty() ? ctx_.strings.get("station.unnamed") : ctx_.status.stationName;

    // The screen is also a clock in the hall: greeting, station, time, date.
    Node info = shell::column(std::round(m.gap * 0.3f));
    info.justify = shell::Align::Centre;
    info.add(ui.icon(shell::Icon::Person, c.primary, m.iconTile * 0.8f, m.iconHero * 0.8f));
    info.add(ui.text(FontRole::Title, ctx_.strings.get("welcome.greeting"), c.cardText, TextAlign::Centre));
    info.add(ui.text(FontRole::Body, station, c.textMuted, TextAlign::Centre));
    info.add(space(ctx_, 0.5f));
    info.add(ui.text(FontRole::Title, core::hhmmLocal(now), c.cardText, TextAlign::Centre));
    info.add(ui.text(FontRole::Body, longDate(ctx_.strings, core::dateLocal(now)), c.textMuted, TextAlign::Centre));
    Node card = ui.card(std::move(info), m.gap * 1.5f);
    card.grow = 1;

    if (ctx_.domain) {
        // Outside opening_hours: a closed screen with the next opening time;
        // the card check-in only if the configuration allows it.
        const domain::OpenState open = domain::openState(ctx_.domain->stationConfig(), now);
        if (!open.open) {
            Node closed = shell::column(m.gap);
            closed.justify = shell::Align::Centre;
            closed.add(ui.text(FontRole::Title, ctx_.strings.get("closed.title"), c.cardText, TextAlign::Centre));
            closed.add(ui.text(FontRole::Body, closedDetail(open), c.cardText, TextAlign::Centre));
            if (open.cardCheckin)
                closed.add(ui.text(FontRole::Body, ctx_.strings.get("closed.card_checkin"), c.textMuted, TextAlign::Centre));
            Node side = ui.card(std::move(closed), m.gap * 1.5f);
            side.grow = 1;
            if (!ui.theme().portrait()) return shell::row(m.gap * 1.5f, {std::move(card), std::move(side)});
            return shell::column(m.gap * 1.5f, {std::move(card), std::move(side)});
        }
    }

    Node start = ui.primary(wid::kWelcomeStart, ctx_.strings.get("welcome.card_prompt"),
                            ctx_.strings.get("welcome.tap_prompt"), shell::Icon::Card,
                            [this] { ctx_.router.push(ids::kHome); }, m.primaryHeight * 1.15f);
    start.grow = 1;
    if (!ui.theme().portrait()) {
        // Side by side: the words and the button share the width.
        Node r = shell::row(m.gap * 1.5f, {std::move(card), std::move(start)});
        return r;
    }
    Node col = shell::column(m.gap * 1.5f, {std::move(card), std::move(start)});
    col.children[1].grow = 0.6f;
    (void)area;
    return col;
}

}  // namespace screens
