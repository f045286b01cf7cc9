// Staff mode: its steps, the hidden corner that opens it, and what the steps share.
#include "screens/staff/staff.h"

#include "screens/format.h"
#include "screens/keypad.h"
#include "screens/parts.h"
#include "screens/staff/state.h"

namespace screens {

void addStaffScreens(Context& ctx, std::vector<std::unique_ptr<Screen>>& out) {
    auto st = std::make_shared<staff::State>();
    for (auto make : {staff::loginStep, staff::pinStep, staff::homeStep, staff::rapidTargetsStep, staff::rapidStep,
                      staff::lookupStep, staff::rosterTargetsStep, staff::rosterStep, staff::rejectedStep,
                      staff::helpStep, staff::statusStep, staff::deliveriesStep, staff::moreStep, staff::careStep,
                      staff::actStep, staff::enrolStep, staff::cardStep})
        out.push_back(make(ctx, st));
}

void drawStaffCorner(Context& ctx) {
    constexpr std::int64_t kHoldMs = 3000;  // the corner is held this long
    shell::Ui& ui = ctx.ui;
    const shell::FrameLayout f = frameLayout(ctx, "");
    // Where Back sits on every other screen: the same colour as the bar, so
    // elders do not see a target; a pressed finger darkens it (feedback).
    const shell::ButtonStyle hidden{ui.c().barBg, ui.c().barText, ui.c().barBg, false};
    ui.pushRegion(f.topBar);
    if (ui.holdButton(wid::kStaffCorner, f.back, hidden, ctx.clock.monotonicMs(), kHoldMs, ctx.wake)) {
        ctx.session.clear();
        ctx.router.push(ids::kStaffLogin);
    }
    ui.popRegion();
}

namespace staff {

bool Step::admit() {
    if (ctx_.domain && st().unlocked) return true;
    ctx_.router.reset(ids::kWelcome);
    return false;
}

std::string targetTitle(const Context& ctx, const domain::RapidTarget& t) {
    if (t.kind == domain::RapidKind::Activity)
        return ctx.strings.format("staff.target.activity", {{"time", hhmm(t.starts_at)}, {"title", t.title}});
    const bool lunch = t.starts_at.find("T11") != std::string::npos;
    return ctx.strings.format("staff.target.meal",
                              {{"canteen", t.title}, {"slot", ctx.strings.get(lunch ? "staff.slot.lunch" : "staff.slot.dinner")}});
}

void lookupKey(Context& ctx, State& st, const std::string& k) {
    std::string& q = st.query;
    if (k == "del") {
        if (!q.empty()) {
            do q.pop_back();
            while (!q.empty() && (static_cast<unsigned char>(q.back()) & 0xC0) == 0x80);
        }
    } else if (k == "clear") {
        q.clear();
    } else {
        q += k;
    }
    lookupSearch(ctx, st);
}

void lookupSearch(Context& ctx, State& st) {
    if (st.query.size() < 2) {
        st.found.clear();
        st.searched = false;
        return;
    }
    st.found = domain::searchMembers(ctx.domain->db, st.query, kLookupLimit);
    for (const auto& f : st.found) ctx.addText(domain::maskName(f.name));
    st.searched = true;
}

shell::Node lookupView(Context& ctx, State& st, const LookupView& v) {
    using shell::Node;
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    const auto& str = ctx.strings;
    if (ui.typed(st.query)) lookupSearch(ctx, st);
    Node field = ui.card(heading(ctx, st.query.empty() ? " " : st.query), m.gap * 0.5f);
    Node pad = keypad(ctx, {wid::kLookupPad, "clear", str.get("staff.lookup.clear"), shell::Icon::None, "del",
                            str.get("staff.pin.del"), shell::Icon::Back, false},
                      [&ctx, &st](const std::string& k) { lookupKey(ctx, st, k); });
    pad.align = shell::Align::Centre;
    Node results = shell::column(m.targetGap);
    if (!st.searched) {
        results.add(muted(ctx, str.get(v.hintKey)));
    } else if (st.found.empty()) {
        results.add(body(ctx, str.get("staff.lookup.none")));
    } else {
        for (std::size_t i = 0; i < st.found.size(); ++i) {
            const domain::Member mem = st.found[i];
            const std::string label = str.format("staff.lookup.row", {{"name", domain::maskName(mem.name)},
                                                                      {"phone", mem.phone_last4},
                                                                      {"born", mem.birth_ym.substr(0, 4)}});
            results.add(ui.button(v.rowId(i), label, shell::Icon::Person, ui.secondaryStyle(),
                                  [pick = v.pick, mem] { pick(mem); }, m.touchMin));
        }
    }
    Node found = ui.scroll(v.resultsId, std::move(results), m.touchMin * 1.5f);
    found.grow = 1;
    Node words = shell::column(m.gap * 0.5f, {body(ctx, str.get(v.askKey)), std::move(field), std::move(found)});
    words.grow = 1;
    if (ui.theme().portrait()) return shell::column(m.gap, {std::move(words), std::move(pad)});
    return shell::row(m.gap * 2, {std::move(words), std::move(pad)});
}

void noteRapid(Context& ctx, State& st, const domain::RapidResult& r) {
    ctx.addText(r.masked_name);
    const bool good = r.outcome == domain::RapidOutcome::Ok || r.outcome == domain::RapidOutcome::WalkIn;
    ctx.playSound(good ? Feedback::Success : Feedback::Failure);  // the queue hears each answer
    if (good) {
        st.undoable.push_back(r);
        ctx.syncNow();
    }
    st.last = r;
    st.scan.reset();
    st.count = r.count;
    st.lastWasUndo = false;
    // A card of an elder without a booking: a voucher scanned next must be theirs.
    constexpr std::int64_t kCounterMs = 60'000;
    if (r.outcome == domain::RapidOutcome::NotBooked) {
        st.atCounter = r.member_id;
        st.atCounterUntilMs = ctx.clock.monotonicMs() + kCounterMs;
    } else {
        st.atCounter.clear();
    }
}

void noteScan(Context& ctx, State& st, const domain::ScanResult& r) {
    noteRapid(ctx, st, r.rapid());
    st.scan = r;  // after noteRapid, which clears it
}

std::string deliveryTitle(const Context& ctx, const domain::DeliverySlot& d) {
    return ctx.strings.format("staff.deliveries.target",
                              {{"slot", ctx.strings.get(d.slot == "lunch" ? "staff.slot.lunch" : "staff.slot.dinner")},
                               {"canteen", d.canteen_name},
                               {"n", std::to_string(d.total)}});
}

}  // namespace staff
}  // namespace screens
