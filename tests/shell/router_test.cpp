#include <gtest/gtest.h>

#include "shell/app/router.h"

namespace {

using shell::Router;

struct Recorder {
    std::vector<std::pair<std::string, std::string>> changes;
    auto fn() {
        return [this](const std::string& from, const std::string& to) { changes.emplace_back(from, to); };
    }
};

TEST(Router, StartsAtTheRoot) {
    Router r("welcome", "home");
    EXPECT_EQ(r.current(), "welcome");
    EXPECT_EQ(r.stack().size(), 1u);
}

TEST(Router, RequestsWaitForApply) {
    Router r("welcome", "home");
    r.push("home");
    EXPECT_EQ(r.current(), "welcome") << "a screen must not change while a frame draws";
    EXPECT_TRUE(r.pending());
    Recorder rec;
    EXPECT_TRUE(r.apply(rec.fn()));
    EXPECT_EQ(r.current(), "home");
    ASSERT_EQ(rec.changes.size(), 1u);
    EXPECT_EQ(rec.changes[0], std::make_pair(std::string("welcome"), std::string("home")));
}

TEST(Router, BackNeverPopsTheRoot) {
    Router r("welcome", "home");
    r.push("home");
    r.push("meals");
    r.back();
    r.back();
    r.back();
    Recorder rec;
    r.apply(rec.fn());
    EXPECT_EQ(r.current(), "welcome");
    EXPECT_EQ(rec.changes.size(), 4u);  // →home, →meals, →home, →welcome; the last back is a no-op
}

TEST(Router, HomeGoesToTheHomeScreenOverTheRoot) {
    Router r("welcome", "home");
    r.push("home");
    r.push("activities");
    r.push("help");
    r.home();
    r.apply(nullptr);
    EXPECT_EQ(r.current(), "home");
    EXPECT_EQ(r.stack(), (std::vector<std::string>{"welcome", "home"}));
    r.back();
    r.apply(nullptr);
    EXPECT_EQ(r.current(), "welcome");
}

TEST(Router, ResetToRootClearsTheStack) {
    Router r("welcome", "home");
    r.push("home");
    r.push("meals");
    r.reset("welcome");
    Recorder rec;
    r.apply(rec.fn());
    EXPECT_EQ(r.stack(), std::vector<std::string>{"welcome"});
    ASSERT_EQ(rec.changes.size(), 3u);
    EXPECT_EQ(rec.changes.back(), std::make_pair(std::string("meals"), std::string("welcome")));
}

TEST(Router, PushingTheCurrentScreenIsNoChange) {
    Router r("welcome", "home");
    r.push("home");
    r.apply(nullptr);
    r.push("home");  // a double tap on a tile
    Recorder rec;
    EXPECT_FALSE(r.apply(rec.fn()));
    EXPECT_TRUE(rec.changes.empty());
    EXPECT_EQ(r.stack().size(), 2u);
}

TEST(Router, RequestsMadeDuringOnChangeAreApplied) {
    Router r("welcome", "home");
    r.push("home");
    r.apply([&](const std::string&, const std::string& to) {
        if (to == "home") r.push("checkin");  // an onEnter that redirects
    });
    EXPECT_EQ(r.current(), "checkin");
}

}  // namespace
