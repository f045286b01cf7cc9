#include "screens/welcome_screen.h"

#include <algorithm>
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

void WelcomeScreen::onEnter() {
    // The elder has left: the next one starts in the default language and voice.
    ctx_.session.clear();
    ctx_.readVoice.clear();
    ctx_.setLanguage("");
}

namespace {
// Each language by its own name, whatever the screen's language is.
const char* endonym(const std::string& lang) {
    if (lang == "en") return "English";
    if (lang == "zh-HK") return "繁體中文";
    return "简体中文";
}
}  // namespace

Node WelcomeScreen::options(float width, bool voices_) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Strings& s = ctx_.strings;
    Node langs = shell::row(m.targetGap);
    if (ctx_.languages.size() > 1) {
        for (const std::string& lang : ctx_.languages) {
            ctx_.addText(endonym(lang));
            const bool on = lang == s.lang();
            langs.add(ui.button(wid::welcomeLang(lang), endonym(lang), shell::Icon::None,
                                on ? ui.selectedStyle() : ui.secondaryStyle(),
                                [this, lang] {
                                    ctx_.readVoice.clear();
                                    ctx_.setLanguage(lang);
                                },
                                m.touchMin, on));
        }
    }
    // Three languages in a row run past a portrait screen at 特大: two a row then.
    if (langs.children.size() > 2 && shell::widthOf(langs).min > width) {
        std::vector<Node> each = std::move(langs.children);
        for (Node& b : each) b.grow = 1;
        langs = shell::grid(2, m.targetGap, std::move(each));
    }
    Node voices = shell::row(m.targetGap);
    if (voices_ && s.lang() != "en") {
        // Read-aloud in Mandarin or Cantonese (espeak-ng cmn / yue), for the session.
        const std::string current = !ctx_.readVoice.empty() ? ctx_.readVoice : s.lang() == "zh-HK" ? "yue" : "cmn";
        Node ask = body(ctx_, s.get("welcome.voice.ask"));
        // On one line or not at all: squeezed, 朗读用 stood one character a line.
        const float askW = shell::widthOf(ask).pref;
        ask.width = [askW] { return shell::Span{askW, askW}; };
        ask.optional = true;
        voices.add(std::move(ask));
        for (const char* v : {"cmn", "yue"}) {
            const std::string voice = v;
            const bool on = voice == current;
            voices.add(ui.button(wid::welcomeVoice(voice), s.get("read.voice." + voice), shell::Icon::Speaker,
                                 on ? ui.selectedStyle() : ui.secondaryStyle(),
                                 [this, voice] {
                                     ctx_.readVoice = voice;
                                     ctx_.readAloud();
                                 },
                                 m.touchMin, on));
        }
    }
    Node urgent = shell::column(0);
    if (!ctx_.emergencyNumber.empty()) {
        const shell::ButtonStyle red{ui.c().offlineIcon, ui.c().primaryText, ui.c().offlineIcon, false};
        urgent = ui.button(wid::kEmergencyButton, s.get("emergency.button"), shell::Icon::Help, red,
                           [this] { ctx_.router.push(ids::kEmergency); }, m.touchMin);
    }
    const bool any = !langs.children.empty() || !voices.children.empty() || !ctx_.emergencyNumber.empty();
    if (!any) return shell::column(0);
    // Two rows: the languages, then the voices and 紧急 (under the start
    // button in landscape, under everything in portrait).
    // 紧急 at the row's end, with the voices or without (English has none:
    // an empty voices row took a gap's room and 紧急 stood off the margin).
    Node second = shell::row(m.gap);
    if (!voices.children.empty()) second.add(std::move(voices));
    if (!ctx_.emergencyNumber.empty()) {
        second.add(shell::spring());
        second.add(std::move(urgent));
    }
    Node both = shell::column(m.targetGap);
    if (!langs.children.empty()) both.add(std::move(langs));
    if (!second.children.empty()) both.add(std::move(second));
    return both;
}

bool WelcomeScreen::onCard(const std::string& cardNo) {
    if (ctx_.domain) {
        // Closed (opening_hours): a card checks in only if the district says so.
        const domain::OpenState open = domain::openState(*ctx_.domain->running(), ctx_.clock.now());
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
    // When the room is short (特大 with the announcement's banner) the
    // station's name goes first (the status bar shows it), then the date.
    Node name = ui.text(FontRole::Body, station, c.textMuted, TextAlign::Centre);
    name.optional = true;
    name.priority = -1;
    info.add(std::move(name));
    info.add(space(ctx_, 0.5f));
    info.add(ui.text(FontRole::Title, core::hhmmLocal(now), c.cardText, TextAlign::Centre));
    Node date = ui.text(FontRole::Body, longDate(ctx_.strings, core::dateLocal(now)), c.textMuted, TextAlign::Centre);
    date.optional = true;
    info.add(std::move(date));
    Node card = ui.card(std::move(info), m.gap * 1.5f);
    card.grow = 1;

    if (ctx_.domain) {
        // Outside opening_hours: a closed screen with the next opening time;
        // the card check-in only if the configuration allows it.
        const domain::OpenState open = domain::openState(*ctx_.domain->running(), now);
        if (!open.open) {
            Node closed = shell::column(m.gap);
            closed.justify = shell::Align::Centre;
            closed.add(ui.text(FontRole::Title, ctx_.strings.get("closed.title"), c.cardText, TextAlign::Centre));
            closed.add(ui.text(FontRole::Body, closedDetail(open), c.cardText, TextAlign::Centre));
            if (open.cardCheckin)
                closed.add(ui.text(FontRole::Body, ctx_.strings.get("closed.card_checkin"), c.textMuted, TextAlign::Centre));
            Node side = ui.card(std::move(closed), m.gap * 1.5f);
            side.grow = 1;
            if (!ui.theme().portrait()) {
                Node right = shell::column(m.gap, {std::move(side), options(area.w * 0.5f, false)});
                right.grow = 1;
                return shell::row(m.gap * 1.5f, {std::move(card), std::move(right)});
            }
            return shell::column(m.gap * 1.5f, {std::move(card), std::move(side), options(area.w, false)});
        }
    }

    Node start = ui.primary(wid::kWelcomeStart, ctx_.strings.get("welcome.card_prompt"),
                            ctx_.strings.get("welcome.tap_prompt"), shell::Icon::Card,
                            [this] { ctx_.router.push(ids::kHome); },
                            // It grows into the room; with the language and voice rows
                            // under it (landscape) it may start lower at large text.
                            m.primaryHeight * (ctx_.languages.size() > 1 && !ui.theme().portrait() ? 0.8f : 1.15f));
    start.grow = 1;
    if (!ui.theme().portrait()) {
        // Side by side: the words as wide as they want (a greeting wrapped at
        // 特大 in English made the card taller than the screen), the button
        // and the language and voice rows the rest: the button's words wrap
        // inside its own height.
        const float gap = m.gap * 1.5f;
        start.flex = true;
        Node side = shell::column(m.gap, {std::move(start), options(area.w - gap - shell::widthOf(card).min)});
        side.grow = 1;
        const float cardW = std::max(shell::widthOf(card).min,
                                     std::min(shell::widthOf(card).pref, area.w - gap - shell::widthOf(side).min));
        card.width = [cardW] { return shell::Span{cardW, cardW}; };
        card.grow = 0;
        return shell::row(gap, {std::move(card), std::move(side)});
    }
    Node col = shell::column(m.gap * 1.5f, {std::move(card), std::move(start)});
    col.children[1].grow = 0.6f;
    col.grow = 1;
    return shell::column(m.gap, {std::move(col), options(area.w)});
}

}  // namespace screens
