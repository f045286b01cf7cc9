// state.h — what the staff steps share (flow.h). Staff mode is not an
// elder's: its state survives the session being cleared, and its steps
// admit nobody until the PIN step unlocked it.
#pragma once

#include <functional>
#include <map>
#include <memory>
#include <set>
#include <optional>
#include <string>
#include <vector>

#include "config/station_config.h"
#include "domain/care.h"
#include "domain/deliveries.h"
#include "domain/help.h"
#include "domain/members.h"
#include "domain/staff.h"
#include "domain/staff_login.h"
#include "screens/flow.h"
#include "screens/pager.h"

namespace screens::staff {

inline constexpr int kLookupLimit = 6;
inline constexpr int kRejectionsShown = 100;

struct Rejection {
    std::string kind, reason, at, member;
};

struct State : FlowState {
    bool unlocked = false;
    std::string staffName;
    std::optional<config::StaffPin> who;  // chosen on the login step
    std::string pin;
    std::shared_ptr<domain::StaffLogin> login;  // the check off the UI thread, the lock in kiosk.db
    bool wrongShown = false;
    bool tooShort = false;                      // OK pressed before 6 digits: not a guess

    std::vector<config::StaffPin> staff;  // the login step's list
    Pager pager;

    std::vector<domain::RapidTarget> targets;
    std::optional<domain::RapidTarget> target;
    std::optional<domain::RapidResult> last;    // the answer on screen
    std::vector<domain::RapidResult> undoable;  // newest last
    bool lastWasUndo = false;
    std::string undoneName;
    int count = 0;                              // checked in so far, for the target

    std::string query;
    std::vector<domain::Member> found;
    bool searched = false;

    // Meal pickup by scan (domain::scanPickup): the last scan's answer, shown
    // instead of `last` while it is the newest; and the elder staff identified
    // just before (a card without a booking), whose voucher a scan must be.
    std::optional<domain::ScanResult> scan;
    std::string atCounter;
    std::int64_t atCounterUntilMs = 0;

    // 送餐: today's delivery rounds (on the roster targets step) and the one shown.
    std::vector<domain::DeliverySlot> deliverySlots;
    std::optional<domain::DeliverySlot> deliverySlot;
    std::vector<domain::DeliveryLine> deliveries;
    Pager deliveryPager;

    std::vector<domain::RosterLine> roster;
    std::vector<Rejection> rejections;
    std::vector<domain::HelpCall> helpCalls;
    std::vector<std::string> helpMembers;

    std::vector<domain::CareEntry> care;  // 关爱名单

    // 登记 (enrol.cpp): the form's values by field, the field typed into.
    std::map<std::string, std::string> form;
    std::string formField = "name";
    bool formHukou = false;
    std::set<std::string> formCategories;
    // 补卡: the elder whose new card the reader gives next.
    std::optional<domain::Member> cardFor;
};

// A staff step: admitted only once unlocked (else back to the welcome screen).
class Step : public FlowStep<State> {
public:
    using FlowStep<State>::FlowStep;

protected:
    bool admit() override;
    bool perElder() const override { return false; }
    bool unlocked() const { return ctx_.domain && st().unlocked; }
};

// "09:00  太极拳" / "长城长者饭堂  午餐取餐".
std::string targetTitle(const Context& ctx, const domain::RapidTarget& t);
// After a check-in answer: the sound, the undo list, the count.
void noteRapid(Context& ctx, State& st, const domain::RapidResult& r);
// The name-or-phone search the lookup, 代办 and 补卡 steps share: a key of
// their pad (a digit, "del" one character, "clear"), then the search again
// (two characters at least).
void lookupKey(Context& ctx, State& st, const std::string& k);
void lookupSearch(Context& ctx, State& st);
// Their screen: the question, what is typed, the elders found (one button
// each, ids `rowId(index)`, in the list `resultsId`), the keypad beside
// (landscape) or under them.
struct LookupView {
    std::string askKey, hintKey;   // strings: the question; before two characters are typed
    std::string resultsId;
    std::string (*rowId)(std::size_t);
    std::function<void(const domain::Member&)> pick;
};
shell::Node lookupView(Context& ctx, State& st, const LookupView& v);
// After a scan at meal pickup: the same, and who is at the counter.
void noteScan(Context& ctx, State& st, const domain::ScanResult& r);
// "送餐 · 午餐 · 长城长者饭堂（5份）"
std::string deliveryTitle(const Context& ctx, const domain::DeliverySlot& d);

std::unique_ptr<Screen> loginStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> pinStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> homeStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> rapidTargetsStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> rosterTargetsStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> rapidStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> lookupStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> rosterStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> rejectedStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> helpStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> statusStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> moreStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> careStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> actStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> enrolStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> cardStep(Context& ctx, std::shared_ptr<State> st);
std::unique_ptr<Screen> deliveriesStep(Context& ctx, std::shared_ptr<State> st);

}  // namespace screens::staff
