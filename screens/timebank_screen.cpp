#include "screens/timebank_screen.h"

#include <algorithm>
#include <optional>

#include "domain/members.h"
#include "domain/timebank.h"
#include "screens/flows.h"
#include "screens/screen_ids.h"
#include "shell/ui/qr.h"

namespace screens {

using shell::FontRole;
using shell::Rect;
using Step = TimeBankScreen::Step;

struct TimeBankFlowState {
    std::uint64_t generation = ~std::uint64_t(0);  // the session the cache was loaded for
    domain::Balance balance;
    std::vector<domain::StatementLine> statement;
    std::vector<domain::Redemption> redemptions;
    std::string kind = "service";  // the catalog tab while redeeming
    int page = 0;
    std::vector<domain::CatalogItem> items;  // of the tab (or the services, when recording)
    std::optional<domain::CatalogItem> chosen;
    std::optional<domain::Redemption> voucher;
    int serviceMinutes = 60;
};

namespace {

constexpr int kPerPage = 6;            // at most six choices on a screen
constexpr int kStatementLines = 100;
constexpr int kStepMinutes = 30;       // recordService takes half-hour steps
constexpr int kMaxServiceMinutes = 8 * 60;

const char* screenIdOf(Step s) {
    switch (s) {
        case Step::Overview: return ids::kTimeBank;
        case Step::Statement: return ids::kTimeBankStatement;
        case Step::Catalog: return ids::kTimeBankCatalog;
        case Step::Confirm: return ids::kTimeBankConfirm;
        case Step::Redemptions: return ids::kTimeBankRedemptions;
        case Step::Voucher: return ids::kTimeBankVoucher;
        case Step::Service: return ids::kTimeBankService;
        case Step::ServiceHours: return ids::kTimeBankServiceHours;
        case Step::ServiceCard: return ids::kTimeBankServiceCard;
    }
    return ids::kTimeBank;
}

const char* titleKeyOf(Step s) {
    switch (s) {
        case Step::Overview: return flowFor(ids::kTimeBank).titleKey;
        case Step::Statement: return "timebank.statement.title";
        case Step::Catalog: return "timebank.catalog.title";
        case Step::Confirm: return "timebank.confirm.title";
        case Step::Redemptions: return "timebank.redemptions.title";
        case Step::Voucher: return "timebank.voucher.title";
        case Step::Service: return "timebank.service.title";
        case Step::ServiceHours: return "timebank.hours.title";
        case Step::ServiceCard: return "timebank.card.title";
    }
    return "timebank.title";
}

}  // namespace

TimeBankScreen::TimeBankScreen(Context& ctx, Step step, std::shared_ptr<TimeBankFlowState> state)
    : Screen(ctx, screenIdOf(step), titleKeyOf(step)), step_(step), st_(std::move(state)) {}

std::vector<std::unique_ptr<Screen>> makeTimeBankScreens(Context& ctx) {
    auto state = std::make_shared<TimeBankFlowState>();
    std::vector<std::unique_ptr<Screen>> out;
    for (Step s : {Step::Overview, Step::Statement, Step::Catalog, Step::Confirm, Step::Redemptions, Step::Voucher,
                   Step::Service, Step::ServiceHours, Step::ServiceCard})
        out.push_back(std::make_unique<TimeBankScreen>(ctx, s, state));
    return out;
}

// ---------------------------------------------------------------- data

void TimeBankScreen::onEnter() {
    if (!ctx_.session.active()) {
        if (ctx_.requireMember) ctx_.requireMember(id());
        return;
    }
    if (!ctx_.domain) return;
    const domain::Context& d = *ctx_.domain;
    const std::string& me = ctx_.session.memberId();
    if (st_->generation != ctx_.session.generation()) {
        *st_ = TimeBankFlowState{};
        st_->generation = ctx_.session.generation();
    }
    st_->balance = domain::balanceOf(d, me);
    switch (step_) {
        case Step::Statement:
            st_->statement = domain::statementOf(d, me, kStatementLines);
            for (auto& l : st_->statement) ctx_.addText(l.what);
            break;
        case Step::Redemptions:
            st_->redemptions = domain::myRedemptions(d, me);
            for (auto& r : st_->redemptions) ctx_.addText(r.item_name + r.reason);
            break;
        case Step::Catalog:
        case Step::Service:
            if (step_ == Step::Service) st_->kind = "service";
            st_->items = domain::catalog(d, st_->kind);
            for (auto& i : st_->items) ctx_.addText(i.name);
            st_->page = std::clamp(st_->page, 0, std::max(0, (int(st_->items.size()) - 1) / kPerPage));
            break;
        case Step::ServiceHours:
            if (st_->chosen) st_->serviceMinutes = std::clamp(st_->chosen->minutes, kStepMinutes, kMaxServiceMinutes);
            st_->serviceMinutes -= st_->serviceMinutes % kStepMinutes;
            break;
        default: break;
    }
}

void TimeBankScreen::announce(Feedback feedback, const std::string& title, const std::string& detail) {
    if (ctx_.showResult) ctx_.showResult(feedback, title, detail);
    else ctx_.showNotice(title + " " + detail);
}

void TimeBankScreen::backToOverview() {
    ctx_.router.home();
    ctx_.router.push(ids::kTimeBank);
}

// ---------------------------------------------------------------- the recipient's card

bool TimeBankScreen::onCard(const std::string& cardNo) {
    if (step_ != Step::ServiceCard || !ctx_.domain || !ctx_.session.active() || !st_->chosen) return false;
    const domain::Context& d = *ctx_.domain;
    auto who = domain::identifyByCard(d.db, cardNo);
    if (who.outcome != domain::IdentifyOutcome::Found || !who.member) {
        announce(Feedback::Failure, ctx_.strings.get("timebank.card.unknown"),
                 ctx_.strings.get("timebank.card.unknown_detail"));
        return true;
    }
    auto out = domain::recordService(d, ctx_.session.memberId(), who.member->id, st_->chosen->id, st_->serviceMinutes);
    switch (out) {
        case domain::ServiceOutcome::Recorded:
            ctx_.syncNow();
            announce(Feedback::Success, ctx_.strings.get("timebank.service.recorded"),
                     ctx_.strings.format("timebank.service.recorded_detail",
                                         {{"what", st_->chosen->name},
                                          {"hours", domain::formatHours(st_->serviceMinutes)},
                                          {"name", domain::maskName(who.member->name)}}));
            backToOverview();
            break;
        case domain::ServiceOutcome::SamePerson:
            announce(Feedback::Failure, ctx_.strings.get("timebank.service.same_person"),
                     ctx_.strings.get("timebank.service.same_person_detail"));
            break;
        case domain::ServiceOutcome::InvalidHours:
        case domain::ServiceOutcome::UnknownItem:
        case domain::ServiceOutcome::UnknownMember:
            announce(Feedback::Failure, ctx_.strings.get("timebank.service.failed"),
                     ctx_.strings.get("timebank.service.failed_detail"));
            break;
    }
    return true;
}

// ---------------------------------------------------------------- drawing

void TimeBankScreen::drawContent(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    if (!ctx_.session.active() || !ctx_.domain) {
        const Rect below = drawFlowHeader(ctx_, area, flowFor(ids::kTimeBank));
        ui.paragraph(FontRole::Body, ctx_.strings.get("timebank.need_card"), below, ui.c().text, true);
        return;
    }
    if (st_->generation != ctx_.session.generation()) onEnter();  // someone else is here now
    switch (step_) {
        case Step::Overview: drawOverview(area); break;
        case Step::Statement: drawStatement(area); break;
        case Step::Catalog: drawCatalog(area, false); break;
        case Step::Confirm: drawConfirm(area); break;
        case Step::Redemptions: drawRedemptions(area); break;
        case Step::Voucher: drawVoucher(area); break;
        case Step::Service: drawCatalog(area, true); break;
        case Step::ServiceHours: drawServiceHours(area); break;
        case Step::ServiceCard: drawServiceCard(area); break;
    }
}

namespace {

std::string hours(const Context& ctx, int minutes) {
    return ctx.strings.format("timebank.hours", {{"hours", domain::formatHours(minutes)}});
}

// "3月2日" from an ISO date-time.
std::string dayOf(const Context& ctx, const std::string& iso) {
    if (iso.size() < 10) return iso;
    try {
        return ctx.strings.format("timebank.date", {{"month", std::to_string(std::stoi(iso.substr(5, 2)))},
                                                    {"day", std::to_string(std::stoi(iso.substr(8, 2)))}});
    } catch (const std::exception&) {
        return iso.substr(0, 10);
    }
}

}  // namespace

void TimeBankScreen::drawOverview(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);
    const domain::Balance& b = st_->balance;

