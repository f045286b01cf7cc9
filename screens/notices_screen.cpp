#include "screens/notices_screen.h"

#include <algorithm>
#include <array>
#include <string_view>

#include "screens/identify_screen.h"
#include "screens/screen_ids.h"

namespace screens {

using shell::FontRole;
using shell::Rect;

namespace {

bool hasKey(const shell::Strings& s, const std::string& key) {
    const auto keys = s.keys();
    return std::find(keys.begin(), keys.end(), key) != keys.end();
}

// "2026-11-24..." → "11月24日" ("" when it is not a date).
std::string monthDay(const shell::Strings& s, const std::string& date) {
    if (date.size() < 10 || date[4] != '-' || date[7] != '-') return "";
    try {
        return s.format("notices.date", {{"month", std::to_string(std::stoi(date.substr(5, 2)))},
                                         {"day", std::to_string(std::stoi(date.substr(8, 2)))}});
    } catch (const std::exception&) {
        return "";
    }
}

constexpr std::array<std::string_view, 11> kKinds = {
    "checkin",        "meal_book",       "meal_cancel", "meal_pickup", "activity_signup", "activity_cancel",
    "activity_attend", "tb_redeem",      "tb_service",  "help_call",   "meal_pickup_undo"};

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
            subject = hasKey(s, slotKey) ? s.get(slotKey) : s.get("notices.slot.meal");
        } else {
            subject = s.get("notices.slot.meal");
        }
    }
    const bool known = std::find(kKinds.begin(), kKinds.end(), n.kind) != kKinds.end();
    std::string what = s.format(known ? "notices.what." + n.kind : std::string("notices.what.other"),
                                {{"date", date}, {"subject", subject}});
    std::string reasonKey = "notices.reason." + n.kind + "." + n.reason;
    if (!hasKey(s, reasonKey)) reasonKey = "notices.reason." + n.reason;
    if (!hasKey(s, reasonKey)) reasonKey = "notices.reason.other";
    return s.format("notices.line", {{"what", what}, {"reason", s.get(reasonKey)}});
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

void NoticesScreen::drawContent(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    const float th = ui.lineHeight(FontRole::Title);
    const float buttonH = m.primaryHeight;

    const std::string head = s.format("notices.head", {{"name", ctx_.session.maskedName()}});
    ui.icon(shell::Icon::Help, area.x + th / 2, area.y + th / 2, th, c.help);
    ui.textLeft(FontRole::Title, head, {area.x + th + m.gap * 0.5f, area.y, area.w - th - m.gap * 0.5f, th}, c.text);

    // One card per rejection, in a list that scrolls by dragging if long.
    const float pad = m.gap * 0.8f;
    const float iconS = m.iconNav * 1.2f;
    const float textW = area.w - 2 * pad - iconS - m.gap * 0.6f;
    std::vector<float> heights;
    float contentH = 0;
    for (const auto& line : lines_) {
        const float h = std::max(iconS, float(ui.wrap(FontRole::Body, line, textW).size()) *
                                            ui.paragraphLine(FontRole::Body)) +
                        2 * pad;
        heights.push_back(h);
        contentH += h + m.gap * 0.6f;
    }
    const float listTop = area.y + th + m.gap;
    const float listH = std::max(0.0f, area.bottom() - buttonH - m.gap - listTop);
    Rect list{area.x, listTop, area.w, std::min(listH, contentH)};
    Rect inner = ui.beginScroll("notices.list", list, contentH);
    float y = inner.y;
    for (std::size_t i = 0; i < lines_.size(); ++i) {
        Rect card{inner.x, y, inner.w, heights[i]};
        ui.card(card);
        ui.icon(shell::Icon::Offline, card.x + pad + iconS / 2, card.y + pad + ui.paragraphLine(FontRole::Body) / 2,
                iconS, c.offlineIcon);
        ui.paragraph(FontRole::Body, lines_[i],
                     {card.x + pad + iconS + m.gap * 0.6f, card.y + pad, textW, heights[i] - 2 * pad}, c.cardText,
                     false);
        y += heights[i] + m.gap * 0.6f;
    }
    ui.endScroll();

    const float bw = std::min(area.w, m.primaryMinWidth * 1.3f);
    const Rect ok = shell::centredButton(area, std::min(list.bottom() + m.gap, area.bottom() - buttonH), bw, buttonH);
    if (ui.primaryButton("notices.ok", ok, s.get("notices.ok"), "", shell::Icon::Check)) {
        if (ctx_.domain) domain::acknowledgeNotices(*ctx_.domain, notices_);
        notices_.clear();
        goAfterIdentify(ctx_);
    }
}

}  // namespace screens
