#include "screens/staff_screen.h"

#include <algorithm>
#include <chrono>
#include <future>
#include <optional>

#include <imgui.h>
#include <imgui_internal.h>

#include "config/pin_hash.h"
#include "domain/staff_login.h"
#include "domain/help.h"
#include "domain/members.h"
#include "domain/staff.h"
#include "screens/screen_ids.h"

namespace screens {

using shell::FontRole;
using shell::Rect;
using Step = StaffScreen::Step;

namespace {
constexpr std::int64_t kHoldMs = 3000;      // the corner is held this long
constexpr int kPerPage = 6;
constexpr int kLookupLimit = 6;
constexpr int kRejectionsShown = 100;
}  // namespace

struct StaffState {
    bool unlocked = false;
    std::string staffName;
    std::optional<config::StaffPin> who;  // chosen on the login step
    std::string pin;
    std::unique_ptr<domain::StaffLogin> login;  // the check off the UI thread, the lock in kiosk.db
    bool wrongShown = false;
    bool tooShort = false;

    std::vector<config::StaffPin> staff;  // the login step's list
    int page = 0;

    std::vector<domain::RapidTarget> targets;
    std::optional<domain::RapidTarget> target;
    std::optional<domain::RapidResult> last;         // the answer on screen
    std::vector<domain::RapidResult> undoable;        // newest last
    bool lastWasUndo = false;
    std::string undoneName;

    std::string query;
    std::vector<domain::Member> found;
    bool searched = false;

