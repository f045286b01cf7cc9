// proto::parseBounded and the moving decoders (sync/bounded_json.h,
// sync/protocol.h): depth is refused before a DOM exists, whatever the depth.
#include <gtest/gtest.h>

#include "apply_page.h"
#include "bounded_json.h"
#include "protocol.h"

using nlohmann::json;

namespace {

std::string nested(int depth, const std::string& inner = "1") {
    return std::string(static_cast<std::size_t>(depth), '[') + inner + std::string(static_cast<std::size_t>(depth), ']');
}

TEST(BoundedJson, AcceptsUpToTheLimit) {
    EXPECT_EQ(proto::parseBounded(nested(32)).dump(), nested(32));
    EXPECT_EQ(proto::parseBounded(R"({"a":{"b":[1,{"c":null}]}})", 4)["a"]["b"][1]["c"], nullptr);
    EXPECT_EQ(proto::parseBounded("7"), 7);  // a scalar has no depth
}

TEST(BoundedJson, RefusesDeeperWithoutBuildingIt) {
    EXPECT_THROW(proto::parseBounded(nested(33)), proto::JsonTooDeep);
    EXPECT_THROW(proto::parseBounded(R"({"a":{"b":[1,{"c":null}]}})", 3), proto::JsonTooDeep);
    // A million levels: a DOM of them would take a recursive copy to crash.
    try {
        proto::parseBounded(nested(1000000));
        FAIL() << "accepted";
    } catch (const proto::JsonTooDeep& e) {
        EXPECT_EQ(e.maxDepth(), proto::kMaxJsonDepth);
        EXPECT_TRUE(proto::isBadJson(e));
        EXPECT_STREQ(e.what(), "JSON nested deeper than 32 levels");
    }
    // Unclosed arrays are refused for their depth before the missing end.
    EXPECT_THROW(proto::parseBounded(std::string(100000, '[')), proto::JsonTooDeep);
}

// 1E500 was found by fuzz/config_document: nlohmann reports a number out of
// range as out_of_range, not parse_error, and it escaped decideText.
TEST(BoundedJson, EverythingThatIsNotJsonIsBadJson) {
    for (const std::string bad : {"", "{", "[1,]", "{\"a\" 1}", "nul", "[1] x", "\"\xff\"", "1E500", "[-1e400]",
                                  "{\"a\": 123456789012345678901234567890e999}"}) {
        try {
            proto::parseBounded(bad);
            FAIL() << bad;
        } catch (const proto::BadJson& e) {
            EXPECT_TRUE(proto::isBadJson(e)) << bad;
            EXPECT_NE(std::string(e.what()), "") << bad;
        }
    }
    EXPECT_FALSE(proto::isBadJson(std::runtime_error("x")));
    EXPECT_EQ(proto::parseBounded("1E300").get<double>(), 1e300);
}

TEST(BoundedJson, PushRequestMovesPayloadsOut) {
    json doc = proto::parseBounded(
        R"({"station_id":"st-a","ops":[{"seq":1,"uuid":"u1","kind":"checkin","created_at":"t","payload":{"member_id":"m-1"}}]})");
    const proto::PushRequest req = proto::pushRequestFrom(std::move(doc));
    ASSERT_EQ(req.ops.size(), 1u);
    EXPECT_EQ(req.ops[0].payload["member_id"], "m-1");
    EXPECT_THROW(proto::pushRequestFrom(json::parse(R"({"station_id":"st-a","ops":"none"})")), std::invalid_argument);
    EXPECT_THROW(proto::pushRequestFrom(json::parse(
                     R"({"station_id":"st-a","ops":[{"seq":1,"uuid":"u","kind":"k","created_at":"t","payload":[]}]})")),
                 std::invalid_argument);
    EXPECT_THROW(proto::pushRequestFrom(json::parse(R"({"ops":[]})")), json::exception);
}

// Found by fuzz/push_body: a seq of 2e90 was cast to int64 (undefined
// behaviour); 1.5 was truncated to 1. Integers of the protocol are integers.
TEST(BoundedJson, ProtocolIntegersAreWholeNumbersThatFit) {
    for (const char* seq : {"2e90", "1.5", "-1e300", "18446744073709551615", "\"1\"", "true"}) {
        const std::string body = std::string(R"({"station_id":"st-a","ops":[{"seq":)") + seq +
                                 R"(,"uuid":"u","kind":"k","created_at":"t","payload":{}}]})";
        EXPECT_ANY_THROW(proto::pushRequestFrom(proto::parseBounded(body))) << seq;
    }
    EXPECT_EQ(proto::pushRequestFrom(proto::parseBounded(
                  R"({"station_id":"s","ops":[{"seq":9223372036854775807,"uuid":"u","kind":"k","created_at":"t","payload":{}}]})"))
                  .ops[0]
                  .seq,
              INT64_MAX);
    EXPECT_ANY_THROW(proto::parseBounded(R"({"changes":[],"next_cursor":1e3,"more":false})").get<proto::ChangesPage>());
    EXPECT_ANY_THROW(proto::parseBounded(R"({"app_version":"1","config_version":0.5})").get<proto::StationStatus>());
}

TEST(BoundedJson, ChangesPageMovesDataOut) {
    const auto page = proto::changesPageFrom(proto::parseBounded(
        R"({"changes":[{"rev":3,"entity":"member","key":"m-1","data":{"id":"m-1"}},{"rev":4,"entity":"x","key":"k"}],"next_cursor":4,"more":false})"));
    ASSERT_EQ(page.changes.size(), 2u);
    EXPECT_EQ(page.changes[0].data["id"], "m-1");
    EXPECT_EQ(page.changes[1].data, json::object());
    EXPECT_FALSE(page.changes[1].deleted);
}

// The district's word on the station's last applied op (after a restore from
// a backup) survives the moving decoder too; a bad one refuses the page.
TEST(BoundedJson, ChangesPageKeepsLastAppliedSeq) {
    const std::string page = R"({"changes":[],"next_cursor":9,"more":false)";
    EXPECT_EQ(syncc::decodePage(page + R"(,"last_applied_seq":41})", 0).lastApplied, 41);
    EXPECT_EQ(syncc::decodePage(page + "}", 0).lastApplied, std::nullopt);
    EXPECT_THROW(syncc::decodePage(page + R"(,"last_applied_seq":-1})", 0), syncc::PageError);
    EXPECT_THROW(syncc::decodePage(page + R"(,"last_applied_seq":2e90})", 0), syncc::PageError);
}

// The kiosk refuses a page from a server (or a man in the middle) that nests
// too deep, whole, like any other malformed page.
TEST(BoundedJson, ADeepChangesPageIsRefusedWhole) {
    const std::string body = R"({"changes":[{"rev":1,"entity":"member","key":"m-1","data":{"name":)" +
                             nested(100000, "\"x\"") + R"(}}],"next_cursor":1,"more":false})";
    try {
        syncc::decodePage(body, 0);
        FAIL() << "accepted";
    } catch (const syncc::PageError& e) {
        EXPECT_NE(std::string(e.what()).find("deeper than 32"), std::string::npos) << e.what();
    }
}

}  // namespace
