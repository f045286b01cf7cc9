// Pulled pages: applied whole with their cursor, or refused whole.
#include <gtest/gtest.h>

#include "apply_page.h"
#include "store/kiosk_db.h"
#include "temp_dir.h"

using nlohmann::json;
using syncc::applyPage;
using syncc::decodePage;
using syncc::PageError;

namespace {

constexpr const char* kNow = "2026-11-23T10:00:00+08:00";

json memberChange(std::int64_t rev, const std::string& id, const std::string& card,
                  const std::string& name = "王五") {
    return {{"rev", rev},
            {"entity", "member"},
            {"key", id},
            {"deleted", false},
            {"data",
             {{"id", id}, {"card_hash", card}, {"masked_name", name}, {"hukou", true},
              {"categories", json::array()}, {"care_level", 0}, {"has_address", false}}}};
}

std::string page(json changes, std::int64_t next, bool more = false) {
    return json{{"changes", std::move(changes)}, {"next_cursor", next}, {"more", more}}.dump();
}

class ApplyPage : public ::testing::Test {
protected:
    testsupport::TempDir dir;
    std::unique_ptr<store::Database> db = store::openKioskDb(dir.path());

    std::int64_t count(const std::string& sql) { return db->queryInt(sql).value_or(-1); }
    std::int64_t cursor() { return count("SELECT cursor FROM sync_state"); }
    void apply(const std::string& body) { applyPage(*db, decodePage(body, cursor()), kNow); }
    std::string refusal(const std::string& body) {
        try {
            apply(body);
        } catch (const PageError& e) {
            return e.what();
        }
        return "";
    }
};

}  // namespace

TEST_F(ApplyPage, AppliesRowsAndCursorTogether) {
    apply(page({memberChange(1, "m-1", "C1"), memberChange(2, "m-2", "C2")}, 2));
    EXPECT_EQ(count("SELECT count(*) FROM members"), 2);
    EXPECT_EQ(cursor(), 2);
    // Same member again with a new name: updated, not duplicated.
    apply(page({memberChange(3, "m-1", "C1", "王*")}, 3));
    EXPECT_EQ(db->queryText("SELECT masked_name FROM members WHERE id='m-1'").value(), "王*");
    EXPECT_EQ(count("SELECT count(*) FROM members"), 2);
}

TEST_F(ApplyPage, MalformedPageChangesNothing) {
    apply(page({memberChange(1, "m-1", "C1")}, 1));
    auto bad = memberChange(3, "m-3", "C3");
    bad["data"].erase("masked_name");
    const auto err =
        refusal(page({memberChange(2, "m-2", "C2"), bad, memberChange(4, "m-4", "C4")}, 4));
    EXPECT_NE(err.find("'masked_name' is missing"), std::string::npos) << err;
    EXPECT_EQ(count("SELECT count(*) FROM members"), 1);
    EXPECT_EQ(cursor(), 1);
}

TEST_F(ApplyPage, BrokenEnvelopesAreRefused) {
    EXPECT_NE(refusal("{not json"), "");
    EXPECT_NE(refusal(R"({"changes": [], "more": false})"), "");          // no next_cursor
    EXPECT_NE(refusal(R"({"changes": {}, "next_cursor": 1, "more": false})"), "");
    EXPECT_NE(refusal(page({memberChange(2, "m-2", "C2"), memberChange(1, "m-1", "C1")}, 2))
                  .find("out of order"),
              std::string::npos);
    EXPECT_NE(refusal(page({memberChange(5, "m-5", "C5")}, 4)).find("out of order"),
              std::string::npos);  // rev beyond next_cursor
    apply(page({memberChange(3, "m-3", "C3")}, 3));
    EXPECT_NE(refusal(page(json::array(), 2)).find("behind"), std::string::npos);
    EXPECT_NE(refusal(page(json::array(), 3, true)).find("did not move"), std::string::npos);
    EXPECT_EQ(count("SELECT count(*) FROM members"), 1);
    EXPECT_EQ(cursor(), 3);
}

