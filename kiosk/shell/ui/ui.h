// ui.h — what screens draw with: text, buttons, tiles, cards, scroll areas.
//
// Index
//   Ui            one per kiosk; begin() each frame with the theme in force
//   text*         every string goes through here: recorded for the script
//                 driver (expect_text) and added to the glyph set
//   button/tile   targets with a stable id (WidgetRegistry); they fire on
//                 release inside the target (ImGui's ButtonBehavior), show
//                 pressed within the frame, and carry an icon or check mark
//                 besides colour for state
//   scroll areas  beginScroll/endScroll: lists scroll by dragging; a drag
//                 past Metrics::dragThreshold cancels the tap under the finger
// All positions are screen pixels from shell::Rect (layout.h); all sizes and
// colours come from the Theme, never literals in a screen.
#pragma once

#include <map>
#include <string>
#include <string_view>
#include <vector>

#include <imgui.h>

#include "shell/ui/drag_scroll.h"
#include "shell/ui/icons.h"
#include "shell/ui/layout.h"
#include "shell/ui/theme.h"

namespace shell {

class Fonts;
class WidgetRegistry;

ImU32 toU32(Rgb c, float alpha = 1.0f);

struct ButtonStyle {
    Rgb fill, text;
    Rgb border;
    bool outlined = false;
};

class Ui {
public:
    Ui(Fonts& fonts, WidgetRegistry& widgets);

    // Per frame, inside the screen's ImGui window.
    void begin(const Theme& theme);
    const Theme& theme() const { return *theme_; }
    const Metrics& m() const { return theme_->m(); }
    const Palette& c() const { return theme_->c(); }
    ImDrawList* drawList() const;

    // ---- text
    ImFont* font(FontRole role) const;
    float textWidth(FontRole role, std::string_view text) const;
    // Height of one line of text (1.3 em); emPx is the character size itself.
    float lineHeight(FontRole role) const;
    float emPx(FontRole role) const;
    float paragraphLine(FontRole role) const;  // line advance of wrapped text (1.5 em)
    Measure measure() const;
    void text(FontRole role, std::string_view text, float x, float y, Rgb colour);
    // In `box`: vertically centred; cut with … if too wide.
    void textLeft(FontRole role, std::string_view text, const Rect& box, Rgb colour);
    void textRight(FontRole role, std::string_view text, const Rect& box, Rgb colour);
    void textCentred(FontRole role, std::string_view text, const Rect& box, Rgb colour);
    // Wrapped lines (CJK breaks between characters, Latin at spaces).
    std::vector<std::string> wrap(FontRole role, std::string_view text, float width) const;
    // Draws wrapped text from the top of `box`, paragraphLine() per line;
    // returns the height used.
    float paragraph(FontRole role, std::string_view text, const Rect& box, Rgb colour, bool centred);
    // Text cut with … to fit `width`.
    std::string fit(FontRole role, std::string_view text, float width) const;

    // ---- targets (true on the frame the tap completes)
    bool button(std::string_view id, const Rect& r, std::string_view label, Icon icon,
                const ButtonStyle& style, bool selected = false);
    bool tile(std::string_view id, const Rect& r, std::string_view label, std::string_view hint,
              Icon icon, Rgb colour);
    // How a tile of this size lays out its icon, label and hint. A screen with
    // several tiles checks every hint fits before showing any (tiles alike).
    struct TileFit {
        bool stacked = true;                 // icon above the words, else beside them
        float iconSize = 0;
        std::vector<std::string> labelLines; // one, or two for a long label
        std::vector<std::string> hintLines;  // empty: the hint does not fit
        float height = 0;                    // of the content
    };
    TileFit fitTile(const Rect& r, std::string_view label, std::string_view hint, bool withIcon = true) const;
    bool primaryButton(std::string_view id, const Rect& r, std::string_view line1,
                       std::string_view line2, Icon icon);
    ButtonStyle navStyle() const;        // white on the blue bar
    ButtonStyle secondaryStyle() const;  // outlined, on the page
    ButtonStyle primaryStyle() const;    // filled, the step's main action

    // ---- shapes
    void fill(const Rect& r, Rgb colour, float rounding = 0, float alpha = 1.0f);
    void card(const Rect& r);  // white card with a soft shadow
    void shadow(const Rect& r, float rounding);
    void icon(Icon icon, float cx, float cy, float size, Rgb colour);

    // ---- scroll areas: returns the content rectangle (screen coordinates,
    // moving with the scroll) of height `contentHeight` inside `area`.
    Rect beginScroll(std::string_view id, const Rect& area, float contentHeight);
    void endScroll();

private:
    // The hit test shared by every target. Registers the id with its visible rect.
    bool hit(std::string_view id, const Rect& r, bool* held);
    void note(std::string_view text);
    void icon_(Icon icon, float cx, float cy, float size, Rgb colour);

    Fonts& fonts_;
    WidgetRegistry& widgets_;
    const Theme* theme_ = nullptr;
    std::vector<Rect> clip_;
    std::map<std::string, DragScroll, std::less<>> drags_;
    std::vector<std::string> scrollIds_;
};

// ImGui style from the theme (scrollbars, window padding, colours).
void applyImGuiStyle(const Theme& theme);

}  // namespace shell