    std::vector<domain::RosterLine> roster;
    struct Rejection {
        std::string kind, reason, at, member;
    };
    std::vector<Rejection> rejections;
    std::vector<domain::HelpCall> helpCalls;
    std::vector<std::string> helpMembers;
};

namespace {

const char* screenIdOf(Step s) {
    switch (s) {
        case Step::Login: return ids::kStaffLogin;
        case Step::Pin: return ids::kStaffPin;
        case Step::Home: return ids::kStaff;
        case Step::RapidTargets: return ids::kStaffRapidTargets;
        case Step::Rapid: return ids::kStaffRapid;
        case Step::Lookup: return ids::kStaffLookup;
        case Step::RosterTargets: return ids::kStaffRosterTargets;
        case Step::Roster: return ids::kStaffRoster;
        case Step::Rejected: return ids::kStaffRejected;
        case Step::Help: return ids::kStaffHelp;
        case Step::Status: return ids::kStaffStatus;
    }
    return ids::kStaff;
}

const char* titleKeyOf(Step s) {
    switch (s) {
        case Step::Login: return "staff.login.title";
        case Step::Pin: return "staff.pin.title";
        case Step::Home: return "staff.title";
        case Step::RapidTargets: return "staff.rapid_targets.title";
        case Step::Rapid: return "staff.rapid.title";
        case Step::Lookup: return "staff.lookup.title";
        case Step::RosterTargets: return "staff.roster_targets.title";
        case Step::Roster: return "staff.roster.title";
        case Step::Rejected: return "staff.rejected.title";
        case Step::Help: return "staff.help.title";
        case Step::Status: return "staff.status.title";
    }
    return "staff.title";
}

// "HH:MM" of an ISO time, else the text as it is.
std::string hhmm(const std::string& iso) { return iso.size() >= 16 ? iso.substr(11, 5) : iso; }
// "MM-DD HH:MM".
std::string dayTime(const std::string& iso) { return iso.size() >= 16 ? iso.substr(5, 5) + " " + iso.substr(11, 5) : iso; }

// Plain words for an op kind / a reason code; unknown codes say so with the code.
std::string kindWords(const Context& ctx, const std::string& kind) {
    static constexpr const char* kKinds[] = {"activity_attend", "activity_attend_undo", "activity_cancel", "activity_signup",
                                             "checkin", "help_call", "meal_book", "meal_cancel", "meal_pickup",
                                             "meal_pickup_undo", "tb_redeem", "tb_service"};
    for (const char* k : kKinds)
        if (kind == k) return ctx.strings.get(std::string("staff.kind.") + k);
    return ctx.strings.format("staff.kind.other", {{"code", kind}});
}

std::string reasonWords(const Context& ctx, const std::string& reason) {
    static constexpr const char* kReasons[] = {
        "unknown_member", "already_checked_in", "unknown_slot", "full", "past_cutoff", "subsidy_cap",
        "not_eligible_delivery", "unknown_booking", "cancelled", "picked_up", "unknown_activity",
        "already_signed_up", "unknown_signup", "unknown_item", "insufficient_balance", "invalid_hours",
        "duplicate_uuid", "seq_conflict", "invalid_payload", "unknown_kind", "gap", "already_booked",
        "not_owner", "stale_op", "op_failed"};
    for (const char* r : kReasons)
        if (reason == r) return ctx.strings.get(std::string("staff.reason.") + r);
    return ctx.strings.format("staff.reason.other", {{"code", reason}});
}

std::string targetTitle(const Context& ctx, const domain::RapidTarget& t) {
    if (t.kind == domain::RapidKind::Activity)
        return ctx.strings.format("staff.target.activity", {{"time", hhmm(t.starts_at)}, {"title", t.title}});
    const bool lunch = t.starts_at.find("T11") != std::string::npos;
    return ctx.strings.format("staff.target.meal", {{"canteen", t.title},
                                                    {"slot", ctx.strings.get(lunch ? "staff.slot.lunch" : "staff.slot.dinner")}});
}

// The corner's hold, shared by the one welcome screen of this kiosk.
std::int64_t g_holdStartMs = -1;

}  // namespace

// ---------------------------------------------------------------- corner

void drawStaffCorner(Context& ctx) {
    shell::Ui& ui = ctx.ui;
    const shell::FrameLayout f = frameLayout(ctx);
    // Where Back sits on every other screen: the same colour as the bar, so
    // elders do not see a target; a pressed finger darkens it (feedback).
    const shell::ButtonStyle hidden{ui.c().barBg, ui.c().barText, ui.c().barBg, false};
    ui.button("staff.corner", f.back, "", shell::Icon::None, hidden);
    if (!ImGui::IsItemActive()) {
        g_holdStartMs = -1;
        return;
    }
    const std::int64_t now = ctx.clock.monotonicMs();
    if (g_holdStartMs < 0) g_holdStartMs = now;
    if (now - g_holdStartMs >= kHoldMs) {
        g_holdStartMs = -1;
        ImGui::ClearActiveID();  // the finger's release must not tap what comes next
        ctx.session.clear();
        ctx.router.push(ids::kStaffLogin);
        return;
    }
    ctx.wake();  // a finger held still sends no events: keep timing
}

// ---------------------------------------------------------------- screens

StaffScreen::StaffScreen(Context& ctx, Step step, std::shared_ptr<StaffState> state)
    : Screen(ctx, screenIdOf(step), titleKeyOf(step)), step_(step), st_(std::move(state)) {}

std::vector<std::unique_ptr<Screen>> makeStaffScreens(Context& ctx) {
    auto state = std::make_shared<StaffState>();
    std::vector<std::unique_ptr<Screen>> out;
    for (Step s : {Step::Login, Step::Pin, Step::Home, Step::RapidTargets, Step::Rapid, Step::Lookup, Step::RosterTargets,
                   Step::Roster, Step::Rejected, Step::Help, Step::Status})
        out.push_back(std::make_unique<StaffScreen>(ctx, s, state));
    return out;
}

void StaffScreen::onEnter() {
    switch (step_) {
        case Step::Login:
            // Coming here locks staff mode: every way in goes through the PIN.
            st_->unlocked = false;
            st_->staffName.clear();
            st_->who.reset();
            st_->staff = ctx_.staffPins();
            for (auto& s : st_->staff) ctx_.addText(s.name);
            st_->page = 0;
            return;
        case Step::Pin:
            st_->pin.clear();
            st_->wrongShown = false;
            st_->tooShort = false;
            if (!st_->login && ctx_.domain)
                st_->login = std::make_unique<domain::StaffLogin>(ctx_.domain->db, ctx_.clock);
            return;
        default: break;
    }
    if (!st_->unlocked || !ctx_.domain) {
        ctx_.router.reset(ids::kWelcome);
        return;
    }
    const domain::Context& d = *ctx_.domain;
    switch (step_) {
        case Step::RapidTargets:
        case Step::RosterTargets:
            st_->targets = domain::todaysTargets(d);
            for (auto& t : st_->targets) ctx_.addText(t.title);
            st_->page = 0;
            break;
        case Step::Roster:
            if (st_->target) st_->roster = domain::roster(d, *st_->target);
            for (auto& r : st_->roster) ctx_.addText(r.masked_name);
            break;
        case Step::Lookup:
            st_->query.clear();
            st_->found.clear();
            st_->searched = false;
            break;
        case Step::Rejected: {
            st_->rejections.clear();
            for (auto& op : d.oplog().rejections(kRejectionsShown)) {
                std::string member;
                if (op.member_id)
                    if (auto m = domain::memberById(d.db, *op.member_id)) member = domain::maskName(m->name);
                st_->rejections.push_back({kindWords(ctx_, op.kind), reasonWords(ctx_, op.reason),
                                           dayTime(op.answered_at.empty() ? op.created_at : op.answered_at), member});
                ctx_.addText(member);
            }
            break;
        }
        case Step::Help:
            st_->helpCalls = domain::openHelpCalls(d);
            st_->helpMembers.clear();
            for (auto& h : st_->helpCalls) {
                std::string member;
                if (!h.member_id.empty())
                    if (auto m = domain::memberById(d.db, h.member_id)) member = domain::maskName(m->name);
                st_->helpMembers.push_back(member);
                ctx_.addText(member);
            }
            break;
        default: break;
    }
}

bool StaffScreen::onCard(const std::string& cardNo) {
    // In staff mode a card never identifies an elder at the screen.
    if (step_ == Step::Login || step_ == Step::Pin) return true;
    if (step_ != Step::Rapid || !st_->unlocked || !st_->target || !ctx_.domain) return true;
    auto r = domain::rapidCheckIn(*ctx_.domain, *st_->target, cardNo);
    ctx_.addText(r.masked_name);
    const bool good = r.outcome == domain::RapidOutcome::Ok || r.outcome == domain::RapidOutcome::WalkIn;
    ctx_.playSound(good ? Feedback::Success : Feedback::Failure);  // the queue hears each answer
    if (good) {
        st_->undoable.push_back(r);
        ctx_.syncNow();
    }
    st_->last = r;
    st_->lastWasUndo = false;
    return true;
}

void StaffScreen::drawContent(const Rect& area) {
    switch (step_) {
        case Step::Login: drawLogin(area); return;
        case Step::Pin: drawPin(area); return;
        default: break;
    }
    if (!st_->unlocked) return;  // onEnter sent us to the welcome screen
    switch (step_) {
        case Step::Home: drawHome(area); break;
        case Step::RapidTargets: drawTargets(area, true); break;
        case Step::Rapid: drawRapid(area); break;
        case Step::Lookup: drawLookup(area); break;
        case Step::RosterTargets: drawTargets(area, false); break;
        case Step::Roster: drawRoster(area); break;
        case Step::Rejected: drawRejected(area); break;
        case Step::Help: drawHelp(area); break;
        case Step::Status: drawStatus(area); break;
        default: break;
    }
}

// ---------------------------------------------------------------- login

void StaffScreen::drawLogin(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const float bh = ui.lineHeight(FontRole::Body);
    if (st_->staff.empty()) {
        ui.paragraph(FontRole::Body, ctx_.strings.get("staff.login.none"), area.insetXY(0, m.gap), ui.c().text, true);
        return;
    }
    ui.textCentred(FontRole::Body, ctx_.strings.get("staff.login.ask"), {area.x, area.y, area.w, bh}, ui.c().text);
    const int n = int(st_->staff.size());
    const int pages = (n + kPerPage - 1) / kPerPage;
    const float rowH = std::max(m.touchMin, bh + m.gap);
    const float footer = pages > 1 ? rowH + m.gap : 0;
    Rect gridArea{area.x, area.y + bh + m.gap, area.w, area.h - bh - m.gap - footer};
    const int first = st_->page * kPerPage, count = std::min(kPerPage, n - first);
    auto cells = shell::layoutGrid(gridArea, count, ui.theme().portrait() ? 2 : 3, m.gap);
    for (int i = 0; i < count; ++i) {
        const auto& s = st_->staff[std::size_t(first + i)];
        Rect r = cells[std::size_t(i)];
        r = {r.x, r.cy() - std::min(r.h, m.primaryHeight) / 2, r.w, std::min(r.h, m.primaryHeight)};
        if (ui.button("staff.name." + s.staffId, r, s.name, shell::Icon::Person, ui.secondaryStyle())) {
            st_->who = s;
            ctx_.router.push(ids::kStaffPin);
        }
    }
    if (pages > 1) {
        const float bw = std::min(area.w * 0.3f, m.primaryMinWidth);
        if (ui.button("staff.next_page", {area.right() - bw, area.bottom() - rowH, bw, rowH},
                      ctx_.strings.get("staff.next_page"), shell::Icon::None, ui.secondaryStyle()))
            st_->page = (st_->page + 1) % pages;
    }
}

void StaffScreen::pollPin() {
    if (!st_->login || !st_->login->checking()) return;
    const auto answer = st_->login->poll();
    if (!answer) {
        ctx_.wake();  // the answer comes from another thread: keep drawing until it does
        return;
    }
    st_->pin.clear();
    if (*answer == domain::PinAnswer::Ok && st_->who) {
        st_->unlocked = true;
        st_->staffName = st_->who->name;
        st_->undoable.clear();
        st_->last.reset();
        ctx_.session.clear();
        ctx_.router.reset(ids::kStaff);  // Back from staff home leaves staff mode
        return;
    }
    st_->wrongShown = true;
    ctx_.playSound(Feedback::Failure);
}

void StaffScreen::drawPin(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);
    if (!st_->who) {
        ctx_.router.back();
        return;
    }
    if (!st_->login) {
        ctx_.router.back();
        return;
    }
    pollPin();
    const bool checking = st_->login->checking();
    const domain::PinPadState padState = st_->login->state();
    const bool locked = padState.locked;

