// The layout audit (audit.h) fed frames by hand: overlapping, covered, cut,
// small and crowded widgets are each reported once with their rule; a clean
// frame is not. And the record the script driver reads: a covered or cut
// text is not "on screen" for expect_text, a covered target is not tappable.
#include <gtest/gtest.h>

#include <algorithm>

#include "shell/ui/audit.h"
#include "shell/ui/widget_registry.h"

namespace {

using shell::Rect;

const Rect kContent{40, 200, 1840, 700};
const shell::AuditRules kRules{96, 24};

std::vector<std::string> rules(const shell::WidgetRegistry& r) {
    std::vector<std::string> out;
    for (const auto& v : shell::auditFrame(r.lastFrame(), kRules)) out.push_back(v.rule);
    return out;
}

shell::TextInfo text(std::string s, Rect box, float needW, float needH, Rect clip = kContent) {
    shell::TextInfo t;
    t.text = std::move(s);
    t.box = box;
    t.clip = clip;
    t.needW = needW;
    t.needH = needH;
    return t;
}

TEST(Audit, ACleanFrameHasNoViolations) {
    shell::WidgetRegistry r;
    r.beginFrame();
    r.add("home.checkin", {40, 200, 400, 300}, kContent);
    r.add("home.meals", {472, 200, 400, 300}, kContent);
    r.addText(text("签到", {60, 220, 360, 60}, 88, 57));
    r.endFrame();
    EXPECT_TRUE(rules(r).empty());
}

TEST(Audit, OverlappingTargets) {
    shell::WidgetRegistry r;
    r.beginFrame();
    r.add("a", {100, 300, 200, 200}, kContent);
    r.add("b", {250, 300, 200, 200}, kContent);
    r.endFrame();
    auto v = shell::auditFrame(r.lastFrame(), kRules);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].rule, "overlap");
    EXPECT_EQ(v[0].widgets, (std::vector<std::string>{"a", "b"}));
    EXPECT_NE(v[0].line("meals.voucher").find("screen 'meals.voucher': overlap: a, b"), std::string::npos);
}

TEST(Audit, TargetsTooCloseOrTooSmall) {
    shell::WidgetRegistry r;
    r.beginFrame();
    r.add("a", {100, 300, 200, 200}, kContent);
    r.add("b", {310, 300, 200, 200}, kContent);  // 10 px apart
    r.add("c", {100, 600, 200, 80}, kContent);   // 80 px tall
    r.endFrame();
    auto got = rules(r);
    EXPECT_NE(std::find(got.begin(), got.end(), "close"), got.end());
    EXPECT_NE(std::find(got.begin(), got.end(), "small"), got.end());
}

TEST(Audit, ATargetUnderTheBannerIsCoveredAndCannotBeFound) {
    // The meal voucher's cancel button under the announcement banner.
    shell::WidgetRegistry r;
    r.beginFrame();
    r.add("meals.voucher.cancel", {560, 820, 480, 130}, {40, 200, 1840, 800});
    r.addText(text("取消订餐", {600, 850, 400, 70}, 176, 57, {40, 200, 1840, 800}));
    r.cover("banner", {140, 860, 1640, 110});
    r.endFrame();
    auto got = rules(r);
    EXPECT_EQ(std::count(got.begin(), got.end(), "covered"), 2) << "the target and its label";
    const shell::WidgetInfo* w = r.find("meals.voucher.cancel");
    ASSERT_NE(w, nullptr) << "it is still drawn";
    EXPECT_EQ(w->coveredBy, "banner") << "the script driver refuses to tap it";
    EXPECT_FALSE(r.textContains("取消订餐")) << "expect_text does not count a covered text";
    EXPECT_NE(r.textSeen("取消订餐"), nullptr);
}

TEST(Audit, ACutTextIsReportedAndNotSeenWhole) {
    // The keypad's 确定 key at 特大: "✓ 确定" needed 180 px in 150.
    shell::WidgetRegistry r;
    r.beginFrame();
    r.add("keypad.ok", {100, 300, 150, 120}, kContent);
    r.addText(text("确定", {128, 300, 94, 120}, 124, 81));
    r.endFrame();
    auto v = shell::auditFrame(r.lastFrame(), kRules);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].rule, "cut");
    EXPECT_EQ(v[0].widgets, std::vector<std::string>{"text '确定'"});
    EXPECT_FALSE(r.textContains("确定"));
}

TEST(Audit, ATextTallerThanItsBoxIsCut) {
    shell::WidgetRegistry r;
    r.beginFrame();
    r.addText(text("志愿服务：聊天陪伴", {100, 300, 300, 60}, 300, 120));
    r.endFrame();
    EXPECT_EQ(rules(r), std::vector<std::string>{"cut"});
}

TEST(Audit, OutsideItsRegionUnlessScrolled) {
    shell::WidgetRegistry r;
    r.beginFrame();
    r.add("placed.below", {100, 850, 300, 120}, kContent);  // under the content's bottom
    r.add("list.item.3", {100, 850, 300, 120}, kContent, /*scrolled=*/true);
    r.endFrame();
    auto v = shell::auditFrame(r.lastFrame(), kRules);
    ASSERT_EQ(v.size(), 2u) << "the misplaced one, and the two overlap";
    EXPECT_EQ(v[0].rule, "outside");
    EXPECT_EQ(v[0].widgets, std::vector<std::string>{"placed.below"});
    EXPECT_TRUE(r.find("list.item.3")->clipped()) << "scrolled half away: the driver will not tap it";
}

TEST(Audit, ContentThatMustScrollAsAWholeIsReported) {
    shell::WidgetRegistry r;
    r.beginFrame();
    r.addOverflow(kContent, 820);
    r.endFrame();
    auto v = shell::auditFrame(r.lastFrame(), kRules);
    ASSERT_EQ(v.size(), 1u);
    EXPECT_EQ(v[0].rule, "overflow");
    EXPECT_NE(v[0].detail.find("820"), std::string::npos);
}

TEST(Audit, AModalOverlayHidesWhatIsUnderItFromTheAudit) {
    shell::WidgetRegistry r;
    r.beginFrame();
    r.add("a", {100, 300, 200, 200}, kContent);
    r.add("b", {150, 300, 200, 200}, kContent);
    r.occludeAll();
    r.add("idle.continue", {600, 500, 700, 200}, {0, 0, 1920, 1080});
    r.endFrame();
    EXPECT_TRUE(rules(r).empty());
    EXPECT_EQ(r.find("a"), nullptr);
}

}  // namespace
