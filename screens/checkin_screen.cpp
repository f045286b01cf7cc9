#include "screens/checkin_screen.h"

#include <algorithm>

#include "screens/flows.h"

namespace screens {

using shell::FontRole;
using shell::Rect;

namespace {

// 早上好 / 上午好 / 中午好 / 下午好 / 晚上好, from the local hour.
std::string greetingKey(const core::Clock& clock) {
    const int hour = std::stoi(core::hhmmLocal(clock.now()).substr(0, 2));
    if (hour < 5) return "checkin.greeting.evening";
    if (hour < 9) return "checkin.greeting.early";
    if (hour < 11) return "checkin.greeting.morning";
    if (hour < 13) return "checkin.greeting.noon";
    if (hour < 18) return "checkin.greeting.afternoon";
    return "checkin.greeting.evening";
}

std::string todayLine(const Context& ctx) {
    const std::string date = core::dateLocal(ctx.clock.now());
    return ctx.strings.format("date.format",
                              {{"month", std::to_string(std::stoi(date.substr(5, 2)))},
                               {"day", std::to_string(std::stoi(date.substr(8, 2)))},
                               {"weekday", ctx.strings.get("date.weekday." + std::to_string(core::weekday(date)))}});
}

// "2026-11-24T09:12:05+08:00" → "09:12".
std::string hhmmOf(const std::string& iso) { return iso.size() >= 16 ? iso.substr(11, 5) : iso; }

}  // namespace

void announceCheckin(Context& ctx, const std::string& maskedName, const domain::CheckinResult& r) {
    const shell::Strings& s = ctx.strings;
    switch (r.outcome) {
        case domain::CheckinOutcome::CheckedIn:
            ctx.showResult(Feedback::Success, s.get("checkin.done.title"),
                           s.format("checkin.done.detail", {{"name", maskedName},
                                                            {"greeting", s.get(greetingKey(ctx.clock))},
                                                            {"date", todayLine(ctx)}}));
            return;
        case domain::CheckinOutcome::AlreadyToday:
            ctx.showResult(Feedback::Info, s.format("checkin.already.title", {{"time", hhmmOf(r.at)}}),
                           s.format("checkin.already.detail", {{"name", maskedName}}));
            return;
        case domain::CheckinOutcome::UnknownMember:
            ctx.showResult(Feedback::Failure, s.get("checkin.unknown.title"), s.get("checkin.unknown.detail"));
            return;
    }
}

CheckinScreen::CheckinScreen(Context& ctx) : Screen(ctx, ids::kCheckin, flowFor(ids::kCheckin).titleKey) {}

void CheckinScreen::onEnter() { ctx_.requireMember(id()); }

void CheckinScreen::drawContent(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    if (!ctx_.session.active()) return;  // identify is on its way

    // The flow's icon (as on its Home tile), the elder greeted by name,
    // today's date, and the one big button.
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);
    const std::string hello = s.format("checkin.hello", {{"name", ctx_.session.maskedName()}});
    const float buttonH = m.primaryHeight * 1.25f;
    const float words = th + m.gap * 0.4f + bh + m.gap * 1.5f + buttonH;
    float disc = std::clamp(area.h - words - 3 * m.gap, 0.0f, m.iconHero * 1.3f);
    if (disc < m.iconTile * 0.8f) disc = 0;
    const float total = words + (disc > 0 ? disc + m.gap : 0);
    float y = area.y + std::max(0.0f, (area.h - total) / 2);
    const Flow& flow = flowFor(id());
    if (disc > 0) {
        ui.fill({area.cx() - disc / 2, y, disc, disc}, c.*flow.colour, disc / 2);
        ui.icon(flow.icon, area.cx(), y + disc / 2, disc * 0.56f, c.tileText);
        y += disc + m.gap;
    }
    const Rect below = area;
    ui.textCentred(FontRole::Title, hello, {below.x, y, below.w, th}, c.text);
    y += th + m.gap * 0.4f;
    ui.textCentred(FontRole::Body, todayLine(ctx_), {below.x, y, below.w, bh}, c.textMuted);
    y += bh + m.gap * 1.5f;
    const float bw = std::min(below.w, std::max(m.primaryMinWidth * 1.3f, below.w * 0.5f));
    if (ui.primaryButton("checkin.go", shell::centredButton(below, y, bw, buttonH), s.get("checkin.go"),
                         s.get("checkin.go.hint"), shell::Icon::CheckIn)) {
        if (!ctx_.domain) return;
        const domain::CheckinResult r = domain::checkIn(*ctx_.domain, ctx_.session.memberId());
        ctx_.syncNow();
        announceCheckin(ctx_, ctx_.session.maskedName(), r);
        ctx_.router.home();
    }
}

}  // namespace screens
