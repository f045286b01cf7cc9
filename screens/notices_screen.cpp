#include "screens/notices_screen.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <string_view>

#include "screens/identify_screen.h"
#include "screens/format.h"
#include "screens/parts.h"
#include "screens/reasons.h"

namespace screens {

using shell::FontRole;
using shell::Rect;

namespace {

}  // namespace

std::string noticeText(const Context& ctx, const domain::Notice& n) {
    const shell::Strings& s = ctx.strings;
    std::string date = monthDay(s, n.created_at), subject = n.subject;
    if (n.kind == "meal_book") {
        // The subject is "2026-11-24 lunch": the meal's own date and slot.
        const auto sp = subject.find(' ');
        if (sp != std::string::npos) {
            const std::string d = monthDay(s, subject.substr(0, sp));
            if (!d.empty()) date = d;
            const std::string slotKey = "notices.slot." + subject.substr(sp + 1);
            subject = s.has(slotKey) ? s.get(slotKey) : s.get("notices.slot.meal");
        } else {
            subject = s.get("notices.slot.meal");
        }
    }
    const bool known = knownOpKind(n.kind) && s.has("notices.what." + n.kind);
    std::string what = s.format(known ? "notices.what." + n.kind : std::string("notices.what.other"),
                                {{"date", date}, {"subject", subject}});
    return s.format("notices.line", {{"what", what}, {"reason", reasonText(s, n.reason, ReasonFor::Elder, n.kind)}});
}

NoticesScreen::NoticesScreen(Context& ctx) : Screen(ctx, ids::kNotices, "notices.title") {}

void NoticesScreen::onEnter() {
    notices_.clear();
    lines_.clear();
    if (ctx_.domain && ctx_.session.active()) notices_ = domain::pendingNotices(*ctx_.domain, ctx_.session.memberId());
    for (const auto& n : notices_) {
        lines_.push_back(noticeText(ctx_, n));
        ctx_.addText(lines_.back());
    }
    if (notices_.empty()) goAfterIdentify(ctx_);
    else ctx_.playSound(Feedback::Info);
}

void NoticesScreen::onLeave() {
    notices_.clear();
    lines_.clear();
}

shell::Node NoticesScreen::content(const Rect& /*area*/) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    shell::Node head = shell::row(m.gap * 0.5f);
    shell::Node icon = ui.icon(shell::Icon::Help, c.help, ui.emPx(FontRole::Title), ui.lineHeight(FontRole::Title));
    icon.align = shell::Align::Centre;
    head.add(std::move(icon));
    shell::Node words = heading(ctx_, s.format("notices.head", {{"name", ctx_.session.maskedName()}}));
    words.grow = 1;
    head.add(std::move(words));

    // One card per rejection, in a list that scrolls by dragging if long.
    shell::Node list = shell::column(m.gap * 0.6f);
    const float iconS = std::round(m.iconNav * 1.2f);
    for (const auto& line : lines_) {
        shell::Node mark = ui.icon(shell::Icon::Offline, c.offlineIcon, iconS, iconS);
        mark.optional = false;
        mark.align = shell::Align::Start;
        shell::Node what = body(ctx_, line);
        what.grow = 1;
        list.add(ui.card(shell::row(m.gap * 0.6f, {std::move(mark), std::move(what)}), m.gap * 0.8f));
    }
    shell::Node ok = ui.primary(wid::kNoticesOk, s.get("notices.ok"), "", shell::Icon::Check, [this] {
        if (ctx_.domain) domain::acknowledgeNotices(*ctx_.domain, notices_);
        notices_.clear();
        goAfterIdentify(ctx_);
    });
    ok.align = shell::Align::Centre;
    shell::Node listArea = ui.scroll(wid::kNoticesList, std::move(list), m.touchMin * 1.5f);
    listArea.grow = 1;
    return shell::column(m.gap, {std::move(head), std::move(listArea), std::move(ok)});
}

}  // namespace screens