    float y = area.y;
    ui.textCentred(FontRole::Body, ctx_.strings.format("staff.pin.ask", {{"name", st_->who->name}}), {area.x, y, area.w, bh}, c.text);
    y += bh + m.gap * 0.5f;
    // The digits typed, masked.
    std::string dots;
    for (std::size_t i = 0; i < st_->pin.size(); ++i) dots += "●";
    const float fieldW = std::min(area.w, m.primaryMinWidth * 1.3f);
    Rect field{area.cx() - fieldW / 2, y, fieldW, th * 1.3f};
    ui.card(field);
    ui.textCentred(FontRole::Title, dots, field, c.cardText);
    y += field.h + m.gap * 0.5f;
    std::string msg;
    if (locked)
        msg = ctx_.strings.format("staff.pin.locked",
                                  {{"minutes", std::to_string((padState.lockLeft.count() + 59) / 60)}});
    else if (checking) msg = ctx_.strings.get("staff.pin.checking");
    else if (st_->tooShort) msg = ctx_.strings.format("staff.pin.short", {{"digits", std::to_string(domain::kMinPinDigits)}});
    else if (st_->wrongShown) msg = ctx_.strings.format("staff.pin.wrong", {{"left", std::to_string(padState.triesLeft)}});
    if (!msg.empty()) {
        if (st_->wrongShown && !checking && !locked)
            ui.icon(shell::Icon::Offline, area.cx() - ui.textWidth(FontRole::Body, msg) / 2 - bh * 0.6f, y + bh / 2, bh * 0.8f, c.offlineIcon);
        ui.textCentred(FontRole::Body, msg, {area.x, y, area.w, bh}, c.text);
    }
    y += bh + m.gap * 0.5f;

