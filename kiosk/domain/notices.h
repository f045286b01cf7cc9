// notices.h — ops the district rejected, told to the elder on the next visit
// (DESIGN.md principle 2: a rejection is never dropped silently).
#pragma once

#include <string>
#include <vector>

#include "domain/context.h"

namespace domain {

struct Notice {
    std::int64_t seq = 0;
    std::string kind;    // meal_book, activity_signup, tb_redeem ...
    std::string reason;  // reason code from sync/PROTOCOL.md
    std::string created_at;
    std::string subject;  // what it was about: dish date + slot, activity title, item name
};

std::vector<Notice> pendingNotices(const Context& ctx, const std::string& memberId);
// The elder has seen them: they are not shown again (staff still see them).
void acknowledgeNotices(const Context& ctx, const std::vector<Notice>& notices);

}  // namespace domain