    // The balance, big: what the elder can use now, and what waits for the district.
    const float pad = m.gap;
    const bool pending = b.pending_minutes > 0;
    const float cardH = pad * 2 + bh + m.gap * 0.3f + th * 1.1f + (pending ? m.gap * 0.3f + bh : 0);
    Rect card{area.x, area.y, area.w, cardH};
    ui.card(card);
    const float iconS = std::min(th * 1.8f, cardH - pad);
    ui.icon(shell::Icon::TimeBank, card.x + pad + iconS / 2, card.cy(), iconS, c.timebank);
    const float x = card.x + pad * 2 + iconS;
    const float w = card.right() - pad - x;
    float y = card.y + pad;
    ui.textLeft(FontRole::Body,
                ctx_.strings.format("timebank.balance_label", {{"name", ctx_.session.maskedName()}}),
                {x, y, w, bh}, c.textMuted);
    y += bh + m.gap * 0.3f;
    ui.textLeft(FontRole::Title, hours(ctx_, b.available()), {x, y, w, th * 1.1f}, c.text);
    y += th * 1.1f + m.gap * 0.3f;
    if (pending)
        ui.textLeft(FontRole::Body, ctx_.strings.format("timebank.pending_line", {{"hours", domain::formatHours(b.pending_minutes)}}),
                    {x, y, w, bh}, c.text);