    // 1 2 3 / 4 5 6 / 7 8 9 / 删除 0 确定
    Rect pad{area.x, y, area.w, area.bottom() - y};
    const float keyH = std::max(m.touchMin, std::min((pad.h - 3 * m.targetGap) / 4, m.touchMin * 1.3f));
    const float keyW = std::min((area.w - 2 * m.gap) / 3, std::max(m.touchMin * 2.2f, keyH * 2.0f));
    const float padW = keyW * 3 + m.gap * 2;
    const float x0 = area.cx() - padW / 2;
    static constexpr const char* kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "del", "0", "ok"};
    for (int i = 0; i < 12; ++i) {
        Rect r{x0 + float(i % 3) * (keyW + m.gap), y + float(i / 3) * (keyH + m.targetGap), keyW, keyH};
        const std::string key = kKeys[i];
        const std::string label = key == "del" ? ctx_.strings.get("staff.pin.del") : key == "ok" ? ctx_.strings.get("staff.pin.ok") : key;
        const bool pressed = ui.button("staff.pin." + key, r, label, shell::Icon::None,
                                       key == "ok" ? ui.primaryStyle() : ui.secondaryStyle());
        if (!pressed || checking || locked) continue;
        st_->wrongShown = false;
        st_->tooShort = false;
        if (key == "del") {
            if (!st_->pin.empty()) st_->pin.pop_back();
        } else if (key == "ok") {
            if (st_->pin.empty()) continue;
            if (st_->pin.size() < domain::kMinPinDigits) {
                st_->tooShort = true;  // not a PIN at all: not counted as a guess
                continue;
            }
            // About 75 ms of PBKDF2: never on the UI thread.
            if (st_->login->submit(*st_->who, st_->pin)) ctx_.wake();
        } else if (st_->pin.size() < domain::kMaxPinDigits) {
            st_->pin += key;
        }
    }
}

// ---------------------------------------------------------------- home

void StaffScreen::drawHome(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float bh = ui.lineHeight(FontRole::Body);
    ui.textLeft(FontRole::Body, ctx_.strings.format("staff.home.hello", {{"name", st_->staffName}}), {area.x, area.y, area.w, bh}, c.text);
    Rect rest{area.x, area.y + bh + m.gap, area.w, area.h - bh - m.gap};
    struct Choice {
        const char* id;
        const char* label;
        const char* hint;
        shell::Icon icon;
    };
    static constexpr Choice kChoices[6] = {
        {"staff.rapid", "staff.home.rapid", "staff.home.rapid.hint", shell::Icon::CheckIn},
        {"staff.rosters", "staff.home.rosters", "staff.home.rosters.hint", shell::Icon::Activity},
        {"staff.rejected", "staff.home.rejected", "staff.home.rejected.hint", shell::Icon::Offline},
        {"staff.help", "staff.home.help", "staff.home.help.hint", shell::Icon::Help},
        {"staff.sync", "staff.home.sync", "staff.home.sync.hint", shell::Icon::Synced},
        {"staff.status", "staff.home.status", "staff.home.status.hint", shell::Icon::Person},
    };
    auto cells = shell::layoutTiles(ui.theme(), rest, 6);
    bool hints = true, icons = true;
    for (int i = 0; i < 6; ++i) {
        auto fit = ui.fitTile(cells[std::size_t(i)], ctx_.strings.get(kChoices[i].label), ctx_.strings.get(kChoices[i].hint));
        hints = hints && !fit.hintLines.empty();
        icons = icons && fit.iconSize > 0;
    }
    for (int i = 0; i < 6; ++i) {
        const Choice& ch = kChoices[i];
        if (!ui.tile(ch.id, cells[std::size_t(i)], ctx_.strings.get(ch.label), hints ? ctx_.strings.get(ch.hint) : "",
                     icons ? ch.icon : shell::Icon::None, c.primary))
            continue;
        switch (i) {
            case 0: ctx_.router.push(ids::kStaffRapidTargets); break;
            case 1: ctx_.router.push(ids::kStaffRosterTargets); break;
            case 2: ctx_.router.push(ids::kStaffRejected); break;
            case 3: ctx_.router.push(ids::kStaffHelp); break;
            case 4:
                ctx_.syncNow();
                ctx_.showNotice(ctx_.strings.get("staff.sync.started"));
                break;
            default: ctx_.router.push(ids::kStaffStatus); break;
        }
    }
}

