// ui.h — what screens draw with. Screens never call ImGui themselves: every
// text, target, shape and layout goes through here, so every frame can be
// audited (audit.h) and every string read aloud.
//
// Index
//   frame       begin(), regions (the rectangle targets and texts must lie in)
//   text        drawn in a box, wrapped, never cut with "…"; each one is
//               recorded with the room it took (the audit's `cut` rule), its
//               characters go into the glyph set
//   targets     button, tile, primaryButton, holdButton: a stable id
//               (WidgetRegistry), fire on release inside the target, show
//               pressed within the frame, state never by colour alone
//   shapes      fill, card, shadow, icon, disc, qr
//   input       typed(): what a keyboard or scanner typed into a search field
//   layout      the measured stack's builders (stack.h) and layout(): a
//               screen builds its nodes, layout() measures, places and draws
//               them in the content rectangle; scroll containers scroll by
//               dragging (past Metrics::dragThreshold a drag cancels the tap)
// All sizes and colours come from the Theme, never literals in a screen.
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "shell/ui/drag_scroll.h"
#include "shell/ui/icons.h"
#include "shell/ui/layout.h"
#include "shell/ui/stack.h"
#include "shell/ui/theme.h"

struct ImFont;
struct ImDrawList;

namespace shell {

class Fonts;
class WidgetRegistry;

struct ButtonStyle {
    Rgb fill, text;
    Rgb border;
    bool outlined = false;
};

enum class TextAlign { Left, Centre, Right };

class Ui {
public:
    Ui(Fonts& fonts, WidgetRegistry& widgets);

    // ---- frame
    // Per frame, inside the screen's ImGui window.
    void begin(const Theme& theme);
    const Theme& theme() const { return *theme_; }
    const Metrics& m() const { return theme_->m(); }
    const Palette& c() const { return theme_->c(); }
    // Targets and texts drawn until popRegion() must lie inside `r` (the
    // content rectangle, a bar, an overlay's card).
    void pushRegion(const Rect& r);
    void popRegion();
    // A strip drawn over whatever lies under it (the banner, a notice): the
    // audit reports anything under it, the script driver will not tap it.
    void cover(std::string_view what, const Rect& r);
    // A modal overlay (idle, answer, chooser) now covers the whole screen.
    void occludeAll();

    // ---- text
    float textWidth(FontRole role, std::string_view text) const;
    float emPx(FontRole role) const;
    float lineHeight(FontRole role) const;     // one line of a label (1.3 em body, 1.2 em titles)
    float paragraphLine(FontRole role) const;  // a line of wrapped text (1.5 em for body, 1.2 for titles)
    Measure measure() const;
    std::vector<std::string> wrap(FontRole role, std::string_view text, float width) const;
    // Height of `text` wrapped to `width`.
    float textHeight(FontRole role, std::string_view text, float width) const;
    // Draws `text` wrapped in `box`, vertically centred in it.
    void text(FontRole role, std::string_view text, const Rect& box, Rgb colour, TextAlign align = TextAlign::Left);
    // Lines already wrapped (the frame's), one per `lineH` from the box's top.
    void lines(FontRole role, const std::vector<std::string>& lines, const std::string& whole, const Rect& box,
               float lineH, Rgb colour, TextAlign align);

    // ---- targets (true on the frame the tap completes)
    bool button(std::string_view id, const Rect& r, std::string_view label, Icon icon, const ButtonStyle& style,
                bool selected = false);
    bool tile(std::string_view id, const Rect& r, std::string_view label, std::string_view hint, Icon icon,
              Rgb colour, bool showHint = true, bool showIcon = true);
    bool primaryButton(std::string_view id, const Rect& r, std::string_view line1, std::string_view line2, Icon icon);
    // A target that fires after being held `holdMs` (staff mode's hidden
    // corner); owes frames while a finger rests on it.
    bool holdButton(std::string_view id, const Rect& r, const ButtonStyle& style, std::int64_t nowMs,
                    std::int64_t holdMs, const std::function<void()>& wake);
    ButtonStyle navStyle() const;        // blue on white, on the blue bar
    ButtonStyle secondaryStyle() const;  // outlined, on the page
    ButtonStyle primaryStyle() const;    // filled, the step's main action
    ButtonStyle selectedStyle() const;   // a chosen option (with its check mark)