    // Four choices.
    Rect rest{area.x, card.bottom() + m.gap, area.w, area.bottom() - card.bottom() - m.gap};
    auto cells = shell::layoutGrid(rest, 4, ui.theme().portrait() ? 2 : 4, m.gap);
    struct Choice {
        const char* id;
        const char* label;
        const char* hint;
        shell::Icon icon;
        const char* screen;
    };
    static constexpr Choice kChoices[] = {
        {"timebank.redeem", "timebank.redeem", "timebank.redeem.hint", shell::Icon::TimeBank, ids::kTimeBankCatalog},
        {"timebank.statement", "timebank.statement", "timebank.statement.hint", shell::Icon::Activity,
         ids::kTimeBankStatement},
        {"timebank.redemptions", "timebank.redemptions", "timebank.redemptions.hint", shell::Icon::Check,
         ids::kTimeBankRedemptions},
        {"timebank.record", "timebank.record", "timebank.record.hint", shell::Icon::Person, ids::kTimeBankService},
    };
    bool hints = true, icons = true;
    for (std::size_t i = 0; i < cells.size(); ++i) {
        auto fit = ui.fitTile(cells[i], ctx_.strings.get(kChoices[i].label), ctx_.strings.get(kChoices[i].hint));
        hints = hints && !fit.hintLines.empty();
        icons = icons && fit.iconSize > 0;
    }
    for (std::size_t i = 0; i < cells.size(); ++i) {
        const Choice& ch = kChoices[i];
        if (ui.tile(ch.id, cells[i], ctx_.strings.get(ch.label), hints ? ctx_.strings.get(ch.hint) : "",
                    icons ? ch.icon : shell::Icon::None, c.timebank)) {
            if (ch.screen == ids::kTimeBankCatalog) st_->page = 0;
            ctx_.router.push(ch.screen);
        }
    }
}