void StaffScreen::drawTargets(const Rect& area, bool rapid) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const float bh = ui.lineHeight(FontRole::Body);
    if (st_->targets.empty()) {
        ui.paragraph(FontRole::Body, ctx_.strings.get("staff.targets.none"), area.insetXY(0, m.gap), ui.c().text, true);
        return;
    }
    ui.textLeft(FontRole::Body, ctx_.strings.get(rapid ? "staff.targets.ask_rapid" : "staff.targets.ask_roster"),
                {area.x, area.y, area.w, bh}, ui.c().text);
    const int n = int(st_->targets.size());
    const int pages = (n + kPerPage - 1) / kPerPage;
    const float rowH = std::max(m.touchMin, bh + m.gap);
    const float footer = pages > 1 ? rowH + m.gap : 0;
    Rect list{area.x, area.y + bh + m.gap, area.w, area.h - bh - m.gap - footer};
    const int first = st_->page * kPerPage, count = std::min(kPerPage, n - first);
    const float btnH = std::min(m.touchMin * 1.2f, (list.h - float(kPerPage - 1) * m.targetGap) / float(kPerPage));
    for (int i = 0; i < count; ++i) {
        const auto& t = st_->targets[std::size_t(first + i)];
        Rect r{list.x, list.y + float(i) * (btnH + m.targetGap), list.w, std::max(m.touchMin, btnH)};
        if (ui.button("staff.target." + std::to_string(first + i), r, ctx_.ui.fit(FontRole::Body, targetTitle(ctx_, t), r.w - 2 * m.buttonPadX - m.iconNav),
                      t.kind == domain::RapidKind::Activity ? shell::Icon::Activity : shell::Icon::Meal, ui.secondaryStyle())) {
            st_->target = t;
            st_->last.reset();
            st_->undoable.clear();
            ctx_.router.push(rapid ? ids::kStaffRapid : ids::kStaffRoster);
        }
    }
    if (pages > 1) {
        const float bw = std::min(area.w * 0.3f, m.primaryMinWidth);
        if (ui.button("staff.next_page", {area.right() - bw, area.bottom() - rowH, bw, rowH}, ctx_.strings.get("staff.next_page"),
                      shell::Icon::None, ui.secondaryStyle()))
            st_->page = (st_->page + 1) % pages;
    }
}

// ---------------------------------------------------------------- rapid check-in

void StaffScreen::drawRapid(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);
    if (!st_->target) {
        ctx_.router.back();
        return;
    }
    const domain::RapidTarget& t = *st_->target;
    const int count = st_->last ? st_->last->count : domain::rapidCount(*ctx_.domain, t);

    // Head: what, and how many so far.
    // The running count is what staff watch: it gets the room it needs, the
    // target's name the rest.
    const std::string countText = ctx_.strings.format("staff.rapid.count", {{"count", std::to_string(count)}});
    const float countW = std::min(area.w, ui.textWidth(FontRole::Title, countText) + m.gap);
    ui.textLeft(FontRole::Body, targetTitle(ctx_, t), {area.x, area.y, std::max(0.0f, area.w - countW - m.gap), bh},
                c.text);
    ui.textRight(FontRole::Title, countText, {area.right() - countW, area.y, countW, th}, c.text);
    const float buttonsH = std::max(m.touchMin, m.primaryHeight * 0.7f);
    Rect panel{area.x, area.y + th + m.gap * 0.5f, area.w, area.h - th - m.gap * 1.5f - buttonsH};

    // The answer to the last card: icon + words + name, never colour alone.
    ui.card(panel);
    std::string headline, detail;
    shell::Icon icon = shell::Icon::Card;
    shell::Rgb colour = c.textMuted;
    if (!st_->last) {
        headline = ctx_.strings.get("staff.rapid.ready");
        detail = ctx_.strings.get("staff.rapid.ready_detail");
    } else if (st_->lastWasUndo) {
        headline = ctx_.strings.get("staff.rapid.undone");
        detail = st_->undoneName;
        icon = shell::Icon::Back;
        colour = c.text;
    } else {
        const auto& r = *st_->last;
        const bool good = r.outcome == domain::RapidOutcome::Ok || r.outcome == domain::RapidOutcome::WalkIn;
        icon = good ? shell::Icon::Check : shell::Icon::Offline;
        colour = good ? c.onlineIcon : c.offlineIcon;
        const char* key = "staff.rapid.bad_input";
        switch (r.outcome) {
            case domain::RapidOutcome::Ok: key = t.kind == domain::RapidKind::Activity ? "staff.rapid.ok" : "staff.rapid.ok_meal"; break;
            case domain::RapidOutcome::WalkIn: key = "staff.rapid.walk_in"; break;
            case domain::RapidOutcome::UnknownCard: key = "staff.rapid.unknown_card"; break;
            case domain::RapidOutcome::BadInput: key = "staff.rapid.bad_input"; break;
            case domain::RapidOutcome::NotBooked: key = "staff.rapid.not_booked"; break;
            case domain::RapidOutcome::AlreadyDone: key = "staff.rapid.already"; break;
            case domain::RapidOutcome::BlockedCard: key = "staff.rapid.blocked_card"; break;
        }
        headline = ctx_.strings.get(key);
        detail = r.masked_name.empty() ? ctx_.strings.get("staff.rapid.ask_staff") : r.masked_name;
    }
    const float iconS = std::min(panel.h * 0.5f, m.iconHero * 1.2f);
    const bool wide = panel.w > panel.h * 1.4f;
    if (wide) {
        const float ix = panel.x + m.gap * 2 + iconS / 2;
        ui.icon(icon, ix, panel.cy(), iconS, colour);
        const float tx = ix + iconS / 2 + m.gap * 2;
        Rect tb{tx, panel.cy() - th - m.gap * 0.3f, panel.right() - m.gap - tx, th};
        ui.textLeft(FontRole::Title, headline, tb, c.cardText);
        ui.textLeft(FontRole::Title, detail, {tx, panel.cy() + m.gap * 0.3f, tb.w, th}, c.cardText);
    } else {
        float y = panel.y + m.gap;
        ui.icon(icon, panel.cx(), y + iconS / 2, iconS, colour);
        y += iconS + m.gap;
        ui.textCentred(FontRole::Title, headline, {panel.x, y, panel.w, th}, c.cardText);
        y += th + m.gap * 0.5f;
        ui.textCentred(FontRole::Title, detail, {panel.x, y, panel.w, th}, c.cardText);
    }

    const float by = area.bottom() - buttonsH;
    const float bw = (area.w - m.gap) / 2;
    if (ui.button("staff.undo", {area.x, by, bw, buttonsH}, ctx_.strings.get("staff.rapid.undo"), shell::Icon::Back,
                  ui.secondaryStyle()) &&
        !st_->undoable.empty()) {
        domain::RapidResult last = st_->undoable.back();
        st_->undoable.pop_back();
        if (domain::undoRapid(*ctx_.domain, t, last)) {
            ctx_.syncNow();
            ctx_.playSound(Feedback::Info);
            st_->lastWasUndo = true;
            st_->undoneName = last.masked_name;
            st_->last = last;
            st_->last->count = domain::rapidCount(*ctx_.domain, t);
        }
    }
    if (ui.button("staff.lookup", {area.x + bw + m.gap, by, bw, buttonsH}, ctx_.strings.get("staff.rapid.lookup"),
                  shell::Icon::Person, ui.secondaryStyle()))
        ctx_.router.push(ids::kStaffLookup);
}

