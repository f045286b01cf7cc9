// icons.h — the kiosk's icons, drawn as vector shapes at any size.
//
// Vectors instead of a bitmap or an icon font: crisp at every panel scale and
// text size, and no extra glyphs in the atlas. Each icon is one colour and
// fits a square of side `size` centred on `centre`.
#pragma once

#include <imgui.h>

namespace shell {

enum class Icon {
    None,
    Back,      // ← on the Back button
    Home,      // house on the Home button
    Check,     // ✓: selected, done
    CheckIn,   // 签到: a check in a circle
    Meal,      // 订餐: a bowl with steam
    Activity,  // 活动: a calendar
    TimeBank,  // 时间银行: a clock
    Help,      // 帮助: a question mark in a circle
    Card,      // 颐年卡
    Person,    // the elder at the screen
    Synced,    // sync state: a check in a circle
    Offline,   // sync state: a cross in a circle
    Speaker,   // 朗读: a loudspeaker with sound waves
    Phone,     // 手机号: a mobile phone
    Scan,      // 扫码: a code in a frame
    Cross,     // a failed answer: a thick ✗ (drawn white on a red disc)
    Info,      // an answer to note: an "i" (white on a blue disc)
    TextSize,  // 字号: a small and a large A
    Minus,     // − (service hours)
    Plus,      // +
    Announce,  // 公告: a megaphone
    More,      // ›: opens more of what it is on
};

void drawIcon(ImDrawList* dl, Icon icon, ImVec2 centre, float size, ImU32 colour);

}  // namespace shell