void TimeBankScreen::drawStatement(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float bh = ui.lineHeight(FontRole::Body);
    if (st_->statement.empty()) {
        ui.paragraph(FontRole::Body, ctx_.strings.get("timebank.statement.empty"), area.insetXY(0, m.gap), c.text, true);
        return;
    }
    const float rowH = bh + m.gap * 1.2f;
    const bool scrolls = rowH * float(st_->statement.size()) > area.h;
    const float head = scrolls ? bh + m.gap * 0.5f : 0;
    if (scrolls)
        ui.textLeft(FontRole::Body, ctx_.strings.get("timebank.statement.drag"), {area.x, area.y, area.w, bh}, c.textMuted);
    Rect list{area.x, area.y + head, area.w, area.h - head};
    ui.card(list);
    Rect content = ui.beginScroll("timebank.statement_list", list, rowH * float(st_->statement.size()));
    const float dateW = ui.textWidth(FontRole::Body, ctx_.strings.format("timebank.date", {{"month", "12"}, {"day", "30"}}));
    const float hoursW = ui.textWidth(FontRole::Body, "+" + hours(ctx_, 6000));
    for (std::size_t i = 0; i < st_->statement.size(); ++i) {
        const auto& l = st_->statement[i];
        Rect row{content.x + m.gap, content.y + float(i) * rowH, content.w - 2 * m.gap, rowH};
        if (row.bottom() < list.y || row.y > list.bottom()) continue;
        if (i > 0) ui.fill({row.x, row.y, row.w, std::max(1.0f, m.border * 0.5f)}, c.cardBorder);
        ui.textLeft(FontRole::Body, dayOf(ctx_, l.at), {row.x, row.y, dateW, rowH}, c.textMuted);
        const float wx = row.x + dateW + m.gap;
        ui.textLeft(FontRole::Body, l.what, {wx, row.y, row.right() - hoursW - m.gap - wx, rowH}, c.text);
        // The sign is written out: not colour alone.
        const std::string amount = (l.minutes >= 0 ? "+" : "") + hours(ctx_, l.minutes);
        ui.textRight(FontRole::Body, amount, {row.right() - hoursW, row.y, hoursW, rowH}, c.text);
    }
    ui.endScroll();
}

void TimeBankScreen::drawCatalog(const Rect& area, bool forService) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float bh = ui.lineHeight(FontRole::Body);
    const float rowH = std::max(m.touchMin, bh + m.gap);
    float y = area.y;

    if (forService) {
        ui.paragraph(FontRole::Body, ctx_.strings.get("timebank.service.ask"), {area.x, y, area.w, bh}, c.text, false);
        y += bh + m.gap * 0.6f;
    } else {
        // 服务 / 物品: the tab is a state, so it carries a check mark as well as a colour.
        ui.textLeft(FontRole::Body, ctx_.strings.format("timebank.catalog.available", {{"hours", domain::formatHours(st_->balance.available())}}),
                    {area.x, y, area.w * 0.45f, rowH}, c.text);
        const float tabW = std::min(area.w * 0.25f, m.primaryMinWidth * 0.75f);
        const char* kinds[2] = {"service", "goods"};
        for (int i = 0; i < 2; ++i) {
            Rect r{area.right() - float(2 - i) * tabW - float(1 - i) * m.gap, y, tabW, rowH};
            const bool sel = st_->kind == kinds[i];
            shell::ButtonStyle style = sel ? ui.primaryStyle() : ui.secondaryStyle();
            if (ui.button(i == 0 ? "timebank.kind_service" : "timebank.kind_goods", r,
                          ctx_.strings.get(i == 0 ? "timebank.kind.service" : "timebank.kind.goods"),
                          sel ? shell::Icon::Check : shell::Icon::None, style, sel) &&
                !sel) {
                st_->kind = kinds[i];
                st_->page = 0;
                st_->items = domain::catalog(*ctx_.domain, st_->kind);
                for (auto& it : st_->items) ctx_.addText(it.name);
            }
        }
        y += rowH + m.gap;
    }

    const int n = int(st_->items.size());
    const int pages = std::max(1, (n + kPerPage - 1) / kPerPage);
    const bool paged = pages > 1;
    const float footer = paged ? rowH + m.gap : 0;
    Rect gridArea{area.x, y, area.w, area.bottom() - y - footer};
    if (n == 0) {
        ui.paragraph(FontRole::Body, ctx_.strings.get("timebank.catalog.empty"), gridArea, c.text, true);
        return;
    }
    const int first = st_->page * kPerPage, count = std::min(kPerPage, n - first);
    auto cells = shell::layoutGrid(gridArea, count, ui.theme().portrait() ? 2 : 3, m.gap);
    for (int i = 0; i < count; ++i) {
        const auto& item = st_->items[std::size_t(first + i)];
        if (ui.tile("timebank.item." + item.id, cells[std::size_t(i)], item.name, hours(ctx_, item.minutes),
                    shell::Icon::None, c.timebank)) {
            st_->chosen = item;
            ctx_.router.push(forService ? ids::kTimeBankServiceHours : ids::kTimeBankConfirm);
        }
    }
    if (paged) {
        const float bw = std::min(area.w * 0.3f, m.primaryMinWidth);
        const float fy = area.bottom() - rowH;
        if (st_->page > 0 && ui.button("timebank.prev_page", {area.x, fy, bw, rowH}, ctx_.strings.get("timebank.prev_page"),
                                       shell::Icon::Back, ui.secondaryStyle()))
            --st_->page;
        ui.textCentred(FontRole::Body,
                       ctx_.strings.format("timebank.page", {{"page", std::to_string(st_->page + 1)}, {"pages", std::to_string(pages)}}),
                       {area.x + bw, fy, area.w - 2 * bw, rowH}, c.textMuted);
        if (st_->page + 1 < pages && ui.button("timebank.next_page", {area.right() - bw, fy, bw, rowH},
                                               ctx_.strings.get("timebank.next_page"), shell::Icon::None,
                                               ui.secondaryStyle()))
            ++st_->page;
    }
}

