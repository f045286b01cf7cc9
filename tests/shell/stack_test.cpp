// The measured stack (stack.h) and line breaking (text.h): what gives way
// first when room is short, and text that wraps instead of being cut.
#include <gtest/gtest.h>

#include "shell/ui/stack.h"
#include "shell/ui/text.h"
#include "shell/ui/utf8.h"

namespace {

using shell::Node;
using shell::Rect;
using shell::Span;

// A Chinese character is 40 px wide, a Latin one 20 px.
float width(std::string_view s) {
    float w = 0;
    for (char32_t c : shell::decodeUtf8(s)) w += c < 0x2E80 ? 20 : 40;
    return w;
}

Node fixedBox(float h, std::string name = "box") {
    Node n;
    n.name = std::move(name);
    n.height = [h](float) { return Span{h, h}; };
    return n;
}

Node flexBox(float min, float pref, int priority = 0) {
    Node n = fixedBox(pref, "flex");
    n.height = [min, pref](float) { return Span{min, pref}; };
    n.flex = true;
    n.priority = priority;
    return n;
}

// A paragraph of `text` in 40 px lines.
Node para(std::string text) {
    Node n;
    n.name = "text";
    n.flex = true;
    n.width = [text] { return Span{shell::narrowestWidth(text, width), width(text)}; };
    n.height = [text](float w) {
        const float h = float(shell::wrapText(text, w, width).size()) * 40;
        return Span{h, h};
    };
    return n;
}

TEST(Text, ChineseWrapsBetweenCharactersNeverBeforeClosingPunctuation) {
    auto lines = shell::wrapText("本周五上午，九点", 200, width);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "本周五上");
    EXPECT_EQ(lines[1], "午，九点") << "the comma stays with the character before it";
    for (auto& l : lines) EXPECT_LE(width(l), 200);
}

TEST(Text, LatinWrapsAtSpacesAndBreaksAWordOnlyWhenItMust) {
    auto lines = shell::wrapText("Use my phone number", 260, width);
    ASSERT_EQ(lines.size(), 2u);
    EXPECT_EQ(lines[0], "Use my phone");
    EXPECT_EQ(lines[1], "number");
    auto code = shell::wrapText("TB-ABCDEFGHIJKLMNOP", 100, width);
    for (auto& l : code) EXPECT_LE(width(l), 100) << "a code wider than the line is broken, never drawn outside";
    EXPECT_EQ(shell::narrowestWidth("Use my phone", width), width("phone"));
}

// A canteen's name in an English card broke after its fifth character
// ("Dinner · 长城长者饭" / "堂"): in Latin text a short Chinese run keeps to
// one line when a line holds it; a long one, or Chinese text, breaks as before.
TEST(Text, AChineseNameInEnglishStaysOnOneLine) {
    EXPECT_EQ(shell::wrapText("Dinner · 长城长者饭堂", 400, width),
              (std::vector<std::string>{"Dinner ·", "长城长者饭堂"}));
    EXPECT_EQ(shell::wrapText("Dinner · 长城长者饭堂, today", 400, width),
              (std::vector<std::string>{"Dinner ·", "长城长者饭堂, today"}))
        << "its punctuation goes with it";
    EXPECT_EQ(shell::wrapText("Dinner · 长城长者饭堂", 220, width),
              (std::vector<std::string>{"Dinner · 长", "城长者饭堂"}))
        << "no line holds it: it breaks between characters, never wider than the line";
    EXPECT_EQ(shell::wrapText("Place of the talk: 二楼活动室东边的大会议室里", 440, width),
              (std::vector<std::string>{"Place of the talk: 二", "楼活动室东边的大会议室", "里"}))
        << "a run longer than a name is a sentence: it fills the line";
    EXPECT_EQ(shell::wrapText("晚餐长城长者饭堂 OK", 240, width), (std::vector<std::string>{"晚餐长城长者", "饭堂 OK"}))
        << "Chinese text breaks between characters";
    EXPECT_EQ(shell::wrapText("14:01  on \"Help\"  欧**珍", 400, width),
              (std::vector<std::string>{"14:01  on \"Help\"", "欧**珍"}))
        << "a masked name is one run (staff's list read 欧 / **珍)";
    EXPECT_EQ(shell::narrowestWidth("Dinner · 长城长者饭堂", width), width("Dinner"))
        << "the run may break: it does not make the text's narrowest width";
}