TEST_F(ApplyPage, UnknownEntitiesAreCountedAndSkipped) {
    json alien = {{"rev", 2}, {"entity", "hologram"}, {"key", "h1"}, {"data", {{"x", 1}}}};
    auto decoded = decodePage(page({memberChange(1, "m-1", "C1"), alien}, 2), 0);
    EXPECT_EQ(decoded.ignored, 1);
    EXPECT_EQ(decoded.unknown.at("hologram"), 1);
    applyPage(*db, decoded, kNow);
    EXPECT_EQ(count("SELECT count(*) FROM members"), 1);
    EXPECT_EQ(cursor(), 2);
}

TEST_F(ApplyPage, DeletesByKeyIncludingCompositeKeys) {
    json quota = {{"rev", 2},
                  {"entity", "quota"},
                  {"key", "meal:s1:st-a"},
                  {"data", {{"kind", "meal"}, {"target_id", "s1"}, {"station_id", "st-a"},
                            {"seats", 4}}}};
    apply(page({memberChange(1, "m-1", "C1"), quota}, 2));
    EXPECT_EQ(count("SELECT seats FROM quotas"), 4);
    apply(page({{{"rev", 3}, {"entity", "quota"}, {"key", "meal:s1:st-a"}, {"deleted", true}},
                {{"rev", 4}, {"entity", "member"}, {"key", "m-1"}, {"deleted", true}}},
               4));
    EXPECT_EQ(count("SELECT count(*) FROM quotas"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM members"), 0);
}

TEST_F(ApplyPage, ReissuedCardMovesToItsNewHolder) {
    apply(page({memberChange(1, "m-1", "C1"), memberChange(2, "m-2", "C2")}, 2));
    // The district gave card C1 to m-2 first, and m-1 a new card after.
    apply(page({memberChange(3, "m-2", "C1")}, 3));
    EXPECT_EQ(db->queryText("SELECT id FROM members WHERE card_hash='C1'").value(), "m-2");
    EXPECT_FALSE(db->queryText("SELECT card_hash FROM members WHERE id='m-1'"));
    apply(page({memberChange(4, "m-1", "C9")}, 4));
    EXPECT_EQ(db->queryText("SELECT card_hash FROM members WHERE id='m-1'").value(), "C9");
}

TEST_F(ApplyPage, PulledBookingsAreSyncedButPendingLocalRowsWin) {
    db->exec("INSERT INTO bookings(id, member_id, slot_id, station_id, status, local_state) "
             "VALUES ('b-local', 'm-1', 's1', 'st-a', 'cancelled', 'pending'),"
             "       ('b-old', 'm-1', 's1', 'st-a', 'booked', 'rejected')");
    auto booking = [](std::int64_t rev, const std::string& id, const std::string& status) {
        return json{{"rev", rev},
                    {"entity", "booking"},
                    {"key", id},
                    {"data",
                     {{"id", id}, {"member_id", "m-1"}, {"slot_id", "s1"}, {"station_id", "st-a"},
                      {"status", status}, {"subsidy_cents", 500}, {"pay_cents", 1300},
                      {"delivery", false}}}};
    };
    apply(page({booking(1, "b-local", "booked"), booking(2, "b-old", "booked"),
                booking(3, "b-new", "booked")},
               3));
    EXPECT_EQ(db->queryText("SELECT status FROM bookings WHERE id='b-local'").value(), "cancelled");
    EXPECT_EQ(db->queryText("SELECT local_state FROM bookings WHERE id='b-old'").value(), "synced");
    EXPECT_EQ(db->queryText("SELECT local_state FROM bookings WHERE id='b-new'").value(), "synced");
    EXPECT_EQ(count("SELECT pay_cents FROM bookings WHERE id='b-new'"), 1300);
}

TEST_F(ApplyPage, ConfigGoesToTheInbox) {
    json cfg = {{"rev", 1},
                {"entity", "config"},
                {"key", "district"},
                {"data", {{"version", 4}, {"envelope", {{"signature", "sig"}}}}}};
    apply(page({cfg}, 1));
    EXPECT_EQ(count("SELECT version FROM config_inbox WHERE id='district'"), 4);
    EXPECT_EQ(db->queryText("SELECT received_at FROM config_inbox").value(), kNow);
    EXPECT_EQ(count("SELECT count(*) FROM config"), 0);  // applying it is the config module's job
}
