// The time-bank flow: its steps, and the words they share.
#include "screens/timebank/timebank.h"

#include "screens/timebank/state.h"

namespace screens {

void addTimeBankScreens(Context& ctx, std::vector<std::unique_ptr<Screen>>& out) {
    auto st = std::make_shared<timebank::State>();
    for (auto make : {timebank::overviewStep, timebank::statementStep, timebank::catalogStep, timebank::confirmStep,
                      timebank::redemptionsStep, timebank::voucherStep, timebank::serviceStep, timebank::hoursStep,
                      timebank::cardStep})
        out.push_back(make(ctx, st));
}

namespace timebank {

std::string hours(const Context& ctx, int minutes) {
    return ctx.strings.format("timebank.hours", {{"hours", domain::formatHours(minutes)}});
}

void backToOverview(Context& ctx) {
    ctx.router.home();
    ctx.router.push(ids::kTimeBank);
}

}  // namespace timebank
}  // namespace screens
