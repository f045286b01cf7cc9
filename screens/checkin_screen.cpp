#include "screens/checkin_screen.h"

#include "screens/flows.h"
#include "screens/format.h"
#include "screens/parts.h"

namespace screens {

using shell::FontRole;
using shell::Node;
using shell::TextAlign;

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

std::string today(const Context& ctx) { return longDate(ctx.strings, core::dateLocal(ctx.clock.now())); }

}  // namespace

void announceCheckin(Context& ctx, const std::string& maskedName, const domain::CheckinResult& r) {
    const shell::Strings& s = ctx.strings;
    switch (r.outcome) {
        case domain::CheckinOutcome::CheckedIn:
            ctx.showResult(Feedback::Success, s.get("checkin.done.title"),
                           s.format("checkin.done.detail",
                                    {{"name", maskedName}, {"greeting", s.get(greetingKey(ctx.clock))}, {"date", today(ctx)}}));
            return;
        case domain::CheckinOutcome::AlreadyToday:
            ctx.showResult(Feedback::Info, s.format("checkin.already.title", {{"time", hhmm(r.at)}}),
                           s.format("checkin.already.detail", {{"name", maskedName}}));
            return;
        case domain::CheckinOutcome::UnknownMember:
            ctx.showResult(Feedback::Failure, s.get("checkin.unknown.title"), s.get("checkin.unknown.detail"));
            return;
    }
}

CheckinScreen::CheckinScreen(Context& ctx) : Screen(ctx, ids::kCheckin, flowFor(ids::kCheckin).titleKey) {}

void CheckinScreen::onEnter() { ctx_.requireMember(id()); }

Node CheckinScreen::content(const shell::Rect& /*area*/) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    if (!ctx_.session.active()) return shell::column(0);  // identify is on its way

    // The flow's icon (as on its Home tile), the elder greeted by name,
    // today's date, and the one big button.
    Node col = shell::column(m.gap * 0.5f);
    col.justify = shell::Align::Centre;
    col.add(ui.icon(flowFor(id()).icon, c.checkin, m.iconTile * 0.8f, m.iconHero));
    col.add(question(ctx_, s.format("checkin.hello", {{"name", ctx_.session.maskedName()}})));
    col.add(muted(ctx_, today(ctx_), TextAlign::Centre));
    col.add(space(ctx_, 1.0f));
    Node go = ui.primary(wid::kCheckinGo, s.get("checkin.go"), s.get("checkin.go.hint"), shell::Icon::CheckIn,
                         [this] {
                             if (!ctx_.domain) return;
                             const domain::CheckinResult r = domain::checkIn(*ctx_.domain, ctx_.session.memberId());
                             ctx_.syncNow();
                             announceCheckin(ctx_, ctx_.session.maskedName(), r);
                             ctx_.router.home();
                         },
                         m.primaryHeight * 1.25f);
    go.align = shell::Align::Centre;
    col.add(std::move(go));
    return col;
}

}  // namespace screens
