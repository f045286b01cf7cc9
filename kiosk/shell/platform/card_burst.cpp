#include "shell/platform/card_burst.h"

namespace shell {

void CardBurstDetector::startHold(std::int64_t t) {
    holding_ = true;
    digits_.clear();
    nonDigit_ = false;
    lastMs_ = t;
}

CardBurstDetector::Action CardBurstDetector::feed(Kind kind, char digit, std::int64_t t) {
    const bool inTime = holding_ && t - lastMs_ <= config_.maxGapMs;
    switch (kind) {
        case Kind::Digit:
        case Kind::DigitKey:
        case Kind::Char: {
            auto count = [&] {
                if (kind == Kind::DigitKey) return;
                digits_ += digit;
                if (kind == Kind::Char) nonDigit_ = true;
            };
            if (holding_ && !inTime) {
                // A pause: what was held was typed by a person. This key may
                // still start a burst of its own.
                startHold(t);
                count();
                return Action::ReleaseThenHold;
            }
            if (!holding_) startHold(t);
            count();
            lastMs_ = t;
            return Action::Hold;
        }
        case Kind::Enter:
            if (holding_ && inTime && nonDigit_ && int(digits_.size()) >= config_.minScanChars) {
                scan_ = digits_;
                holding_ = false;
                digits_.clear();
                return Action::Scan;
            }
            if (holding_ && inTime && !nonDigit_ && int(digits_.size()) >= config_.minDigits) {
                card_ = digits_;
                holding_ = false;
                digits_.clear();
                return Action::Card;
            }
            if (holding_) {
                holding_ = false;
                return Action::ReleaseThenPass;
            }
            return Action::Pass;
        case Kind::Passive:
            return holding_ ? Action::Hold : Action::Pass;
        case Kind::Other:
            if (holding_) {
                holding_ = false;
                return Action::ReleaseThenPass;
            }
            return Action::Pass;
    }
    return Action::Pass;
}

bool CardBurstDetector::expire(std::int64_t nowMs) {
    if (holding_ && nowMs - lastMs_ > config_.maxGapMs) {
        holding_ = false;
        digits_.clear();
        return true;
    }
    return false;
}

std::optional<std::int64_t> CardBurstDetector::deadlineMs() const {
    if (!holding_) return std::nullopt;
    return lastMs_ + config_.maxGapMs + 1;
}

}  // namespace shell
