// ids.h — the one registry of screen ids and widget ids. Scripts, tests, the
// state file and the router use these strings; they never change with the
// layout. A screen id names a step; a widget id is "screen.what" and, for a
// row of a list, ends in its index or the item's id.
#pragma once

#include <string>

namespace screens {

// ---------------------------------------------------------------- screens
namespace ids {
inline constexpr const char* kWelcome = "welcome";
inline constexpr const char* kHome = "home";
inline constexpr const char* kIdentify = "identify";
inline constexpr const char* kNotices = "notices";
inline constexpr const char* kAnnouncement = "announcement";
inline constexpr const char* kCheckin = "checkin";
inline constexpr const char* kHelp = "help";

inline constexpr const char* kMeals = "meals";
inline constexpr const char* kMealsSlots = "meals.slots";
inline constexpr const char* kMealsHow = "meals.how";
inline constexpr const char* kMealsBook = "meals.book";
inline constexpr const char* kMealsVoucher = "meals.voucher";
inline constexpr const char* kMealsMine = "meals.mine";
inline constexpr const char* kMealsCancel = "meals.cancel";

inline constexpr const char* kActivities = "activities";
inline constexpr const char* kActivitiesList = "activities.list";
inline constexpr const char* kActivitiesDetail = "activities.detail";
inline constexpr const char* kActivitiesConfirm = "activities.confirm";

inline constexpr const char* kTimeBank = "timebank";
inline constexpr const char* kTimeBankStatement = "timebank_statement";
inline constexpr const char* kTimeBankCatalog = "timebank_catalog";
inline constexpr const char* kTimeBankConfirm = "timebank_confirm";
inline constexpr const char* kTimeBankRedemptions = "timebank_redemptions";
inline constexpr const char* kTimeBankVoucher = "timebank_voucher";
inline constexpr const char* kTimeBankService = "timebank_service";
inline constexpr const char* kTimeBankServiceHours = "timebank_service_hours";
inline constexpr const char* kTimeBankServiceCard = "timebank_service_card";

inline constexpr const char* kStaffLogin = "staff_login";
inline constexpr const char* kStaffPin = "staff_pin";
inline constexpr const char* kStaff = "staff";
inline constexpr const char* kStaffRapidTargets = "staff_rapid_targets";
inline constexpr const char* kStaffRapid = "staff_rapid";
inline constexpr const char* kStaffLookup = "staff_lookup";
inline constexpr const char* kStaffRosterTargets = "staff_roster_targets";
inline constexpr const char* kStaffRoster = "staff_roster";
inline constexpr const char* kStaffRejected = "staff_rejected";
inline constexpr const char* kStaffHelp = "staff_help";
inline constexpr const char* kStaffStatus = "staff_status";
inline constexpr const char* kStaffCare = "staff_care";
inline constexpr const char* kStaffAct = "staff_act";
inline constexpr const char* kStaffMore = "staff_more";
inline constexpr const char* kStaffEnrol = "staff_enrol";
inline constexpr const char* kStaffCard = "staff_card";
inline constexpr const char* kEmergency = "emergency";
inline constexpr const char* kStaffDeliveries = "staff_deliveries";
}  // namespace ids

// ---------------------------------------------------------------- widgets
namespace wid {
// The frame (screen.cpp) and the shell's overlays.
inline constexpr const char* kBack = "nav.back";
inline constexpr const char* kHome = "nav.home";
inline constexpr const char* kRead = "nav.read";
inline constexpr const char* kTextSize = "textsize.open";  // opens the chooser
inline std::string textSize(const char* sizeName) { return std::string("textsize.") + sizeName; }
inline constexpr const char* kTextSizeClose = "textsize.close";
inline constexpr const char* kBanner = "banner.open";
inline constexpr const char* kAlertBanner = "alert.open";  // an open alert: staff deal with it
inline constexpr const char* kActEnd = "act.end";          // 结束代办 on Home while staff act
inline constexpr const char* kIdleContinue = "idle.continue";
inline constexpr const char* kResultOk = "result.ok";
inline constexpr const char* kStaffCorner = "staff.corner";
inline constexpr const char* kScreenScroll = "screen.scroll";  // the whole content, when it must scroll

inline constexpr const char* kWelcomeStart = "welcome.start";
inline std::string welcomeLang(const std::string& lang) { return "welcome.lang." + lang; }
inline std::string welcomeVoice(const std::string& voice) { return "welcome.voice." + voice; }
inline constexpr const char* kEmergencyButton = "emergency.open";
inline constexpr const char* kEmergencyNumber = "emergency.number";
inline constexpr const char* kCheckinGo = "checkin.go";
inline constexpr const char* kHelpCall = "help.call_staff";
inline constexpr const char* kHelpRead = "help.read";
inline constexpr const char* kHelpList = "help.list";
inline constexpr const char* kNoticesOk = "notices.ok";
inline constexpr const char* kNoticesList = "notices.list";
inline constexpr const char* kAnnouncementText = "announcement.text";

inline constexpr const char* kIdentifyPhone = "identify.phone";
inline constexpr const char* kIdentifyScan = "identify.scan";
inline constexpr const char* kIdentifyCallStaff = "identify.call_staff";
inline constexpr const char* kIdentifyRetry = "identify.retry";

// The shared keypad (keypad.h): PREFIX.0 .. PREFIX.9 and its two function keys.
inline std::string key(const std::string& prefix, const std::string& key) { return prefix + "." + key; }
inline constexpr const char* kKeypad = "keypad";        // identify: keypad.del, keypad.ok
inline constexpr const char* kPinPad = "staff.pin";     // staff PIN: staff.pin.del, staff.pin.ok
inline constexpr const char* kLookupPad = "staff.key";  // staff lookup: staff.key.clear, staff.key.del

// The shared pager (pager.h): PREFIX.prev_page, PREFIX.next_page.
inline std::string pager(const std::string& prefix, bool next) {
    return prefix + (next ? ".next_page" : ".prev_page");
}

inline std::string mealsDay(std::size_t i) { return "meals.day." + std::to_string(i); }
inline constexpr const char* kMealsMine = "meals.mine";
inline constexpr const char* kMealsSlotsList = "meals.slots.list";
inline constexpr const char* kMealsPickup = "meals.pickup";
inline constexpr const char* kMealsDelivery = "meals.delivery";
inline constexpr const char* kMealsConfirm = "meals.confirm";
inline constexpr const char* kMealsAbort = "meals.abort";
inline constexpr const char* kMealsVoucherCancel = "meals.voucher.cancel";
inline constexpr const char* kMealsMineList = "meals.mine.list";
inline std::string mealsMineCancel(std::size_t i) { return "meals.mine.cancel." + std::to_string(i); }
inline constexpr const char* kMealsCancelYes = "meals.cancel.yes";
inline constexpr const char* kMealsCancelNo = "meals.cancel.no";

inline std::string activitiesDay(std::size_t i) { return "activities.day." + std::to_string(i); }
inline constexpr const char* kActivitiesMine = "activities.mine";
inline constexpr const char* kActivitiesCatAll = "activities.cat.all";
inline std::string activitiesCat(std::size_t i) { return "activities.cat." + std::to_string(i); }
inline std::string activitiesItem(std::size_t i) { return "activities.item." + std::to_string(i); }
inline constexpr const char* kActivitiesList = "activities.list";
inline constexpr const char* kActivitiesSignup = "activities.signup";
inline constexpr const char* kActivitiesWaitlist = "activities.waitlist";
inline constexpr const char* kActivitiesCancel = "activities.cancel";
inline constexpr const char* kActivitiesYes = "activities.confirm.yes";
inline constexpr const char* kActivitiesNo = "activities.confirm.no";

inline constexpr const char* kTbRedeem = "timebank.redeem";
inline constexpr const char* kTbStatement = "timebank.statement";
inline constexpr const char* kTbRedemptions = "timebank.redemptions";
inline constexpr const char* kTbRecord = "timebank.record";
inline constexpr const char* kTbKindService = "timebank.kind_service";
inline constexpr const char* kTbKindGoods = "timebank.kind_goods";
inline std::string tbItem(const std::string& catalogId) { return "timebank.item." + catalogId; }
inline constexpr const char* kTbPager = "timebank";
inline constexpr const char* kTbConfirm = "timebank.confirm";
inline constexpr const char* kTbCancel = "timebank.cancel";
inline std::string tbVoucher(const std::string& redemptionId) { return "timebank.voucher." + redemptionId; }
inline constexpr const char* kTbHoursMinus = "timebank.hours_minus";
inline constexpr const char* kTbHoursPlus = "timebank.hours_plus";
inline constexpr const char* kTbHoursNext = "timebank.hours_next";
inline constexpr const char* kTbStatementList = "timebank.statement_list";
inline constexpr const char* kTbRedemptionsList = "timebank.redemptions_list";

inline std::string staffName(const std::string& staffId) { return "staff.name." + staffId; }
inline constexpr const char* kStaffPager = "staff";
inline constexpr const char* kStaffRapid = "staff.rapid";
inline constexpr const char* kStaffRosters = "staff.rosters";
inline constexpr const char* kStaffRejected = "staff.rejected";
inline constexpr const char* kStaffHelp = "staff.help";
inline constexpr const char* kStaffSync = "staff.sync";
inline constexpr const char* kStaffStatus = "staff.status";
inline std::string staffTarget(std::size_t i) { return "staff.target." + std::to_string(i); }
inline constexpr const char* kStaffUndo = "staff.undo";
inline constexpr const char* kStaffLookup = "staff.lookup";
inline std::string staffMember(std::size_t i) { return "staff.member." + std::to_string(i); }
inline constexpr const char* kStaffRosterList = "staff.roster_list";
inline constexpr const char* kStaffRejectedList = "staff.rejected_list";
inline std::string staffHelpDone(std::size_t i) { return "staff.help_done." + std::to_string(i); }
inline constexpr const char* kStaffSyncNow = "staff.sync_now";
inline constexpr const char* kStaffCareTile = "staff.care";
inline constexpr const char* kStaffActTile = "staff.act";
inline constexpr const char* kStaffMoreTile = "staff.more";
inline constexpr const char* kStaffCareList = "staff.care_list";
inline std::string staffCareReached(std::size_t i) { return "staff.care.reached." + std::to_string(i); }
inline std::string staffCareNotReached(std::size_t i) { return "staff.care.not_reached." + std::to_string(i); }
inline std::string staffActMember(std::size_t i) { return "staff.act.member." + std::to_string(i); }
inline std::string staffCardMember(std::size_t i) { return "staff.card.member." + std::to_string(i); }
// 送餐: a round on the roster targets step, a delivery's two answers, the list, export.
inline std::string staffDeliveryRound(std::size_t i) { return "staff.delivery_round." + std::to_string(i); }
inline std::string staffDeliveryDone(std::size_t i) { return "staff.delivery.done." + std::to_string(i); }
inline std::string staffDeliveryFailed(std::size_t i) { return "staff.delivery.failed." + std::to_string(i); }
inline constexpr const char* kStaffDeliveryList = "staff.delivery_list";
inline constexpr const char* kStaffDeliveryPager = "staff.deliveries";
inline constexpr const char* kStaffDeliveryExport = "staff.delivery_export";
}  // namespace wid

}  // namespace screens
