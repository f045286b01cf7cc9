// The entity table: every mapped column exists, and changes are checked field
// by field before anything is written.
#include <gtest/gtest.h>

#include <set>

#include "entities.h"
#include "store/kiosk_db.h"
#include "temp_dir.h"

using nlohmann::json;
using syncc::decodeChange;
using syncc::findEntity;
using syncc::PageError;

namespace {

proto::Change change(std::string entity, std::string key, json data, std::int64_t rev = 1) {
    return proto::Change{rev, std::move(entity), std::move(key), false, std::move(data)};
}

json member(const std::string& id) {
    return {{"id", id},           {"card_hash", "C" + id}, {"phone_hash", "138"},
            {"masked_name", "张*"}, {"birth_ym", "1950-01"},
            {"hukou", true}, {"categories", {"dibao"}}, {"care_level", 2}, {"has_address", true}};
}

std::string errorOf(const proto::Change& c) {
    try {
        decodeChange(*findEntity(c.entity), c);
    } catch (const PageError& e) {
        return e.what();
    }
    return "";
}

}  // namespace

TEST(Entities, EveryMappedColumnExistsInTheKioskSchema) {
    testsupport::TempDir dir;
    auto db = store::openKioskDb(dir.path());
    for (const auto& spec : syncc::entitySpecs()) {
        std::set<std::string> cols;
        auto st = db->prepare(std::string("PRAGMA table_info(") + spec.table + ")");
        while (st.step()) cols.insert(st.getText(1));
        ASSERT_FALSE(cols.empty()) << "no table " << spec.table << " for " << spec.entity;
        if (spec.signedKeySet) continue;  // verified and stored by applyPage itself
        for (const auto& f : spec.fields)
            EXPECT_TRUE(cols.count(f.columnName())) << spec.table << "." << f.columnName();
        if (spec.localState) {
            EXPECT_TRUE(cols.count("local_state")) << spec.table;
        }
        if (spec.receivedAt) {
            EXPECT_TRUE(cols.count("received_at")) << spec.table;
        }
    }
}

TEST(Entities, ProtocolEntitiesAreKnown) {
    for (const char* e : {"station", "member", "canteen", "meal_slot", "quota", "activity",
                          "catalog_item", "balance", "ledger_entry", "booking", "signup",
                          "redemption", "service", "delivery", "config", "trusted_keys",
                          "care_contact", "blocked_card"})
        EXPECT_NE(findEntity(e), nullptr) << e;
    EXPECT_EQ(findEntity("spaceship"), nullptr);
    EXPECT_EQ(findEntity("subsidy_rules"), nullptr) << "the rules come in the signed configuration";
}

TEST(Entities, MemberDecodes) {
    auto row = decodeChange(*findEntity("member"), change("member", "m-1", member("m-1")));
    ASSERT_EQ(row.values.size(), 16u);
    EXPECT_EQ(std::get<std::string>(row.values[0]), "m-1");
    EXPECT_EQ(std::get<std::int64_t>(row.values[7]), 1);                // hukou
    EXPECT_EQ(std::get<std::string>(row.values[8]), "[\"dibao\"]");   // categories
    EXPECT_EQ(std::get<std::int64_t>(row.values[9]), 2);                // care_level
    EXPECT_EQ(std::get<std::int64_t>(row.values[10]), 1);               // has_address
    // A district that does not send the care fields (issue 9): absent, so defaults.
    EXPECT_TRUE(std::holds_alternative<std::monostate>(row.values[12]));  // status
}

TEST(Entities, CareContactAndBlockedCardDecode) {
    auto contact = decodeChange(*findEntity("care_contact"),
                                change("care_contact", "m-1", {{"member_id", "m-1"}, {"phone", "13800000001"},
                                                               {"address", "福田区"}}));
    ASSERT_EQ(contact.values.size(), 3u);
    EXPECT_EQ(std::get<std::string>(contact.values[2]), "福田区");
    auto blocked = decodeChange(*findEntity("blocked_card"),
                                change("blocked_card", "abc", {{"card_hash", "abc"}, {"member_id", "m-1"},
                                                               {"blocked_at", "2026-11-23T08:00:00+08:00"}}));
    EXPECT_EQ(std::get<std::string>(blocked.values[1]), "m-1");
}

