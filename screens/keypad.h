// keypad.h — the one numeric keypad (identify's phone and birthday, staff's
// PIN and lookup): 1-9 in three rows, then a function key, 0 and another
// function key. Keys are at least the theme's touch size and 24 px apart,
// and never narrower than their label: the keypad asks the stack for the
// width its widest key needs (← 删除, ✓ 确定 at 特大 are not cut).
// Widget ids PREFIX.0 .. PREFIX.9, PREFIX.<left key>, PREFIX.<right key>.
#pragma once

#include <functional>
#include <string>

#include "screens/context.h"
#include "shell/ui/stack.h"

namespace screens {

struct KeypadSpec {
    std::string prefix;                       // "keypad", "staff.pin", "staff.key"
    std::string leftKey, leftLabel;           // "del", 删除
    shell::Icon leftIcon = shell::Icon::None;
    std::string rightKey, rightLabel;         // "ok", 确定
    shell::Icon rightIcon = shell::Icon::None;
    bool rightPrimary = false;                // the right key is the step's main action
};

// `onKey` gets "0".."9", leftKey or rightKey, on the frame the key is tapped.
// `maxWidth` (0: any): three keys wider than it drop the function keys' icons.
shell::Node keypad(Context& ctx, const KeypadSpec& spec, std::function<void(const std::string& key)> onKey,
                   float maxWidth = 0);

}  // namespace screens
