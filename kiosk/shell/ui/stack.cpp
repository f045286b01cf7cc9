#include "shell/ui/stack.h"

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>

namespace shell {

// Index
//   [build]     column, row, grid, either, gap, spring
//   [measure]   widthOf, heightOf
//   [allocate]  the give-way order along one axis
//   [arrange]   one level of rectangles; layoutTree

// ---------------------------------------------------------------- [build]

Node column(float spacing, std::vector<Node> children) {
    Node n;
    n.kind = Node::Kind::Column;
    n.spacing = spacing;
    n.children = std::move(children);
    return n;
}

Node row(float spacing, std::vector<Node> children) {
    Node n = column(spacing, std::move(children));
    n.kind = Node::Kind::Row;
    return n;
}

Node grid(int columns, float spacing, std::vector<Node> children) {
    Node n = column(spacing, std::move(children));
    n.kind = Node::Kind::Grid;
    n.columns = std::max(1, columns);
    return n;
}

Node either(Node wide, Node narrow) {
    Node n;
    n.kind = Node::Kind::Either;
    n.name = "either";
    n.children.push_back(std::move(wide));
    n.children.push_back(std::move(narrow));
    return n;
}

int eitherChoice(const Node& n, float width) {
    return widthOf(n.children[0]).pref <= std::max(0.0f, width - n.pad.x()) + 0.5f ? 0 : 1;
}

Node gap(float min, float pref) {
    Node n;
    n.name = "gap";
    n.flex = true;
    n.priority = -10;  // room between things goes before the things themselves
    n.width = [min, pref] { return Span{min, pref}; };
    n.height = [min, pref](float) { return Span{min, pref}; };
    return n;
}

Node spring() {
    Node n = gap(0, 0);
    n.name = "spring";
    n.grow = 1;
    return n;
}

// ---------------------------------------------------------------- [measure]

namespace {

Span fix(Span s) { return {s.min, std::max(s.min, s.pref)}; }

// A container holding a scroll area gives way as the scroll area does (a
// card around a list shrinks with its list).
bool scrolls(const Node& n) {
    if (n.scroll) return true;
    for (const Node& c : n.children)
        if (scrolls(c)) return true;
    return false;
}

// What gives way in a container gives way through it: a container shrinks
// (as flex) from its preferred size to its least, at the priority of the
// first thing in it that gives way.
int givePriority(const Node& n) {
    if (n.kind == Node::Kind::Leaf) return n.priority;
    int p = n.priority;
    for (const Node& c : n.children)
        if (c.flex || c.optional || c.kind != Node::Kind::Leaf) p = std::min(p, givePriority(c));
    return p;
}

bool givesWay(const Node& c) { return c.flex || c.kind != Node::Kind::Leaf || scrolls(c); }

Slot slotOf(const Node& c, Span size) {
    const bool container = c.kind != Node::Kind::Leaf;
    const bool scroll = scrolls(c);
    return {fix(size), c.flex || (container && !scroll), c.optional, scroll, container ? givePriority(c) : c.priority,
            c.grow};
}

// The width a column gives a child: all of it when stretched, else what the
// child wants within it.
float childWidth(const Node& c, float avail) {
    if (c.align == Align::Stretch) return avail;
    const Span w = fix(widthOf(c));
    return std::min(avail, w.pref);
}

std::vector<Slot> rowSlots(const Node& n) {
    std::vector<Slot> slots;
    for (const Node& c : n.children) {
        // Across a row a scroll area is no different: it gets narrower, by
        // its priority, like anything else that gives way.
        Slot sl = slotOf(c, widthOf(c));
        sl.flex = sl.flex || sl.scroll;
        sl.scroll = false;
        slots.push_back(sl);
    }
    return slots;
}

Span columnHeight(const Node& n, float innerW) {
    Span s;
    int required = 0, shown = 0;
    for (const Node& c : n.children) {
        const Span h = fix(heightOf(c, childWidth(c, innerW)));
        s.pref += h.pref;
        ++shown;
        if (!c.optional) {
            s.min += givesWay(c) ? h.min : h.pref;
            ++required;
        }
    }
    s.pref += n.spacing * float(std::max(0, shown - 1));
    s.min += n.spacing * float(std::max(0, required - 1));
    return s;
}

float gridCellWidth(const Node& n, float innerW, int cols) {
    return std::max(0.0f, (innerW - n.spacing * float(cols - 1)) / float(cols));
}

std::vector<Slot> gridRowSlots(const Node& n, float innerW, int cols) {
    const float cw = gridCellWidth(n, innerW, cols);
    std::vector<Slot> rows;
    for (std::size_t first = 0; first < n.children.size(); first += std::size_t(cols)) {
        Slot s;
        s.grow = n.grow > 0 ? 1 : 0;  // a growing grid shares its room among its rows
        s.flex = true;                // and its rows shrink to their least before the grid overflows
        for (std::size_t i = first; i < std::min(n.children.size(), first + std::size_t(cols)); ++i) {
            const Span h = fix(heightOf(n.children[i], cw));
            s.size.min = std::max(s.size.min, h.min);
            s.size.pref = std::max(s.size.pref, h.pref);
        }
        rows.push_back(s);
    }
    return rows;
}

Span gridHeight(const Node& n, float innerW, int cols) {
    Span s;
    const auto rows = gridRowSlots(n, innerW, cols);
    for (const Slot& r : rows) {
        s.min += r.size.min;
        s.pref += r.size.pref;
    }
    const float gaps = n.spacing * float(std::max<int>(0, int(rows.size()) - 1));
    return {s.min + gaps, s.pref + gaps};
}

// The most columns (up to `columns`) whose rows fit `avail` at their least
// and whose cells break no word (`cellWords`); else the most that fit; else
// the count with the least height.
int gridColumns(const Node& n, float innerW, float avail) {
    const int least = std::max(1, n.minColumns > 0 ? std::min(n.minColumns, n.columns) : n.columns);
    if (n.cellWords > 0)
        for (int c = n.columns; c >= least; --c)
            if (gridCellWidth(n, innerW, c) + 0.5f >= n.cellWords && gridHeight(n, innerW, c).min <= avail + 0.5f) return c;
    int best = n.columns;
    float bestMin = -1;
    for (int c = n.columns; c >= least; --c) {
        const float h = gridHeight(n, innerW, c).min;
        if (h <= avail + 0.5f) return c;
        if (bestMin < 0 || h < bestMin) {
            bestMin = h;
            best = c;
        }
    }
    return best;
}

}  // namespace

Span widthOf(const Node& n) {
    // A container may say its own width (a card of a set width).
    if (n.kind != Node::Kind::Leaf && n.width) return fix(n.width());
    Span s;
    switch (n.kind) {
        case Node::Kind::Leaf:
            s = n.width ? fix(n.width()) : Span{};
            break;
        case Node::Kind::Column:
            for (const Node& c : n.children) {
                const Span w = fix(widthOf(c));
                if (!c.optional) s.min = std::max(s.min, w.min);
                s.pref = std::max(s.pref, w.pref);
            }
            break;
        case Node::Kind::Row: {
            int required = 0;
            for (const Node& c : n.children) {
                const Span w = fix(widthOf(c));
                s.pref += w.pref;
                if (!c.optional) {
                    s.min += givesWay(c) ? w.min : w.pref;
                    ++required;
                }
            }
            s.pref += n.spacing * float(std::max<int>(0, int(n.children.size()) - 1));
            s.min += n.spacing * float(std::max(0, required - 1));
            break;
        }
        case Node::Kind::Either: {
            const Span wide = fix(widthOf(n.children[0])), narrow = fix(widthOf(n.children[1]));
            s = {std::min(wide.min, narrow.min), wide.pref};
            break;
        }
        case Node::Kind::Grid: {
            Span cell;
            for (const Node& c : n.children) {
                const Span w = fix(widthOf(c));
                cell.min = std::max(cell.min, w.min);
                cell.pref = std::max(cell.pref, w.pref);
            }
            const int cols = std::min<int>(n.columns, std::max<int>(1, int(n.children.size())));
            const int least = std::min(cols, std::max(1, n.minColumns > 0 ? n.minColumns : cols));
            s = {cell.min * float(least) + n.spacing * float(least - 1), cell.pref * float(cols) + n.spacing * float(cols - 1)};
            break;
        }
    }
    return {s.min + n.pad.x(), std::max(s.min, s.pref) + n.pad.x()};
}

namespace {
// A list's least height: its first `scrollItems` items (a fraction of the
// last) at `innerW`, so what gives way around it goes before the list shows
// less than that.
float listMin(const Node& n, float innerW) {
    if (n.scrollItems <= 0 || n.children.size() != 1 || n.children[0].kind != Node::Kind::Column) return 0;
    const Node& list = n.children[0];
    const float itemW = std::max(0.0f, innerW - list.pad.x());
    float h = list.pad.top, want = n.scrollItems;
    for (std::size_t i = 0; i < list.children.size() && want > 0; ++i) {
        const float item = heightOf(list.children[i], itemW).pref;
        if (i > 0) h += list.spacing;
        h += item * std::min(1.0f, want);
        want -= 1;
    }
    return h;
}
}  // namespace

Span heightOf(const Node& n, float width) {
    const float innerW = std::max(0.0f, width - n.pad.x());
    Span s;
    switch (n.kind) {
        case Node::Kind::Leaf:
            s = n.height ? fix(n.height(width)) : Span{};
            return s;
        case Node::Kind::Column:
            s = columnHeight(n, innerW);
            break;
        case Node::Kind::Row: {
            const Allocation a = allocate(rowSlots(n), innerW, n.spacing);
            for (std::size_t i = 0; i < n.children.size(); ++i) {
                if (a.dropped[i]) continue;
                const Span h = fix(heightOf(n.children[i], a.sizes[i]));
                s.min = std::max(s.min, h.min);
                s.pref = std::max(s.pref, h.pref);
            }
            break;
        }
        case Node::Kind::Either: {
            const Node& shown = n.children[std::size_t(eitherChoice(n, width))];
            s = fix(heightOf(shown, childWidth(shown, innerW)));
            break;
        }
        case Node::Kind::Grid: {
            // The least of any column count it may take, the preferred of the most columns.
            s = gridHeight(n, innerW, n.columns);
            const int least = std::max(1, n.minColumns > 0 ? std::min(n.minColumns, n.columns) : n.columns);
            for (int c = n.columns - 1; c >= least; --c) s.min = std::min(s.min, gridHeight(n, innerW, c).min);
            break;
        }
    }
    s = {s.min + n.pad.y(), std::max(s.min, s.pref) + n.pad.y()};
    // The items a list keeps whole are measured clear of the bar it shows
    // when it scrolls (when it does not, it shows all of them anyway).
    if (n.scroll)
        s.min = std::min(s.pref, std::max({n.scrollMin, listMin(n, std::max(0.0f, innerW - n.scrollBar)), n.pad.y()}));
    return s;
}

float scrollingHeight(const Node& n, const Rect& rect) {
    if (!n.scroll || heightOf(n, rect.w).pref <= rect.h + 0.5f) return 0;
    return heightOf(n, std::max(0.0f, rect.w - n.scrollBar)).pref;
}

// ---------------------------------------------------------------- [allocate]

Allocation allocate(const std::vector<Slot>& items, float avail, float spacing) {
    const std::size_t n = items.size();
    Allocation a;
    a.sizes.resize(n);
    a.dropped.assign(n, false);
    for (std::size_t i = 0; i < n; ++i) a.sizes[i] = std::max(items[i].size.min, items[i].size.pref);
    auto used = [&] {
        float total = 0;
        int shown = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (!a.dropped[i]) {
                total += a.sizes[i];
                ++shown;
            }
        return total + spacing * float(std::max(0, shown - 1));
    };
    // Lower priority gives way first; among equals, the earlier item for
    // shrinking, the later one for dropping (what comes last matters least).
    auto order = [&](auto pick, bool laterFirst) {
        std::vector<std::size_t> idx;
        for (std::size_t i = 0; i < n; ++i)
            if (pick(items[i])) idx.push_back(i);
        std::stable_sort(idx.begin(), idx.end(), [&](std::size_t x, std::size_t y) {
            if (items[x].priority != items[y].priority) return items[x].priority < items[y].priority;
            return laterFirst ? x > y : x < y;
        });
        return idx;
    };
    float total = used();
    constexpr float kSlack = 0.01f;
    // Items of one priority give way together, each in proportion to how far
    // it can shrink (the rows of a grid stay alike).
    auto shrink = [&](const std::vector<std::size_t>& idx) {
        for (std::size_t k = 0; k < idx.size() && total > avail;) {
            std::size_t end = k;
            float room = 0;
            while (end < idx.size() && items[idx[end]].priority == items[idx[k]].priority) {
                if (!a.dropped[idx[end]]) room += a.sizes[idx[end]] - items[idx[end]].size.min;
                ++end;
            }
            const float need = std::min(room, total - avail);
            if (room > 0)
                for (std::size_t j = k; j < end; ++j) {
                    const std::size_t i = idx[j];
                    if (a.dropped[i]) continue;
                    a.sizes[i] -= need * (a.sizes[i] - items[i].size.min) / room;
                }
            total -= need;
            k = end;
        }
    };
    if (total > avail + kSlack) {
        const auto flex = order([](const Slot& s) { return s.flex; }, false);
        shrink(flex);
        for (std::size_t i : order([](const Slot& s) { return s.optional; }, true)) {
            if (total <= avail + kSlack) break;
            a.dropped[i] = true;
            total = used();
        }
        // Room freed by a drop goes back to what shrank, last shrunk first.
        for (auto it = flex.rbegin(); it != flex.rend() && total < avail; ++it) {
            const std::size_t i = *it;
            if (a.dropped[i]) continue;
            const float want = std::max(items[i].size.min, items[i].size.pref) - a.sizes[i];
            const float d = std::min(want, avail - total);
            a.sizes[i] += d;
            total += d;
        }
        shrink(order([](const Slot& s) { return s.scroll; }, false));
        a.overflow = total > avail + 0.5f;
    } else if (total < avail) {
        float weight = 0;
        for (std::size_t i = 0; i < n; ++i)
            if (!a.dropped[i]) weight += items[i].grow;
        if (weight > 0) {
            const float spare = avail - total;
            for (std::size_t i = 0; i < n; ++i)
                if (!a.dropped[i] && items[i].grow > 0) a.sizes[i] += spare * items[i].grow / weight;
            total = avail;
        }
    }
    a.used = total;
    return a;
}

// ---------------------------------------------------------------- [arrange]

namespace {

float crossPos(Align align, float start, float room, float size) {
    switch (align) {
        case Align::Centre: return start + (room - size) / 2;
        case Align::End: return start + room - size;
        default: return start;
    }
}

float justifyOffset(Align justify, float spare) {
    if (spare <= 0) return 0;
    return justify == Align::Centre ? spare / 2 : justify == Align::End ? spare : 0;
}

bool anyGrow(const Node& n, const Allocation& a) {
    for (std::size_t i = 0; i < n.children.size(); ++i)
        if (!a.dropped[i] && n.children[i].grow > 0) return true;
    return false;
}

}  // namespace

float arrange(Node& n, const Rect& rect) {
    n.rect = rect;
    Rect inner{rect.x + n.pad.left, rect.y + n.pad.top, std::max(0.0f, rect.w - n.pad.x()),
               std::max(0.0f, rect.h - n.pad.y())};
    switch (n.kind) {
        case Node::Kind::Leaf: return rect.h;
        case Node::Kind::Column: {
            std::vector<Slot> slots;
            std::vector<float> widths;
            float prefTotal = 0;
            auto measure = [&](float w) {
                slots.clear();
                widths.clear();
                prefTotal = 0;
                for (const Node& c : n.children) {
                    widths.push_back(childWidth(c, w));
                    slots.push_back(slotOf(c, heightOf(c, widths.back())));
                    prefTotal += slots.back().size.pref;
                }
                prefTotal += n.spacing * float(std::max<int>(0, int(slots.size()) - 1));
            };
            measure(inner.w);
            // A scroll container never squeezes what it holds: it scrolls,
            // and what it holds keeps clear of its bar.
            if (n.scroll && n.scrollBar > 0 && prefTotal > inner.h + 0.5f) {
                inner.w = std::max(0.0f, inner.w - n.scrollBar);
                measure(inner.w);
            }
            const float avail = n.scroll ? std::max(inner.h, prefTotal) : inner.h;
            const Allocation a = allocate(slots, avail, n.spacing);
            float y = inner.y + (anyGrow(n, a) ? 0 : justifyOffset(n.justify, avail - a.used));
            for (std::size_t i = 0; i < n.children.size(); ++i) {
                Node& c = n.children[i];
                c.dropped = a.dropped[i];
                if (c.dropped) {
                    c.rect = {inner.x, y, 0, 0};
                    continue;
                }
                c.rect = {crossPos(c.align, inner.x, inner.w, widths[i]), y, widths[i], a.sizes[i]};
                y += a.sizes[i] + n.spacing;
            }
            return a.used + n.pad.y();
        }
        case Node::Kind::Row: {
            const Allocation a = allocate(rowSlots(n), inner.w, n.spacing);
            float x = inner.x + (anyGrow(n, a) ? 0 : justifyOffset(n.justify, inner.w - a.used));
            float contentH = 0;
            for (std::size_t i = 0; i < n.children.size(); ++i) {
                Node& c = n.children[i];
                c.dropped = a.dropped[i];
                if (c.dropped) {
                    c.rect = {x, inner.y, 0, 0};
                    continue;
                }
                const Span h = fix(heightOf(c, a.sizes[i]));
                const float ch = c.align == Align::Stretch ? std::max(inner.h, h.min) : std::max(h.min, std::min(inner.h, h.pref));
                c.rect = {x, crossPos(c.align, inner.y, inner.h, ch), a.sizes[i], ch};
                contentH = std::max(contentH, h.pref);
                x += a.sizes[i] + n.spacing;
            }
            return contentH + n.pad.y();
        }
        case Node::Kind::Either: {
            const std::size_t shown = std::size_t(eitherChoice(n, rect.w));
            for (std::size_t i = 0; i < n.children.size(); ++i) {
                Node& c = n.children[i];
                c.dropped = i != shown;
                if (c.dropped) {
                    c.rect = {inner.x, inner.y, 0, 0};
                    continue;
                }
                const float w = childWidth(c, inner.w);
                c.rect = {crossPos(c.align, inner.x, inner.w, w), inner.y, w, inner.h};
            }
            return heightOf(n.children[shown], childWidth(n.children[shown], inner.w)).pref + n.pad.y();
        }
        case Node::Kind::Grid: {
            const int c = gridColumns(n, inner.w, inner.h);
            const float cw = gridCellWidth(n, inner.w, c);
            const auto rows = gridRowSlots(n, inner.w, c);
            const Allocation a = allocate(rows, inner.h, n.spacing);
            float y = inner.y;
            const std::size_t cols = std::size_t(c);
            for (std::size_t r = 0; r < rows.size(); ++r) {
                const std::size_t first = r * cols;
                const std::size_t inRow = std::min(cols, n.children.size() - first);
                const float rowW = float(inRow) * cw + n.spacing * float(inRow - 1);
                float x = inner.x + (inner.w - rowW) / 2;
                for (std::size_t i = first; i < first + inRow; ++i) {
                    n.children[i].dropped = false;
                    n.children[i].rect = {x, y, cw, a.sizes[r]};
                    x += cw + n.spacing;
                }
                y += a.sizes[r] + n.spacing;
            }
            return a.used + n.pad.y();
        }
    }
    return rect.h;
}

void layoutTree(Node& n, const Rect& rect) {
    const float content = arrange(n, rect);
    (void)content;
    for (Node& c : n.children)
        if (!c.dropped) layoutTree(c, c.rect);
}

}  // namespace shell