TEST(Entities, OptionalFieldsMayBeAbsentOrNull) {
    json m = {{"id", "m-2"}, {"masked_name", "李*"}, {"phone_hash", nullptr}};
    auto row = decodeChange(*findEntity("member"), change("member", "m-2", m));
    EXPECT_TRUE(std::holds_alternative<std::monostate>(row.values[1]));  // card_hash
    EXPECT_TRUE(std::holds_alternative<std::monostate>(row.values[2]));  // phone_hash
}

TEST(Entities, MissingRequiredFieldIsNamed) {
    json m = member("m-1");
    m.erase("masked_name");
    const auto err = errorOf(change("member", "m-1", m, 42));
    EXPECT_NE(err.find("rev 42"), std::string::npos) << err;
    EXPECT_NE(err.find("'masked_name' is missing"), std::string::npos) << err;
}

TEST(Entities, WrongTypesAreRefused) {
    json slot = {{"id", "s1"},        {"canteen_id", "c1"}, {"date", "2026-11-23"},
                 {"slot", "lunch"},   {"dishes", {"饭"}},   {"price_cents", 1800},
                 {"capacity", 40},    {"cutoff", "2026-11-23T09:00:00+08:00"}};
    EXPECT_EQ(errorOf(change("meal_slot", "s1", slot)), "");
    auto bad = slot;
    bad["price_cents"] = "1800";
    EXPECT_NE(errorOf(change("meal_slot", "s1", bad)).find("'price_cents' must be an integer"),
              std::string::npos);
    bad = slot;
    bad["capacity"] = 40.5;
    EXPECT_NE(errorOf(change("meal_slot", "s1", bad)), "");
    bad = slot;
    bad["dishes"] = json::array({"饭", 3});
    EXPECT_NE(errorOf(change("meal_slot", "s1", bad)).find("array of strings"), std::string::npos);
    bad = slot;
    bad["price_cents"] = 18446744073709551615ull;
    EXPECT_NE(errorOf(change("meal_slot", "s1", bad)).find("out of range"), std::string::npos);
    json m = member("m-1");
    m["hukou"] = 1;
    EXPECT_NE(errorOf(change("member", "m-1", m)).find("true or false"), std::string::npos);
    EXPECT_NE(errorOf(change("member", "m-1", json::array())).find("not an object"),
              std::string::npos);
}

TEST(Entities, KeyMustMatchData) {
    EXPECT_NE(errorOf(change("member", "m-9", member("m-1"))).find("not the change key"),
              std::string::npos);
    json q = {{"kind", "meal"}, {"target_id", "s1"}, {"station_id", "st-a"}, {"seats", 3}};
    EXPECT_EQ(errorOf(change("quota", "meal:s1:st-a", q)), "");
    EXPECT_NE(errorOf(change("quota", "meal:s1:st-b", q)), "");
    EXPECT_NE(errorOf(change("member", "", member("m-1"))).find("empty key"), std::string::npos);
}

TEST(Entities, SingleKeyIsFilledFromTheChangeKey) {
    json env = {{"document", {{"version", 3}}}, {"signature", "abc"}, {"key_id", "k"}};
    auto row = decodeChange(*findEntity("config"), change("config", "district", {{"version", 3}, {"envelope", env}}));
    EXPECT_EQ(std::get<std::string>(row.values[0]), "district");
}

TEST(Entities, ConfigEnvelopeKeptAsText) {
    json env = {{"document", {{"version", 3}}}, {"signature", "abc"}, {"key_id", "k"}};
    auto row = decodeChange(*findEntity("config"),
                            change("config", "district", {{"version", 3}, {"envelope", env}}));
    EXPECT_EQ(std::get<std::string>(row.values[2]), env.dump());
    row = decodeChange(*findEntity("config"),
                       change("config", "district", {{"version", 3}, {"envelope", "signed-text"}}));
    EXPECT_EQ(std::get<std::string>(row.values[2]), "signed-text");
    // The protocol's field is `envelope`; the old name is a missing field.
    EXPECT_NE(errorOf(change("config", "district", {{"version", 3}, {"document", env}}))
                  .find("'envelope' is missing"),
              std::string::npos);
}

TEST(Entities, DeletedChangeNeedsNoData) {
    proto::Change c{7, "member", "m-1", true, json::object()};
    auto row = decodeChange(*findEntity("member"), c);
    EXPECT_TRUE(row.deleted);
    EXPECT_TRUE(row.values.empty());
}
