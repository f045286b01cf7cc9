// pin_hash.h — staff PINs stored as salted, slow hashes (DESIGN principle 7).
//
// Format (one ASCII string, '$'-separated, PHC-like):
//     pbkdf2-sha256$<iterations>$<salt, base64>$<hash, base64>
// PBKDF2-HMAC-SHA256 with a random 16-byte salt and a 32-byte output. The
// iteration count travels inside the string, so it can be raised later without
// invalidating the hashes already pushed to stations.
#pragma once

#include <string>
#include <string_view>

namespace config {

// Chosen so that one verification costs about 50-100 ms on the reference
// machine (measured: see config/README.md). Slow enough to make guessing from a
// leaked config document expensive, fast enough for a staff member at a PIN pad.
inline constexpr int kPinHashIterations = 250'000;
// Bounds accepted in a pushed hash. The floor keeps weak hashes out; the ceiling
// keeps a mistyped iteration count from freezing a kiosk for minutes.
inline constexpr int kPinHashMinIterations = 100'000;
inline constexpr int kPinHashMaxIterations = 2'000'000;
inline constexpr int kPinSaltBytes = 16;
inline constexpr int kPinHashBytes = 32;

// True for 6 to 8 ASCII digits: the only PINs staff can type on the PIN pad.
// Six at least: the pad locks after 5 wrong tries with growing delays, which
// keeps a million PINs out of reach (kiosk/domain/staff_login.h).
bool isValidPin(std::string_view pin);

// Hashes a PIN with a fresh random salt. Two calls with the same PIN give
// different strings. Throws std::invalid_argument for a PIN that is not 6-8
// digits, std::runtime_error if the system's random source fails.
std::string hashPin(std::string_view pin, int iterations = kPinHashIterations);

// True only if `pin` is a valid PIN and matches `encoded`. A malformed `encoded`
// is simply no match. The final comparison is constant-time. Costs one full
// PBKDF2 run (tens of milliseconds): call it off the UI thread.
bool verifyPin(std::string_view pin, std::string_view encoded);

// True if `encoded` has the format above, iterations within bounds, and a salt
// and hash of the right decoded lengths. Cheap; used by the config validator.
bool isWellFormedPinHash(std::string_view encoded);

}  // namespace config
