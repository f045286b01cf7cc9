// meal_rules.h — who gets which meal subsidy, on which days, and who may have
// meals delivered: the `subsidy` and `calendar` sections of the signed
// configuration (config/README.md "Meal subsidies"), and the one function that
// prices a meal by them.
//
// The district server and the kiosk both call quoteMeal() with the same rules
// (the district's document), so the figures an elder sees before confirming
// are the ones the server books (sync/PROTOCOL.md "Subsidy rules"). They can
// differ only where the inputs do: the kiosk knows the birth month, not the
// day, and counts an elder's age conservatively (domain/members.h ageOn), and
// it may not have pulled another station's booking yet.
//
// The defaults (config/defaults.json) are Shenzhen's published standard
// (Jan 2025): 户籍 elders aged 60+ who are 特困, 低保, 低保边缘, 三属五老 or in a
// 计生特殊家庭, and 户籍 elders aged 100+, get at most 15 元 a meal; 户籍
// elders aged 70-99 get at most 5 元; only working-day lunches; a delivery
// (送餐上门) gets 2 元 for centenarians and 70+ elders assessed at 中度失能 or worse.
#pragma once

#include <cstdint>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

namespace config {

// Care levels (失能等级) as members carry them: 0 none, 1 轻度, 2 中度, 3 重度.
inline constexpr int kMaxCareLevel = 3;

// Words shown to elders and in reports; zh-CN always, en may be empty.
struct Label {
    std::string zh;
    std::string en;
    // The label in `language` ("zh-CN" / "en"); zh when there is no English.
    const std::string& in(std::string_view language) const;
};

// Who a rule is for: every condition given must hold; one left out holds for
// anyone. Ages are whole years on the meal's date, bounds inclusive.
struct Condition {
    std::optional<bool> hukou;                // 户籍: true = registered in Shenzhen only
    std::optional<int> minAge;
    std::optional<int> maxAge;
    std::vector<std::string> categoriesAny;   // at least one of these codes; empty: any
    int minCareLevel = 0;                     // 0: any
};

// A member category (重点保障 categories): codes as in `member import`.
struct MemberCategory {
    std::string code;  // tekun, dibao, dibao_bianyuan, sanshu_wulao, jisheng_teshu, ...
    Label label;       // 特困人员, 低保, ...
};

struct SubsidyTier {
    std::string id;    // what meal_book answers as detail.rule, e.g. "age70"
    Label label;       // why, in words: "户籍70岁以上"
    std::int64_t amountCents = 0;  // per meal, never more than the meal's price
    Condition when;
};

struct DeliveryRules {
    std::int64_t feeCents = 0;      // what a delivery (送餐上门) costs
    std::int64_t subsidyCents = 0;  // of it, paid by the district on subsidised days and slots (<= fee)
    std::vector<Condition> eligible;  // delivery is offered to an elder who meets any one
};

// The `subsidy` section.
struct MealRules {
    std::vector<MemberCategory> categories;
    std::vector<SubsidyTier> tiers;
    std::vector<std::string> slots = {"lunch"};  // meal slots that are subsidised
    bool workingDaysOnly = true;
    int dailyCap = 1;   // subsidised meals per elder per day
    int weeklyCap = 5;  // ... per ISO week (Monday to Sunday)
    DeliveryRules delivery;

    const SubsidyTier* tier(std::string_view id) const;
    const MemberCategory* category(std::string_view code) const;
    bool subsidisesSlot(std::string_view slot) const;
};

// The `calendar` section: the State Council's holidays and the weekend days
// worked instead (调休). A working day is Monday to Friday unless a holiday,
// or a Saturday or Sunday listed as worked.
struct Calendar {
    std::set<std::string> holidays;         // YYYY-MM-DD
    std::set<std::string> workingWeekends;  // YYYY-MM-DD, each a Saturday or Sunday
    bool isWorkingDay(const std::string& date) const;
};

// What the rules need to know of an elder, for one meal's date.
struct ElderFacts {
    bool hukou = false;
    int age = -1;  // whole years on the meal's date; -1 unknown (no age condition holds)
    std::vector<std::string> categories;
    int careLevel = 0;
    bool hasAddress = false;
};

bool matches(const Condition& c, const ElderFacts& e);

// The tier that gives the elder the most (the first listed of equals), or
// nullptr when none applies.
const SubsidyTier* tierFor(const MealRules& rules, const ElderFacts& e);

enum class DeliveryCheck {
    Eligible,
    NotEligible,  // meets none of delivery.eligible
    NoAddress,    // eligible, but no address on file to deliver to
};
DeliveryCheck deliveryCheck(const MealRules& rules, const ElderFacts& e);

// Why a meal got no subsidy.
enum class NoSubsidy {
    None,           // it got one
    NoTier,         // the elder is in no tier
    Slot,           // this slot (e.g. dinner) is not subsidised
    NotWorkingDay,  // a weekend or holiday, and only working days are subsidised
    DailyCap,       // the elder's subsidised meals of the day are used up
    WeeklyCap,      // ... of the week
};
std::string_view toString(NoSubsidy why);  // "", "no_tier", "slot", "not_working_day", "daily_cap", "weekly_cap"

struct MealAsk {
    std::string date;  // YYYY-MM-DD
    std::string slot;  // lunch / dinner
    std::int64_t priceCents = 0;
    bool delivery = false;
    // The elder's meals already subsidised (booked or picked up, not this one):
    // on the date, and in its ISO week.
    int subsidisedToday = 0;
    int subsidisedThisWeek = 0;
};

struct MealQuote {
    std::int64_t priceCents = 0;
    std::int64_t subsidyCents = 0;          // the tier's amount, at most the price
    std::int64_t deliveryFeeCents = 0;      // when delivered
    std::int64_t deliverySubsidyCents = 0;  // when delivered on a subsidised day and slot
    std::int64_t payCents = 0;              // price - subsidy + fee - delivery subsidy
    std::string rule;                       // the tier id that paid; "none" when nothing did
    std::string tier;                       // the elder's tier even when it paid nothing ("" none)
    NoSubsidy why = NoSubsidy::NoTier;
};

// Prices one meal. Delivery eligibility is not checked here (deliveryCheck).
MealQuote quoteMeal(const MealRules& rules, const Calendar& calendar, const ElderFacts& elder,
                    const MealAsk& ask);

// Monday of the ISO week holding `date` (YYYY-MM-DD).
std::string weekStart(const std::string& date);

}  // namespace config
