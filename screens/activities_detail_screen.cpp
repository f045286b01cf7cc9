// An activity in detail (activities.detail) and the confirmation of a sign-up,
// a waitlist place or a cancel (activities.confirm).
#include <algorithm>

#include "core/clock.h"

#include "screens/activities_flow.h"
#include "screens/meals_format.h"
#include "screens/meals_ui.h"
#include "screens/screen_ids.h"

namespace screens {

namespace {

std::vector<CardLine> summary(Context& ctx, const domain::Activity& a, bool withDescription) {
    const auto& s = ctx.strings;
    ctx.addText(a.title + a.place + a.description);
    const std::string today = ctx.domain->today(), date = a.starts_at.substr(0, 10);
    std::vector<CardLine> lines{
        {a.title, true, false},
        {s.format("activities.detail.time", {{"day", dayLabel(s, today, date)}, {"date", dayDate(s, date)},
                                             {"time", activityTime(ctx, a)}}), false, false},
        {s.format("activities.detail.place", {{"place", a.place}}), false, false},
    };
    if (withDescription && !a.description.empty()) lines.push_back({a.description, false, true});
    return lines;
}

}  // namespace

// ------------------------------------------------------------ activities.detail

ActivityDetailScreen::ActivityDetailScreen(Context& ctx, ActivitiesFlow& flow)
    : Screen(ctx, activities_ids::kDetail, "activities.detail.title"), flow_(flow) {}

void ActivityDetailScreen::drawContent(const shell::Rect& area) {
    auto a = ctx_.session.active() && ctx_.domain
                 ? domain::activityById(*ctx_.domain, flow_.activityId, ctx_.session.memberId())
                 : std::nullopt;
    if (!a) {
        drawNeedCard(ctx_, area);
        return;
    }
    const auto& s = ctx_.strings;
    const shell::Metrics& m = ctx_.ui.m();
    auto lines = summary(ctx_, *a, true);
    const std::string state = signupState(ctx_, *a);
    if (!state.empty()) lines.push_back({state, true, false});
    if (a->my_status != "signed_up")
        lines.push_back({a->seats_left > 0 ? s.format("activities.seats_left", {{"n", std::to_string(a->seats_left)}})
                                           : s.get("activities.full_waitlist"),
                         false, false});
    const float pad = m.gap;
    const float bh = m.touchMin * 1.4f;
    const bool signedUp = a->my_status == "signed_up" || a->my_status == "waitlisted";
    const bool started = [&] {
        try {
            return ctx_.clock.now() >= core::parseIso(a->starts_at);
        } catch (const std::exception&) {
            return true;
        }
    }();
    const float textW = area.w - 2 * pad;
    const float cardH = std::min(area.h - bh - 2 * m.gap, 2 * pad + linesHeight(ctx_, lines, textW));
    shell::Rect card{area.x, area.y + m.gap * 0.5f, area.w, cardH};
    ctx_.ui.card(card);
    drawLines(ctx_, lines, card.inset(pad));
    const float y = card.bottom() + m.gap * 1.5f;
    const shell::ButtonStyle primary{ctx_.ui.c().primary, ctx_.ui.c().primaryText, ctx_.ui.c().primary, false};
    auto action = [&](const char* id, const char* key, ActivitiesFlow::Action what, bool isPrimary) {
        const std::string label = s.get(key);
        const float w = std::min(area.w, buttonWidth(ctx_, label) * 1.5f);
        if (ctx_.ui.button(id, shell::centredButton(area, y, w, bh), label,
                           isPrimary ? shell::Icon::Check : shell::Icon::Back,
                           isPrimary ? primary : ctx_.ui.secondaryStyle())) {
            flow_.action = what;
            ctx_.router.push(activities_ids::kConfirm);
        }
    };
    if (signedUp)
        action("activities.cancel", "activities.cancel", ActivitiesFlow::Action::Cancel, false);
    else if (started)
        ctx_.ui.paragraph(shell::FontRole::Body, s.get("activities.started"), {area.x, y, area.w, bh}, ctx_.ui.c().text, true);
    else if (a->seats_left > 0)
        action("activities.signup", "activities.signup", ActivitiesFlow::Action::SignUp, true);
    else
        action("activities.waitlist", "activities.waitlist", ActivitiesFlow::Action::Waitlist, true);
}

// ------------------------------------------------------------ activities.confirm

ActivityConfirmScreen::ActivityConfirmScreen(Context& ctx, ActivitiesFlow& flow)
    : Screen(ctx, activities_ids::kConfirm, "activities.confirm.title"), flow_(flow) {}

void ActivityConfirmScreen::drawContent(const shell::Rect& area) {
    auto a = ctx_.session.active() && ctx_.domain
                 ? domain::activityById(*ctx_.domain, flow_.activityId, ctx_.session.memberId())
                 : std::nullopt;
    if (!a) {
        drawNeedCard(ctx_, area);
        return;
    }
    const auto& s = ctx_.strings;
    const shell::Metrics& m = ctx_.ui.m();
    const char* question = flow_.action == ActivitiesFlow::Action::SignUp     ? "activities.ask_signup"
                           : flow_.action == ActivitiesFlow::Action::Waitlist ? "activities.ask_waitlist"
                                                                               : "activities.ask_cancel";
    shell::Rect rest = drawQuestion(ctx_, area, s.get(question));
    auto lines = summary(ctx_, *a, false);
    if (flow_.action == ActivitiesFlow::Action::Waitlist) lines.push_back({s.get("activities.waitlist.explain"), false, false});
    const float pad = m.gap;
    shell::Rect card{rest.x, rest.y, rest.w, 2 * pad + linesHeight(ctx_, lines, rest.w - 2 * pad)};
    ctx_.ui.card(card);
    drawLines(ctx_, lines, card.inset(pad));
    const float bh = m.touchMin * 1.4f;
    const bool portrait = ctx_.ui.theme().portrait();
    const float bw = portrait ? rest.w : (rest.w - m.gap * 2) / 2;
    const float y = card.bottom() + m.gap * 1.5f;
    const shell::Rect yes{rest.x, y, bw, bh};
    const shell::Rect no = portrait ? shell::Rect{rest.x, y + bh + m.gap * 1.5f, bw, bh}
                                    : shell::Rect{rest.right() - bw, y, bw, bh};
    const shell::ButtonStyle primary{ctx_.ui.c().primary, ctx_.ui.c().primaryText, ctx_.ui.c().primary, false};
    const char* yesKey = flow_.action == ActivitiesFlow::Action::SignUp     ? "activities.confirm.signup"
                         : flow_.action == ActivitiesFlow::Action::Waitlist ? "activities.confirm.waitlist"
                                                                             : "activities.confirm.cancel";
    if (ctx_.ui.button("activities.confirm.yes", yes, s.get(yesKey), shell::Icon::Check, primary)) act(*a);
    if (ctx_.ui.button("activities.confirm.no", no, s.get("activities.confirm.no"), shell::Icon::Back,
                       ctx_.ui.secondaryStyle()))
        ctx_.router.back();
}

void ActivityConfirmScreen::act(const domain::Activity& a) {
    const auto& s = ctx_.strings;
    const std::string& memberId = ctx_.session.memberId();
    const std::string when = s.format("activities.result.when",
                                      {{"day", dayLabel(s, ctx_.domain->today(), a.starts_at.substr(0, 10))},
                                       {"time", activityTime(ctx_, a)}, {"place", a.place}});
    if (flow_.action == ActivitiesFlow::Action::Cancel) {
        const bool ok = domain::cancelSignup(*ctx_.domain, memberId, a.my_signup_id);
        if (ctx_.syncNow) ctx_.syncNow();
        if (ok)
            announce(ctx_, Feedback::Success, s.get("activities.cancelled"), a.title);
        else
            announce(ctx_, Feedback::Failure, s.get("activities.cancel_failed"), s.get("activities.ask_staff"));
    } else {
        const auto r = domain::signUp(*ctx_.domain, memberId, a.id, flow_.action == ActivitiesFlow::Action::Waitlist);
        if (ctx_.syncNow) ctx_.syncNow();
        switch (r.outcome) {
        case domain::SignupOutcome::SignedUp:
            announce(ctx_, Feedback::Success, s.get("activities.signed_up"), a.title + s.get("activities.sep") + when);
            break;
        case domain::SignupOutcome::Waitlisted:
            announce(ctx_, Feedback::Info, s.get("activities.waitlisted"), s.get("activities.waitlisted.detail"));
            break;
        case domain::SignupOutcome::Full:
            announce(ctx_, Feedback::Failure, s.get("activities.failed"), s.get("activities.full.detail"));
            break;
        case domain::SignupOutcome::AlreadySignedUp:
            announce(ctx_, Feedback::Info, s.get("activities.already"), a.title);
            break;
        case domain::SignupOutcome::Started:
            announce(ctx_, Feedback::Failure, s.get("activities.failed"), s.get("activities.started"));
            break;
        case domain::SignupOutcome::Unknown:
            announce(ctx_, Feedback::Failure, s.get("activities.failed"), s.get("activities.ask_staff"));
            break;
        }
    }
    // Back to the activity: it shows the new state in words (and 候补 when full).
    ctx_.router.back();
}

}  // namespace screens