void TimeBankScreen::drawConfirm(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);
    if (!st_->chosen) {
        ctx_.router.back();
        return;
    }
    const domain::CatalogItem& item = *st_->chosen;
    const int avail = st_->balance.available();
    const bool enough = avail >= item.minutes;

    const float cardW = std::min(area.w, std::max(area.w * 0.7f, m.primaryMinWidth * 2));
    Rect card{area.cx() - cardW / 2, area.y, cardW, area.h - m.primaryHeight - m.gap};
    ui.card(card);
    Rect inner = card.inset(m.gap * 1.5f);
    float y = inner.y;
    ui.textCentred(FontRole::Title, item.name, {inner.x, y, inner.w, th}, c.cardText);
    y += th + m.gap;
    ui.textCentred(FontRole::Body, ctx_.strings.format("timebank.confirm.needs", {{"hours", domain::formatHours(item.minutes)}}),
                   {inner.x, y, inner.w, bh}, c.cardText);
    y += bh + m.gap;
    const std::string line =
        enough ? ctx_.strings.format("timebank.confirm.spend", {{"use", domain::formatHours(item.minutes)},
                                                                 {"left", domain::formatHours(avail - item.minutes)}})
               : ctx_.strings.format("timebank.confirm.not_enough", {{"hours", domain::formatHours(avail)}});
    y += ui.paragraph(FontRole::Body, line, {inner.x, y, inner.w, inner.bottom() - y}, c.cardText, true) + m.gap * 0.5f;
    if (enough)
        ui.paragraph(FontRole::Body, ctx_.strings.get("timebank.confirm.pending_note"), {inner.x, y, inner.w, inner.bottom() - y},
                     c.textMuted, true);

    const float by = area.bottom() - m.primaryHeight;
    if (!enough) {
        Rect r = shell::centredButton(area, by, m.primaryMinWidth, m.primaryHeight);
        if (ui.button("timebank.cancel", r, ctx_.strings.get("timebank.confirm.back"), shell::Icon::Back, ui.secondaryStyle()))
            ctx_.router.back();
        return;
    }
    const float bw = std::min((area.w - m.gap * 2) / 2, m.primaryMinWidth * 1.2f);
    Rect no{area.cx() - m.gap - bw, by, bw, m.primaryHeight};
    Rect yes{area.cx() + m.gap, by, bw, m.primaryHeight};
    if (ui.button("timebank.cancel", no, ctx_.strings.get("timebank.confirm.no"), shell::Icon::Back, ui.secondaryStyle()))
        ctx_.router.back();
    if (ui.button("timebank.confirm", yes, ctx_.strings.get("timebank.confirm.yes"), shell::Icon::Check, ui.primaryStyle())) {
        auto r = domain::redeem(*ctx_.domain, ctx_.session.memberId(), item.id);
        switch (r.outcome) {
            case domain::RedeemOutcome::Requested:
                ctx_.syncNow();
                announce(Feedback::Info, ctx_.strings.get("timebank.redeem.sent"), ctx_.strings.get("timebank.redeem.sent_detail"));
                backToOverview();
                break;
            case domain::RedeemOutcome::NotEnoughHours:
                announce(Feedback::Failure, ctx_.strings.get("timebank.redeem.not_enough"),
                         ctx_.strings.format("timebank.confirm.not_enough", {{"hours", domain::formatHours(st_->balance.available())}}));
                onEnter();
                break;
            case domain::RedeemOutcome::UnknownItem:
                announce(Feedback::Failure, ctx_.strings.get("timebank.redeem.unknown"),
                         ctx_.strings.get("timebank.redeem.unknown_detail"));
                ctx_.router.back();
                break;
        }
    }
}

