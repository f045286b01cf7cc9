// screen.h — the base of every screen: it owns the frame.
//
// draw() is not virtual: every screen gets the same top bar (big Back and
// Home at the same place, the title, the text-size switch), the same status
// bar (station, sync state, clock) and the notice banner; a subclass fills
// only drawContent() with the rectangle between the bars. onEnter / onLeave
// run between frames when the router shows or hides the screen; onCard gets a
// card swipe first.
//
// Widget ids drawn by the frame: nav.read (every screen), nav.back, nav.home, textsize.standard,
// textsize.large, textsize.xlarge.
#pragma once

#include <string>

#include "screens/context.h"
#include "shell/ui/layout.h"

namespace screens {

class Screen {
public:
    Screen(Context& ctx, std::string id, std::string titleKey);
    virtual ~Screen() = default;
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    const std::string& id() const { return id_; }
    std::string title() const { return ctx_.strings.get(titleKey_); }

    // The whole frame: content first, then the bars over it.
    void draw();

    virtual void onEnter() {}
    virtual void onLeave() {}
    // A card was read while this screen shows (digits only). Return true if
    // the screen used it; false hands it to the shell's card handler
    // (identify the elder, then Home).
    virtual bool onCard(const std::string& /*cardNo*/) { return false; }
    // A code was scanned (the elder's QR code: "ELDER:m-000001" or a card
    // number). Return true if used; false hands it to the shell (identify).
    virtual bool onScan(const std::string& /*text*/) { return false; }

protected:
    virtual void drawContent(const shell::Rect& area) = 0;
    // The welcome screen has nothing to go back to.
    virtual bool showsNavigation() const { return true; }

    Context& ctx_;

private:
    void drawTopBar(const shell::FrameLayout& f);
    void drawStatusBar(const shell::FrameLayout& f);
    void drawNotice(const shell::FrameLayout& f);

    std::string id_;
    std::string titleKey_;
};

// The frame's layout for the current theme and words (also used by overlays).
shell::FrameLayout frameLayout(Context& ctx);

}  // namespace screens
