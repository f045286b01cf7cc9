#include "screens/keypad.h"

#include <algorithm>
#include <string>

namespace screens {

float keypadHeight(Context& ctx, float width, float maxHeight) {
    const shell::Metrics& m = ctx.ui.m();
    const float keyW = (width - 2 * m.gap) / 3;
    const float keyH = std::clamp(keyW * 0.62f, m.touchMin * 1.15f, m.touchMin * 1.6f);
    return std::min(4 * keyH + 3 * m.gap * 0.75f, std::max(maxHeight, 4 * m.touchMin + 3 * m.targetGap));
}

KeypadPress drawKeypad(Context& ctx, const shell::Rect& r) {
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    const shell::Palette& c = ui.c();
    const float gapX = m.gap, gapY = std::max(m.targetGap, std::min(m.gap, (r.h - 4 * m.touchMin) / 3));
    const float keyW = (r.w - 2 * gapX) / 3, keyH = std::max(m.touchMin, (r.h - 3 * gapY) / 4);
    KeypadPress out;
    static constexpr const char* kKeys = "123456789";
    shell::ButtonStyle digitStyle = ui.secondaryStyle();
    for (int i = 0; i < 12; ++i) {
        const int row = i / 3, col = i % 3;
        shell::Rect k{r.x + float(col) * (keyW + gapX), r.y + float(row) * (keyH + gapY), keyW, keyH};
        if (i < 9 || i == 10) {
            const char d = i < 9 ? kKeys[i] : '0';
            const std::string label(1, d);
            if (ui.button(std::string("keypad.") + d, k, label, shell::Icon::None, digitStyle)) out.digit = d;
        } else if (i == 9) {
            if (ui.button("keypad.del", k, ctx.strings.get("keypad.del"), shell::Icon::Back, digitStyle)) out.del = true;
        } else {
            const shell::ButtonStyle okStyle{c.primary, c.primaryText, c.primary, false};
            if (ui.button("keypad.ok", k, ctx.strings.get("keypad.ok"), shell::Icon::Check, okStyle)) out.ok = true;
        }
    }
    return out;
}

}  // namespace screens
