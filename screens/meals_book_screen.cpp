// The booking steps: which meal (meals.slots), pickup or delivery (meals.how),
// confirm what they pay (meals.book), the pickup voucher (meals.voucher).
#include <algorithm>
#include <cmath>
#include <map>

#include "screens/meals_flow.h"
#include "screens/meals_format.h"
#include "screens/meals_ui.h"
#include "screens/screen_ids.h"
#include "shell/qr.h"

namespace screens {

namespace {

shell::ButtonStyle primaryStyle(const shell::Ui& ui) {
    return {ui.c().primary, ui.c().primaryText, ui.c().primary, false};
}

std::string pastCutoffText(Context& ctx, const std::string& slot, const std::string& cutoff) {
    return ctx.strings.format("meals.past_cutoff", {{"time", clockTime(cutoff)}, {"slot", slotName(ctx.strings, slot)}});
}

// "价格 18元，补贴 5元，您付 13元" or the plain words when a cap took the subsidy.
std::string priceLine(Context& ctx, const domain::Price& p) {
    const auto& s = ctx.strings;
    if (p.capped)
        return s.format("meals.price.capped", {{"price", money(s, p.price_cents)}, {"pay", money(s, p.pay_cents)}});
    if (p.subsidy_cents > 0)
        return s.format("meals.price.subsidy", {{"price", money(s, p.price_cents)},
                                                 {"subsidy", money(s, p.subsidy_cents)},
                                                 {"pay", money(s, p.pay_cents)}});
    return s.format("meals.price.plain", {{"price", money(s, p.price_cents)}, {"pay", money(s, p.pay_cents)}});
}

std::string dishesLine(Context& ctx, const std::vector<std::string>& dishes) {
    std::string list;
    for (const auto& d : dishes) list += (list.empty() ? "" : ctx.strings.get("meals.dish_sep")) + d;
    ctx.addText(list);
    return ctx.strings.format("meals.dishes", {{"dishes", list}});
}

}  // namespace

// ------------------------------------------------------------ meals.slots

MealsSlotsScreen::MealsSlotsScreen(Context& ctx, MealsFlow& flow)
    : Screen(ctx, meals_ids::kSlots, "meals.slots.title"), flow_(flow) {}

void MealsSlotsScreen::onEnter() { askForMember(ctx_, id()); }

void MealsSlotsScreen::drawContent(const shell::Rect& area) {
    auto member = flow_.member(ctx_);
    if (!member || flow_.date.empty()) {
        drawNeedCard(ctx_, area);
        return;
    }
    const auto& s = ctx_.strings;
    const std::string today = ctx_.domain->today();
    shell::Rect rest = drawQuestion(
        ctx_, area, s.format("meals.ask_slot", {{"day", dayLabel(s, today, flow_.date)}, {"date", dayDate(s, flow_.date)}}));
    const auto slots = domain::mealSlots(*ctx_.domain, flow_.date, 1);
    if (slots.empty()) {
        ctx_.ui.paragraph(shell::FontRole::Body, s.get("meals.no_slots"), rest.insetXY(0, ctx_.ui.m().gap),
                          ctx_.ui.c().text, true);
        return;
    }
    const auto mine = domain::myBookings(*ctx_.domain, member->id);
    const shell::Metrics& m = ctx_.ui.m();
    const float pad = m.gap;
    const float buttonH = std::round(m.touchMin * 1.25f);
    // Landscape: the button beside the words; portrait: below them.
    const bool beside = !ctx_.ui.theme().portrait();
    const float buttonW = buttonWidth(ctx_, s.get("meals.book_this")) * 1.3f;
    const float textW = rest.w - 2 * pad - (beside ? buttonW + m.gap : 0);

    struct Card {
        const domain::MealSlot* slot;
        std::vector<CardLine> lines;
        bool bookable = false;
        float h = 0;
        std::string id;
    };
    std::vector<Card> cards;
    std::map<std::string, int> seen;
    float total = 0;
    for (const auto& slot : slots) {
        ctx_.addText(slot.canteen_name);
        Card card{&slot, {}, false, 0, {}};
        card.lines.push_back({s.format("meals.slot_heading", {{"slot", slotName(s, slot.slot)}, {"canteen", slot.canteen_name}}), true, false});
        card.lines.push_back({dishesLine(ctx_, slot.dishes), false, false});
        card.lines.push_back({priceLine(ctx_, domain::priceFor(*ctx_.domain, *member, slot)), false, false});
        const bool already = std::any_of(mine.begin(), mine.end(), [&](const domain::Booking& b) {
            return b.slot_id == slot.id && b.status == "booked";
        });
        if (already)
            card.lines.push_back({s.get("meals.already"), false, false});
        else if (slot.past_cutoff)
            card.lines.push_back({pastCutoffText(ctx_, slot.slot, slot.cutoff), false, false});
        else if (slot.seats_left <= 0)
            card.lines.push_back({s.get("meals.full.detail"), false, false});
        else {
            card.lines.push_back({s.format("meals.seats_left", {{"n", std::to_string(slot.seats_left)}}), false, true});
            card.bookable = true;
        }
        int n = seen[slot.slot]++;
        card.id = "meals.book." + slot.slot + (n ? "." + std::to_string(n) : "");
        const float textH = linesHeight(ctx_, card.lines, textW);
        card.h = 2 * pad + (beside ? std::max(textH, buttonH) : textH + (card.bookable ? m.gap * 0.5f + buttonH : 0));
        total += card.h + m.gap;
        cards.push_back(std::move(card));
    }
    shell::Rect content = ctx_.ui.beginScroll("meals.slots.list", rest, total);
    float y = content.y;
    for (const Card& card : cards) {
        shell::Rect box{content.x, y, content.w, card.h};
        ctx_.ui.card(box);
        float used = drawLines(ctx_, card.lines, {box.x + pad, box.y + pad, textW, box.h - 2 * pad});
        if (card.bookable) {
            const std::string label = s.get("meals.book_this");
            shell::Rect b = beside ? shell::Rect{box.right() - pad - buttonW, box.cy() - buttonH / 2, buttonW, buttonH}
                                   : shell::Rect{box.right() - pad - buttonW, box.y + pad + used + m.gap * 0.5f,
                                                 buttonW, buttonH};
            if (ctx_.ui.button(card.id, b, label, shell::Icon::Meal, primaryStyle(ctx_.ui))) {
                flow_.slotId = card.slot->id;
                flow_.delivery = false;
                // Delivery is offered only to the eligible with an address (config rules).
                const bool canDeliver = domain::deliveryFor(*ctx_.domain, *member, card.slot->date) ==
                                        config::DeliveryCheck::Eligible;
                ctx_.router.push(canDeliver ? meals_ids::kHow : meals_ids::kBook);
            }
        }
        y += card.h + m.gap;
    }
    ctx_.ui.endScroll();
}

// ------------------------------------------------------------ meals.how

MealsHowScreen::MealsHowScreen(Context& ctx, MealsFlow& flow)
    : Screen(ctx, meals_ids::kHow, "meals.how.title"), flow_(flow) {}

void MealsHowScreen::drawContent(const shell::Rect& area) {
    if (!flow_.member(ctx_)) {
        drawNeedCard(ctx_, area);
        return;
    }
    shell::Rect rest = drawQuestion(ctx_, area, ctx_.strings.get("meals.ask_how"));
    auto tiles = shell::layoutTiles(ctx_.ui.theme(), rest.insetXY(0, ctx_.ui.m().gap * 0.5f), 2);
    const auto& c = ctx_.ui.c();
    if (ctx_.ui.tile("meals.pickup", tiles[0], ctx_.strings.get("meals.pickup"), ctx_.strings.get("meals.pickup.hint"),
                     shell::Icon::Meal, c.meals)) {
        flow_.delivery = false;
        ctx_.router.push(meals_ids::kBook);
    }
    if (ctx_.ui.tile("meals.delivery", tiles[1], ctx_.strings.get("meals.delivery"),
                     ctx_.strings.get("meals.delivery.hint"), shell::Icon::Home, c.checkin)) {
        flow_.delivery = true;
        ctx_.router.push(meals_ids::kBook);
    }
}

// ------------------------------------------------------------ meals.book

MealsBookScreen::MealsBookScreen(Context& ctx, MealsFlow& flow)
    : Screen(ctx, meals_ids::kBook, "meals.book.title"), flow_(flow) {}

void MealsBookScreen::drawContent(const shell::Rect& area) {
    auto member = flow_.member(ctx_);
    auto slot = member ? domain::mealSlot(*ctx_.domain, flow_.slotId) : std::nullopt;
    if (!member || !slot) {
        drawNeedCard(ctx_, area);
        return;
    }
    const auto& s = ctx_.strings;
    const shell::Metrics& m = ctx_.ui.m();
    shell::Rect rest = drawQuestion(ctx_, area, s.get("meals.ask_confirm"));
    const domain::Price p = domain::priceFor(*ctx_.domain, *member, *slot);
    ctx_.addText(slot->canteen_name);
    std::vector<CardLine> lines{
        {s.format("meals.confirm_heading", {{"day", dayLabel(s, ctx_.domain->today(), slot->date)},
                                            {"date", dayDate(s, slot->date)},
                                            {"slot", slotName(s, slot->slot)}}), true, false},
        // What it costs comes first: it must be seen before confirming, even
        // when the rest has to scroll at a large text size.
        {s.format("meals.you_pay", {{"pay", money(s, p.pay_cents)}}), true, false},
        {priceLine(ctx_, p), false, true},
        {slot->canteen_name, false, false},
        {dishesLine(ctx_, slot->dishes), false, false},
        {s.get(flow_.delivery ? "meals.way.delivery" : "meals.way.pickup"), false, false},
    };
    const float pad = m.gap;
    const float buttonH = m.primaryHeight;
    const bool portrait = ctx_.ui.theme().portrait();
    // Landscape: the words on the left, the two buttons on the right.
    const float buttonsW = portrait ? rest.w : std::max(m.primaryMinWidth, rest.w * 0.32f);
    const float textW = (portrait ? rest.w : rest.w - buttonsW - m.gap) - 2 * pad;
    // At large text sizes the summary can be taller than the screen: it then
    // scrolls by dragging instead of running under the bars.
    const float wantH = 2 * pad + linesHeight(ctx_, lines, textW);
    const float room = portrait ? std::max(m.touchMin, rest.h - buttonH - m.touchMin * 1.2f - 2 * m.gap) : rest.h;
    const float cardH = std::min(room, wantH);
    shell::Rect card{rest.x, rest.y, textW + 2 * pad, cardH};
    ctx_.ui.card(card);
    const shell::Rect inner = ctx_.ui.beginScroll("meals.confirm.summary", card, wantH);
    drawLines(ctx_, lines, {inner.x + pad, inner.y + pad, textW, wantH - 2 * pad});
    ctx_.ui.endScroll();

    shell::Rect confirmR, abortR;
    if (portrait) {
        float y = card.bottom() + m.gap;
        confirmR = shell::centredButton(rest, y, rest.w, buttonH);
        abortR = shell::centredButton(rest, y + buttonH + m.gap, rest.w * 0.6f, m.touchMin * 1.2f);
    } else {
        const float x = rest.right() - buttonsW;
        confirmR = {x, rest.y, buttonsW, buttonH};
        abortR = {x, rest.y + buttonH + m.gap * 1.5f, buttonsW, m.touchMin * 1.2f};
    }
    if (ctx_.ui.primaryButton("meals.confirm", confirmR, s.get("meals.confirm"),
                              s.format("meals.confirm.hint", {{"pay", money(s, p.pay_cents)}}), shell::Icon::Check))
        confirm(*member);
    if (ctx_.ui.button("meals.abort", abortR, s.get("meals.abort"), shell::Icon::Back, ctx_.ui.secondaryStyle()))
        ctx_.router.back();
}

void MealsBookScreen::confirm(const domain::Member& member) {
    const auto& s = ctx_.strings;
    auto slot = domain::mealSlot(*ctx_.domain, flow_.slotId);
    const domain::BookResult r = domain::bookMeal(*ctx_.domain, member, flow_.slotId, flow_.delivery);
    if (ctx_.syncNow) ctx_.syncNow();
    const std::string failed = s.get("meals.failed");
    switch (r.outcome) {
    case domain::BookOutcome::Booked:
        flow_.bookingId = r.booking_id;
        ctx_.router.home();
        ctx_.router.push(ids::kMeals);
        ctx_.router.push(meals_ids::kVoucher);
        announce(ctx_, Feedback::Success, s.get("meals.booked"),
                 s.format(flow_.delivery ? "meals.booked.detail_delivery" : "meals.booked.detail",
                          {{"pay", money(s, r.price.pay_cents)}}));
        return;
    case domain::BookOutcome::AlreadyBooked:
        announce(ctx_, Feedback::Info, s.get("meals.already"), s.get("meals.already.detail"));
        break;
    case domain::BookOutcome::Full:
        announce(ctx_, Feedback::Failure, failed, s.get("meals.full.detail"));
        break;
    case domain::BookOutcome::PastCutoff:
        announce(ctx_, Feedback::Failure, failed,
                 slot ? pastCutoffText(ctx_, slot->slot, slot->cutoff) : s.get("meals.reason.past_cutoff"));
        break;
    case domain::BookOutcome::NotEligibleDelivery:
        announce(ctx_, Feedback::Failure, failed, s.get("meals.not_eligible_delivery"));
        break;
    case domain::BookOutcome::NoAddress:
        announce(ctx_, Feedback::Failure, failed, s.get("meals.no_address"));
        break;
    case domain::BookOutcome::UnknownSlot:
        announce(ctx_, Feedback::Failure, failed, s.get("meals.unknown_slot"));
        break;
    }
    // Not booked: back to the list of meals, which now shows why.
    ctx_.router.home();
    ctx_.router.push(ids::kMeals);
    ctx_.router.push(meals_ids::kSlots);
}

// ------------------------------------------------------------ meals.voucher

MealsVoucherScreen::MealsVoucherScreen(Context& ctx, MealsFlow& flow)
    : Screen(ctx, meals_ids::kVoucher, "meals.voucher.title"), flow_(flow) {}

void MealsVoucherScreen::drawContent(const shell::Rect& area) {
    auto member = flow_.member(ctx_);
    if (!member) {
        drawNeedCard(ctx_, area);
        return;
    }
    const auto& s = ctx_.strings;
    const shell::Metrics& m = ctx_.ui.m();
    const auto all = domain::myBookings(*ctx_.domain, member->id);
    auto it = std::find_if(all.begin(), all.end(), [&](const domain::Booking& b) { return b.id == flow_.bookingId; });
    if (it == all.end()) {
        ctx_.ui.paragraph(shell::FontRole::Title, s.get("meals.voucher.gone"), area.insetXY(m.margin, m.gap * 2),
                          ctx_.ui.c().text, true);
        return;
    }
    const domain::Booking& b = *it;
    ctx_.addText(b.canteen_name);
    const bool showQr = b.status == "booked";
    std::vector<CardLine> lines{{bookingHeading(ctx_, b), true, false}, {bookingState(ctx_, b), false, false}};
    if (showQr) {
        lines.push_back({s.format("meals.you_pay", {{"pay", money(s, b.pay_cents)}}), false, false});
        lines.push_back({s.get(b.delivery ? "meals.way.delivery" : "meals.way.pickup"), false, false});
    }
    if (showQr) lines.push_back({s.get("meals.voucher.show"), false, true});
    const bool portrait = ctx_.ui.theme().portrait();
    const bool canCancel = cancellable(ctx_, b);
    const float cancelH = m.touchMin * 1.2f;
    const float pad = m.gap;
    float qrSide = showQr ? shell::qrPreferredSide(m) : 0;
    shell::Rect textBox, qrBox;
    if (portrait) {
        const float textH = linesHeight(ctx_, lines, area.w - 2 * pad);
        textBox = {area.x + pad, area.y + pad, area.w - 2 * pad, textH};
        qrSide = std::min(qrSide, area.h - textH - cancelH - 4 * m.gap);
        qrBox = {area.cx() - qrSide / 2, textBox.bottom() + m.gap, qrSide, qrSide};
    } else {
        qrSide = std::min(qrSide, area.h - 2 * m.gap);
        qrBox = {area.x + m.gap, area.y + m.gap, qrSide, qrSide};
        const float x = qrBox.right() + m.gap * 2;
        textBox = {x, area.y + pad, area.right() - x - pad, area.h - cancelH - 3 * m.gap};
    }
    if (showQr) shell::qrCode(ctx_.ui, domain::voucherText(*ctx_.domain, b.id), qrBox);
    const float used = drawLines(ctx_, lines, textBox);
    if (canCancel) {
        const std::string label = s.get("meals.cancel_booking");
        const float w = buttonWidth(ctx_, label) * 1.3f;
        shell::Rect r = portrait ? shell::centredButton(area, qrBox.bottom() + m.gap * 1.5f, w, cancelH)
                                 : shell::Rect{textBox.x, textBox.y + used + m.gap, w, cancelH};
        if (ctx_.ui.button("meals.voucher.cancel", r, label, shell::Icon::Back, ctx_.ui.secondaryStyle()))
            ctx_.router.push(meals_ids::kCancel);
    }
}

}  // namespace screens
