// 我的订餐 (meals.mine): every upcoming booking with its state in words, its
// pickup QR code and 取消 before the cut-off; the cancel confirmation (meals.cancel).
#include <algorithm>
#include <cmath>

#include "screens/meals_flow.h"
#include "screens/meals_format.h"
#include "screens/meals_ui.h"
#include "screens/screen_ids.h"
#include "shell/qr.h"

namespace screens {

MealsMineScreen::MealsMineScreen(Context& ctx, MealsFlow& flow)
    : Screen(ctx, meals_ids::kMine, "meals.mine.title"), flow_(flow) {}

void MealsMineScreen::onEnter() { askForMember(ctx_, id()); }

void MealsMineScreen::drawContent(const shell::Rect& area) {
    auto member = flow_.member(ctx_);
    if (!member) {
        drawNeedCard(ctx_, area);
        return;
    }
    const auto& s = ctx_.strings;
    const shell::Metrics& m = ctx_.ui.m();
    const auto list = domain::myBookings(*ctx_.domain, member->id);
    if (list.empty()) {
        ctx_.ui.paragraph(shell::FontRole::Title, s.get("meals.mine.empty"), area.insetXY(m.margin, m.gap * 2),
                          ctx_.ui.c().text, true);
        return;
    }
    const float pad = m.gap;
    const float qrSide = std::round(m.touchMin * 2.6f);
    const float cancelH = m.touchMin * 1.1f;
    const float textW = area.w - 3 * pad - qrSide;
    struct Row {
        std::vector<CardLine> lines;
        bool qr = false, cancel = false;
        float h = 0;
    };
    std::vector<Row> rows;
    float total = 0;
    for (const auto& b : list) {
        ctx_.addText(b.canteen_name);
        Row r;
        r.lines = {{bookingHeading(ctx_, b), true, false}, {bookingState(ctx_, b), false, false}};
        if (b.status == "booked" || b.status == "picked_up")
            r.lines.push_back({s.format("meals.you_pay", {{"pay", money(s, b.pay_cents)}}), false, false});
        r.qr = b.status == "booked";
        r.cancel = cancellable(ctx_, b);
        const float textH = linesHeight(ctx_, r.lines, textW) + (r.cancel ? m.gap * 0.5f + cancelH : 0);
        r.h = 2 * pad + std::max(textH, r.qr ? qrSide : 0.0f);
        total += r.h + m.gap;
        rows.push_back(std::move(r));
    }
    shell::Rect content = ctx_.ui.beginScroll("meals.mine.list", area, total);
    float y = content.y;
    for (std::size_t i = 0; i < rows.size(); ++i) {
        const Row& r = rows[i];
        shell::Rect box{content.x, y, content.w, r.h};
        ctx_.ui.card(box);
        const float used = drawLines(ctx_, r.lines, {box.x + pad, box.y + pad, textW, box.h - 2 * pad});
        if (r.qr) shell::qrCode(ctx_.ui, domain::voucherText(*ctx_.domain, list[i].id), {box.right() - pad - qrSide, box.y + pad, qrSide, qrSide});
        if (r.cancel) {
            const std::string label = s.get("meals.cancel_booking");
            shell::Rect b{box.x + pad, box.y + pad + used + m.gap * 0.5f, buttonWidth(ctx_, label) * 1.2f, cancelH};
            if (ctx_.ui.button("meals.mine.cancel." + std::to_string(i), b, label, shell::Icon::Back,
                               ctx_.ui.secondaryStyle())) {
                flow_.bookingId = list[i].id;
                ctx_.router.push(meals_ids::kCancel);
            }
        }
        y += r.h + m.gap;
    }
    ctx_.ui.endScroll();
}

// ------------------------------------------------------------ meals.cancel

MealsCancelScreen::MealsCancelScreen(Context& ctx, MealsFlow& flow)
    : Screen(ctx, meals_ids::kCancel, "meals.cancel.title"), flow_(flow) {}

void MealsCancelScreen::drawContent(const shell::Rect& area) {
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
    const domain::Booking b = *it;
    shell::Rect rest = drawQuestion(ctx_, area, s.get("meals.ask_cancel"));
    std::vector<CardLine> lines{{bookingHeading(ctx_, b), true, false},
                                {s.get("meals.cancel.explain"), false, false}};
    const float pad = m.gap;
    const float textW = rest.w - 2 * pad;
    shell::Rect card{rest.x, rest.y, rest.w, 2 * pad + linesHeight(ctx_, lines, textW)};
    ctx_.ui.card(card);
    drawLines(ctx_, lines, card.inset(pad));
    const float bh = m.touchMin * 1.4f;
    const bool portrait = ctx_.ui.theme().portrait();
    const float bw = portrait ? rest.w : (rest.w - m.gap * 2) / 2;
    const float y = card.bottom() + m.gap * 1.5f;
    const shell::Rect yes{rest.x, y, bw, bh};
    shell::Rect no = portrait ? shell::Rect{rest.x, y + bh + m.gap * 1.5f, bw, bh}
                              : shell::Rect{rest.right() - bw, y, bw, bh};
    const shell::ButtonStyle primary{ctx_.ui.c().primary, ctx_.ui.c().primaryText, ctx_.ui.c().primary, false};
    if (ctx_.ui.button("meals.cancel.yes", yes, s.get("meals.cancel.yes"), shell::Icon::Check, primary)) {
        const auto r = domain::cancelBooking(*ctx_.domain, member->id, b.id);
        if (ctx_.syncNow) ctx_.syncNow();
        if (r == domain::CancelOutcome::Cancelled)
            announce(ctx_, Feedback::Success, s.get("meals.cancelled"), s.get("meals.cancelled.detail"));
        else if (r == domain::CancelOutcome::PastCutoff)
            announce(ctx_, Feedback::Failure, s.get("meals.cancel_failed"),
                     s.format("meals.cancel_late", {{"time", clockTime(b.cutoff)}}));
        else if (r == domain::CancelOutcome::NotHere)
            announce(ctx_, Feedback::Failure, s.get("meals.cancel_failed"),
                     s.format("meals.cancel_elsewhere", {{"canteen", b.canteen_name}}));
        else
            announce(ctx_, Feedback::Failure, s.get("meals.cancel_failed"), s.get("meals.voucher.gone"));
        ctx_.router.home();
        ctx_.router.push(ids::kMeals);
        ctx_.router.push(meals_ids::kMine);
    }
    if (ctx_.ui.button("meals.cancel.no", no, s.get("meals.cancel.no"), shell::Icon::Back, ctx_.ui.secondaryStyle()))
        ctx_.router.back();
}

}  // namespace screens