void StaffScreen::runLookup() {
    st_->found = domain::searchMembers(ctx_.domain->db, st_->query, kLookupLimit);
    for (auto& f : st_->found) ctx_.addText(domain::maskName(f.name));
    st_->searched = true;
}

void StaffScreen::drawLookup(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);
    if (!st_->target) {
        ctx_.router.back();
        return;
    }
    // A keyboard (or an input method) types here too; the pad is for touch.
    bool changed = false;
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar ch : io.InputQueueCharacters) {
        if (ch < 0x20) continue;
        char buf[5] = {};
        ImTextCharToUtf8(buf, ch);
        st_->query += buf;
        changed = true;
    }
    io.InputQueueCharacters.resize(0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !st_->query.empty()) {
        do st_->query.pop_back();
        while (!st_->query.empty() && (static_cast<unsigned char>(st_->query.back()) & 0xC0) == 0x80);
        changed = true;
    }

    const bool portrait = ui.theme().portrait();
    const float leftW = portrait ? area.w : std::min(area.w * 0.45f, m.touchMin * 6.5f);
    float y = area.y;
    ui.textLeft(FontRole::Body, ctx_.strings.get("staff.lookup.ask"), {area.x, y, leftW, bh}, c.text);
    y += bh + m.gap * 0.3f;
    Rect field{area.x, y, leftW, th * 1.3f};
    ui.card(field);
    ui.textLeft(FontRole::Title, st_->query, field.insetXY(m.gap, 0), c.cardText);
    y += field.h + m.gap * 0.5f;
    const float keyH = m.touchMin;
    const float keyW = (leftW - 2 * m.gap) / 3;
    static constexpr const char* kKeys[12] = {"1", "2", "3", "4", "5", "6", "7", "8", "9", "clear", "0", "del"};
    for (int i = 0; i < 12; ++i) {
        Rect r{area.x + float(i % 3) * (keyW + m.gap), y + float(i / 3) * (keyH + m.targetGap), keyW, keyH};
        const std::string key = kKeys[i];
        const std::string label = key == "del" ? ctx_.strings.get("staff.pin.del") : key == "clear" ? ctx_.strings.get("staff.lookup.clear") : key;
        if (!ui.button("staff.key." + key, r, label, shell::Icon::None, ui.secondaryStyle())) continue;
        if (key == "del") {
            if (!st_->query.empty()) {
                do st_->query.pop_back();
                while (!st_->query.empty() && (static_cast<unsigned char>(st_->query.back()) & 0xC0) == 0x80);
            }
        } else if (key == "clear") {
            st_->query.clear();
        } else {
            st_->query += key;
        }
        changed = true;
    }
    const float padBottom = y + 4 * keyH + 3 * m.targetGap;
    if (changed) {
        if (st_->query.size() >= 2) runLookup();
        else {
            st_->found.clear();
            st_->searched = false;
        }
    }

    // Results: tap one to check that elder in.
    Rect res = portrait ? Rect{area.x, padBottom + m.gap, area.w, area.bottom() - padBottom - m.gap}
                        : Rect{area.x + leftW + m.gap * 2, area.y, area.w - leftW - m.gap * 2, area.h};
    if (!st_->searched) {
        ui.paragraph(FontRole::Body, ctx_.strings.get("staff.lookup.hint"), res, c.textMuted, false);
        return;
    }
    if (st_->found.empty()) {
        ui.paragraph(FontRole::Body, ctx_.strings.get("staff.lookup.none"), res, c.text, false);
        return;
    }
    const float rowH = std::min(m.touchMin * 1.2f, (res.h - float(kLookupLimit - 1) * m.targetGap) / float(kLookupLimit));
    for (std::size_t i = 0; i < st_->found.size(); ++i) {
        const auto& mem = st_->found[i];
        const std::string label = ctx_.strings.format("staff.lookup.row", {{"name", domain::maskName(mem.name)}, {"phone", mem.phone_last4},
                                                                            {"born", mem.birth_ym.substr(0, 4)}});
        Rect r{res.x, res.y + float(i) * (std::max(m.touchMin, rowH) + m.targetGap), res.w, std::max(m.touchMin, rowH)};
        if (ui.button("staff.member." + std::to_string(i), r, label, shell::Icon::Person, ui.secondaryStyle())) {
            auto out = domain::rapidCheckInMember(*ctx_.domain, *st_->target, mem);
            const bool good = out.outcome == domain::RapidOutcome::Ok || out.outcome == domain::RapidOutcome::WalkIn;
            ctx_.playSound(good ? Feedback::Success : Feedback::Failure);
            if (good) {
                st_->undoable.push_back(out);
                ctx_.syncNow();
            }
            st_->last = out;
            st_->lastWasUndo = false;
            ctx_.router.back();
        }
    }
}

