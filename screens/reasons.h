// reasons.h — the one table of what the district's answer codes mean
// (sync/PROTOCOL.md: op kinds and rejection reasons), in the words each
// reader needs:
//   Elder   a sentence with what to do next ("名额已满。请改订其他餐次，或问工作人员。"),
//           per op kind where that helps (notices)
//   Clause  the reason inside a sentence ("没订上：已经过了订餐时间")
//   Staff   a terse label for staff's list of rejected ops
// An unknown code never shows blank: Elder and Clause fall back to "ask
// staff", Staff shows the code itself.
#pragma once

#include <string>
#include <string_view>

#include "shell/ui/strings.h"

namespace screens {

enum class ReasonFor { Elder, Clause, Staff };

std::string reasonText(const shell::Strings& s, std::string_view reason, ReasonFor who, std::string_view opKind = {});
// "订餐", "活动签到" ...: an op kind in words (staff's list); unknown kinds show the code.
std::string opKindText(const shell::Strings& s, std::string_view kind);
// The kinds and reasons this build has words for.
bool knownReason(std::string_view reason);
bool knownOpKind(std::string_view kind);

}  // namespace screens
