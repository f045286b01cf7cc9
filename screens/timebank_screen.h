// timebank_screen.h — 时间银行 (issue 4): the elder's hours.
//
// One screen per step, so Back (the shared top bar) always goes one step back:
//   timebank                  balance (big), pending, and four choices
//   timebank_statement        date / what / hours ±, a drag-scroll list
//   timebank_catalog          服务 / 物品, at most six items a page
//   timebank_confirm          "将用去 1 小时，剩余 2 小时" → domain::redeem
//   timebank_redemptions      my redemptions with their status
//   timebank_voucher          the QR voucher of a confirmed redemption
//   timebank_service          记录服务: the volunteer picks the service
//   timebank_service_hours    how long, half-hour steps with big − / +
//   timebank_service_card     the recipient confirms with a card tap
// Widget ids: timebank.redeem, timebank.statement, timebank.redemptions,
// timebank.record, timebank.kind_service, timebank.kind_goods,
// timebank.item.<catalog id>, timebank.prev_page, timebank.next_page,
// timebank.confirm, timebank.cancel, timebank.voucher.<redemption id>,
// timebank.hours_minus, timebank.hours_plus, timebank.hours_next, plus
// timebank.statement_list / timebank.redemptions_list (scroll areas).
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "screens/screen.h"

namespace screens {

namespace ids {
inline constexpr const char* kTimeBankStatement = "timebank_statement";
inline constexpr const char* kTimeBankCatalog = "timebank_catalog";
inline constexpr const char* kTimeBankConfirm = "timebank_confirm";
inline constexpr const char* kTimeBankRedemptions = "timebank_redemptions";
inline constexpr const char* kTimeBankVoucher = "timebank_voucher";
inline constexpr const char* kTimeBankService = "timebank_service";
inline constexpr const char* kTimeBankServiceHours = "timebank_service_hours";
inline constexpr const char* kTimeBankServiceCard = "timebank_service_card";
}  // namespace ids

// What the steps share: the item chosen, the hours, the page.
struct TimeBankFlowState;

class TimeBankScreen final : public Screen {
public:
    enum class Step { Overview, Statement, Catalog, Confirm, Redemptions, Voucher, Service, ServiceHours, ServiceCard };

    TimeBankScreen(Context& ctx, Step step, std::shared_ptr<TimeBankFlowState> state);

    void onEnter() override;
    bool onCard(const std::string& cardNo) override;

protected:
    void drawContent(const shell::Rect& area) override;

private:
    void drawOverview(const shell::Rect& area);
    void drawStatement(const shell::Rect& area);
    void drawCatalog(const shell::Rect& area, bool forService);
    void drawConfirm(const shell::Rect& area);
    void drawRedemptions(const shell::Rect& area);
    void drawVoucher(const shell::Rect& area);
    void drawServiceHours(const shell::Rect& area);
    void drawServiceCard(const shell::Rect& area);
    // Back to the overview with Home below it (after an action finished).
    void backToOverview();
    void announce(Feedback feedback, const std::string& title, const std::string& detail);

    Step step_;
    std::shared_ptr<TimeBankFlowState> st_;
};

// Every time-bank screen, for makeScreens().
std::vector<std::unique_ptr<Screen>> makeTimeBankScreens(Context& ctx);

}  // namespace screens
