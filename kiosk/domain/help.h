// help.h — 帮助: call staff. The call is an op (the district sees it in the
// station status) and a row the staff screen lists until handled.
#pragma once

#include <string>
#include <vector>

#include "domain/context.h"

namespace domain {

struct HelpCall {
    std::string id;
    std::string at;
    std::string screen;
    std::string member_id;
};

std::string callStaff(const Context& ctx, const std::string& screen, const std::string& memberId);
std::vector<HelpCall> openHelpCalls(const Context& ctx);
void markHelpHandled(const Context& ctx, const std::string& id);

}  // namespace domain
