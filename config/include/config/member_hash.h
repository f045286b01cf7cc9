// member_hash.h — how a kiosk finds an elder without holding their card or
// phone number (DESIGN principle 7: a kiosk keeps only what it needs).
//
// The district gives every station one secret key (in the enrollment bundle,
// hex). Member rows pulled by a kiosk carry keyed hashes instead of the card
// number and the phone number; the kiosk hashes what the reader or the keypad
// gives and looks the hash up. HMAC-SHA-256 over "<purpose>|<value>", hex:
//   cardHash        "card|<card number>"
//   phoneHash       "phone|<11 digits>"                  (staff lookup by phone)
//   phoneBirthday   "phone-birthday|<11 digits>|<MMDD>"  (the elder's own phone + birthday)
// A copied kiosk database therefore names no card and no phone number; the key
// on the same disk still lets a thief test guesses, which the 0600 files and
// the locked-down session make hard to get at (docs/DEPLOY.md).
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace config {

// A fresh key: 32 random bytes as 64 hex digits.
std::string newMemberKey();
// Whether `keyHex` is 64 hex digits.
bool isMemberKey(std::string_view keyHex);

// Throw std::invalid_argument for a key that is not isMemberKey().
std::string cardHash(std::string_view keyHex, std::string_view cardNo);
std::string phoneHash(std::string_view keyHex, std::string_view phone);
std::string phoneBirthdayHash(std::string_view keyHex, std::string_view phone, std::string_view mmdd);

// HMAC-SHA-256 of `message` with the member key, hex (what the three above
// use, with their purposes). Throws like them.
std::string memberHmac(std::string_view keyHex, const std::string& message);

// What a kiosk may show of a name: the first and last character, '*' between
// (张三明 → 张*明, 张三 → 张*, 欧阳小明 → 欧**明). UTF-8 aware; idempotent.
std::string maskName(std::string_view name);

// A name's characters (UTF-8 code points, views into `text`); a stray byte
// counts as one.
std::vector<std::string_view> codePointsOf(std::string_view text);

}  // namespace config
