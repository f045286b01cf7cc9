// members.h — who is at the screen: identify by card, by phone + code, by QR.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "domain/context.h"

namespace domain {

struct Member {
    std::string id;
    std::string card_no;
    std::string phone;
    std::string name;
    std::string birth_date;  // YYYY-MM-DD
    std::string category;    // priority / age70 / regular
    bool delivery_eligible = false;
};

enum class IdentifyOutcome {
    Found,
    UnknownCard,    // no elder with this card: ask staff
    BadInput,       // not a card number / phone number at all (reader noise)
    WrongCode,      // phone known, code does not match
    UnknownPhone,
};

struct IdentifyResult {
    IdentifyOutcome outcome = IdentifyOutcome::BadInput;
    std::optional<Member> member;
};

// A card number is 6-20 digits; anything else from the reader is refused
// before it reaches the database.
bool isCardNumber(const std::string& s);
bool isPhoneNumber(const std::string& s);  // 11 digits starting with 1

IdentifyResult identifyByCard(store::Database& db, const std::string& cardNo);
// The 4-digit code is the elder's birthday as MMDD (documented on screen:
// "生日的月和日，例如 3月2日 输入 0302").
IdentifyResult identifyByPhone(store::Database& db, const std::string& phone,
                               const std::string& code);
// QR codes on the elder's phone carry "ELDER:<member id>" or the card number.
IdentifyResult identifyByQr(store::Database& db, const std::string& text);

std::optional<Member> memberById(store::Database& db, const std::string& id);

// Staff lookup by name fragment or phone suffix; at most `limit` rows.
std::vector<Member> searchMembers(store::Database& db, const std::string& query, int limit);

// 张三明 -> 张*明, 张三 -> 张*, 欧阳小明 -> 欧**明: UTF-8 aware.
std::string maskName(const std::string& name);
// Whole years on `date` (YYYY-MM-DD); -1 when the birth date is missing.
int ageOn(const std::string& birthDate, const std::string& date);

}  // namespace domain
