#include "shell/ui/ui.h"

#include <algorithm>
#include <cfloat>
#include <cmath>

#include <imgui_internal.h>

#include "shell/ui/fonts.h"
#include "shell/ui/utf8.h"
#include "shell/ui/widget_registry.h"

// Index
//   [helpers]   colours, visual centre of a font, CJK-aware wrapping
//   [text]      text, textLeft/Right/Centred, paragraph, fit
//   [targets]   hit, button, tile, primaryButton
//   [shapes]    fill, card, shadow, icon
//   [scroll]    beginScroll / endScroll with drag-to-scroll
//   [style]     applyImGuiStyle

namespace shell {

// ---------------------------------------------------------------- [helpers]

ImU32 toU32(Rgb c, float alpha) {
    return IM_COL32(c.r, c.g, c.b, int(std::lround(std::clamp(alpha, 0.0f, 1.0f) * 255)));
}

namespace {

ImVec2 vec(float x, float y) { return {x, y}; }

// Fonts put glyphs below the line's top by the font's ascent minus the glyph
// height: Noto CJK has a tall ascent, so centring on FontSize looks low.
// Centre on the ink of 中 instead (always in the glyph set).
float inkCentre(ImFont* f) {
    if (const ImFontGlyph* g = f->FindGlyphNoFallback(0x4E2D)) return (g->Y0 + g->Y1) * 0.5f;
    if (const ImFontGlyph* g = f->FindGlyphNoFallback('H')) return (g->Y0 + g->Y1) * 0.5f;
    return f->FontSize * 0.5f;
}

bool isCjk(char32_t c) {
    return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
           (c >= 0x3000 && c <= 0x303F);
}

// Punctuation that must not start a line (Chinese typesetting rule).
bool noLineStart(char32_t c) {
    static constexpr std::u32string_view kClosing = U"，。！？、；：）》」』”’…,.!?;:)";
    return kClosing.find(c) != std::u32string_view::npos;
}

}  // namespace

Ui::Ui(Fonts& fonts, WidgetRegistry& widgets) : fonts_(fonts), widgets_(widgets) {}

void Ui::begin(const Theme& theme) {
    theme_ = &theme;
    clip_.clear();
    scrollIds_.clear();
}

ImDrawList* Ui::drawList() const { return ImGui::GetWindowDrawList(); }

void Ui::note(std::string_view text) {
    widgets_.noteText(text);
    fonts_.addText(text);
}

// ---------------------------------------------------------------- [text]

ImFont* Ui::font(FontRole role) const { return role == FontRole::Title ? fonts_.title() : fonts_.body(); }

float Ui::textWidth(FontRole role, std::string_view text) const {
    ImFont* f = font(role);
    return f->CalcTextSizeA(f->FontSize, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
}

float Ui::lineHeight(FontRole role) const {
    // One line of text: the em (the size of a Chinese character) plus a little
    // air. ImGui's FontSize is the face's full height (~1.45 em for Noto CJK),
    // too loose for laying out single lines; text is centred on its ink anyway.
    return std::round(emPx(role) * 1.3f);
}

float Ui::paragraphLine(FontRole role) const { return std::round(emPx(role) * 1.5f); }

float Ui::emPx(FontRole role) const { return role == FontRole::Title ? m().titlePx : m().bodyPx; }

Measure Ui::measure() const {
    return [this](FontRole role, std::string_view t) { return textWidth(role, t); };
}

void Ui::text(FontRole role, std::string_view text, float x, float y, Rgb colour) {
    note(text);
    ImFont* f = font(role);
    drawList()->AddText(f, f->FontSize, vec(std::round(x), std::round(y)), toU32(colour), text.data(),
                        text.data() + text.size());
}

std::string Ui::fit(FontRole role, std::string_view text, float width) const {
    if (textWidth(role, text) <= width) return std::string(text);
    std::u32string cps = decodeUtf8(text);
    while (!cps.empty()) {
        cps.pop_back();
        std::string s;
        for (char32_t c : cps) s += encodeUtf8(c);
        s += "\u2026";
        if (textWidth(role, s) <= width) return s;
    }
    return "\u2026";
}

void Ui::textLeft(FontRole role, std::string_view t, const Rect& box, Rgb colour) {
    note(t);  // the whole string, even if cut: the script checks what was meant
    std::string s = fit(role, t, box.w);
    ImFont* f = font(role);
    drawList()->AddText(f, f->FontSize, vec(std::round(box.x), std::round(box.cy() - inkCentre(f))),
                        toU32(colour), s.data(), s.data() + s.size());
}

void Ui::textRight(FontRole role, std::string_view t, const Rect& box, Rgb colour) {
    note(t);
    std::string s = fit(role, t, box.w);
    ImFont* f = font(role);
    float w = textWidth(role, s);
    drawList()->AddText(f, f->FontSize, vec(std::round(box.right() - w), std::round(box.cy() - inkCentre(f))),
                        toU32(colour), s.data(), s.data() + s.size());
}

void Ui::textCentred(FontRole role, std::string_view t, const Rect& box, Rgb colour) {
    note(t);
    std::string s = fit(role, t, box.w);
    ImFont* f = font(role);
    float w = textWidth(role, s);
    drawList()->AddText(f, f->FontSize, vec(std::round(box.cx() - w / 2), std::round(box.cy() - inkCentre(f))),
                        toU32(colour), s.data(), s.data() + s.size());
}

std::vector<std::string> Ui::wrap(FontRole role, std::string_view text, float width) const {
    // Tokens: a CJK character alone; a Latin word with its trailing spaces.
    std::vector<std::string> tokens;
    std::u32string cps = decodeUtf8(text);
    for (std::size_t i = 0; i < cps.size();) {
        std::string tok;
        if (isCjk(cps[i]) || cps[i] == U'\n') {
            tok = encodeUtf8(cps[i++]);
        } else {
            while (i < cps.size() && !isCjk(cps[i]) && cps[i] != U' ' && cps[i] != U'\n') tok += encodeUtf8(cps[i++]);
            while (i < cps.size() && cps[i] == U' ') tok += encodeUtf8(cps[i++]);
        }
        tokens.push_back(std::move(tok));
    }
    std::vector<std::string> lines(1);
    for (auto& tok : tokens) {
        if (tok == "\n") {
            lines.emplace_back();
            continue;
        }
        std::string candidate = lines.back() + tok;
        std::size_t trimmed = candidate.find_last_not_of(' ');
        std::string_view visible(candidate.data(), trimmed == std::string::npos ? 0 : trimmed + 1);
        char32_t first = decodeUtf8(tok).front();
        if (lines.back().empty() || textWidth(role, visible) <= width || noLineStart(first)) {
            lines.back() = std::move(candidate);
        } else {
            lines.push_back(tok);
        }
    }
    for (auto& l : lines)
        while (!l.empty() && l.back() == ' ') l.pop_back();
    return lines;
}

float Ui::paragraph(FontRole role, std::string_view t, const Rect& box, Rgb colour, bool centred) {
    note(t);
    ImFont* f = font(role);
    const float lh = paragraphLine(role);
    float y = box.y;
    for (auto& line : wrap(role, t, box.w)) {
        float w = textWidth(role, line);
        float x = centred ? box.cx() - w / 2 : box.x;
        drawList()->AddText(f, f->FontSize, vec(std::round(x), std::round(y + lh / 2 - inkCentre(f))), toU32(colour),
                            line.data(), line.data() + line.size());
        y += lh;
    }
    return y - box.y;
}

// ---------------------------------------------------------------- [targets]

bool Ui::hit(std::string_view id, const Rect& r, bool* held) {
    if (held) *held = false;
    Rect vis = r;
    if (!clip_.empty()) {
        const Rect& c = clip_.back();
        float x0 = std::max(r.x, c.x), y0 = std::max(r.y, c.y);
        float x1 = std::min(r.right(), c.right()), y1 = std::min(r.bottom(), c.bottom());
        vis = {x0, y0, x1 - x0, y1 - y0};
    }
    if (vis.w <= 0 || vis.h <= 0) return false;  // scrolled out of sight: not tappable
    widgets_.add(id, vis);

    ImGuiWindow* window = ImGui::GetCurrentWindow();
    ImGuiID gid = window->GetID(id.data(), id.data() + id.size());
    ImRect bb(r.x, r.y, r.right(), r.bottom());
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

bool Ui::button(std::string_view id, const Rect& r, std::string_view label, Icon icon,
                const ButtonStyle& style, bool selected) {
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

    // A selected button carries a check mark: state is never colour alone.
    Icon shown = selected ? Icon::Check : icon;
    const float iconW = shown == Icon::None ? 0 : mm.iconNav;
    const float gap = shown == Icon::None ? 0 : mm.buttonPadX * 0.5f;
    std::string s = fit(FontRole::Body, label, box.w - 2 * mm.buttonPadX - iconW - gap);
    float groupW = iconW + gap + textWidth(FontRole::Body, s);
    float x = box.cx() - groupW / 2;
    if (shown != Icon::None) icon_(shown, x + iconW / 2, box.cy(), iconW, style.text);
    note(label);
    ImFont* f = font(FontRole::Body);
    drawList()->AddText(f, f->FontSize, vec(std::round(x + iconW + gap), std::round(box.cy() - inkCentre(f))),
                        toU32(style.text), s.data(), s.data() + s.size());
    return pressed;
}

Ui::TileFit Ui::fitTile(const Rect& box, std::string_view label, std::string_view hint, bool withIcon) const {
    // Icon, label and hint stacked and centred. When space is short the hint
    // goes first (it may wrap to two lines, it is never cut), then the icon
    // shrinks; a tile too short even for that (large text on a landscape
    // panel) puts the icon beside the words. A long label ("Time bank" at
    // 特大 on a portrait panel) wraps to two lines rather than being cut.
    const Metrics& mm = m();
    const float pad = mm.gap * 0.6f;
    const float labelH = lineHeight(FontRole::Title), hintH = lineHeight(FontRole::Body);
    const float textW = box.w - 2 * mm.gap;
    const float roomH = box.h - 2 * pad;
    TileFit f;
    std::vector<std::string> lines = hint.empty() ? std::vector<std::string>{} : wrap(FontRole::Body, hint, textW);
    if (lines.size() > 2) lines.clear();
    std::vector<std::string> labelLines = wrap(FontRole::Title, label, textW);
    auto stackH = [&](float iconS, std::size_t labelN, std::size_t hintN) {
        return (iconS > 0 ? iconS + pad : 0) + float(labelN) * labelH + (hintN ? pad * 0.5f + float(hintN) * hintH : 0);
    };
    const float minIcon = withIcon ? mm.iconTile * 0.6f : 0;
    if (labelLines.size() <= 2 && stackH(minIcon, labelLines.size(), 0) <= roomH) {
        f.stacked = true;
        f.labelLines = labelLines;
        if (!lines.empty() && stackH(minIcon, labelLines.size(), lines.size()) <= roomH) f.hintLines = lines;
        f.iconSize = withIcon ? std::min(mm.iconTile, roomH - pad - stackH(0, labelLines.size(), f.hintLines.size())) : 0;
        f.height = stackH(f.iconSize, labelLines.size(), f.hintLines.size());
        return f;
    }
    f.stacked = false;
    f.iconSize = withIcon ? std::min(mm.iconTile, std::max(labelH, box.h * 0.5f)) : 0;
    // Words before pictures: a label that does not fit beside the icon gets
    // the whole width instead.
    if (textWidth(FontRole::Title, label) > box.w - 3 * mm.gap - f.iconSize) f.iconSize = 0;
    const float room = box.w - (f.iconSize > 0 ? 3 * mm.gap + f.iconSize : 2 * mm.gap);
    f.labelLines = wrap(FontRole::Title, label, room);
    if (f.labelLines.size() > 1 && float(f.labelLines.size()) * labelH > roomH) f.labelLines = {fit(FontRole::Title, label, room)};
    const float labelsH = float(f.labelLines.size()) * labelH;
    if (!hint.empty() && textWidth(FontRole::Body, hint) <= room && labelsH + hintH <= roomH)
        f.hintLines = {std::string(hint)};
    f.height = labelsH + (f.hintLines.empty() ? 0 : hintH);
    return f;
}

bool Ui::tile(std::string_view id, const Rect& r, std::string_view label, std::string_view hint, Icon icon,
              Rgb colour) {
    bool held = false;
    bool pressed = hit(id, r, &held);
    const Metrics& mm = m();
    Rect box = held ? r.inset(4 * mm.scale) : r;
    if (!held) shadow(box, mm.radius);
    Rgb fill = held ? darken(colour, Theme::kPressedDarken) : colour;
    drawList()->AddRectFilled(vec(box.x, box.y), vec(box.right(), box.bottom()), toU32(fill), mm.radius);

    const TileFit fit = fitTile(box, label, hint, icon != Icon::None);
    const float pad = mm.gap * 0.6f;
    const float labelH = lineHeight(FontRole::Title), hintH = lineHeight(FontRole::Body);
    const float textW = box.w - 2 * mm.gap;
    note(label);
    if (fit.stacked) {
        float y = box.cy() - fit.height / 2;
        if (fit.iconSize > 0) {
            icon_(icon, box.cx(), y + fit.iconSize / 2, fit.iconSize, c().tileText);
            y += fit.iconSize + pad;
        }
        for (auto& line : fit.labelLines) {
            textCentred(FontRole::Title, line, {box.x + mm.gap, y, textW, labelH}, c().tileText);
            y += labelH;
        }
        y += pad * 0.5f;
        for (auto& line : fit.hintLines) {
            textCentred(FontRole::Body, line, {box.x + mm.gap, y, textW, hintH}, c().tileText);
            y += hintH;
        }
        if (!fit.hintLines.empty()) note(hint);
    } else {
        // Side by side: the icon, then the words, centred as a group.
        float wordsW = fit.hintLines.empty() ? 0.0f : textWidth(FontRole::Body, hint);
        for (auto& line : fit.labelLines) wordsW = std::max(wordsW, textWidth(FontRole::Title, line));
        const float iconW = fit.iconSize > 0 ? fit.iconSize + mm.gap : 0;
        const float room = box.w - 2 * mm.gap - iconW;
        const float x = box.cx() - (iconW + std::min(wordsW, room)) / 2;
        if (fit.iconSize > 0) icon_(icon, x + fit.iconSize / 2, box.cy(), fit.iconSize, c().tileText);
        const float tx = x + iconW;
        float y = box.cy() - fit.height / 2;
        for (auto& line : fit.labelLines) {
            textLeft(FontRole::Title, line, {tx, y, room, labelH}, c().tileText);
            y += labelH;
        }
        if (!fit.hintLines.empty()) textLeft(FontRole::Body, hint, {tx, y, room, hintH}, c().tileText);
    }
    return pressed;
}

bool Ui::primaryButton(std::string_view id, const Rect& r, std::string_view line1, std::string_view line2,
                       Icon icon) {
    bool held = false;
    bool pressed = hit(id, r, &held);
    const Metrics& mm = m();
    Rect box = held ? r.inset(3 * mm.scale) : r;
    if (!held) shadow(box, mm.radius);
    drawList()->AddRectFilled(vec(box.x, box.y), vec(box.right(), box.bottom()),
                              toU32(held ? c().primaryPressed : c().primary), mm.radius);
    const float h1 = lineHeight(FontRole::Title), h2 = line2.empty() ? 0 : lineHeight(FontRole::Body);
    const float gapY = line2.empty() ? 0 : mm.gap * 0.35f;
    float iconS = icon == Icon::None ? 0 : std::min(mm.iconTile, box.h * 0.55f);
    float gapX = icon == Icon::None ? 0 : mm.gap;
    float textW = std::max(textWidth(FontRole::Title, line1), line2.empty() ? 0 : textWidth(FontRole::Body, line2));
    textW = std::min(textW, box.w - 2 * mm.gap - iconS - gapX);
    float x = box.cx() - (iconS + gapX + textW) / 2;
    if (icon != Icon::None) icon_(icon, x + iconS / 2, box.cy(), iconS, c().primaryText);
    float y = box.cy() - (h1 + gapY + h2) / 2;
    textLeft(FontRole::Title, line1, {x + iconS + gapX, y, textW, h1}, c().primaryText);
    if (!line2.empty()) textLeft(FontRole::Body, line2, {x + iconS + gapX, y + h1 + gapY, textW, h2}, c().primaryText);
    return pressed;
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

void Ui::icon(Icon icon, float cx, float cy, float size, Rgb colour) { icon_(icon, cx, cy, size, colour); }

void Ui::icon_(Icon icon, float cx, float cy, float size, Rgb colour) {
    drawIcon(drawList(), icon, vec(cx, cy), size, toU32(colour));
}

// ---------------------------------------------------------------- [scroll]

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
    Rect clip = area;
    if (!clip_.empty()) {
        const Rect& c = clip_.back();
        float x0 = std::max(clip.x, c.x), y0 = std::max(clip.y, c.y);
        clip = {x0, y0, std::min(clip.right(), c.right()) - x0, std::min(clip.bottom(), c.bottom()) - y0};
    }
    clip_.push_back(clip);
    scrollIds_.push_back(sid);
    // Declares the content's height, so ImGui knows how far it can scroll.
    ImGui::Dummy(vec(1, contentHeight));
    return {area.x, area.y - scrollY, area.w, contentHeight};
}

void Ui::endScroll() {
    IM_ASSERT(!scrollIds_.empty() && "endScroll() without beginScroll()");
    clip_.pop_back();
    scrollIds_.pop_back();
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
    style.ScrollbarSize = std::round(24 * m.scale);
    style.ScrollbarRounding = std::round(12 * m.scale);
    style.TouchExtraPadding = vec(0, 0);
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