// Welcome's greeting at 特大 in landscape read 您好，歡迎光 / 臨！, a word
// split. In a short Chinese text a short clause keeps to one line when a line
// holds it; a paragraph still fills its lines.
TEST(Text, AShortChineseTextBreaksBetweenItsClauses) {
    EXPECT_EQ(shell::wrapText("您好，歡迎光臨！", 250, width), (std::vector<std::string>{"您好，", "歡迎光臨！"}));
    EXPECT_EQ(shell::wrapText("您好，歡迎光臨！", 400, width), (std::vector<std::string>{"您好，歡迎光臨！"}));
    EXPECT_EQ(shell::wrapText("您好，歡迎光臨！", 120, width), (std::vector<std::string>{"您好，", "歡迎光", "臨！"}))
        << "no line holds the clause: it breaks between characters";
    EXPECT_EQ(shell::wrapText("本周五上午九点在二楼活动室举办健康讲座，欢迎参加。", 400, width),
              (std::vector<std::string>{"本周五上午九点在二楼", "活动室举办健康讲座，", "欢迎参加。"}))
        << "a paragraph fills its lines";
    EXPECT_EQ(shell::narrowestWidth("您好，歡迎光臨！", width), width("臨！"))
        << "the clause may break: it does not make the text's narrowest width";
}

// A saved file's path in a notice ("送餐单已保存：/var/lib/...") was one
// 3,000 px word: it breaks after its slashes, never inside "//".
TEST(Text, APathBreaksAfterItsSlashes) {
    const auto ls = shell::wrapText("保存在/var/lib/elder-kiosk/rounds/a.html", 400, width);
    ASSERT_GE(ls.size(), 2u);
    for (const auto& l : ls) EXPECT_LE(width(l), 400) << l;
    EXPECT_EQ(ls.back().back(), 'l');
    EXPECT_LE(shell::narrowestWidth("/var/lib/elder-kiosk/rounds/a.html", width), width("elder-kiosk/"));
    const auto url = shell::wrapText("https://x", 170, width);
    EXPECT_NE(url.front().find("https://"), std::string::npos) << "'//' stays together";
}

TEST(Text, SentencesThatFitKeepWholeSentences) {
    const std::string a = "本周五上午九点健康讲座。欢迎参加！地点在二楼活动室，请带好颐年卡。";
    EXPECT_EQ(shell::sentencesThatFit(a, 480, 1, width), "本周五上午九点健康讲座。");
    EXPECT_EQ(shell::sentencesThatFit(a, 480, 2, width), "本周五上午九点健康讲座。欢迎参加！");
    EXPECT_EQ(shell::sentencesThatFit(a, 200, 1, width), "") << "not even one sentence fits";
    EXPECT_EQ(shell::sentencesThatFit("短句", 440, 1, width), "短句") << "text without an end mark is one sentence";
}

TEST(Stack, GapsAndIconsGiveWayBeforeOptionalItemsBeforeScroll) {
    // icon (flex 100..300), hint (optional 80), list (scroll 100..600), button 120.
    Node icon = flexBox(100, 300, -5);
    icon.optional = true;
    Node hint = fixedBox(80, "hint");
    hint.optional = true;
    Node list = shell::column(0, {fixedBox(600, "rows")});
    list.scroll = true;
    list.scrollMin = 100;
    Node root = shell::column(10, {icon, hint, list, fixedBox(120, "button")});

    // Room for everything at its preferred size (1130 px).
    shell::layoutTree(root, {0, 0, 500, 1200});
    EXPECT_FLOAT_EQ(root.children[0].rect.h, 300);
    EXPECT_FALSE(root.children[1].dropped);
    EXPECT_FLOAT_EQ(root.children[2].rect.h, 600);

    // 130 short: the icon shrinks first, nothing else moves.
    shell::layoutTree(root, {0, 0, 500, 1000});
    EXPECT_FLOAT_EQ(root.children[0].rect.h, 170);
    EXPECT_FALSE(root.children[1].dropped);
    EXPECT_FLOAT_EQ(root.children[2].rect.h, 600);

    // Shorter: at its least the icon still does not fit; an optional item
    // goes, the icon before the hint (words before pictures).
    shell::layoutTree(root, {0, 0, 500, 900});
    EXPECT_TRUE(root.children[0].dropped);
    EXPECT_FALSE(root.children[1].dropped);
    EXPECT_FLOAT_EQ(root.children[2].rect.h, 600);

    // Shorter still: the hint goes too, then the list shrinks and scrolls.
    shell::layoutTree(root, {0, 0, 500, 500});
    EXPECT_TRUE(root.children[0].dropped);
    EXPECT_TRUE(root.children[1].dropped);
    EXPECT_FLOAT_EQ(root.children[2].rect.h, 370);
    EXPECT_FLOAT_EQ(root.children[3].rect.h, 120) << "required items never shrink";
    EXPECT_FLOAT_EQ(root.children[3].rect.bottom(), 500);

    // A dropped item's room goes back to what shrank.
    Node optionalHint = fixedBox(200, "hint");
    optionalHint.optional = true;
    Node icon2 = flexBox(100, 300, -5);
    Node back = shell::column(0, {icon2, optionalHint, fixedBox(300)});
    shell::layoutTree(back, {0, 0, 500, 550});
    EXPECT_TRUE(back.children[1].dropped);
    EXPECT_FLOAT_EQ(back.children[0].rect.h, 250);
}

