// identify_screen.h — 请刷颐年卡: who is at the screen, one question per step.
//
//   Start  "请刷颐年卡" (the card reader types the number: onCard), or
//          用手机号 (identify.phone), or 扫码 (identify.scan)
//   Phone  the 11-digit mobile on a big keypad (keypad.0..9, keypad.del, keypad.ok)
//   Code   the 4-digit code: the birthday as MMDD, said plainly
//   Scan   "把手机上的长者码对准扫码口" (the scanner types: onScan)
//   Unknown  a card / phone / code not found: plain words, 呼叫工作人员
//          (identify.call_staff) and 再试一次 (identify.retry)
// Once known: the session begins (masked name only), rejections the district
// sent are shown first (notices), then the flow that asked (requireMember) or Home.
#pragma once

#include <string>

#include "domain/members.h"
#include "screens/screen.h"

namespace screens {

// The elder is known: begin the session, then notices (if any) or the flow
// that asked for identification (Context::identifyReturnTo, "" = Home).
// Used by identify and by the shell's card handler.
void onIdentified(Context& ctx, const domain::Member& member);
// On to the flow that asked for identification (or Home); clears the request.
void goAfterIdentify(Context& ctx);
// A card or code the shell read on another screen matched nobody: opens
// identify with the plain answer and the call-staff button.
void showUnknown(Context& ctx, const std::string& problemKey);

class IdentifyScreen final : public Screen {
public:
    explicit IdentifyScreen(Context& ctx);
    void onEnter() override;
    void onLeave() override;
    bool onCard(const std::string& cardNo) override;
    bool onScan(const std::string& text) override;

protected:
    shell::Node content(const shell::Rect& area) override;

private:
    enum class Step { Start, Phone, Code, Scan, Unknown };
    shell::Node start();
    shell::Node entry();
    shell::Node scan();
    shell::Node unknown();
    void key(const std::string& k);
    void handle(const domain::IdentifyResult& r, const std::string& unknownKey);
    void submit();
    void clearInput();

    Step step_ = Step::Start;
    std::string phone_, code_;
    std::string problemKey_;  // Unknown: what went wrong
    std::string errorKey_;    // Phone / Code: a line under the entry ("" none)
    int wrongCodes_ = 0;      // three wrong birthdays: ask staff instead
};

}  // namespace screens
