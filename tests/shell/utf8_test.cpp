#include <gtest/gtest.h>

#include "shell/app/paths.h"
#include "shell/ui/utf8.h"

#include <cstdlib>

namespace {

TEST(Utf8, DecodesAndEncodes) {
    EXPECT_EQ(shell::decodeUtf8("a签到"), std::u32string(U"a签到"));
    EXPECT_EQ(shell::encodeUtf8(U'颐') + shell::encodeUtf8(U'A'), "颐A");
    EXPECT_EQ(shell::codepointCount("时间银行"), 4u);
    EXPECT_EQ(shell::decodeUtf8("\xff" "a"), std::u32string(U"\uFFFDa")) << "bad bytes never stop a frame";
    EXPECT_EQ(shell::decodeUtf8("\xe7\xad"), std::u32string(U"\uFFFD\uFFFD")) << "truncated sequence";
}

TEST(Utf8, MasksNames) {
    EXPECT_EQ(shell::maskName("张三明"), "张*明");
    EXPECT_EQ(shell::maskName("张三"), "张*");
    EXPECT_EQ(shell::maskName("欧阳建国"), "欧**国");
    EXPECT_EQ(shell::maskName("张"), "张");
    EXPECT_EQ(shell::maskName(""), "");
}

TEST(Paths, DataDirFollowsXdg) {
    const char* oldXdg = std::getenv("XDG_DATA_HOME");
    std::string saved = oldXdg ? oldXdg : "";
    const std::string savedHome = std::getenv("HOME") ? std::getenv("HOME") : "";
    setenv("XDG_DATA_HOME", "/srv/data", 1);
    EXPECT_EQ(shell::defaultDataDir(), "/srv/data/elder-kiosk");
    setenv("XDG_DATA_HOME", "relative/ignored", 1);
    setenv("HOME", "/home/kiosk", 1);
    EXPECT_EQ(shell::defaultDataDir(), "/home/kiosk/.local/share/elder-kiosk");
    if (oldXdg) setenv("XDG_DATA_HOME", saved.c_str(), 1);
    else unsetenv("XDG_DATA_HOME");
    setenv("HOME", savedHome.c_str(), 1);
}

}  // namespace