// ---------------------------------------------------------------- lists

void StaffScreen::drawRoster(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float bh = ui.lineHeight(FontRole::Body);
    if (!st_->target) {
        ctx_.router.back();
        return;
    }
    int came = 0;
    for (auto& r : st_->roster) came += (r.status == "attended" || r.status == "picked_up") ? 1 : 0;
    ui.textLeft(FontRole::Body,
                ctx_.strings.format("staff.roster.head", {{"what", targetTitle(ctx_, *st_->target)},
                                                          {"total", std::to_string(st_->roster.size())}, {"came", std::to_string(came)}}),
                {area.x, area.y, area.w, bh}, c.text);
    Rect list{area.x, area.y + bh + m.gap * 0.5f, area.w, area.h - bh - m.gap * 0.5f};
    ui.card(list);
    if (st_->roster.empty()) {
        ui.paragraph(FontRole::Body, ctx_.strings.get("staff.roster.empty"), list.inset(m.gap), c.text, true);
        return;
    }
    const float rowH = bh + m.gap;
    const int cols = ui.theme().portrait() ? 1 : 2;
    const int rows = (int(st_->roster.size()) + cols - 1) / cols;
    Rect content = ui.beginScroll("staff.roster_list", list, rowH * float(rows) + m.gap);
    const float colW = (content.w - m.gap * 2) / float(cols);
    for (std::size_t i = 0; i < st_->roster.size(); ++i) {
        const auto& r = st_->roster[i];
        Rect row{content.x + m.gap + float(int(i) % cols) * colW, content.y + m.gap * 0.5f + float(int(i) / cols) * rowH, colW - m.gap, rowH};
        if (row.bottom() < list.y || row.y > list.bottom()) continue;
        const bool came1 = r.status == "attended" || r.status == "picked_up";
        ui.icon(came1 ? shell::Icon::Check : shell::Icon::None, row.x + bh * 0.4f, row.cy(), bh * 0.8f, c.text);
        ui.textLeft(FontRole::Body, r.masked_name, {row.x + bh, row.y, row.w * 0.4f, rowH}, c.text);
        ui.textLeft(FontRole::Body, ctx_.strings.get("staff.roster.status." + r.status), {row.x + bh + row.w * 0.4f, row.y, row.w * 0.6f - bh, rowH}, c.text);
    }
    ui.endScroll();
}

void StaffScreen::drawRejected(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float bh = ui.lineHeight(FontRole::Body);
    ui.card(area);
    if (st_->rejections.empty()) {
        ui.paragraph(FontRole::Body, ctx_.strings.get("staff.rejected.empty"), area.inset(m.gap), c.text, true);
        return;
    }
    const float rowH = bh * 2 + m.gap * 1.2f;
    Rect content = ui.beginScroll("staff.rejected_list", area, rowH * float(st_->rejections.size()));
    for (std::size_t i = 0; i < st_->rejections.size(); ++i) {
        const auto& r = st_->rejections[i];
        Rect row{content.x + m.gap, content.y + float(i) * rowH, content.w - 2 * m.gap, rowH};
        if (row.bottom() < area.y || row.y > area.bottom()) continue;
        if (i > 0) ui.fill({row.x, row.y, row.w, std::max(1.0f, m.border * 0.5f)}, c.cardBorder);
        const float y0 = row.y + m.gap * 0.4f;
        const std::string head = r.member.empty() ? r.kind : r.kind + "  " + r.member;
        ui.textLeft(FontRole::Body, head, {row.x, y0, row.w * 0.75f, bh}, c.text);
        ui.textRight(FontRole::Body, r.at, {row.x + row.w * 0.75f, y0, row.w * 0.25f, bh}, c.textMuted);
        ui.textLeft(FontRole::Body, r.reason, {row.x, y0 + bh + m.gap * 0.2f, row.w, bh}, c.text);
    }
    ui.endScroll();
}

