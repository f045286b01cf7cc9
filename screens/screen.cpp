#include "screens/screen.h"

#include <algorithm>

#include "core/clock.h"

namespace screens {

using shell::FontRole;
using shell::Rect;

namespace {

float noticeHeight(Context& ctx) {
    return ctx.ui.lineHeight(FontRole::Body) + 2 * ctx.ui.m().gap * 0.6f;
}

}  // namespace

shell::FrameLayout frameLayout(Context& ctx) {
    const shell::Strings& s = ctx.strings;
    shell::TopBarLabels labels{s.get("nav.back"), s.get("nav.home"), s.get("textsize.label"),
                               {s.get("textsize.standard"), s.get("textsize.large"), s.get("textsize.xlarge")},
                               s.get("nav.read")};
    shell::FrameLayout f = shell::layoutFrame(ctx.ui.theme(), labels, ctx.ui.measure());
    // The district's announcement stays on screen: it gets its own strip above
    // the status bar instead of covering the content (a notice may cover it).
    if (!ctx.announcement.empty()) {
        const shell::Metrics& m = ctx.ui.m();
        f.content.h = std::max(0.0f, f.content.h - (noticeHeight(ctx) + m.gap));
    }
    return f;
}

Screen::Screen(Context& ctx, std::string id, std::string titleKey)
    : ctx_(ctx), id_(std::move(id)), titleKey_(std::move(titleKey)) {}

void Screen::draw() {
    shell::FrameLayout f = frameLayout(ctx_);
    drawContent(f.content);
    drawTopBar(f);
    drawStatusBar(f);
    drawNotice(f);
}

void Screen::drawTopBar(const shell::FrameLayout& layout) {
    shell::Ui& ui = ctx_.ui;
    const shell::Palette& c = ui.c();
    ui.fill(layout.topBar, c.barBg);

    // Drawn first: the shell's read-aloud takes the texts drawn before 朗读 as the content.
    shell::FrameLayout f = layout;
    const Rect read = f.read;
    if (ui.button("nav.read", read, ctx_.strings.get("nav.read"), shell::Icon::Speaker, ui.navStyle()))
        ctx_.readAloud();
    if (f.topRows == 1) {
        const float left = read.right() + ui.m().gap;
        f.title.w = std::max(0.0f, f.title.right() - left);
        f.title.x = left;
    }

    if (showsNavigation()) {
        if (ui.button("nav.back", f.back, ctx_.strings.get("nav.back"), shell::Icon::Back, ui.navStyle()))
            ctx_.router.back();
        if (ui.button("nav.home", f.home, ctx_.strings.get("nav.home"), shell::Icon::Home, ui.navStyle()))
            ctx_.router.home();
    }

    // Centred on the panel when it fits there, else in the space it has.
    const std::string t = title();
    const float tw = ui.textWidth(FontRole::Title, t);
    Rect panelCentre{float(ui.theme().width()) / 2 - tw / 2, f.title.y, tw, f.title.h};
    bool fitsCentred = panelCentre.x >= f.title.x && panelCentre.right() <= f.title.right();
    ui.textCentred(FontRole::Title, t, fitsCentred ? panelCentre : f.title, c.barText);

    if (f.textSizeLabel.w > 0)
        ui.textRight(FontRole::Body, ctx_.strings.get("textsize.label"), f.textSizeLabel, c.barText);
    static constexpr shell::TextSize kSizes[] = {shell::TextSize::Standard, shell::TextSize::Large,
                                                 shell::TextSize::ExtraLarge};
    for (int i = 0; i < 3; ++i) {
        shell::TextSize size = kSizes[i];
        bool selected = ui.theme().textSize() == size;
        shell::ButtonStyle style = ui.navStyle();
        if (selected) style = {c.segmentSelectedBg, c.segmentSelectedText, c.segmentSelectedBg, false};
        std::string id = std::string("textsize.") + shell::textSizeName(size);
        std::string key = std::string("textsize.") + shell::textSizeName(size);
        if (ui.button(id, f.textSize[size_t(i)], ctx_.strings.get(key), shell::Icon::None, style, selected) &&
            !selected)
            ctx_.setTextSize(size);
    }
}

void Screen::drawStatusBar(const shell::FrameLayout& f) {
    shell::Ui& ui = ctx_.ui;
    const shell::Palette& c = ui.c();
    const shell::Metrics& m = ui.m();
    const Rect& bar = f.statusBar;
    ui.fill(bar, c.statusBg);
    ui.fill({bar.x, bar.y, bar.w, std::max(1.0f, m.border * 0.67f)}, c.cardBorder);

    const Rect inner = bar.insetXY(m.margin, 0);
    const std::string clock = core::hhmmLocal(ctx_.clock.now());
    const float clockW = ui.textWidth(FontRole::Body, clock);
    ui.textRight(FontRole::Body, clock, inner, c.statusText);

    // Sync state: an icon and words, never colour alone.
    const shell::StatusInfo& st = ctx_.status;
    std::string syncText;
    shell::Icon syncIcon = shell::Icon::None;
    shell::Rgb iconColour = c.statusText;
    switch (st.sync) {
        case shell::StatusInfo::Sync::NotEnrolled:
            syncText = ctx_.strings.get("status.not_enrolled");
            syncIcon = shell::Icon::Offline;
            iconColour = c.offlineIcon;
            break;
        case shell::StatusInfo::Sync::Waiting:
            // Enrolled, first cycle not finished yet: not "offline".
            syncText = ctx_.strings.get("status.connecting");
            syncIcon = shell::Icon::Synced;
            break;
        case shell::StatusInfo::Sync::Offline:
            syncText = ctx_.strings.get("status.offline");
            if (!st.lastSyncHHMM.empty())
                syncText += "  " + ctx_.strings.format("status.last_sync", {{"time", st.lastSyncHHMM}});
            syncIcon = shell::Icon::Offline;
            iconColour = c.offlineIcon;
            break;
        case shell::StatusInfo::Sync::Synced:
            syncText = ctx_.strings.format("status.last_sync", {{"time", st.lastSyncHHMM}});
            syncIcon = shell::Icon::Synced;
            iconColour = c.onlineIcon;
            break;
    }
    const float iconS = m.iconNav * 0.8f;
    const float syncW = ui.textWidth(FontRole::Body, syncText);
    const float syncRight = inner.right() - clockW - m.gap * 1.5f;
    ui.textRight(FontRole::Body, syncText, {syncRight - syncW, inner.y, syncW, inner.h}, c.statusText);
    ui.icon(syncIcon, syncRight - syncW - m.gap * 0.4f - iconS / 2, inner.cy(), iconS, iconColour);

    const std::string& station =
        st.stationName.empty() ? ctx_.strings.get("station.unnamed") : st.stationName;
    const float stationW = syncRight - syncW - iconS - m.gap * 1.5f - inner.x;
    ui.textLeft(FontRole::Body, station, {inner.x, inner.y, std::max(0.0f, stationW), inner.h}, c.statusText);
}

void Screen::drawNotice(const shell::FrameLayout& f) {
    // A short-lived notice wins; otherwise the district's announcement stays.
    const std::string text = !ctx_.notice.empty()         ? ctx_.notice
                             : !ctx_.announcement.empty() ? ctx_.strings.format("announcement.banner",
                                                                                {{"text", ctx_.announcement}})
                                                          : std::string();
    if (text.empty()) return;
    shell::Ui& ui = ctx_.ui;
    const shell::Metrics& m = ui.m();
    const float h = noticeHeight(ctx_);
    const float w = std::min(f.content.w, ui.textWidth(FontRole::Body, text) + 4 * m.gap);
    Rect box{f.content.cx() - w / 2, f.statusBar.y - m.gap * 0.5f - h, w, h};
    ui.shadow(box, m.radius);
    ui.fill(box, ui.c().noticeBg, m.radius);
    ui.textCentred(FontRole::Body, text, box.insetXY(m.gap, 0), ui.c().noticeText);
}

}  // namespace screens
