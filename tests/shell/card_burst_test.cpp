// A card reader types its number in a burst and then Enter; a person types
// slowly. The detector must tell them apart without losing a keystroke.
#include <gtest/gtest.h>

#include "shell/platform/card_burst.h"

namespace {

using shell::CardBurstDetector;
using A = CardBurstDetector::Action;
using K = CardBurstDetector::Kind;

// Feeds one key press as SDL delivers it: key down, text, key up.
std::vector<A> press(CardBurstDetector& d, char c, std::int64_t t) {
    return {d.feed(K::DigitKey, 0, t), d.feed(K::Digit, c, t), d.feed(K::Passive, 0, t)};
}

TEST(CardBurst, FastDigitsThenEnterAreACard) {
    CardBurstDetector d;
    std::int64_t t = 1000;
    for (char c : std::string("44030012")) {
        for (A a : press(d, c, t)) EXPECT_EQ(a, A::Hold);
        t += 8;
    }
    EXPECT_EQ(d.feed(K::Enter, 0, t), A::Card);
    EXPECT_EQ(d.cardNumber(), "44030012");
    EXPECT_FALSE(d.holding());
    EXPECT_EQ(d.feed(K::Passive, 0, t + 1), A::Pass) << "the Enter key-up after a card goes on harmlessly";
}

TEST(CardBurst, AllKeysInOneMillisecondAreACard) {
    CardBurstDetector d;
    for (char c : std::string("123456")) press(d, c, 5);
    EXPECT_EQ(d.feed(K::Enter, 0, 5), A::Card);
    EXPECT_EQ(d.cardNumber(), "123456");
}

TEST(CardBurst, FiveDigitsAreNotACard) {
    CardBurstDetector d;
    for (char c : std::string("12345")) press(d, c, 10);
    EXPECT_EQ(d.feed(K::Enter, 0, 11), A::ReleaseThenPass) << "too short: the keys go to the UI, then Enter";
}

TEST(CardBurst, APersonTypingGetsEveryKey) {
    CardBurstDetector d;
    std::int64_t t = 0;
    EXPECT_EQ(d.feed(K::DigitKey, 0, t), A::Hold);
    EXPECT_EQ(d.feed(K::Digit, '1', t), A::Hold);
    EXPECT_EQ(d.feed(K::Passive, 0, t + 80), A::Hold);
    // 180 ms later, the next digit: the first one was typed by a person.
    t += 180;
    EXPECT_EQ(d.feed(K::DigitKey, 0, t), A::ReleaseThenHold);
    EXPECT_EQ(d.feed(K::Digit, '2', t), A::Hold);
    // Nothing more comes: the held key is released once the gap has passed.
    EXPECT_FALSE(d.expire(t + 50));
    EXPECT_TRUE(d.expire(t + 51));
    EXPECT_FALSE(d.holding());
    EXPECT_FALSE(d.deadlineMs().has_value());
}

TEST(CardBurst, APauseInsideTheBurstBreaksIt) {
    CardBurstDetector d;
    std::int64_t t = 0;
    for (char c : std::string("1234")) press(d, c, t += 5);
    t += 120;  // a pause
    EXPECT_EQ(d.feed(K::DigitKey, 0, t), A::ReleaseThenHold);
    d.feed(K::Digit, '5', t);
    d.feed(K::Passive, 0, t);
    for (char c : std::string("678")) press(d, c, t += 5);
    EXPECT_EQ(d.feed(K::Enter, 0, t + 5), A::ReleaseThenPass) << "only 4 digits since the pause";
}

TEST(CardBurst, LateEnterIsNotACard) {
    CardBurstDetector d;
    std::int64_t t = 0;
    for (char c : std::string("12345678")) press(d, c, t += 5);
    EXPECT_EQ(d.feed(K::Enter, 0, t + 200), A::ReleaseThenPass);
}

TEST(CardBurst, ALetterEndsTheHold) {
    CardBurstDetector d;
    press(d, '1', 0);
    press(d, '2', 5);
    EXPECT_EQ(d.feed(K::Other, 0, 10), A::ReleaseThenPass);
    EXPECT_EQ(d.feed(K::Other, 0, 11), A::Pass);
}

TEST(CardBurst, EnterAloneAndKeyUpsPassStraightThrough) {
    CardBurstDetector d;
    EXPECT_EQ(d.feed(K::Enter, 0, 0), A::Pass);
    EXPECT_EQ(d.feed(K::Passive, 0, 1), A::Pass);
    EXPECT_FALSE(d.holding());
}

TEST(CardBurst, DeadlineIsJustPastTheGap) {
    CardBurstDetector d({6, 50});
    press(d, '9', 100);
    ASSERT_TRUE(d.deadlineMs());
    EXPECT_EQ(*d.deadlineMs(), 151);
}

TEST(CardBurst, TwoCardsInARow) {
    CardBurstDetector d;
    std::int64_t t = 0;
    for (char c : std::string("111111")) press(d, c, t += 3);
    EXPECT_EQ(d.feed(K::Enter, 0, t += 3), A::Card);
    t += 400;
    for (char c : std::string("2222222")) press(d, c, t += 3);
    EXPECT_EQ(d.feed(K::Enter, 0, t += 3), A::Card);
    EXPECT_EQ(d.cardNumber(), "2222222");
}

}  // namespace
