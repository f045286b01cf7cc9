#include "screens/screen.h"

#include <algorithm>

#include "core/clock.h"

namespace screens {

using shell::FontRole;
using shell::Rect;
using shell::TextAlign;

namespace {

std::string syncWords(const Context& ctx) {
    const shell::StatusInfo& st = ctx.status;
    switch (st.sync) {
        case shell::StatusInfo::Sync::NotEnrolled: return ctx.strings.get("status.not_enrolled");
        // Enrolled, the first cycle since start not finished yet: not
        // "offline". A station that synced before shows when it last did
        // (its data is that fresh), not "connecting" for its first seconds.
        case shell::StatusInfo::Sync::Waiting:
            if (!st.lastSyncHHMM.empty()) return ctx.strings.format("status.last_sync", {{"time", st.lastSyncHHMM}});
            return ctx.strings.get("status.connecting");
        case shell::StatusInfo::Sync::Offline: {
            std::string s = ctx.strings.get("status.offline");
            if (!st.lastSyncHHMM.empty())
                s += "  " + ctx.strings.format("status.last_sync", {{"time", st.lastSyncHHMM}});
            return s;
        }
        case shell::StatusInfo::Sync::Synced:
            return ctx.strings.format("status.last_sync", {{"time", st.lastSyncHHMM}});
    }
    return {};
}

}  // namespace

shell::FrameLayout frameLayout(Context& ctx, const std::string& title, bool withBanner) {
    const shell::Strings& s = ctx.strings;
    shell::FrameWords w;
    w.back = s.get("nav.back");
    w.home = s.get("nav.home");
    w.read = s.get("nav.read");
    w.textSize = s.format("textsize.button",
                          {{"size", s.get(std::string("textsize.") + shell::textSizeName(ctx.ui.theme().textSize()))}});
    w.title = title;
    // An alert for staff never gives way; the announcement's strip may.
    if (!ctx.alert.empty()) {
        w.banner = ctx.alert;  // nothing more to open: no 全文
    } else if (withBanner && !ctx.announcement.empty()) {
        w.banner = s.format("announcement.banner", {{"text", ctx.announcement}});
        w.bannerMore = s.get("banner.more");
    }
    w.bannerShort = s.get("banner.short");
    w.notice = ctx.notice;
    w.station = ctx.status.stationName.empty() ? s.get("station.unnamed") : ctx.status.stationName;
    w.sync = syncWords(ctx);
    // The longest of the sync states (syncWords()), for the bar's size.
    for (const std::string& longer :
         {s.get("status.not_enrolled"), s.get("status.connecting"), s.format("status.last_sync", {{"time", "00:00"}}),
          s.get("status.offline") + "  " + s.format("status.last_sync", {{"time", "00:00"}})})
        if (ctx.ui.textWidth(shell::FontRole::Body, longer) > ctx.ui.textWidth(shell::FontRole::Body, w.syncLongest))
            w.syncLongest = longer;
    w.clock = core::hhmmLocal(ctx.clock.now());
    return shell::layoutFrame(ctx.ui.theme(), w, ctx.ui.measure());
}

Screen::Screen(Context& ctx, std::string id, std::string titleKey)
    : ctx_(ctx), id_(std::move(id)), titleKey_(std::move(titleKey)) {}

void Screen::draw() {
    const std::string t = title();
    shell::FrameLayout f = frameLayout(ctx_, t);
    shell::Node root = content(f.content);
    // The content does not fit even at its least (a list's two items at 特大
    // in English): first the title gives way where the screen says it may
    // (welcome greets in its card), then the announcement's strip (an alert
    // for staff never does), then both, before the content scrolls as a whole.
    auto fits = [&] { return shell::heightOf(root, f.content.w).min <= f.content.h + 0.5f; };
    const bool titleGoes = titleGivesWay(), bannerGoes = f.stripIsBanner && ctx_.alert.empty();
    for (auto [withTitle, withBanner] : {std::pair{false, true}, std::pair{true, false}, std::pair{false, false}}) {
        if (fits()) break;
        if ((!withTitle && !titleGoes) || (!withBanner && !bannerGoes)) continue;
        f = frameLayout(ctx_, withTitle ? t : std::string(), withBanner);
        root = content(f.content);
    }
    ctx_.ui.pushRegion(f.content);
    ctx_.ui.layout(f.content, root);
    ctx_.ui.popRegion();
    // After the content: the shell's read-aloud reads what was drawn before
    // 朗读 (the content, then the title; it says the title first itself).
    drawTitle(f);
    drawTopBar(f);
    drawStrip(f);
    drawStatusBar(f);
}

void Screen::drawTitle(const shell::FrameLayout& f) {
    if (f.titleLines.empty()) return;  // it gave way (draw())
    shell::Ui& ui = ctx_.ui;
    ui.lines(FontRole::Title, f.titleLines, title(), f.title, ui.lineHeight(FontRole::Title), ui.c().text,
             TextAlign::Centre);
}

void Screen::drawTopBar(const shell::FrameLayout& f) {
    shell::Ui& ui = ctx_.ui;
    ui.fill(f.topBar, ui.c().barBg);
    ui.pushRegion(f.topBar);
    // Drawn first: the read-aloud takes the texts drawn before 朗读 as the screen's.
    if (ui.button(wid::kRead, f.read, ctx_.strings.get("nav.read"), shell::Icon::Speaker, ui.navStyle()))
        ctx_.readAloud();
    if (showsNavigation()) {
        if (ui.button(wid::kBack, f.back, ctx_.strings.get("nav.back"), shell::Icon::Back, ui.navStyle()))
            ctx_.router.back();
        if (ui.button(wid::kHome, f.home, ctx_.strings.get("nav.home"), shell::Icon::Home, ui.navStyle()))
            ctx_.router.home();
    }
    const std::string label = ctx_.strings.format(
        "textsize.button", {{"size", ctx_.strings.get(std::string("textsize.") + shell::textSizeName(ui.theme().textSize()))}});
    if (ui.button(wid::kTextSize, f.textSize, label, shell::Icon::TextSize, ui.navStyle())) ctx_.openTextSize();
    ui.popRegion();
}

void Screen::drawStrip(const shell::FrameLayout& f) {
    if (f.strip.h <= 0) return;
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    // The strip lies over whatever would be under it: the audit reports it.
    ui.cover(f.stripIsBanner ? "banner" : "notice", f.strip);
    const std::string whole = f.stripIsBanner ? std::string() : ctx_.notice;
    std::string shown;
    for (const auto& l : f.stripLines) shown += l;
    if (f.stripIsBanner && !ctx_.alert.empty()) {
        // An alert: red-on-white words and a target that brings staff to it.
        const shell::ButtonStyle style{c.offlineIcon, c.primaryText, c.cardBorder, true};
        ui.shadow(f.strip, m.radius);
        if (ui.button(wid::kAlertBanner, f.strip, "", shell::Icon::None, style)) {
            ctx_.staffThen = ids::kStaffHelp;
            ctx_.router.push(ids::kStaffLogin);
        }
        ui.lines(FontRole::Body, f.stripLines, shown, f.stripText, ui.paragraphLine(FontRole::Body), c.primaryText,
                 TextAlign::Left);
    } else if (f.stripIsBanner) {
        // The banner is a target: it opens the whole announcement.
        const shell::ButtonStyle style{c.noticeBg, c.noticeText, c.cardBorder, true};
        ui.shadow(f.strip, m.radius);
        if (ui.button(wid::kBanner, f.strip, "", shell::Icon::None, style) && ctx_.router.current() != ids::kAnnouncement)
            ctx_.router.push(ids::kAnnouncement);
        ui.lines(FontRole::Body, f.stripLines, shown, f.stripText, ui.paragraphLine(FontRole::Body), c.noticeText,
                 TextAlign::Left);
        ui.text(FontRole::Body, ctx_.strings.get("banner.more"), f.stripMore, c.noticeText, TextAlign::Right);
    } else {
        ui.shadow(f.strip, m.radius);
        ui.fill(f.strip, c.noticeBg, m.radius);
        ui.lines(FontRole::Body, f.stripLines, whole, f.stripText, ui.paragraphLine(FontRole::Body), c.noticeText,
                 TextAlign::Left);
    }
}

void Screen::drawStatusBar(const shell::FrameLayout& f) {
    shell::Ui& ui = ctx_.ui;
    const shell::Palette& c = ui.c();
    const shell::Metrics& m = ui.m();
    ui.fill(f.statusBar, c.statusBg);
    ui.fill({f.statusBar.x, f.statusBar.y, f.statusBar.w, std::max(1.0f, m.border * 0.67f)}, c.cardBorder);
    ui.pushRegion(f.statusBar);
    const float lh = ui.lineHeight(FontRole::Body);
    const std::string station =
        ctx_.status.stationName.empty() ? ctx_.strings.get("station.unnamed") : ctx_.status.stationName;
    ui.lines(FontRole::Body, f.stationLines, station, f.station, lh, c.statusText, TextAlign::Left);

    // Sync state: an icon and words, never colour alone.
    shell::Icon icon = shell::Icon::Synced;
    shell::Rgb iconColour = c.statusText;
    switch (ctx_.status.sync) {
        case shell::StatusInfo::Sync::NotEnrolled:
        case shell::StatusInfo::Sync::Offline:
            icon = shell::Icon::Offline;
            iconColour = c.offlineIcon;
            break;
        case shell::StatusInfo::Sync::Synced: iconColour = c.onlineIcon; break;
        case shell::StatusInfo::Sync::Waiting: break;
    }
    ui.icon(icon, f.syncIcon.cx(), f.syncIcon.cy(), f.syncIcon.w, iconColour);
    std::string sync;
    for (const auto& l : f.syncLines) sync += (sync.empty() ? "" : " ") + l;
    ui.lines(FontRole::Body, f.syncLines, sync, f.sync, lh, c.statusText, TextAlign::Left);
    ui.lines(FontRole::Body, {core::hhmmLocal(ctx_.clock.now())}, core::hhmmLocal(ctx_.clock.now()), f.clock, lh,
             c.statusText, TextAlign::Right);
    ui.popRegion();
}

}  // namespace screens