TEST(Stack, PriorityOrdersWhatGivesWayWithinAStep) {
    Node root = shell::column(0, {flexBox(0, 100, 2), flexBox(0, 100, 1)});
    shell::layoutTree(root, {0, 0, 100, 150});
    EXPECT_FLOAT_EQ(root.children[1].rect.h, 50) << "the lower priority shrinks first";
    EXPECT_FLOAT_EQ(root.children[0].rect.h, 100);
}

// Help at 特大 in landscape: the explanations' card (priority -3) must give
// way before the actions beside it, though both are containers.
TEST(Stack, AContainersPriorityDecidesWhoGivesWayInARow) {
    Node list = shell::column(0, {para("志愿服务聊天陪伴一小时以上的服务志愿服务聊天陪伴")});
    list.scroll = true;
    list.scrollMin = 80;
    Node words = shell::column(0, {list});
    words.priority = -3;
    Node action = shell::column(0, {para("呼叫工作人员")});
    Node r = shell::row(20, {words, action});
    shell::layoutTree(r, {0, 0, 600, 400});
    EXPECT_FLOAT_EQ(r.children[1].rect.w, 240) << "the action keeps its words on one line";
    EXPECT_FLOAT_EQ(r.children[0].rect.w, 340);
}

TEST(Stack, OverflowIsReportedNotHidden) {
    shell::Allocation a = shell::allocate({{{100, 100}}, {{100, 100}}}, 150, 0);
    EXPECT_TRUE(a.overflow);
    EXPECT_FLOAT_EQ(a.sizes[0], 100);
    Node root = shell::column(0, {fixedBox(100), fixedBox(100)});
    EXPECT_FLOAT_EQ(shell::heightOf(root, 100).min, 200);
}

TEST(Stack, SpareRoomGoesToGrowersElseToJustify) {
    Node a = fixedBox(100), b = fixedBox(100);
    b.grow = 1;
    Node root = shell::column(0, {a, b});
    shell::layoutTree(root, {0, 0, 100, 500});
    EXPECT_FLOAT_EQ(root.children[1].rect.h, 400);
    Node centred = shell::column(0, {fixedBox(100)});
    centred.justify = shell::Align::Centre;
    shell::layoutTree(centred, {0, 0, 100, 500});
    EXPECT_FLOAT_EQ(centred.children[0].rect.y, 200);
}

TEST(Stack, TextInARowWrapsBeforeTheRowOverflows) {
    // A label beside a fixed 200 px button: 16 characters need 640 px.
    Node button = fixedBox(100, "button");
    button.width = [] { return Span{200, 200}; };
    Node row = shell::row(20, {para("志愿服务：聊天陪伴一小时以上的服务"), button});
    const Span h = shell::heightOf(row, 400);
    EXPECT_FLOAT_EQ(h.pref, 200) << "180 px of text: 4 characters a line, 5 lines";
    shell::layoutTree(row, {0, 0, 600, shell::heightOf(row, 600).pref});
    EXPECT_FLOAT_EQ(row.children[0].rect.w, 380);
    EXPECT_FLOAT_EQ(row.children[0].rect.h, 100) << "2 lines of 9, in the row's height";
    EXPECT_FLOAT_EQ(row.children[1].rect.x, 400);
    EXPECT_FLOAT_EQ(row.children[1].rect.w, 200);
}

