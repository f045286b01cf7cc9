// records.h — what staff do about an elder's record at the station: enrol a
// new elder (登记, pending at the district until an admin approves; the elder
// can check in meanwhile, without subsidies) and replace a lost card (补卡:
// the old card is blocked here at once and at every station from its next
// sync).
//
// The kiosk keeps no card or phone number (DESIGN principle 7): the local row
// holds their keyed hashes, and the numbers travel to the district in the
// op's `personal` part, which the op log drops once the district answered.
#pragma once

#include <string>
#include <vector>

#include "domain/context.h"
#include "domain/members.h"

namespace domain {

// The category codes of categories (config of the district, issue 8):
// 特困, 低保, 低保边缘, 三属五老, 计生特殊.
inline constexpr const char* kCategoryCodes[] = {"tekun", "dibao", "dibao_bianyuan", "sanshu_wulao",
                                                 "jisheng_teshu"};
inline constexpr int kMinEnrolAge = 60;

struct Enrolment {
    std::string name;        // full name, 2-20 characters
    std::string phone;       // 11 digits starting with 1, or empty
    std::string birth_date;  // YYYY-MM-DD
    std::string card_no;     // the 颐年卡's number, 6-20 digits
    bool hukou = false;      // 深圳户籍
    std::vector<std::string> categories;
    std::string address;     // at most 200 bytes
};

enum class EnrolOutcome {
    Enrolled,
    BadName,
    BadPhone,
    BadBirthDate,  // not a date, or in the future
    TooYoung,      // under kMinEnrolAge: not an elder of the station
    BadCard,
    CardInUse,     // another elder holds this card
    CardBlocked,   // the card was reported lost
    BadAddress,
    BadCategory,   // not one of kCategoryCodes
    NotEnrolled,   // the kiosk has no member key yet (not enrolled with the district)
};

struct EnrolResult {
    EnrolOutcome outcome = EnrolOutcome::NotEnrolled;
    std::optional<Member> member;  // Enrolled: the new elder (status pending)
};

// The first problem of the form, or Enrolled when it is fine (writes nothing).
EnrolOutcome checkEnrolment(const Context& ctx, const Enrolment& e);
EnrolResult enrolMember(const Context& ctx, const Enrolment& e);

enum class ReplaceOutcome { Replaced, BadCard, SameCard, CardInUse, CardBlocked, UnknownMember, NotEnrolled };

// The elder's new card; the one they had is blocked.
ReplaceOutcome replaceCard(const Context& ctx, const std::string& memberId, const std::string& newCardNo);

}  // namespace domain
