// card_burst.h — tells a card reader from a person at the keyboard.
//
// A 颐年卡 reader is a USB keyboard: it "types" the card number in a burst
// (a key every few ms) and then Enter. A person types far slower. Keys that
// could start a burst are held back until the burst is classified:
//   >= minDigits digits, each within maxGapMs of the previous, then Enter
//       → Card: the held keys are dropped and the number goes to the session
//   anything else (a slow key, a non-digit, Enter too early, a pause)
//       → Release: the held keys go to the UI in order, as typed
// A person typing into a field sees each digit maxGapMs late, no more.
// A QR scanner (the elder's code on a phone) is a keyboard too: a fast burst
// of printable characters ("ELDER:m-000001") then Enter. Such a burst with at
// least one non-digit and minScanChars characters → Scan (scanText()).
// Plain C++ on abstract keys; the shell holds the real SDL events alongside.
#pragma once

#include <cstdint>
#include <optional>
#include <string>

namespace shell {

class CardBurstDetector {
public:
    struct Config {
        int minDigits = 6;
        int minScanChars = 4;
        std::int64_t maxGapMs = 50;
    };
    enum class Kind {
        Digit,     // a typed digit (text input '0'..'9'): counts towards the burst
        DigitKey,  // key-down of a digit (or other printable) key: starts holding, does not count
        Char,      // a typed printable non-digit (text input): counts towards a scan burst
        Enter,     // key-down of Return / keypad Enter
        Passive,   // key-up, or the like: held while holding, else passed on
        Other,     // anything else: ends a hold
    };
    enum class Action {
        Hold,             // keep this key (and the ones held before it)
        Pass,             // nothing held: hand this key to the UI now
        ReleaseThenPass,  // hand every held key, then this one, to the UI
        ReleaseThenHold,  // hand every held key to the UI; hold this one (it may start a burst)
        Card,             // drop every held key and this one: cardNumber() was read
        Scan,             // drop every held key and this one: scanText() was read
    };

    CardBurstDetector() = default;
    explicit CardBurstDetector(Config c) : config_(c) {}

    Action feed(Kind kind, char digit, std::int64_t tMs);
    // Called when no key came: true if the held keys must be released now.
    bool expire(std::int64_t nowMs);
    bool holding() const { return holding_; }
    // When expire() should next be called (nullopt when nothing is held).
    std::optional<std::int64_t> deadlineMs() const;
    const std::string& cardNumber() const { return card_; }
    const std::string& scanText() const { return scan_; }
    const Config& config() const { return config_; }

private:
    void startHold(std::int64_t t);
    Config config_;
    bool holding_ = false;
    std::string digits_;  // everything typed in the burst (digits, and characters of a scan)
    bool nonDigit_ = false;
    std::string card_;
    std::string scan_;
    std::int64_t lastMs_ = 0;
};

}  // namespace shell
