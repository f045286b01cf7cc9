#include "screens/identify_screen.h"

#include <algorithm>

#include "domain/help.h"
#include "domain/notices.h"
#include "screens/help_screen.h"
#include "screens/keypad.h"
#include "screens/parts.h"

namespace screens {

using shell::FontRole;
using shell::Rect;
using shell::TextAlign;

namespace {

constexpr std::size_t kPhoneDigits = 11;
constexpr std::size_t kCodeDigits = 4;
constexpr int kMaxWrongCodes = 3;

// 13801000001 → "138 0100 0001": easier to check against the phone's own.
std::string groupPhone(const std::string& d) {
    std::string out;
    for (std::size_t i = 0; i < d.size(); ++i) {
        if (i == 3 || i == 7) out += ' ';
        out += d[i];
    }
    return out;
}

// Digits typed so far, then a dash per digit still to come.
std::string withBlanks(const std::string& typed, std::size_t total, bool phone) {
    std::string shown = phone ? groupPhone(typed) : typed;
    std::string out;
    for (char ch : shown) {
        out += ch;
        out += ' ';
    }
    for (std::size_t i = typed.size(); i < total; ++i) {
        if (phone && (i == 3 || i == 7) && i > 0) out += "  ";
        out += "_ ";
    }
    if (!out.empty()) out.pop_back();
    return out;
}

}  // namespace

void goAfterIdentify(Context& ctx) {
    const std::string to = std::exchange(ctx.identifyReturnTo, {});
    ctx.router.home();
    if (!to.empty() && to != ids::kHome && to != ids::kIdentify && to != ids::kNotices) ctx.router.push(to);
}

void onIdentified(Context& ctx, const domain::Member& member) {
    ctx.addText(domain::maskName(member.name));
    ctx.session.begin(member.id, member.name);
    ctx.identifyProblemKey.clear();
    ctx.playSound(Feedback::Success);
    if (ctx.domain && !domain::pendingNotices(*ctx.domain, member.id).empty()) {
        // Rejections first (DESIGN.md: never dropped silently); the notices
        // screen goes on to the flow that asked.
        ctx.router.home();
        ctx.router.push(ids::kNotices);
        return;
    }
    goAfterIdentify(ctx);
}

void showUnknown(Context& ctx, const std::string& problemKey) {
    ctx.identifyProblemKey = problemKey;
    ctx.playSound(Feedback::Failure);
    ctx.router.push(ids::kIdentify);
}

IdentifyScreen::IdentifyScreen(Context& ctx) : Screen(ctx, ids::kIdentify, "identify.title") {}

void IdentifyScreen::onEnter() {
    clearInput();
    problemKey_ = std::exchange(ctx_.identifyProblemKey, {});
    step_ = problemKey_.empty() ? Step::Start : Step::Unknown;
}

void IdentifyScreen::onLeave() { clearInput(); }

void IdentifyScreen::clearInput() {
    // A phone number is personal: it never outlives the step that asked for it.
    phone_.clear();
    code_.clear();
    errorKey_.clear();
    wrongCodes_ = 0;
}

bool IdentifyScreen::onCard(const std::string& cardNo) {
    if (!ctx_.domain) return false;
    handle(domain::identifyCardAt(*ctx_.domain, cardNo, id()), "identify.unknown_card");
    return true;
}

bool IdentifyScreen::onScan(const std::string& text) {
    if (!ctx_.domain) return false;
    handle(domain::identifyByQr(ctx_.domain->db, text), "identify.unknown_code");
    return true;
}

void IdentifyScreen::handle(const domain::IdentifyResult& r, const std::string& unknownKey) {
    switch (r.outcome) {
        case domain::IdentifyOutcome::Found:
            clearInput();
            onIdentified(ctx_, *r.member);
            return;
        case domain::IdentifyOutcome::WrongCode:
            code_.clear();
            if (++wrongCodes_ >= kMaxWrongCodes) {
                problemKey_ = "identify.wrong_code";
                step_ = Step::Unknown;
                phone_.clear();
            } else {
                errorKey_ = "identify.code_wrong";
            }
            ctx_.playSound(Feedback::Failure);
            return;
        case domain::IdentifyOutcome::UnknownPhone: problemKey_ = "identify.unknown_phone"; break;
        case domain::IdentifyOutcome::TooManyTries: problemKey_ = "identify.too_many_tries"; break;
        case domain::IdentifyOutcome::ForgedCode: problemKey_ = "identify.forged_code"; break;
        case domain::IdentifyOutcome::BlockedCard: problemKey_ = "identify.blocked_card"; break;
        case domain::IdentifyOutcome::UnknownCard:
        case domain::IdentifyOutcome::BadInput: problemKey_ = unknownKey; break;
    }
    clearInput();
    step_ = Step::Unknown;
    ctx_.playSound(Feedback::Failure);
}

void IdentifyScreen::submit() {
    if (step_ == Step::Phone) {
        if (phone_.size() < kPhoneDigits) {
            errorKey_ = "identify.phone_short";
        } else if (!domain::isPhoneNumber(phone_)) {
            errorKey_ = "identify.phone_bad";
            phone_.clear();
        } else {
            errorKey_.clear();
            step_ = Step::Code;
            return;
        }
        ctx_.playSound(Feedback::Failure);
        return;
    }
    if (code_.size() < kCodeDigits) {
        errorKey_ = "identify.code_short";
        ctx_.playSound(Feedback::Failure);
        return;
    }
    errorKey_.clear();
    if (ctx_.domain)
        handle(domain::identifyByPhone(ctx_.domain->db, phone_, code_, ctx_.domain->clock), "identify.unknown_phone");
}

shell::Node IdentifyScreen::content(const Rect& /*area*/) {
    switch (step_) {
        case Step::Start: return start();
        case Step::Phone:
        case Step::Code: return entry();
        case Step::Scan: return scan();
        case Step::Unknown: return unknown();
    }
    return shell::column(0);
}

shell::Node IdentifyScreen::start() {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Strings& s = ctx_.strings;
    shell::Node col = shell::column(m.gap * 0.5f);
    col.justify = shell::Align::Centre;
    col.add(ui.icon(shell::Icon::Card, ui.c().primary, m.iconTile * 0.8f, m.iconHero * 1.2f));
    col.add(question(ctx_, s.get("identify.card_prompt")));
    col.add(muted(ctx_, s.get("identify.card_hint"), TextAlign::Centre));
    col.add(space(ctx_, 1.0f));
    col.add(body(ctx_, s.get("identify.no_card"), TextAlign::Centre));
    const float h = std::max(m.primaryHeight * 0.75f, m.touchMin * 1.25f);
    col.add(actions(ctx_, {ui.button(wid::kIdentifyPhone, s.get("identify.phone"), shell::Icon::Phone, ui.secondaryStyle(),
                                     [this] {
                                         clearInput();
                                         step_ = Step::Phone;
                                     },
                                     h),
                           ui.button(wid::kIdentifyScan, s.get("identify.scan"), shell::Icon::Scan, ui.secondaryStyle(),
                                     [this] { step_ = Step::Scan; }, h)}));
    return col;
}

void IdentifyScreen::key(const std::string& k) {
    std::string& entry = step_ == Step::Phone ? phone_ : code_;
    const std::size_t limit = step_ == Step::Phone ? kPhoneDigits : kCodeDigits;
    if (k == "ok") {
        submit();
    } else if (k == "del") {
        if (!entry.empty()) entry.pop_back();
    } else if (entry.size() < limit) {
        entry += k;
        errorKey_.clear();
    }
}

shell::Node IdentifyScreen::entry() {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    const bool phoneStep = step_ == Step::Phone;

    // The question (or, after a wrong entry, what was wrong: it asks again in
    // the question's place, so the words never outgrow the keypad's side at
    // 大 in English), how to type it, what is typed so far (big, in a white
    // box, dashes for what is still to come); the keypad beside or below.
    shell::Node words = shell::column(m.gap * 0.75f);
    words.justify = shell::Align::Centre;
    if (errorKey_.empty()) {
        shell::Node ask = question(ctx_, s.get(phoneStep ? "identify.phone_prompt" : "identify.code_prompt"));
        // The birthday's hint says what to type too: the question gives way
        // first (特大 in English, beside the keypad).
        ask.optional = !phoneStep;
        words.add(std::move(ask));
    } else {
        shell::Node icon = ui.icon(shell::Icon::Offline, c.offlineIcon, m.iconNav, m.iconNav);
        icon.optional = false;
        icon.align = shell::Align::Start;
        shell::Node why = body(ctx_, s.get(errorKey_));
        why.grow = 1;
        words.add(shell::row(m.gap * 0.5f, {std::move(icon), std::move(why)}));
    }
    if (!phoneStep) {
        shell::Node hint = body(ctx_, s.get("identify.code_hint"), TextAlign::Centre);
        hint.optional = !errorKey_.empty();  // what was wrong says it again, and comes first
        words.add(std::move(hint));
    }
    const std::string shown = phoneStep ? withBlanks(phone_, kPhoneDigits, true) : withBlanks(code_, kCodeDigits, false);
    shell::Node field = ui.card(heading(ctx_, shown, TextAlign::Centre), m.gap * 0.5f);
    field.align = shell::Align::Centre;
    words.add(std::move(field));
    shell::Node pad = keypad(ctx_,
                             {wid::kKeypad, "del", s.get("keypad.del"), shell::Icon::Back, "ok", s.get("keypad.ok"),
                              shell::Icon::Check, true},
                             [this](const std::string& k) { key(k); });
    if (ui.theme().portrait()) {
        pad.align = shell::Align::Centre;
        words.grow = 1;
        return shell::column(m.gap, {std::move(words), std::move(pad)});
    }
    words.grow = 1;
    pad.align = shell::Align::Centre;
    shell::Node r = shell::row(m.gap * 1.5f, {std::move(words), std::move(pad)});
    return r;
}

shell::Node IdentifyScreen::scan() {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Strings& s = ctx_.strings;
    shell::Node col = shell::column(m.gap * 0.5f);
    col.justify = shell::Align::Centre;
    col.add(ui.icon(shell::Icon::Scan, ui.c().primary, m.iconTile * 0.8f, m.iconHero));
    col.add(question(ctx_, s.get("identify.scan_prompt")));
    col.add(muted(ctx_, s.get("identify.scan_hint"), TextAlign::Centre));
    col.add(space(ctx_, 1.0f));
    shell::Node phone = ui.button(wid::kIdentifyPhone, s.get("identify.use_phone"), shell::Icon::Phone,
                                  ui.secondaryStyle(),
                                  [this] {
                                      clearInput();
                                      step_ = Step::Phone;
                                  },
                                  std::max(m.primaryHeight * 0.75f, m.touchMin * 1.25f));
    phone.align = shell::Align::Centre;
    col.add(std::move(phone));
    return col;
}

shell::Node IdentifyScreen::unknown() {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Strings& s = ctx_.strings;
    shell::Node col = shell::column(m.gap * 0.5f);
    col.justify = shell::Align::Centre;
    col.add(ui.icon(shell::Icon::Offline, ui.c().offlineIcon, m.iconTile * 0.6f, m.iconTile * 1.2f));
    col.add(question(ctx_, s.get(problemKey_ + ".title")));
    col.add(body(ctx_, s.get(problemKey_ + ".detail"), TextAlign::Centre));
    col.add(space(ctx_, 1.0f));
    col.add(actions(ctx_, {ui.primary(wid::kIdentifyCallStaff, s.get("identify.call_staff"), "", shell::Icon::Help,
                                      [this] { callStaff(ctx_, id()); }),
                           ui.button(wid::kIdentifyRetry, s.get("identify.retry"), shell::Icon::Back, ui.secondaryStyle(),
                                     [this] {
                                         clearInput();
                                         problemKey_.clear();
                                         step_ = Step::Start;
                                     },
                                     // Secondary, as 用手机号: room for a 3-line help alert at 特大.
                                     std::max(m.primaryHeight * 0.75f, m.touchMin * 1.25f))}));
    return col;
}

}  // namespace screens
