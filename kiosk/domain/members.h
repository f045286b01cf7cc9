// members.h — who is at the screen: identify by card, by phone + birthday, by
// QR code. The kiosk holds no card or phone number (kiosk/store/schema.cpp
// migration 3): what the reader or the keypad gives is hashed with the
// district's member key and looked up (config/member_hash.h).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "config/meal_rules.h"
#include "domain/context.h"

namespace domain {

struct Member {
    std::string id;
    std::string name;         // masked (张*明): the kiosk never has the full name
    std::string birth_ym;     // YYYY-MM
    std::string phone_last4;  // for staff to tell two 张*明 apart
    // What the meal rules ask (config/meal_rules.h); the address itself stays
    // at the district (and on the delivery list of the canteen's station).
    bool hukou = false;
    std::vector<std::string> categories;  // codes of the district's member categories
    int care_level = 0;                   // 0 none, 1 轻度, 2 中度, 3 重度失能
    bool has_address = false;
    std::string status = "active";  // pending: enrolled, waiting for the district
    bool living_alone = false;
    std::string home_station_id{};  // the station that looks after the elder
};

enum class IdentifyOutcome {
    Found,
    UnknownCard,    // no elder with this card: ask staff
    BadInput,       // not a card number / phone number at all (reader noise)
    WrongCode,      // phone known, birthday does not match
    UnknownPhone,
    TooManyTries,   // this phone had kMaxWrongBirthdays wrong birthdays within the hour
    ForgedCode,     // an elder QR code without a good district signature
    BlockedCard,    // a card reported lost and replaced: `member` is its owner, if known
};

struct IdentifyResult {
    IdentifyOutcome outcome = IdentifyOutcome::BadInput;
    std::optional<Member> member;
};

// Wrong birthdays allowed per phone number in any hour, counted in kiosk.db
// (table identify_attempts) so that restarting the kiosk or the screen does
// not reset them: the birthday is 366 guesses.
inline constexpr int kMaxWrongBirthdays = 5;

// A card number is 6-20 digits; anything else from the reader is refused
// before it reaches the database.
bool isCardNumber(const std::string& s);
bool isPhoneNumber(const std::string& s);  // 11 digits starting with 1

// A blocked card answers BlockedCard (domain/alerts.h raises the alert).
// An enrolment the district rejected is nobody.
IdentifyResult identifyByCard(store::Database& db, const std::string& cardNo);
// The 4-digit code is the elder's birthday as MMDD (documented on screen:
// "生日的月和日，例如 3月2日 输入 0302"). Wrong birthdays count against the phone.
IdentifyResult identifyByPhone(store::Database& db, const std::string& phone,
                               const std::string& code, const core::Clock& clock);
// The elder's QR code, signed by the district (config/elder_qr.h), or a card
// number from a scanner.
IdentifyResult identifyByQr(store::Database& db, const std::string& text);

std::optional<Member> memberById(store::Database& db, const std::string& id);

// Staff lookup: by a name as the kiosk knows it (masked: the first character,
// or the first and last, e.g. 张 or 张明), by the phone's last 4 digits, by
// a whole phone number, or by a card number; at most `limit` rows.
std::vector<Member> searchMembers(store::Database& db, const std::string& query, int limit);

// 张三明 -> 张*明, 张三 -> 张*, 欧阳小明 -> 欧**明: UTF-8 aware.
std::string maskName(const std::string& name);
// Whole years on `date` (YYYY-MM-DD) for someone born in `birthYm` (YYYY-MM),
// counting the birthday as the last day of its month: the kiosk's figure is
// never above the district's, which knows the day. -1 when unknown.
int ageOn(const std::string& birthYm, const std::string& date);
// The elder as the meal rules see them on `date` (age by ageOn).
config::ElderFacts elderFacts(const Member& m, const std::string& date);

}  // namespace domain
