#include "shell/ui/ui.h"

#include <algorithm>
#include <cfloat>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include <imgui.h>
#include <imgui_internal.h>

#include "shell/ui/fonts.h"
#include "shell/ui/qr.h"
#include "shell/ui/text.h"
#include "shell/ui/utf8.h"
#include "shell/ui/widget_registry.h"

// Index
//   [helpers]   colours, the visual centre of a font
//   [frame]     begin, regions, cover, occlude
//   [text]      measuring, wrapping, drawing, recording for the audit
//   [targets]   hit, button, tile, primaryButton, holdButton
//   [shapes]    fill, card, shadow, icon, disc, qr
//   [input]     typed
//   [nodes]     the stack's builders
//   [layout]    layout, place, scroll areas
//   [style]     applyImGuiStyle

namespace shell {

// ---------------------------------------------------------------- [helpers]

namespace {

ImU32 toU32(Rgb c, float alpha = 1.0f) {
    return IM_COL32(c.r, c.g, c.b, int(std::lround(std::clamp(alpha, 0.0f, 1.0f) * 255)));
}

ImVec2 vec(float x, float y) { return {x, y}; }

// Fonts put glyphs below the line's top by the font's ascent minus the glyph
// height: Noto CJK has a tall ascent, so centring on FontSize looks low.
// Centre on the ink of 中 instead (always in the glyph set).
float inkCentre(ImFont* f) {
    if (const ImFontGlyph* g = f->FindGlyphNoFallback(0x4E2D)) return (g->Y0 + g->Y1) * 0.5f;
    if (const ImFontGlyph* g = f->FindGlyphNoFallback('H')) return (g->Y0 + g->Y1) * 0.5f;
    return f->FontSize * 0.5f;
}

Rect intersect(const Rect& a, const Rect& b) {
    const float x0 = std::max(a.x, b.x), y0 = std::max(a.y, b.y);
    const float x1 = std::min(a.right(), b.right()), y1 = std::min(a.bottom(), b.bottom());
    return {x0, y0, std::max(0.0f, x1 - x0), std::max(0.0f, y1 - y0)};
}

}  // namespace

Ui::Ui(Fonts& fonts, WidgetRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

ImDrawList* Ui::drawList() const { return ImGui::GetWindowDrawList(); }

ImFont* Ui::font(FontRole role) const { return role == FontRole::Title ? fonts_.title() : fonts_.body(); }

// ---------------------------------------------------------------- [frame]

void Ui::begin(const Theme& theme) {
    theme_ = &theme;
    regions_.assign(1, {{0, 0, float(theme.width()), float(theme.height())}, false});
    scrollBars_.clear();
}

void Ui::pushRegion(const Rect& r) { regions_.push_back({r, false}); }

void Ui::popRegion() {
    IM_ASSERT(regions_.size() > 1 && "popRegion() without pushRegion()");
    regions_.pop_back();
}

void Ui::cover(std::string_view what, const Rect& r) { widgets_.cover(what, r); }

void Ui::occludeAll() { widgets_.occludeAll(); }

// ---------------------------------------------------------------- [text]

float Ui::textWidth(FontRole role, std::string_view text) const {
    // Measuring needs the glyphs: what is measured is also drawn soon.
    fonts_.ensure(role, text);
    ImFont* f = font(role);
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

float Ui::emPx(FontRole role) const { return role == FontRole::Title ? m().titlePx : m().bodyPx; }

float Ui::lineHeight(FontRole role) const { return labelLine(m(), role); }

float Ui::paragraphLine(FontRole role) const {
    return role == FontRole::Title ? labelLine(m(), role) : shell::paragraphLine(m(), role);
}

Measure Ui::measure() const {
    return [this](FontRole role, std::string_view t) { return textWidth(role, t); };
}

std::vector<std::string> Ui::wrap(FontRole role, std::string_view text, float width) const {
    // Half a pixel of slack: a box made exactly as wide as its words (their
    // measured width) comes back a hair narrower through float arithmetic,
    // and the words must not wrap for that (the check-in button's hint did).
    return wrapText(text, width + 0.5f, [this, role](std::string_view s) { return textWidth(role, s); });
}

float Ui::textHeight(FontRole role, std::string_view text, float width) const {
    // The last line needs its own height only, not the advance to a next one.
    const float n = float(wrap(role, text, width).size());
    return (n - 1) * paragraphLine(role) + lineHeight(role);
}

float Ui::wordWidth(FontRole role, std::string_view text, std::size_t lines) const {
    if (lines < 2) return 0;  // one line: nothing was split
    return narrowestWidth(text, [this, role](std::string_view s) { return textWidth(role, s); });
}

void Ui::record(std::string_view text, const Rect& box, float needW, float needH, float wordW) {
    TextInfo t;
    t.text = std::string(text);
    t.box = box;
    t.clip = regions_.back().rect;
    t.scrolled = regions_.back().scrolled;
    t.needW = needW;
    t.needH = needH;
    t.wordW = wordW;
    widgets_.addText(std::move(t));
}

void Ui::drawLines(FontRole role, const std::vector<std::string>& lines, const Rect& box, float lineH, Rgb colour,
                   TextAlign align) {
    ImFont* f = font(role);
    const float lh = lineHeight(role);
    float y = box.y;
    for (const std::string& line : lines) {
        const float w = textWidth(role, line);
        const float x = align == TextAlign::Centre ? box.cx() - w / 2 : align == TextAlign::Right ? box.right() - w : box.x;
        drawList()->AddText(f, f->FontSize, vec(std::round(x), std::round(y + lh / 2 - inkCentre(f))), toU32(colour),
                            line.data(), line.data() + line.size());
        y += lineH;
    }
}

void Ui::text(FontRole role, std::string_view s, const Rect& box, Rgb colour, TextAlign align) {
    const auto ls = wrap(role, s, box.w);
    float needW = 0;
    for (const auto& l : ls) needW = std::max(needW, textWidth(role, l));
    const float needH = float(ls.size() - 1) * paragraphLine(role) + lineHeight(role);
    record(s, box, needW, needH, wordWidth(role, s, ls.size()));
    const Rect at{box.x, box.y + std::max(0.0f, (box.h - needH) / 2), box.w, needH};
    drawLines(role, ls, at, paragraphLine(role), colour, align);
}

void Ui::lines(FontRole role, const std::vector<std::string>& ls, const std::string& whole, const Rect& box,
               float lineH, Rgb colour, TextAlign align) {
    float needW = 0;
    for (const auto& l : ls) needW = std::max(needW, textWidth(role, l));
    record(whole, box, needW, ls.empty() ? 0 : float(ls.size() - 1) * lineH + lineHeight(role),
           wordWidth(role, whole, ls.size()));
    drawLines(role, ls, box, lineH, colour, align);
}

// ---------------------------------------------------------------- [targets]

bool Ui::hit(std::string_view id, const Rect& r, bool* held) {
    if (held) *held = false;
    const Region& region = regions_.back();
    widgets_.add(id, r, region.rect, region.scrolled);
    const Rect vis = intersect(r, region.rect);
    if (vis.w <= 0 || vis.h <= 0) return false;  // scrolled out of sight: not tappable

    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGuiID gid = window->GetID(id.data(), id.data() + id.size());
    ImRect bb(vis.x, vis.y, vis.right(), vis.bottom());
    if (!ImGui::ItemAdd(bb, gid)) return false;
    bool hovered = false, down = false;
    // Default flags: fires on release while still over the target.
    bool pressed = ImGui::ButtonBehavior(bb, gid, &hovered, &down);
    if (held) *held = down && hovered;
    return pressed;
}

ButtonStyle Ui::navStyle() const { return {c().navBg, c().navText, c().navBg, false}; }
ButtonStyle Ui::secondaryStyle() const { return {c().card, c().navText, c().navText, true}; }
ButtonStyle Ui::primaryStyle() const { return {c().primary, c().primaryText, c().primary, false}; }
ButtonStyle Ui::selectedStyle() const { return {c().segmentSelectedBg, c().segmentSelectedText, c().segmentSelectedBg, false}; }

namespace {

// A button's icon and words side by side, the words wrapped to the room left.
struct ButtonFace {
    float iconW = 0, gap = 0;
    std::vector<std::string> lines;
    float textW = 0;
};

}  // namespace

bool Ui::button(std::string_view id, const Rect& r, std::string_view label, Icon icon, const ButtonStyle& style,
                bool selected) {
    bool held = false;
    bool pressed = hit(id, r, &held);
    const Metrics& mm = m();
    Rect box = held ? r.inset(2 * mm.scale) : r;
    const float rounding = mm.radius * 0.6f;
    Rgb fill = held ? darken(style.fill, Theme::kPressedDarken) : style.fill;
    if (style.fill == c().navBg && held) fill = c().navPressed;
    drawList()->AddRectFilled(vec(box.x, box.y), vec(box.right(), box.bottom()), toU32(fill), rounding);
    if (style.outlined)
        drawList()->AddRect(vec(box.x, box.y), vec(box.right(), box.bottom()), toU32(style.border), rounding,
                            ImDrawFlags_None, mm.border);
    if (label.empty() && icon == Icon::None && !selected) return pressed;

    // A selected button carries a check mark: state is never colour alone.
    const Icon shown = selected ? Icon::Check : icon;
    ButtonFace face;
    face.iconW = shown == Icon::None ? 0 : mm.iconNav;
    face.gap = shown == Icon::None || label.empty() ? 0 : mm.buttonPadX * 0.5f;
    const Rect inner = r.insetXY(mm.buttonPadX, 0);
    const float room = std::max(0.0f, inner.w - face.iconW - face.gap);
    face.lines = label.empty() ? std::vector<std::string>{} : wrap(FontRole::Body, label, room);
    for (const auto& l : face.lines) face.textW = std::max(face.textW, textWidth(FontRole::Body, l));
    const float lh = lineHeight(FontRole::Body);
    const float textH = float(face.lines.size()) * lh;
    const float groupW = face.iconW + face.gap + face.textW;
    const float x = box.cx() - groupW / 2;
    if (shown != Icon::None) drawIcon(drawList(), shown, vec(x + face.iconW / 2, box.cy()), face.iconW, toU32(style.text));
    if (!label.empty()) {
        const Rect textBox{x + face.iconW + face.gap, box.cy() - textH / 2, face.textW, textH};
        record(label, {inner.x + face.iconW + face.gap, r.y, room, r.h}, face.textW, textH,
               wordWidth(FontRole::Body, label, face.lines.size()));
        drawLines(FontRole::Body, face.lines, textBox, lh, style.text,
                  face.lines.size() > 1 ? TextAlign::Centre : TextAlign::Left);
    }
    return pressed;
}

namespace {

struct TileFace {
    bool stacked = true;
    float iconSize = 0;
    std::vector<std::string> labelLines, hintLines;
    float height = 0;
};

}  // namespace

// How a tile of this size shows its icon, label and hint: stacked and
// centred; short of room the hint goes, then the icon shrinks, then the icon
// goes beside the words. The label wraps; it is never cut.
static TileFace tileFace(const Ui& ui, const Rect& box, std::string_view label, std::string_view hint, bool withIcon) {
    const Metrics& mm = ui.m();
    const float pad = mm.gap * 0.6f;
    const float labelH = ui.lineHeight(FontRole::Title), hintH = ui.lineHeight(FontRole::Body);
    const float textW = box.w - 2 * mm.gap;
    const float roomH = box.h - 2 * pad;
    TileFace f;
    auto hintLines = hint.empty() ? std::vector<std::string>{} : ui.wrap(FontRole::Body, hint, textW);
    if (hintLines.size() > 2) hintLines.clear();
    const auto labelLines = ui.wrap(FontRole::Title, label, textW);
    auto stackH = [&](float iconS, std::size_t labelN, std::size_t hintN) {
        return (iconS > 0 ? iconS + pad : 0) + float(labelN) * labelH + (hintN ? pad * 0.5f + float(hintN) * hintH : 0);
    };
    const float minIcon = withIcon ? mm.iconTile * 0.6f : 0;
    if (stackH(minIcon, labelLines.size(), 0) <= roomH) {
        f.labelLines = labelLines;
        if (!hintLines.empty() && stackH(minIcon, labelLines.size(), hintLines.size()) <= roomH) f.hintLines = hintLines;
        f.iconSize = withIcon ? std::min(mm.iconTile, roomH - pad - stackH(0, labelLines.size(), f.hintLines.size())) : 0;
        f.height = stackH(f.iconSize, labelLines.size(), f.hintLines.size());
        return f;
    }
    f.stacked = false;
    f.iconSize = withIcon ? std::min(mm.iconTile, std::max(labelH, box.h * 0.5f)) : 0;
    // Words before pictures: a label that does not fit beside the icon gets the whole width.
    if (ui.textWidth(FontRole::Title, label) > box.w - 3 * mm.gap - f.iconSize) f.iconSize = 0;
    const float room = box.w - (f.iconSize > 0 ? 3 * mm.gap + f.iconSize : 2 * mm.gap);
    f.labelLines = ui.wrap(FontRole::Title, label, room);
    const float labelsH = float(f.labelLines.size()) * labelH;
    if (!hint.empty() && ui.textWidth(FontRole::Body, hint) <= room && labelsH + hintH <= roomH)
        f.hintLines = {std::string(hint)};
    f.height = labelsH + (f.hintLines.empty() ? 0 : hintH);
    return f;
}

bool Ui::tile(std::string_view id, const Rect& r, std::string_view label, std::string_view hint, Icon icn, Rgb colour,
              bool showHint, bool showIcon) {
    bool held = false;
    bool pressed = hit(id, r, &held);
    const Metrics& mm = m();
    Rect box = held ? r.inset(4 * mm.scale) : r;
    if (!held) shadow(box, mm.radius);
    Rgb fill = held ? darken(colour, Theme::kPressedDarken) : colour;
    drawList()->AddRectFilled(vec(box.x, box.y), vec(box.right(), box.bottom()), toU32(fill), mm.radius);

    const std::string_view shownHint = showHint ? hint : std::string_view();
    const bool withIcon = showIcon && icn != Icon::None;
    const TileFace face = tileFace(*this, r, label, shownHint, withIcon);
    const float pad = mm.gap * 0.6f;
    const float labelH = lineHeight(FontRole::Title), hintH = lineHeight(FontRole::Body);
    if (face.stacked) {
        float y = box.cy() - face.height / 2;
        if (face.iconSize > 0) {
            icon(icn, box.cx(), y + face.iconSize / 2, face.iconSize, c().tileText);
            y += face.iconSize + pad;
        }
        const Rect labels{r.x + mm.gap, y, r.w - 2 * mm.gap, float(face.labelLines.size()) * labelH};
        lines(FontRole::Title, face.labelLines, std::string(label), labels, labelH, c().tileText, TextAlign::Centre);
        y += labels.h + pad * 0.5f;
        if (!face.hintLines.empty())
            lines(FontRole::Body, face.hintLines, std::string(shownHint),
                  {r.x + mm.gap, y, r.w - 2 * mm.gap, float(face.hintLines.size()) * hintH}, hintH, c().tileText,
                  TextAlign::Centre);
    } else {
        // Side by side: the icon, then the words, centred as a group.
        float wordsW = face.hintLines.empty() ? 0.0f : textWidth(FontRole::Body, shownHint);
        for (auto& l : face.labelLines) wordsW = std::max(wordsW, textWidth(FontRole::Title, l));
        const float iconW = face.iconSize > 0 ? face.iconSize + mm.gap : 0;
        const float room = r.w - 2 * mm.gap - iconW;
        const float x = box.cx() - (iconW + std::min(wordsW, room)) / 2;
        if (face.iconSize > 0) icon(icn, x + face.iconSize / 2, box.cy(), face.iconSize, c().tileText);
        float y = box.cy() - face.height / 2;
        const float wordsBox = std::min(wordsW, room);
        const Rect labels{x + iconW, y, wordsBox, float(face.labelLines.size()) * labelH};
        lines(FontRole::Title, face.labelLines, std::string(label), labels, labelH, c().tileText, TextAlign::Left);
        y += labels.h;
        if (!face.hintLines.empty())
            lines(FontRole::Body, face.hintLines, std::string(shownHint), {x + iconW, y, wordsBox, hintH}, hintH,
                  c().tileText, TextAlign::Left);
    }
    return pressed;
}

bool Ui::primaryButton(std::string_view id, const Rect& r, std::string_view line1, std::string_view line2, Icon icn) {
    bool held = false;
    bool pressed = hit(id, r, &held);
    const Metrics& mm = m();
    Rect box = held ? r.inset(3 * mm.scale) : r;
    if (!held) shadow(box, mm.radius);
    drawList()->AddRectFilled(vec(box.x, box.y), vec(box.right(), box.bottom()),
                              toU32(held ? c().primaryPressed : c().primary), mm.radius);
    // The same room for the words as primary() measured with (an icon of at
    // most 0.8 iconTile beside them), so they never wrap more than measured.
    const float iconS = icn == Icon::None ? 0 : std::min(mm.iconTile * 0.8f, r.h * 0.55f);
    const float gapX = icn == Icon::None ? 0 : mm.iconTile * 0.8f + mm.gap - iconS;
    const float room = std::max(0.0f, r.w - 2 * mm.gap - iconS - gapX);
    const auto l1 = wrap(FontRole::Title, line1, room);
    const auto l2 = line2.empty() ? std::vector<std::string>{} : wrap(FontRole::Body, line2, room);
    float textW = 0;
    for (auto& l : l1) textW = std::max(textW, textWidth(FontRole::Title, l));
    for (auto& l : l2) textW = std::max(textW, textWidth(FontRole::Body, l));
    const float h1 = float(l1.size()) * lineHeight(FontRole::Title), h2 = float(l2.size()) * lineHeight(FontRole::Body);
    const float gapY = l2.empty() ? 0 : mm.gap * 0.35f;
    const float x = box.cx() - (iconS + gapX + textW) / 2;
    if (icn != Icon::None) icon(icn, x + iconS / 2, box.cy(), iconS, c().primaryText);
    const float y = box.cy() - (h1 + gapY + h2) / 2;
    const TextAlign align = l1.size() > 1 || l2.size() > 1 ? TextAlign::Centre : TextAlign::Left;
    const float tx = x + iconS + gapX;
    lines(FontRole::Title, l1, std::string(line1), {tx, y, textW, h1}, lineHeight(FontRole::Title), c().primaryText, align);
    if (!l2.empty())
        lines(FontRole::Body, l2, std::string(line2), {tx, y + h1 + gapY, textW, h2}, lineHeight(FontRole::Body),
              c().primaryText, align);
    return pressed;
}

bool Ui::holdButton(std::string_view id, const Rect& r, const ButtonStyle& style, std::int64_t nowMs,
                    std::int64_t holdMs, const std::function<void()>& wake) {
    button(id, r, "", Icon::None, style);
    auto it = holds_.find(id);
    if (!ImGui::IsItemActive()) {
        if (it != holds_.end()) holds_.erase(it);
        return false;
    }
    if (it == holds_.end()) it = holds_.emplace(std::string(id), nowMs).first;
    if (nowMs - it->second >= holdMs) {
        holds_.erase(it);
        ImGui::ClearActiveID();  // the finger's release must not tap what comes next
        return true;
    }
    if (wake) wake();  // a finger held still sends no events: keep timing
    return false;
}

// ---------------------------------------------------------------- [shapes]

void Ui::fill(const Rect& r, Rgb colour, float rounding, float alpha) {
    drawList()->AddRectFilled(vec(r.x, r.y), vec(r.right(), r.bottom()), toU32(colour, alpha), rounding);
}

void Ui::shadow(const Rect& r, float rounding) {
    // A soft edge under the lower rim only. A full-size shadow rectangle would
    // be blended under the whole card: on the software renderer (llvmpipe)
    // that is ~1 M extra pixels per card per frame, the largest cost of a frame.
    const float s = m().scale;
    for (int i = 1; i <= 2; ++i) {
        const float drop = float(i) * 4 * s;
        drawList()->AddRectFilled(vec(r.x + drop * 0.25f, r.bottom() - rounding), vec(r.right() - drop * 0.25f, r.bottom() + drop),
                                  IM_COL32(40, 30, 10, 22), rounding, ImDrawFlags_RoundCornersBottom);
    }
}

void Ui::card(const Rect& r) {
    shadow(r, m().radius);
    drawList()->AddRectFilled(vec(r.x, r.y), vec(r.right(), r.bottom()), toU32(c().card), m().radius);
    drawList()->AddRect(vec(r.x, r.y), vec(r.right(), r.bottom()), toU32(c().cardBorder), m().radius,
                        ImDrawFlags_None, m().border * 0.67f);
}

void Ui::icon(Icon icn, float cx, float cy, float size, Rgb colour) {
    drawIcon(drawList(), icn, vec(cx, cy), size, toU32(colour));
}

void Ui::disc(float cx, float cy, float radius, Rgb colour) {
    drawList()->AddCircleFilled(vec(cx, cy), radius, toU32(colour), 64);
}

Rect Ui::qr(std::string_view text, const Rect& box) {
    const QrMatrix& q = qrMatrix(text);
    if (q.size == 0) return {};
    const int total = q.size + 2 * kQrQuietModules;
    const float side = std::min(box.w, box.h);
    const float module = std::floor(side / float(total));
    if (module < 1) return {};
    const float drawn = module * float(total);
    const float x0 = std::round(box.cx() - drawn / 2), y0 = std::round(box.cy() - drawn / 2);
    ImDrawList* dl = drawList();
    const ImU32 white = toU32(Rgb::hex(0xFFFFFF)), black = toU32(Rgb::hex(0x000000));
    dl->AddRectFilled(vec(x0, y0), vec(x0 + drawn, y0 + drawn), white);
    const float ox = x0 + module * kQrQuietModules, oy = y0 + module * kQrQuietModules;
    for (int y = 0; y < q.size; ++y) {
        // Runs of dark modules in a row as one rectangle: fewer vertices.
        int x = 0;
        while (x < q.size) {
            if (!q.at(x, y)) {
                ++x;
                continue;
            }
            int end = x;
            while (end < q.size && q.at(end, y)) ++end;
            dl->AddRectFilled(vec(ox + module * float(x), oy + module * float(y)),
                              vec(ox + module * float(end), oy + module * float(y + 1)), black);
            x = end;
        }
    }
    return {x0, y0, drawn, drawn};
}

// ---------------------------------------------------------------- [input]

bool Ui::typed(std::string& into) {
    bool changed = false;
    ImGuiIO& io = ImGui::GetIO();
    for (ImWchar ch : io.InputQueueCharacters) {
        if (ch < 0x20) continue;
        char buf[5] = {};
        ImTextCharToUtf8(buf, ch);
        into += buf;
        changed = true;
    }
    io.InputQueueCharacters.resize(0);
    if (ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Backspace)) && !into.empty()) {
        do into.pop_back();
        while (!into.empty() && (static_cast<unsigned char>(into.back()) & 0xC0) == 0x80);
        changed = true;
    }
    return changed;
}

// ---------------------------------------------------------------- [nodes]

Node Ui::text(FontRole role, std::string s, Rgb colour, TextAlign align) {
    Node n;
    n.name = "text";
    n.flex = true;  // in a row it gets narrower and takes more lines
    n.width = [this, role, s] {
        return Span{narrowestWidth(s, [this, role](std::string_view t) { return textWidth(role, t); }),
                    textWidth(role, s)};
    };
    n.height = [this, role, s](float w) {
        const float h = textHeight(role, s, w);
        return Span{h, h};
    };
    n.draw = [this, role, s, colour, align](const Node& self) { text(role, s, self.rect, colour, align); };
    return n;
}

Node Ui::bigText(std::string s, Rgb colour, float times) {
    Node n;
    n.name = "text";
    n.flex = true;
    n.width = [this, s, times] {
        const float w = textWidth(FontRole::Title, s);
        return Span{w, w * times};
    };
    n.height = [this, s, times](float w) {
        const float one = textWidth(FontRole::Title, s);
        const float k = std::clamp(one > 0 ? w / one : times, 1.0f, times);
        const float h = lineHeight(FontRole::Title) * k;
        return Span{h, h};
    };
    n.draw = [this, s, colour, times](const Node& self) {
        ImFont* f = font(FontRole::Title);
        const float one = textWidth(FontRole::Title, s);
        const float k = std::clamp(one > 0 ? self.rect.w / one : times, 1.0f, times);
        const float w = one * k, h = lineHeight(FontRole::Title) * k;
        record(s, self.rect, w, h);
        const float x = self.rect.cx() - w / 2;
        const float y = self.rect.y + std::max(0.0f, (self.rect.h - h) / 2);
        drawList()->AddText(f, f->FontSize * k, vec(std::round(x), std::round(y + h / 2 - inkCentre(f) * k)),
                            toU32(colour), s.data(), s.data() + s.size());
    };
    return n;
}

Node Ui::hint(std::string s, TextAlign align) {
    Node n = text(FontRole::Body, std::move(s), c().textMuted, align);
    n.optional = true;
    n.priority = -1;
    return n;
}

Node Ui::icon(Icon icn, Rgb colour, float minSide, float prefSide) {
    Node n;
    n.name = "icon";
    n.flex = true;
    n.optional = true;
    n.priority = -5;  // after the gaps, before words wrap
    n.width = [minSide, prefSide] { return Span{minSide, prefSide}; };
    n.height = [minSide, prefSide](float) { return Span{minSide, prefSide}; };
    n.draw = [this, icn, colour](const Node& self) {
        const float side = std::min(self.rect.w, self.rect.h);
        icon(icn, self.rect.cx(), self.rect.cy(), side, colour);
    };
    return n;
}

Node Ui::button(std::string id, std::string label, Icon icn, ButtonStyle style, std::function<void()> onTap, float minH,
                bool selected) {
    Node n;
    n.name = id;
    const Icon shown = selected ? Icon::Check : icn;
    auto iconRoom = [this, shown, label] {
        return shown == Icon::None ? 0.0f : m().iconNav + (label.empty() ? 0 : m().buttonPadX * 0.5f);
    };
    n.width = [this, label, iconRoom] {
        const float extra = 2 * m().buttonPadX + iconRoom();
        const float narrow = narrowestWidth(label, [this](std::string_view t) { return textWidth(FontRole::Body, t); });
        return Span{std::max(m().touchMin, narrow + extra), std::max(m().touchMin, textWidth(FontRole::Body, label) + extra)};
    };
    n.height = [this, label, iconRoom, minH](float w) {
        const float room = std::max(1.0f, w - 2 * m().buttonPadX - iconRoom());
        const float lines = label.empty() ? 1.0f : float(wrap(FontRole::Body, label, room).size());
        const float h = std::max(minH > 0 ? minH : std::round(m().touchMin * 1.15f),
                                 lines * lineHeight(FontRole::Body) + m().buttonPadX);
        return Span{h, h};
    };
    n.draw = [this, id, label, icn, style, onTap, selected](const Node& self) {
        if (button(id, self.rect, label, icn, style, selected) && onTap) onTap();
    };
    return n;
}

Node Ui::primary(std::string id, std::string line1, std::string line2, Icon icn, std::function<void()> onTap,
                 float minH) {
    Node n;
    n.name = id;
    auto iconRoom = [this, icn] { return icn == Icon::None ? 0.0f : m().iconTile * 0.8f + m().gap; };
    n.width = [this, line1, line2, iconRoom] {
        auto narrow = [this](FontRole role, const std::string& s) {
            return narrowestWidth(s, [this, role](std::string_view t) { return textWidth(role, t); });
        };
        const float extra = 2 * m().gap + iconRoom();
        return Span{std::max(m().primaryMinWidth * 0.5f, std::max(narrow(FontRole::Title, line1), narrow(FontRole::Body, line2)) + extra),
                    std::max(m().primaryMinWidth,
                             std::max(textWidth(FontRole::Title, line1), textWidth(FontRole::Body, line2)) + extra)};
    };
    n.height = [this, line1, line2, iconRoom, minH](float w) {
        const float room = std::max(1.0f, w - 2 * m().gap - iconRoom());
        const float h1 = float(wrap(FontRole::Title, line1, room).size()) * lineHeight(FontRole::Title);
        const float h2 = line2.empty() ? 0
                                       : m().gap * 0.35f + float(wrap(FontRole::Body, line2, room).size()) *
                                                               lineHeight(FontRole::Body);
        const float h = std::max(minH > 0 ? minH : m().primaryHeight, h1 + h2 + 2 * m().gap * 0.6f);
        return Span{h, h};
    };
    n.draw = [this, id, line1, line2, icn, onTap](const Node& self) {
        if (primaryButton(id, self.rect, line1, line2, icn) && onTap) onTap();
    };
    return n;
}

namespace {

struct TileLook {
    bool hints = true, icons = true;
};

Node tileNode(Ui& ui, Ui::TileSpec t, std::shared_ptr<TileLook> look) {
    Node n;
    n.name = t.id;
    n.grow = 1;
    n.width = [&ui, label = t.label] {
        return Span{ui.m().touchMin * 1.5f, ui.textWidth(FontRole::Title, label) + 2 * ui.m().gap};
    };
    n.height = [&ui, label = t.label, hint = t.hint, icn = t.icon](float w) {
        const Metrics& mm = ui.m();
        const float pad = mm.gap * 0.6f;
        const float textW = std::max(1.0f, w - 2 * mm.gap);
        const float labels = float(ui.wrap(FontRole::Title, label, textW).size()) * ui.lineHeight(FontRole::Title);
        const float hints = hint.empty() ? 0 : pad * 0.5f + float(ui.wrap(FontRole::Body, hint, textW).size()) *
                                                                ui.lineHeight(FontRole::Body);
        const float iconH = icn == Icon::None ? 0 : mm.iconTile + pad;
        return Span{std::max(mm.touchMin * 1.2f, labels + 2 * pad),
                    std::max(mm.touchMin * 1.5f, iconH + labels + hints + 2 * pad)};
    };
    n.draw = [&ui, t = std::move(t), look](const Node& self) {
        if (ui.tile(t.id, self.rect, t.label, t.hint, t.icon, t.colour, look->hints, look->icons) && t.onTap) t.onTap();
    };
    return n;
}

}  // namespace

Node Ui::tile(TileSpec spec) { return tileNode(*this, std::move(spec), std::make_shared<TileLook>()); }

Node Ui::tileGrid(std::vector<TileSpec> specs, int columns) {
    auto look = std::make_shared<TileLook>();
    Node g = grid(columns, m().gap);
    g.name = "tiles";
    g.minColumns = std::max(1, (columns + 1) / 2);  // fewer columns, down to half, when the labels need the width
    for (const TileSpec& t : specs)  // a label's longest word whole, in a tile's margins
        g.cellWords = std::max(g.cellWords, narrowestWidth(t.label, [this](std::string_view s) {
                                                return textWidth(FontRole::Title, s);
                                            }) + 2 * m().gap);
    g.grow = 1;
    // Once the cells are placed (a container draws after its children are
    // arranged, before they draw), the grid decides for all of them.
    g.draw = [this, look, specs](const Node& self) {
        look->hints = look->icons = true;
        for (std::size_t i = 0; i < specs.size() && i < self.children.size(); ++i) {
            const TileFace f = tileFace(*this, self.children[i].rect, specs[i].label, specs[i].hint,
                                        specs[i].icon != Icon::None);
            look->hints = look->hints && (specs[i].hint.empty() || !f.hintLines.empty());
            look->icons = look->icons && (specs[i].icon == Icon::None || f.iconSize > 0);
        }
    };
    for (auto& t : specs) g.children.push_back(tileNode(*this, std::move(t), look));
    return g;
}

Node Ui::pressable(std::string id, Node content, ButtonStyle style, std::function<void()> onTap) {
    Node n = column(0, {});
    n.name = id;
    n.pad = Insets::all(std::round(m().gap * 0.5f));
    n.draw = [this, id, style, onTap](const Node& self) {
        if (button(id, self.rect, "", Icon::None, style) && onTap) onTap();
    };
    n.children.push_back(std::move(content));
    return n;
}

Node Ui::qr(std::string textToEncode, float minSide, float prefSide) {
    Node n;
    n.name = "qr";
    n.flex = true;
    n.priority = -3;
    n.width = [minSide, prefSide] { return Span{minSide, prefSide}; };
    n.height = [minSide, prefSide](float w) {
        const float pref = std::min(prefSide, w);
        return Span{std::min(minSide, pref), pref};
    };
    n.draw = [this, textToEncode](const Node& self) { qr(textToEncode, self.rect); };
    return n;
}

Node Ui::card(Node content, float pad) {
    Node n = column(0, {});
    n.name = "card";
    n.pad = Insets::all(pad < 0 ? m().gap : pad);
    n.draw = [this](const Node& self) { card(self.rect); };
    n.children.push_back(std::move(content));
    return n;
}

Node Ui::scroll(std::string id, Node content, float minH) {
    Node n = column(0, {});
    n.name = id;
    n.scroll = true;
    n.scrollId = std::move(id);
    n.scrollMin = minH;
    n.scrollBar = m().scrollRoom;
    n.children.push_back(std::move(content));
    return n;
}

Node Ui::list(std::string id, Node items, float minH) {
    Node n = scroll(std::move(id), std::move(items), minH);
    n.scrollItems = theme().textSize() == TextSize::ExtraLarge ? 1.5f : 2.0f;
    return n;
}

// ---------------------------------------------------------------- [layout]

namespace {
void dump(const Node& n, float w, int depth) {
    const Span h = heightOf(n, w);
    const Span ws = widthOf(n);
    std::fprintf(stderr, "%*s%s kind=%d w=%.0f width{%.0f,%.0f} height{%.0f,%.0f}%s%s%s\n", depth * 2, "",
                 n.name.c_str(), int(n.kind), w, ws.min, ws.pref, h.min, h.pref, n.flex ? " flex" : "",
                 n.optional ? " optional" : "", n.scroll ? " scroll" : "");
    for (const Node& c : n.children) dump(c, c.align == Align::Stretch ? w - n.pad.x() : std::min(w - n.pad.x(), widthOf(c).pref), depth + 1);
}
}  // namespace

void Ui::layout(const Rect& area, Node& root) {
    if (std::getenv("KIOSK_LAYOUT_DEBUG")) {
        std::fprintf(stderr, "layout in %.0fx%.0f\n", area.w, area.h);
        dump(root, area.w, 1);
    }
    if (const float need = heightOf(root, area.w).min; need > area.h + 0.5f) {
        widgets_.addOverflow(area, need);
        // Even at its least the content is taller than its room: all of it
        // scrolls, rather than anything being cut or drawn over the bars.
        Node whole = scroll("screen.scroll", std::move(root), 0);
        place(whole, area);
        root = std::move(whole.children.front());
        return;
    }
    place(root, area);
}

void Ui::place(Node& n, const Rect& rect) {
    if (n.scroll) {
        if (const float contentH = scrollingHeight(n, rect); contentH > 0) {
            n.rect = rect;
            if (n.draw) n.draw(n);
            const Rect inner = beginScroll(n.scrollId.empty() ? n.name : n.scrollId, rect, contentH);
            // Laid out in the visible height: it sees that it scrolls and
            // keeps clear of the bar, its children at their full heights.
            arrange(n, {inner.x, inner.y, rect.w, rect.h});
            for (Node& c : n.children)
                if (!c.dropped) place(c, c.rect);
            endScroll();
            n.rect = rect;
            return;
        }
    }
    arrange(n, rect);
    if (n.draw) n.draw(n);
    for (Node& c : n.children)
        if (!c.dropped) place(c, c.rect);
}

Rect Ui::beginScroll(std::string_view id, const Rect& area, float contentHeight) {
    std::string sid(id);
    ImGui::SetCursorScreenPos(vec(area.x, area.y));
    ImGui::BeginChild(sid.c_str(), vec(area.w, area.h), false, ImGuiWindowFlags_NoBackground);
    ImGuiIO& io = ImGui::GetIO();
    DragScroll& drag = drags_.try_emplace(sid, m().dragThreshold).first->second;
    drag.setThreshold(m().dragThreshold);
    if (io.MouseClicked[0] && ImGui::IsWindowHovered(ImGuiHoveredFlags_AllowWhenBlockedByActiveItem))
        drag.press(io.MousePos.x, io.MousePos.y);
    if (drag.pressed()) {
        if (io.MouseDown[0]) {
            float dy = drag.move(io.MousePos.x, io.MousePos.y);
            if (dy != 0) ImGui::SetScrollY(std::clamp(ImGui::GetScrollY() - dy, 0.0f, ImGui::GetScrollMaxY()));
            // The finger is scrolling: the target it first touched must not fire.
            if (drag.dragging()) ImGui::ClearActiveID();
        } else {
            drag.release();
        }
    }
    const float scrollY = ImGui::GetScrollY();
    regions_.push_back({intersect(area, regions_.back().rect), true});
    const float bar = ImGui::GetStyle().ScrollbarSize;
    scrollBars_.push_back({area.right() - bar, area.y, bar, area.h});
    // Declares the content's height, so ImGui knows how far it can scroll.
    ImGui::Dummy(vec(1, contentHeight));
    return {area.x, area.y - scrollY, area.w, contentHeight};
}

void Ui::endScroll() {
    IM_ASSERT(!scrollBars_.empty() && "endScroll() without beginScroll()");
    regions_.pop_back();
    // The bar is drawn over the area's right edge: nothing may lie under it.
    widgets_.cover("scroll bar", scrollBars_.back());
    scrollBars_.pop_back();
    ImGui::EndChild();
}

// ---------------------------------------------------------------- [style]

void applyImGuiStyle(const Theme& theme) {
    ImGuiStyle style;
    const Metrics& m = theme.m();
    const Palette& c = theme.c();
    style.WindowPadding = vec(0, 0);
    style.WindowBorderSize = 0;
    style.WindowRounding = 0;
    style.ChildBorderSize = 0;
    style.FramePadding = vec(m.buttonPadX, m.buttonPadX * 0.5f);
    style.ItemSpacing = vec(m.gap, m.gap);
    style.ScrollbarSize = m.scrollBar;
    style.ScrollbarRounding = std::round(12 * m.scale);
    style.TouchExtraPadding = vec(0, 0);
    // Shapes come from the glyph page's white block (fonts.h), which has no
    // baked line textures: anti-aliased lines are drawn as geometry.
    style.AntiAliasedLinesUseTex = false;
    auto col = [](Rgb r, float a = 1.0f) {
        return ImVec4(float(r.r) / 255.f, float(r.g) / 255.f, float(r.b) / 255.f, a);
    };
    style.Colors[ImGuiCol_WindowBg] = col(c.page);
    style.Colors[ImGuiCol_ChildBg] = col(c.page, 0);
    style.Colors[ImGuiCol_Text] = col(c.text);
    style.Colors[ImGuiCol_ScrollbarBg] = col(c.statusBg, 0.6f);
    style.Colors[ImGuiCol_ScrollbarGrab] = col(c.textMuted, 0.55f);
    style.Colors[ImGuiCol_ScrollbarGrabHovered] = col(c.textMuted, 0.7f);
    style.Colors[ImGuiCol_ScrollbarGrabActive] = col(c.text, 0.8f);
    ImGui::GetStyle() = style;
}

}  // namespace shell
