// state.h — what the time-bank steps share (flow.h).
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "domain/timebank.h"
#include "screens/flow.h"
#include "screens/pager.h"

namespace screens::timebank {

inline constexpr int kStatementLines = 100;
inline constexpr int kStepMinutes = 30;  // recordService takes half-hour steps
inline constexpr int kMaxServiceMinutes = 8 * 60;

struct State : FlowState {
    // Choices.
    std::string kind = "service";  // the catalog tab while redeeming
    Pager pager;
    std::optional<domain::CatalogItem> chosen;
    std::optional<domain::Redemption> voucher;
    int serviceMinutes = 60;

    // View models.
    domain::Balance balance;
    std::vector<domain::StatementLine> statement;
    std::vector<domain::Redemption> redemptions;
    std::vector<domain::CatalogItem> items;  // of the tab (or the services, when recording)
};

using Step = FlowStep<State>;

// "1.5 小时"
std::string hours(const Context& ctx, int minutes);
// Back to the overview with Home below it (after an action finished).
void backToOverview(Context& ctx);

std::unique_ptr<Screen> overviewStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> statementStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> catalogStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> serviceStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> confirmStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> redemptionsStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> voucherStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> hoursStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> cardStep(Context& ctx, std::shared_ptr<State> st);

}  // namespace screens::timebank