void TimeBankScreen::drawRedemptions(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float bh = ui.lineHeight(FontRole::Body);
    if (st_->redemptions.empty()) {
        ui.paragraph(FontRole::Body, ctx_.strings.get("timebank.redemptions.empty"), area.insetXY(0, m.gap), c.text, true);
        return;
    }
    const float rowH = bh * 2 + m.gap * 1.5f;
    ui.card(area);
    Rect content = ui.beginScroll("timebank.redemptions_list", area, rowH * float(st_->redemptions.size()));
    const float btnW = std::max(m.touchMin * 2.4f, ui.textWidth(FontRole::Body, ctx_.strings.get("timebank.voucher.show")) + m.buttonPadX * 2 + m.iconNav);
    for (std::size_t i = 0; i < st_->redemptions.size(); ++i) {
        const auto& r = st_->redemptions[i];
        Rect row{content.x + m.gap, content.y + float(i) * rowH, content.w - 2 * m.gap, rowH};
        if (row.bottom() < area.y || row.y > area.bottom()) continue;
        if (i > 0) ui.fill({row.x, row.y, row.w, std::max(1.0f, m.border * 0.5f)}, c.cardBorder);
        const bool voucher = r.status == "confirmed" && !r.voucher.empty();
        const float textW = row.w - (voucher ? btnW + m.gap : 0);
        const float y0 = row.y + m.gap * 0.5f;
        ui.textLeft(FontRole::Body,
                    ctx_.strings.format("timebank.redemptions.line",
                                        {{"what", r.item_name}, {"hours", domain::formatHours(r.minutes)}, {"date", dayOf(ctx_, r.created_at)}}),
                    {row.x, y0, textW, bh}, c.text);
        // Status in words with an icon (not colour alone).
        std::string status;
        shell::Icon icon = shell::Icon::TimeBank;
        if (r.status == "confirmed") {
            status = ctx_.strings.get("timebank.status.confirmed");
            icon = shell::Icon::Check;
        } else if (r.status == "rejected") {
            status = ctx_.strings.get("timebank.status.rejected");
            icon = shell::Icon::Offline;
        } else {
            status = ctx_.strings.get("timebank.status.pending");
        }
        const float iconS = bh * 0.8f;
        ui.icon(icon, row.x + iconS / 2, y0 + bh + m.gap * 0.25f + bh / 2, iconS, c.text);
        ui.textLeft(FontRole::Body, status, {row.x + iconS + m.gap * 0.4f, y0 + bh + m.gap * 0.25f, textW - iconS, bh}, c.text);
        if (voucher) {
            Rect b{row.right() - btnW, row.cy() - m.touchMin / 2, btnW, m.touchMin};
            if (ui.button("timebank.voucher." + r.id, b, ctx_.strings.get("timebank.voucher.show"), shell::Icon::None,
                          ui.primaryStyle())) {
                st_->voucher = r;
                ctx_.router.push(ids::kTimeBankVoucher);
            }
        }
    }
    ui.endScroll();
}

void TimeBankScreen::drawVoucher(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);
    if (!st_->voucher) {
        ctx_.router.back();
        return;
    }
    const auto& r = *st_->voucher;
    float y = area.y;
    ui.textCentred(FontRole::Title, r.item_name, {area.x, y, area.w, th}, c.text);
    y += th + m.gap * 0.5f;
    const float side = std::min({shell::qrPreferredSide(m), area.bottom() - y - bh * 2 - m.gap * 2, area.w});
    Rect qr = shell::qrCode(ui, r.voucher, {area.cx() - side / 2, y, side, side});
    y += (qr.h > 0 ? qr.h : side) + m.gap * 0.5f;
    ui.textCentred(FontRole::Body, ctx_.strings.format("timebank.voucher.code", {{"code", r.voucher}}), {area.x, y, area.w, bh}, c.text);
    y += bh + m.gap * 0.3f;
    ui.textCentred(FontRole::Body, ctx_.strings.get("timebank.voucher.hint"), {area.x, y, area.w, bh}, c.textMuted);
}