TEST(Stack, AScrollContainerKeepsItsContentAtFullHeight) {
    Node list = shell::column(10, {fixedBox(200), fixedBox(200), fixedBox(200)});
    list.scroll = true;
    list.scrollMin = 150;
    EXPECT_FLOAT_EQ(shell::heightOf(list, 300).min, 150);
    EXPECT_FLOAT_EQ(shell::heightOf(list, 300).pref, 620);
    const float content = shell::arrange(list, {0, 0, 300, 300});
    EXPECT_FLOAT_EQ(content, 620) << "the caller scrolls 620 px of content in 300";
    EXPECT_FLOAT_EQ(list.children[2].rect.y, 420);
}

// A scrolling area shows its bar on its right edge: what it holds is laid out
// clear of it (cards ran under the bar, "Closed" touched it at 特大), and only
// when it scrolls (a list that fits keeps its full width).
TEST(Stack, ScrollingContentLeavesTheBarsRoom) {
    Node list = shell::column(10, {para("志愿服务聊天陪伴一小时"), fixedBox(200), fixedBox(200)});
    list.scroll = true;
    list.scrollBar = 40;
    shell::arrange(list, {0, 0, 440, 2000});
    EXPECT_FLOAT_EQ(list.children[0].rect.w, 440) << "all of it shows: no bar, full width";
    EXPECT_FLOAT_EQ(list.children[0].rect.h, 40);

    const float content = shell::arrange(list, {0, 0, 440, 300});
    EXPECT_FLOAT_EQ(list.children[0].rect.w, 400) << "it scrolls: the bar's 40 px are left to the bar";
    EXPECT_FLOAT_EQ(list.children[0].rect.h, 80) << "the text wraps in the narrower width";
    EXPECT_FLOAT_EQ(list.children[1].rect.w, 400);
    EXPECT_FLOAT_EQ(content, 500) << "80 + 10 + 200 + 10 + 200";
    EXPECT_FLOAT_EQ(shell::scrollingHeight(list, {0, 0, 440, 300}), 500) << "what the Ui scrolls";
    EXPECT_FLOAT_EQ(shell::scrollingHeight(list, {0, 0, 440, 2000}), 0) << "it does not scroll";
}

// The two whole items a list keeps are measured clear of the bar, so they
// still show whole when the list scrolls.
TEST(Stack, AListsTwoItemsAreMeasuredClearOfItsBar) {
    Node items = shell::column(10, {para("志愿服务聊天陪伴一小时"), para("志愿服务聊天陪伴一小时"), fixedBox(300)});
    Node list = shell::column(0, {items});
    list.scroll = true;
    list.scrollItems = 2;
    list.scrollBar = 40;
    EXPECT_FLOAT_EQ(shell::heightOf(list, 440).min, 170) << "two items of two lines at 400 px, not one line at 440";
    shell::arrange(list, {0, 0, 440, 170});
    shell::layoutTree(list.children[0], list.children[0].rect);
    EXPECT_LE(list.children[0].children[1].rect.bottom(), 170.0f) << "the second item shows whole";
}

// A box of a fixed width (a price, a button's words).
Node wideBox(float w, float h, std::string name) {
    Node n = fixedBox(h, std::move(name));
    n.width = [w] { return Span{w, w}; };
    return n;
}

// A meal's first row: the meal, its price and 订这一餐 side by side where they
// fit, else stacked. The stack chooses at the width the card really gets; the
// screen used to guess it (the list's width, not knowing the scroll bar's).
TEST(Stack, EitherShowsTheRowWhereItFitsElseTheColumn) {
    auto head = [] {
        return shell::either(shell::row(20, {wideBox(200, 50, "meal"), wideBox(100, 50, "price")}),
                             shell::column(0, {wideBox(200, 50, "meal"), wideBox(100, 50, "price")}));
    };
    Node n = head();
    EXPECT_FLOAT_EQ(shell::widthOf(n).pref, 320);
    EXPECT_FLOAT_EQ(shell::widthOf(n).min, 200) << "stacked, it is as narrow as its widest part";
    EXPECT_FLOAT_EQ(shell::heightOf(n, 320).pref, 50);
    EXPECT_FLOAT_EQ(shell::heightOf(n, 319).pref, 100);
    shell::layoutTree(n, {0, 0, 400, 50});
    EXPECT_FALSE(n.children[0].dropped);
    EXPECT_TRUE(n.children[1].dropped);
    EXPECT_FLOAT_EQ(n.children[0].children[1].rect.x, 220);
    shell::layoutTree(n, {0, 0, 300, 100});
    EXPECT_TRUE(n.children[0].dropped);
    EXPECT_FLOAT_EQ(n.children[1].children[1].rect.y, 50) << "the price under the meal";

    // In a list that scrolls, the row that fits the list's width does not fit
    // beside the bar: the card stacks, and the list's measure agrees.
    Node list = shell::column(10, {head(), fixedBox(400), fixedBox(400)});
    list.scroll = true;
    list.scrollBar = 40;
    shell::arrange(list, {0, 0, 340, 500});
    shell::layoutTree(list.children[0], list.children[0].rect);
    EXPECT_TRUE(list.children[0].children[0].dropped) << "300 px beside the bar: stacked";
    EXPECT_FLOAT_EQ(list.children[0].rect.h, 100);
    EXPECT_FLOAT_EQ(shell::scrollingHeight(list, {0, 0, 340, 500}), 920);
}

