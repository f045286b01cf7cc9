// help.h — alerts that reach people (issue 9). A 帮助 call, the 紧急 button, a
// blocked card at the reader, the staff PIN pad locked by wrong PINs: each is
// a row the kiosk shows as a banner on every screen until staff deal with it,
// and an op that reaches the district (`district-server alerts`, the
// console's 求助提醒). Staff dealing with it at the station closes it at the
// district too (op alert_ack).
#pragma once

#include <string>
#include <vector>

#include "domain/context.h"
#include "domain/members.h"

namespace domain {

struct HelpCall {
    std::string id;
    std::string at;
    std::string screen;
    std::string member_id;
    std::string kind = "help";  // help / urgent / blocked_card / pin_failures
};

// 帮助: the elder (if identified) asks for staff on `screen`.
std::string callStaff(const Context& ctx, const std::string& screen, const std::string& memberId);
// 紧急 / a blocked card / PIN failures (kind as HelpCall::kind); `detail` is
// plain words for the district (at most 200 bytes).
std::string raiseAlert(const Context& ctx, const std::string& kind, const std::string& screen,
                       const std::string& memberId, const std::string& detail = "");
// Open alerts, oldest first (the banner shows the newest).
std::vector<HelpCall> openHelpCalls(const Context& ctx);
// Staff dealt with it (ctx.staffId is who): the banner goes, the district is told.
void markHelpHandled(const Context& ctx, const std::string& id);

// A card from the reader (or a QR scanner) on `screen`: identifyByCard, and
// a blocked card raises a blocked_card alert (once per card in 10 minutes: a
// confused elder may tap it again and again).
IdentifyResult identifyCardAt(const Context& ctx, const std::string& cardNo, const std::string& screen);

}  // namespace domain