    // ---- shapes
    void fill(const Rect& r, Rgb colour, float rounding = 0, float alpha = 1.0f);
    void card(const Rect& r);  // white card with a soft shadow
    void shadow(const Rect& r, float rounding);
    void icon(Icon icon, float cx, float cy, float size, Rgb colour);
    void disc(float cx, float cy, float radius, Rgb colour);
    // A QR code for `text`, as large as fits in `box` (whole pixels a module,
    // quiet zone included), centred. Returns the square drawn.
    Rect qr(std::string_view text, const Rect& box);

    // ---- input
    // Characters typed on a keyboard this frame go into `into` (Backspace
    // removes the last character). True when `into` changed.
    bool typed(std::string& into);

    // ---- layout: builders for the measured stack (stack.h)
    Node text(FontRole role, std::string text, Rgb colour, TextAlign align = TextAlign::Left);
    // A line of small print that may be dropped when room is short.
    Node hint(std::string text, TextAlign align = TextAlign::Left);
    // One line of the title font drawn `times` as large (the 紧急 number in
    // huge digits): it never wraps; it shrinks to fit, down to the title size.
    Node bigText(std::string text, Rgb colour, float times);
    Node icon(Icon icon, Rgb colour, float minSide, float prefSide);
    Node button(std::string id, std::string label, Icon icon, ButtonStyle style, std::function<void()> onTap,
                float minH = 0, bool selected = false);
    Node primary(std::string id, std::string line1, std::string line2, Icon icon, std::function<void()> onTap,
                 float minH = 0);
    struct TileSpec {
        std::string id, label, hint;
        Icon icon = Icon::None;
        Rgb colour;
        std::function<void()> onTap;
    };
    Node tile(TileSpec spec);
    // Tiles in a grid, `columns` across, sharing the room it gets; they look
    // alike: hints and icons on all of them or on none.
    Node tileGrid(std::vector<TileSpec> tiles, int columns);
    // A whole card that is one target (a list item): `content` is drawn on it,
    // padded half a gap (a list shows two whole items at 大 in landscape).
    Node pressable(std::string id, Node content, ButtonStyle style, std::function<void()> onTap);
    Node qr(std::string text, float minSide, float prefSide);
    // A white card around `content`, padded.
    Node card(Node content, float pad = -1);
    // `content` in a scroll area of at least `minH` (it shrinks to that before
    // it scrolls).
    Node scroll(std::string id, Node content, float minH);
    // A list (a column of items) in a scroll area that shows at least two
    // whole items, one and a half at 特大 (issue 13): what is around it gives
    // way first.
    Node list(std::string id, Node items, float minH);
    // Measures, places and draws `root` in `area`. What does not fit even at
    // its minimum scrolls as a whole (id "screen.scroll").
    void layout(const Rect& area, Node& root);

private:
    ImDrawList* drawList() const;
    ImFont* font(FontRole role) const;
    // The hit test shared by every target. Registers the id with its rect.
    bool hit(std::string_view id, const Rect& r, bool* held);
    void record(std::string_view text, const Rect& box, float needW, float needH, float wordW = 0);
    // The widest word of a text that took more than one line (the audit's `broken`).
    float wordWidth(FontRole role, std::string_view text, std::size_t lines) const;
    void drawLines(FontRole role, const std::vector<std::string>& lines, const Rect& box, float lineH, Rgb colour,
                   TextAlign align);
    void place(Node& n, const Rect& rect);
    Rect beginScroll(std::string_view id, const Rect& area, float contentHeight);
    void endScroll();

    struct Region {
        Rect rect;
        bool scrolled = false;
    };
    Fonts& fonts_;
    WidgetRegistry& widgets_;
    const Theme* theme_ = nullptr;
    std::vector<Region> regions_;
    std::map<std::string, DragScroll, std::less<>> drags_;
    std::vector<Rect> scrollBars_;  // of the open scroll areas: where ImGui draws each bar
    std::map<std::string, std::int64_t, std::less<>> holds_;
};

// ImGui style from the theme (scrollbars, window padding, colours).
void applyImGuiStyle(const Theme& theme);

}  // namespace shell
