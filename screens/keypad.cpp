#include "screens/keypad.h"

#include <algorithm>
#include <cmath>

#include "screens/ids.h"

namespace screens {

shell::Node keypad(Context& ctx, const KeypadSpec& spec, std::function<void(const std::string& key)> onKey,
                   float maxWidth) {
    shell::Ui& ui = ctx.ui;
    const shell::Metrics& m = ui.m();
    static constexpr const char* kDigits = "123456789";
    // Rows a finger can aim at: a key is 1.3 touch targets tall when there is room.
    const float keyH = std::round(m.touchMin * 1.15f);
    std::vector<shell::Node> keys;
    auto add = [&](const std::string& key, const std::string& label, shell::Icon icon, shell::ButtonStyle style) {
        shell::Node k = ui.button(wid::key(spec.prefix, key), label, icon, style, [onKey, key] { onKey(key); }, keyH);
        // A key keeps its label on one line: never narrower than it wants.
        const float w = shell::widthOf(k).pref;
        k.width = [w] { return shell::Span{w, w}; };
        keys.push_back(std::move(k));
    };
    for (int i = 0; i < 9; ++i) add(std::string(1, kDigits[i]), std::string(1, kDigits[i]), shell::Icon::None, ui.secondaryStyle());
    add(spec.leftKey, spec.leftLabel, spec.leftIcon, ui.secondaryStyle());
    add("0", "0", shell::Icon::None, ui.secondaryStyle());
    add(spec.rightKey, spec.rightLabel, spec.rightIcon, spec.rightPrimary ? ui.primaryStyle() : ui.secondaryStyle());
    const float gap = std::max(m.targetGap, std::round(m.gap * 0.75f));
    if (maxWidth > 0 && (spec.leftIcon != shell::Icon::None || spec.rightIcon != shell::Icon::None)) {
        float widest = 0;
        for (const shell::Node& k : keys) widest = std::max(widest, shell::widthOf(k).pref);
        if (widest * 3 + gap * 2 > maxWidth) {
            // The function keys' words without their arrows (English at 特大).
            KeypadSpec plain = spec;
            plain.leftIcon = plain.rightIcon = shell::Icon::None;
            return keypad(ctx, plain, std::move(onKey));
        }
    }
    shell::Node g = shell::grid(3, gap, std::move(keys));
    g.name = spec.prefix;
    return g;
}

}  // namespace screens
