// help_screen.h — 帮助: what each button does (a short list with icons), and
// two big buttons: 呼叫工作人员 (help.call_staff) and 朗读 (help.read: reads
// this screen aloud, as nav.read does on every screen).
#pragma once

#include <string>

#include "screens/screen.h"

namespace screens {

// Calls staff (an op the district sees) from `screenId` and says so with the
// result overlay. Used by help and by identify (unknown card).
void callStaff(Context& ctx, const std::string& screenId);

class HelpScreen final : public Screen {
public:
    explicit HelpScreen(Context& ctx);

protected:
    shell::Node content(const shell::Rect& area) override;
};

}  // namespace screens
