#include "screens/identify_screen.h"

#include <algorithm>

#include "domain/help.h"
#include "domain/notices.h"
#include "screens/help_screen.h"
#include "screens/keypad.h"
#include "screens/screen_ids.h"

namespace screens {

using shell::FontRole;
using shell::Rect;

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

void IdentifyScreen::drawContent(const Rect& area) {
    switch (step_) {
        case Step::Start: drawStart(area); break;
        case Step::Phone:
        case Step::Code: drawEntry(area); break;
        case Step::Scan: drawScan(area); break;
        case Step::Unknown: drawUnknown(area); break;
    }
}

void IdentifyScreen::drawStart(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);
    const bool portrait = area.h > area.w;
    const float buttonH = std::max(m.primaryHeight * 0.75f, m.touchMin * 1.25f);
    const float buttonsH = portrait ? 2 * buttonH + m.gap : buttonH;
    const float fixed = th + m.gap * 0.4f + bh + m.gap * 1.5f + bh + m.gap * 0.6f + buttonsH;
    const float iconS = std::clamp(area.h - fixed - 2 * m.gap, 0.0f, m.iconHero * (portrait ? 1.4f : 1.0f));
    float y = area.y + std::max(0.0f, (area.h - fixed - (iconS > 0 ? iconS + m.gap : 0)) / 2);
    if (iconS >= m.iconTile * 0.6f) {
        ui.icon(shell::Icon::Card, area.cx(), y + iconS / 2, iconS, c.primary);
        y += iconS + m.gap;
    }
    ui.textCentred(FontRole::Title, s.get("identify.card_prompt"), {area.x, y, area.w, th}, c.text);
    y += th + m.gap * 0.4f;
    ui.textCentred(FontRole::Body, s.get("identify.card_hint"), {area.x, y, area.w, bh}, c.textMuted);
    y += bh + m.gap * 1.5f;
    ui.textCentred(FontRole::Body, s.get("identify.no_card"), {area.x, y, area.w, bh}, c.text);
    y += bh + m.gap * 0.6f;

    const float bw = std::min(portrait ? area.w * 0.8f : (area.w - m.gap) / 2, m.primaryMinWidth * 1.2f);
    Rect phone, scan;
    if (portrait) {
        phone = shell::centredButton(area, y, bw, buttonH);
        scan = shell::centredButton(area, y + buttonH + m.gap, bw, buttonH);
    } else {
        phone = {area.cx() - m.gap / 2 - bw, y, bw, buttonH};
        scan = {area.cx() + m.gap / 2, y, bw, buttonH};
    }
    if (ui.button("identify.phone", phone, s.get("identify.phone"), shell::Icon::Phone, ui.secondaryStyle())) {
        clearInput();
        step_ = Step::Phone;
    }
    if (ui.button("identify.scan", scan, s.get("identify.scan"), shell::Icon::Scan, ui.secondaryStyle()))
        step_ = Step::Scan;
}

void IdentifyScreen::drawEntry(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    const bool phoneStep = step_ == Step::Phone;
    const bool portrait = area.h > area.w;
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);

    // Words on one side (the question, what is typed, what is wrong), the
    // keypad on the other; one above the other on a portrait panel.
    Rect words = area, keys = area;
    if (portrait) {
        const float kh = keypadHeight(ctx_, std::min(area.w, m.primaryMinWidth * 1.6f), area.h * 0.55f);
        keys = {area.cx() - std::min(area.w, m.primaryMinWidth * 1.6f) / 2, area.bottom() - kh,
                std::min(area.w, m.primaryMinWidth * 1.6f), kh};
        words = {area.x, area.y, area.w, keys.y - area.y - m.gap};
    } else {
        const float kw = std::min(area.w * 0.45f, m.primaryMinWidth * 1.5f);
        const float kh = std::min(area.h, keypadHeight(ctx_, kw, area.h));
        keys = {area.right() - kw, area.y + (area.h - kh) / 2, kw, kh};
        words = {area.x, area.y, keys.x - area.x - m.gap * 1.5f, area.h};
    }

    const std::string& prompt = s.get(phoneStep ? "identify.phone_prompt" : "identify.code_prompt");
    const auto promptLines = ui.wrap(FontRole::Title, prompt, words.w);
    const float promptH = float(promptLines.size()) * ui.paragraphLine(FontRole::Title);
    const float boxH = th + m.gap;
    const float errH = errorKey_.empty() ? 0 : float(ui.wrap(FontRole::Body, s.get(errorKey_), words.w - m.iconNav - m.gap).size()) *
                                                       ui.paragraphLine(FontRole::Body);
    const float total = promptH + m.gap + boxH + (errH > 0 ? m.gap * 0.75f + errH : 0);
    float y = words.y + std::max(0.0f, (words.h - total) / 2);
    y += ui.paragraph(FontRole::Title, prompt, {words.x, y, words.w, promptH}, c.text, true);
    y += m.gap;

    // What is typed so far, big, in a white box; dashes for what is still to come.
    const std::string shown = phoneStep ? withBlanks(phone_, kPhoneDigits, true) : withBlanks(code_, kCodeDigits, false);
    const float boxW = std::min(words.w, ui.textWidth(FontRole::Title, shown) + 2 * m.gap);
    Rect box{words.cx() - boxW / 2, y, boxW, boxH};
    ui.card(box);
    ui.textCentred(FontRole::Title, shown, box, c.cardText);
    y += boxH;
    if (errH > 0) {
        y += m.gap * 0.75f;
        ui.icon(shell::Icon::Offline, words.x + m.iconNav / 2, y + bh / 2, m.iconNav, c.offlineIcon);
        ui.paragraph(FontRole::Body, s.get(errorKey_), {words.x + m.iconNav + m.gap * 0.5f, y, words.w - m.iconNav - m.gap, errH},
                     c.text, false);
    }

    std::string& entry = phoneStep ? phone_ : code_;
    const std::size_t limit = phoneStep ? kPhoneDigits : kCodeDigits;
    KeypadPress k = drawKeypad(ctx_, keys);
    if (k.digit && entry.size() < limit) {
        entry += k.digit;
        errorKey_.clear();
    }
    if (k.del && !entry.empty()) entry.pop_back();
    if (k.ok) submit();
}