void StaffScreen::drawHelp(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float bh = ui.lineHeight(FontRole::Body);
    if (st_->helpCalls.empty()) {
        ui.paragraph(FontRole::Body, ctx_.strings.get("staff.help.none"), area.insetXY(0, m.gap), c.text, true);
        return;
    }
    const float rowH = std::max(m.touchMin, bh + m.gap);
    const std::size_t shown = std::min<std::size_t>(st_->helpCalls.size(), kPerPage);
    const float btnW = std::max(m.touchMin * 2.2f, ui.textWidth(FontRole::Body, ctx_.strings.get("staff.help.done")) + m.buttonPadX * 2 + m.iconNav);
    for (std::size_t i = 0; i < shown; ++i) {
        const auto& h = st_->helpCalls[i];
        Rect row{area.x, area.y + float(i) * (rowH + m.targetGap), area.w, rowH};
        const std::string screenName = ctx_.strings.format("staff.help.row", {{"time", hhmm(h.at)}, {"where", h.screen}});
        const std::string who = st_->helpMembers[i].empty() ? "" : "  " + st_->helpMembers[i];
        ui.textLeft(FontRole::Body, screenName + who, {row.x, row.y, row.w - btnW - m.gap, rowH}, c.text);
        if (ui.button("staff.help_done." + std::to_string(i), {row.right() - btnW, row.y, btnW, rowH}, ctx_.strings.get("staff.help.done"),
                      shell::Icon::Check, ui.primaryStyle())) {
            domain::markHelpHandled(*ctx_.domain, h.id);
            onEnter();
            break;
        }
    }
    if (st_->helpCalls.size() > shown)
        ui.textLeft(FontRole::Body, ctx_.strings.format("staff.help.more", {{"count", std::to_string(st_->helpCalls.size() - shown)}}),
                    {area.x, area.y + float(shown) * (rowH + m.targetGap), area.w, bh}, c.textMuted);
}

void StaffScreen::drawStatus(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float bh = ui.lineHeight(FontRole::Body);
    const StationInfo info = ctx_.stationInfo();
    const shell::StatusInfo& s = ctx_.status;
    std::string sync;
    switch (s.sync) {
        case shell::StatusInfo::Sync::NotEnrolled: sync = ctx_.strings.get("staff.status.not_enrolled"); break;
        case shell::StatusInfo::Sync::Waiting: sync = ctx_.strings.get("staff.status.waiting"); break;
        case shell::StatusInfo::Sync::Synced: sync = ctx_.strings.get("staff.status.online"); break;
        case shell::StatusInfo::Sync::Offline: sync = ctx_.strings.get("staff.status.offline"); break;
    }
    const std::string none = ctx_.strings.get("staff.status.none");
    const std::pair<std::string, std::string> rows[] = {
        {ctx_.strings.get("staff.status.station"), s.stationName.empty() ? none : s.stationName},
        {ctx_.strings.get("staff.status.app_version"), info.appVersion.empty() ? std::string(ELDER_APP_VERSION) : info.appVersion},
        {ctx_.strings.get("staff.status.config_version"),
         info.configVersion > 0 ? std::to_string(info.configVersion) : ctx_.strings.get("staff.status.config_builtin")},
        {ctx_.strings.get("staff.status.sync"), sync},
        {ctx_.strings.get("staff.status.last_sync"), s.lastSyncHHMM.empty() ? none : s.lastSyncHHMM},
        {ctx_.strings.get("staff.status.depth"),
         ctx_.strings.format("staff.status.depth_value", {{"count", std::to_string(ctx_.domain->oplog().depth())}})},
        {ctx_.strings.get("staff.status.disk"),
         info.freeDiskMb >= 0 ? ctx_.strings.format("staff.status.disk_value", {{"mb", std::to_string(info.freeDiskMb)}}) : none},
    };
    const float rowH = bh + m.gap * 0.6f;
    const float buttonH = std::max(m.touchMin, m.primaryHeight * 0.7f);
    Rect card{area.x, area.y, area.w, std::min(area.h - buttonH - m.gap, rowH * 7 + m.gap * 2)};
    ui.card(card);
    float labelW = 0;
    for (auto& r : rows) labelW = std::max(labelW, ui.textWidth(FontRole::Body, r.first));
    float y = card.y + m.gap;
    for (auto& r : rows) {
        ui.textLeft(FontRole::Body, r.first, {card.x + m.gap, y, labelW, rowH}, c.textMuted);
        ui.textLeft(FontRole::Body, r.second, {card.x + m.gap * 2 + labelW, y, card.w - labelW - m.gap * 3, rowH}, c.cardText);
        y += rowH;
    }
    Rect b = shell::centredButton(area, area.bottom() - buttonH, m.primaryMinWidth, buttonH);
    if (ui.button("staff.sync_now", b, ctx_.strings.get("staff.home.sync"), shell::Icon::Synced, ui.primaryStyle())) {
        ctx_.syncNow();
        ctx_.showNotice(ctx_.strings.get("staff.sync.started"));
    }
}

}  // namespace screens
