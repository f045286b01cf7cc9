// screen.h — the base of every screen: it owns the frame (shell/ui/layout.h).
//
// draw() is not virtual: every screen gets the same top bar (返回 首页 朗读,
// 字号), its title centred under it, the banner or a notice in their own
// strip, and the status bar. A subclass only says what its content is, as a
// tree of measured nodes (shell/ui/stack.h) built from its view model;
// draw() lays it out in the content rectangle. Nothing in a screen places
// anything by hand, and nothing in draw code reads the database: a step loads
// its view model in onEnter() and again after an action.
//
// onEnter / onLeave run between frames when the router shows or hides the
// screen; onCard / onScan get a card swipe or a scanned code first.
#pragma once

#include <string>

#include "screens/context.h"
#include "screens/ids.h"
#include "shell/ui/layout.h"
#include "shell/ui/stack.h"

namespace screens {

class Screen {
public:
    Screen(Context& ctx, std::string id, std::string titleKey);
    virtual ~Screen() = default;
    Screen(const Screen&) = delete;
    Screen& operator=(const Screen&) = delete;

    const std::string& id() const { return id_; }
    virtual std::string title() const { return ctx_.strings.get(titleKey_); }

    // The whole frame: content first, then the title, the bars and the strip.
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
    // What the screen shows, laid out in `area` (the content rectangle).
    virtual shell::Node content(const shell::Rect& area) = 0;
    // The welcome screen has nothing to go back to.
    virtual bool showsNavigation() const { return true; }
    // The title may give way when the content does not fit otherwise (the
    // welcome screen's card says 您好，欢迎光临 already).
    virtual bool titleGivesWay() const { return false; }

    Context& ctx_;

private:
    void drawTitle(const shell::FrameLayout& f);
    void drawTopBar(const shell::FrameLayout& f);
    void drawStrip(const shell::FrameLayout& f);
    void drawStatusBar(const shell::FrameLayout& f);

    std::string id_;
    std::string titleKey_;
};

// The frame's layout for the current theme and words, with this title.
// `withBanner` false: the announcement's strip gives way (a screen whose
// content does not fit beside it; the welcome and home screens show it).
shell::FrameLayout frameLayout(Context& ctx, const std::string& title, bool withBanner = true);

}  // namespace screens
