// stack.h — the one layout primitive: a measured stack of rows and columns.
//
// A screen builds a small tree of Nodes each frame (the Ui's builders in
// ui.h make them: text, button, icon, gap, card, scroll ...), then the Ui lays
// it out in the content rectangle and draws it. Every node knows its size
// before anything is placed:
//
//   width()        {min, pref}: the narrowest it can be, the width it wants
//   height(w)      {min, pref} at width w (wrapped text grows with less width)
//
// When a column (or row) is short of room, its children give way in a fixed
// order, lowest `priority` first within each step:
//
//   1. flex      shrink from pref towards min: icons, QR codes, gaps; wrapped
//                text in a row gets narrower (it takes more lines instead)
//   2. optional  dropped whole: a hint, a decoration (an icon is flex and optional)
//   3. scroll    a scroll container shrinks to its min; what it holds then
//                scrolls by dragging
//
// Nothing else ever shrinks: text is never cut. If the required parts still do
// not fit, the parent overflows; the Ui scrolls the whole content then and the
// layout audit (audit.h) reports anything drawn outside its region. Spare room
// goes to children with `grow`, or is placed by `justify`.
//
// Cost: a screen is a few dozen nodes; measuring a wrapped paragraph is a
// few hundred width look-ups. Plain C++ (no ImGui): tests lay trees out with
// an estimated font.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "shell/ui/layout.h"

namespace shell {

struct Span {
    float min = 0, pref = 0;
};

enum class Align { Start, Centre, End, Stretch };

struct Insets {
    float left = 0, top = 0, right = 0, bottom = 0;
    static Insets all(float v) { return {v, v, v, v}; }
    static Insets xy(float x, float y) { return {x, y, x, y}; }
    float x() const { return left + right; }
    float y() const { return top + bottom; }
};

struct Node {
    enum class Kind { Leaf, Column, Row, Grid, Either };
    Kind kind = Kind::Leaf;
    std::string name;  // for messages (a widget id, "text: ..."), optional

    // How it gives way (see the file comment).
    bool flex = false;
    bool optional = false;
    bool scroll = false;  // a Column whose children scroll when it is short
    int priority = 0;
    float grow = 0;                  // share of spare room along the parent's axis
    Align align = Align::Stretch;    // across the parent's axis

    // Leaf sizes. Default width {0, 0}: a leaf that takes what it is given.
    // A container's width comes from its children unless `width` is set.
    std::function<Span()> width;
    std::function<Span(float w)> height;

    // Containers.
    std::vector<Node> children;
    float spacing = 0;
    Align justify = Align::Start;  // spare room along the axis when nothing grows
    Insets pad;
    int columns = 1;               // Grid: cells per row (a short last row is centred) ...
    int minColumns = 0;            // ... or fewer, down to this, when the cells' words
                                   // need the width (wrapped labels make taller rows)
    float cellWords = 0;           // Grid: the width a cell needs to break no word;
                                   // narrower cells take a column fewer when that fits
    float scrollMin = 0;           // scroll: the least height it shows ...
    float scrollItems = 0;         // ... or, for a list (a column of items), the
                                   // height of this many of its first items
                                   // (2: two whole; 1.5: one and a half)
    float scrollBar = 0;           // scroll: the room its bar takes on the right while
                                   // it scrolls; what it holds is laid out clear of it

    // Drawing: a leaf draws itself in its rectangle; a container draws its
    // background (a card) once its children are placed, before they draw.
    std::function<void(const Node&)> draw;
    std::string scrollId;          // scroll: the widget id of the scroll area

    // Result of the last layout (the Ui's and layoutTree()'s).
    Rect rect;
    bool dropped = false;

    Node& add(Node child) {
        children.push_back(std::move(child));
        return children.back();
    }
};

Node column(float spacing, std::vector<Node> children = {});
Node row(float spacing, std::vector<Node> children = {});
Node grid(int columns, float spacing, std::vector<Node> children = {});
// One of two layouts of the same things, by the width it is given: `wide`
// where its preferred width fits (a row whose words fit side by side), else
// `narrow` (the same things stacked). The stack decides at the width the
// node really gets (inside a scrolling list, clear of its bar), so a screen
// never guesses its width.
Node either(Node wide, Node narrow);
// Which of an either's two it shows at `width`: 0 wide, 1 narrow.
int eitherChoice(const Node& n, float width);
// Empty room: shrinks from `pref` to `min` before anything else gives way.
Node gap(float min, float pref);
// Takes the spare room of its parent (pushes what follows to the end).
Node spring();

// Sizes of a node (containers: from their children).
Span widthOf(const Node& n);
Span heightOf(const Node& n, float width);

// What a parent does along its axis: the sizes of `items` (each {min, pref}
// with its give-way flags) in `avail`, with `spacing` between shown items.
struct Slot {
    Span size;
    bool flex = false, optional = false, scroll = false;
    int priority = 0;
    float grow = 0;
};
struct Allocation {
    std::vector<float> sizes;
    std::vector<bool> dropped;
    float used = 0;         // sum of shown sizes and spacing
    bool overflow = false;  // the required minimum did not fit
};
Allocation allocate(const std::vector<Slot>& items, float avail, float spacing);

// One level: the rectangles of a container's children in `rect` (sets
// child.rect and child.dropped). A scroll container that does not fit lays
// its children out at their preferred heights from rect's top, clear of its
// bar (the caller moves them with the scroll position). Returns the height
// its content wants.
float arrange(Node& n, const Rect& rect);
// A scroll container's content height in `rect` when it scrolls (measured
// clear of its bar), or 0 when all of it shows there.
float scrollingHeight(const Node& n, const Rect& rect);
// The whole tree (tests; the Ui walks it itself to scroll and draw).
void layoutTree(Node& n, const Rect& rect);

}  // namespace shell