void TimeBankScreen::drawServiceHours(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);
    if (!st_->chosen) {
        ctx_.router.back();
        return;
    }
    float y = area.y;
    ui.textCentred(FontRole::Body, ctx_.strings.format("timebank.hours.ask", {{"what", st_->chosen->name}}), {area.x, y, area.w, bh},
                   c.text);
    y += bh + m.gap * 1.5f;
    // Big − / + either side of the number; half an hour a tap.
    const float big = std::max(m.touchMin * 1.6f, th * 2);
    const float numW = std::max(ui.textWidth(FontRole::Title, hours(ctx_, 450)) + m.gap * 2, big * 2);
    const float rowW = big * 2 + numW + m.gap * 2;
    Rect minus{area.cx() - rowW / 2, y, big, big};
    Rect number{minus.right() + m.gap, y, numW, big};
    Rect plus{number.right() + m.gap, y, big, big};
    ui.card(number);
    ui.textCentred(FontRole::Title, hours(ctx_, st_->serviceMinutes), number, c.cardText);
    // The − and + are drawn as thick bars, as big as the buttons allow (a
    // text glyph at body size would be small); read aloud by their labels.
    auto sign = [&](const Rect& r, bool plusSign) {
        const float len = r.w * 0.42f, bar = std::max(m.stroke * 1.6f, r.w * 0.07f);
        ui.fill({r.cx() - len / 2, r.cy() - bar / 2, len, bar}, c.navText, bar / 2);
        if (plusSign) ui.fill({r.cx() - bar / 2, r.cy() - len / 2, bar, len}, c.navText, bar / 2);
    };
    if (st_->serviceMinutes > kStepMinutes) {
        if (ui.button("timebank.hours_minus", minus, "", shell::Icon::None, ui.secondaryStyle()))
            st_->serviceMinutes -= kStepMinutes;
        sign(minus, false);
        ui.textCentred(FontRole::Body, ctx_.strings.get("timebank.hours.minus"), {minus.x - m.gap, minus.bottom() + m.gap * 0.3f, minus.w + 2 * m.gap, bh}, c.text);
    }
    if (st_->serviceMinutes < kMaxServiceMinutes) {
        if (ui.button("timebank.hours_plus", plus, "", shell::Icon::None, ui.secondaryStyle()))
            st_->serviceMinutes += kStepMinutes;
        sign(plus, true);
        ui.textCentred(FontRole::Body, ctx_.strings.get("timebank.hours.plus"), {plus.x - m.gap, plus.bottom() + m.gap * 0.3f, plus.w + 2 * m.gap, bh}, c.text);
    }
    y += big + bh + m.gap * 1.3f;
    ui.textCentred(FontRole::Body, ctx_.strings.get("timebank.hours.step"), {area.x, y, area.w, bh}, c.textMuted);
    Rect next = shell::centredButton(area, area.bottom() - m.primaryHeight, m.primaryMinWidth * 1.2f, m.primaryHeight);
    if (ui.button("timebank.hours_next", next, ctx_.strings.get("timebank.hours.next"), shell::Icon::Card, ui.primaryStyle()))
        ctx_.router.push(ids::kTimeBankServiceCard);
}

void TimeBankScreen::drawServiceCard(const Rect& area) {
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float th = ui.lineHeight(FontRole::Title), bh = ui.lineHeight(FontRole::Body);
    if (!st_->chosen) {
        ctx_.router.back();
        return;
    }
    float y = area.y + m.gap;
    const float iconS = std::min(m.iconHero, area.h * 0.3f);
    ui.icon(shell::Icon::Card, area.cx(), y + iconS / 2, iconS, c.timebank);
    y += iconS + m.gap;
    ui.textCentred(FontRole::Title, ctx_.strings.get("timebank.card.ask"), {area.x, y, area.w, th}, c.text);
    y += th + m.gap;
    ui.textCentred(FontRole::Body,
                   ctx_.strings.format("timebank.card.summary",
                                       {{"what", st_->chosen->name}, {"hours", domain::formatHours(st_->serviceMinutes)}}),
                   {area.x, y, area.w, bh}, c.text);
    y += bh + m.gap * 0.5f;
    ui.paragraph(FontRole::Body, ctx_.strings.get("timebank.card.note"), {area.x, y, area.w, area.bottom() - y}, c.textMuted, true);
}

}  // namespace screens
