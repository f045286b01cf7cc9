#include "screens/announcement_screen.h"

#include "screens/parts.h"

namespace screens {

AnnouncementScreen::AnnouncementScreen(Context& ctx) : Screen(ctx, ids::kAnnouncement, "announcement.title") {}

shell::Node AnnouncementScreen::content(const shell::Rect& /*area*/) {
    shell::Ui& ui = ctx_.ui;
    if (ctx_.announcement.empty()) return emptyNote(ctx_, ctx_.strings.get("announcement.none"));
    shell::Node text = ui.text(shell::FontRole::Body, ctx_.announcement, ui.c().cardText);
    shell::Node card = ui.card(ui.scroll(wid::kAnnouncementText, std::move(text), ui.m().touchMin * 1.5f), ui.m().gap * 1.5f);
    return shell::column(0, {std::move(card)});
}

}  // namespace screens
