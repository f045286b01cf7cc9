// keypad.h — a big numeric keypad for elders (phone number, birthday code):
// 1-9, 删除, 0, 确定 in four rows of three; keys at least the theme's touch
// size (96 px at 1080p), 24 px or more apart. Widget ids keypad.0 .. keypad.9,
// keypad.del, keypad.ok.
#pragma once

#include "screens/context.h"

namespace screens {

struct KeypadPress {
    char digit = 0;   // '0'..'9' when a digit was tapped
    bool del = false;
    bool ok = false;
};

// Height the keypad wants for `width` (keys square-ish, within `maxHeight`).
float keypadHeight(Context& ctx, float width, float maxHeight);
// Draws the keypad in `r`. 确定 always answers: the screen says what is
// missing rather than showing a key that does nothing.
KeypadPress drawKeypad(Context& ctx, const shell::Rect& r);

}  // namespace screens
