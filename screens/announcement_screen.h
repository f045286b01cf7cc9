// announcement_screen.h — 公告: the district's whole announcement, wrapped,
// in a card that scrolls if it is long. The banner strip (screen.cpp) shows
// the first whole sentences that fit on every screen and opens this one.
#pragma once

#include "screens/screen.h"

namespace screens {

class AnnouncementScreen final : public Screen {
public:
    explicit AnnouncementScreen(Context& ctx);

protected:
    shell::Node content(const shell::Rect& area) override;
};

}  // namespace screens