void IdentifyScreen::drawScan(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    const float bh = ui.lineHeight(FontRole::Body);
    const std::string& prompt = s.get("identify.scan_prompt");
    const auto lines = ui.wrap(FontRole::Title, prompt, area.w);
    const float promptH = float(lines.size()) * ui.paragraphLine(FontRole::Title);
    const float buttonH = std::max(m.primaryHeight * 0.75f, m.touchMin * 1.25f);
    const float fixed = promptH + m.gap * 0.4f + bh + m.gap * 1.5f + buttonH;
    const float iconS = std::clamp(area.h - fixed - 2 * m.gap, 0.0f, m.iconHero);
    float y = area.y + std::max(0.0f, (area.h - fixed - (iconS > 0 ? iconS + m.gap : 0)) / 2);
    if (iconS >= m.iconTile * 0.6f) {
        ui.icon(shell::Icon::Scan, area.cx(), y + iconS / 2, iconS, c.primary);
        y += iconS + m.gap;
    }
    y += ui.paragraph(FontRole::Title, prompt, {area.x, y, area.w, promptH}, c.text, true);
    y += m.gap * 0.4f;
    ui.textCentred(FontRole::Body, s.get("identify.scan_hint"), {area.x, y, area.w, bh}, c.textMuted);
    y += bh + m.gap * 1.5f;
    if (ui.button("identify.phone", shell::centredButton(area, y, m.primaryMinWidth * 1.2f, buttonH),
                  s.get("identify.use_phone"), shell::Icon::Phone, ui.secondaryStyle())) {
        clearInput();
        step_ = Step::Phone;
    }
}

void IdentifyScreen::drawUnknown(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const shell::Strings& s = ctx_.strings;
    const std::string& title = s.get(problemKey_ + ".title");
    const std::string& detail = s.get(problemKey_ + ".detail");
    const auto tl = ui.wrap(FontRole::Title, title, area.w);
    const auto dl = ui.wrap(FontRole::Body, detail, area.w * 0.9f);
    const float titleH = float(tl.size()) * ui.paragraphLine(FontRole::Title);
    const float detailH = float(dl.size()) * ui.paragraphLine(FontRole::Body);
    const bool portrait = area.h > area.w;
    const float buttonH = m.primaryHeight;
    const float buttonsH = portrait ? 2 * buttonH + m.gap : buttonH;
    const float fixed = titleH + m.gap * 0.5f + detailH + m.gap * 1.5f + buttonsH;
    const float iconS = std::clamp(area.h - fixed - 2 * m.gap, 0.0f, m.iconTile * 1.2f);
    float y = area.y + std::max(0.0f, (area.h - fixed - (iconS > 0 ? iconS + m.gap : 0)) / 2);
    if (iconS >= m.iconTile * 0.5f) {
        ui.icon(shell::Icon::Offline, area.cx(), y + iconS / 2, iconS, c.offlineIcon);
        y += iconS + m.gap;
    }
    y += ui.paragraph(FontRole::Title, title, {area.x, y, area.w, titleH}, c.text, true);
    y += m.gap * 0.5f;
    y += ui.paragraph(FontRole::Body, detail, {area.x + area.w * 0.05f, y, area.w * 0.9f, detailH}, c.text, true);
    y += m.gap * 1.5f;

    const float bw = std::min(portrait ? area.w * 0.8f : (area.w - m.gap) / 2, m.primaryMinWidth * 1.3f);
    Rect call, retry;
    if (portrait) {
        call = shell::centredButton(area, y, bw, buttonH);
        retry = shell::centredButton(area, y + buttonH + m.gap, bw, buttonH);
    } else {
        call = {area.cx() - m.gap / 2 - bw, y, bw, buttonH};
        retry = {area.cx() + m.gap / 2, y, bw, buttonH};
    }
    if (ui.primaryButton("identify.call_staff", call, s.get("identify.call_staff"), "", shell::Icon::Help))
        callStaff(ctx_, id());
    if (ui.button("identify.retry", retry, s.get("identify.retry"), shell::Icon::Back, ui.secondaryStyle())) {
        clearInput();
        problemKey_.clear();
        step_ = Step::Start;
    }
}

}  // namespace screens