// Issue 13's lists: two whole items (one and a half at 特大) before the list
// scrolls; what is around it gives way first.
TEST(Stack, AListKeepsTwoWholeItemsAndWhatIsAroundItGivesWay) {
    Node items = shell::column(20, {fixedBox(300, "a"), fixedBox(250, "b"), fixedBox(300, "c")});
    Node list = shell::column(0, {items});
    list.scroll = true;
    list.scrollMin = 100;
    list.scrollItems = 2;
    EXPECT_FLOAT_EQ(shell::heightOf(list, 500).min, 570) << "300 + 20 + 250";
    list.scrollItems = 1.5f;
    EXPECT_FLOAT_EQ(shell::heightOf(list, 500).min, 445) << "300 + 20 + half of 250";

    list.scrollItems = 2;
    Node question = fixedBox(120, "question");
    question.optional = true;
    Node root = shell::column(10, {question, list});
    shell::layoutTree(root, {0, 0, 500, 600});
    EXPECT_TRUE(root.children[0].dropped) << "the question goes before the list shows less than two";
    EXPECT_FLOAT_EQ(root.children[1].rect.h, 600);
    shell::layoutTree(root, {0, 0, 500, 1100});
    EXPECT_FALSE(root.children[0].dropped) << "room for all of it";
    EXPECT_FLOAT_EQ(root.children[1].rect.h, 890);
    EXPECT_GT(shell::heightOf(root, 500).min, 560.0f) << "shorter than two items: the frame must make room";
}

TEST(Stack, GridSharesTheRoomAndCentresAShortLastRow) {
    std::vector<Node> cells;
    for (int i = 0; i < 5; ++i) {
        Node c = fixedBox(100);
        c.grow = 1;
        cells.push_back(c);
    }
    Node g = shell::grid(3, 20, cells);
    g.grow = 1;  // a growing grid shares its room among its rows
    shell::layoutTree(g, {0, 0, 640, 420});
    EXPECT_FLOAT_EQ(g.children[0].rect.w, 200);
    EXPECT_FLOAT_EQ(g.children[0].rect.h, 200) << "two rows share 420 px";
    EXPECT_FLOAT_EQ(g.children[3].rect.y, 220);
    EXPECT_FLOAT_EQ(g.children[3].rect.x, 110) << "the short row is centred";
}

// English at 特大 split "Statement" and "redemptions" across lines in four
// tiles a row: a grid whose cells are narrower than a label's longest word
// takes a column fewer when that still fits, rather than break the word.
TEST(Stack, GridTakesAColumnFewerRatherThanBreakAWord) {
    std::vector<Node> cells;
    for (const char* label : {"Redeem", "Statement", "My redemptions", "Record service"}) cells.push_back(para(label));
    Node g = shell::grid(4, 20, cells);
    g.minColumns = 3;
    g.cellWords = width("redemptions");  // 220 px
    shell::layoutTree(g, {0, 0, 800, 400});
    EXPECT_FLOAT_EQ(g.children[0].rect.w, (800 - 40) / 3.0f) << "185 px a cell at 4 columns: 3 fit the word";
    EXPECT_FLOAT_EQ(g.children[3].rect.y, g.children[0].rect.bottom() + 20) << "the fourth goes on a second row";

    Node low = shell::grid(4, 20, cells);
    low.minColumns = 3;
    low.cellWords = width("redemptions");
    shell::layoutTree(low, {0, 0, 800, 60});
    EXPECT_FLOAT_EQ(low.children[3].rect.y, low.children[0].rect.y)
        << "without the height for two rows it keeps four columns (the word is broken, never drawn outside)";
}

}  // namespace
