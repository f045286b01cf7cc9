// audit.h — the layout audit: what DESIGN.md's "nothing on screen overlaps"
// and the elder-friendly numbers mean for one frame, checked on the frame's
// record (widget_registry.h). Plain C++: tests feed it frames by hand.
//
// Rules (each Violation names one):
//   outside   a target lies partly outside its region (the content rectangle,
//             a bar, an overlay), which a scroll area is not (there it is
//             scrolled away, and the script driver will not tap it)
//   covered   a target or a text lies under the banner or a notice
//   overlap   two targets overlap
//   small     a target is under the minimum size (96 px at 1080p) either way
//   close     two targets are closer than the minimum gap (24 px at 1080p)
//   cut       a text's lines do not fit its box (it would be drawn outside it)
//   clipped   a text's box lies partly outside its region
//   overflow  a screen's content did not fit even with everything that gives
//             way given way, and scrolls as a whole
// Targets and texts under a modal overlay (idle, answer, chooser) are not
// checked: the overlay is what shows.
//
// `kiosk --strict-layout` audits every settled frame and stops at the first
// violation (exit 3) with Violation::line(); without it they go to the state
// file's `layout_violations`.
#pragma once

#include <string>
#include <vector>

#include "shell/ui/widget_registry.h"

namespace shell {

struct AuditRules {
    float minTarget = 96;  // Metrics::touchMin
    float minGap = 24;     // Metrics::targetGap
};

struct Violation {
    std::string rule;                  // outside, covered, overlap, small, close, cut, clipped, overflow
    std::vector<std::string> widgets;  // ids, or "text '...'" for a text
    std::string detail;                // the numbers
    // "layout: screen 'home': overlap: home.meals, home.help: ..." — one line.
    std::string line(const std::string& screen) const;
    friend bool operator==(const Violation&, const Violation&) = default;
};

std::vector<Violation> auditFrame(const FrameRecord& frame, const AuditRules& rules);

}  // namespace shell
