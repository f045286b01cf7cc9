// `district-server config push` refuses what no station would accept, and
// changes nothing when it does (the real binary on a real data directory).
#include <gtest/gtest.h>

#include "cli_helpers.h"
#include "config/station_config.h"
#include "store/sqlite.h"
#include "sync_fixture.h"
#include "test_docs.h"

using namespace cfgtest;
using nlohmann::json;
using synctest::kChangcheng;
using synctest::kMeilin;
using testsupport::DistrictServer;

namespace {

// A document as an admin writes it: no version, no scope.
json adminDoc(int idleSeconds = 90) {
    json d = document(1, "district", idleSeconds);
    d.erase("version");
    d.erase("scope");
    return d;
}

class ConfigPush : public ::testing::Test {
protected:
    std::string push(const json& doc, const std::string& station = "") {
        std::vector<std::string> args = {"config", "push", writeDoc(files, "doc.json", doc)};
        if (!station.empty()) args.insert(args.end(), {"--station", station});
        return server.cli(args);
    }
    std::string refused(const json& doc, const std::string& station = "") {
        std::vector<std::string> args = {"config", "push", writeDoc(files, "doc.json", doc)};
        if (!station.empty()) args.insert(args.end(), {"--station", station});
        return refusal(server, args);
    }
    std::int64_t count(const std::string& sql) {
        store::Database db(server.dataDir() + "/district.db");
        return db.queryInt(sql).value_or(-1);
    }

    // The CLI needs no running server: only its data directory.
    DistrictServer server{synctest::smallDistrict({kChangcheng, kMeilin}, "", false)};
    testsupport::TempDir files{"elder-cfgdocs"};
};

}  // namespace

TEST_F(ConfigPush, AssignsVersionsFromOneDistrictWideSequence) {
    EXPECT_NE(server.cli({"config", "list"}).find("no configuration pushed yet"), std::string::npos);
    EXPECT_NE(push(adminDoc()).find("pushed configuration version 1 to the whole district"),
              std::string::npos);
    EXPECT_NE(push(adminDoc(), kMeilin.id).find("version 2 to station st-meilinyicun"),
              std::string::npos);
    json explicitVersion = adminDoc();
    explicitVersion["version"] = 10;
    EXPECT_NE(push(explicitVersion).find("version 10"), std::string::npos);
    EXPECT_NE(push(adminDoc()).find("version 11"), std::string::npos);

    const std::string list = server.cli({"config", "list"});
    EXPECT_EQ(row(list, "1").at(1), "district");
    EXPECT_EQ(row(list, "2").at(1), kMeilin.id);
    EXPECT_EQ(row(list, "10").at(1), "district");
    EXPECT_EQ(row(list, "11").at(3), kFarFuture);
    // What stations pull: the district's newest and the station's own, signed.
    EXPECT_EQ(count("SELECT json_extract(data, '$.version') FROM changes "
                    "WHERE entity='config' AND key='district' AND scope=''"),
              11);
    EXPECT_EQ(count("SELECT json_extract(data, '$.envelope.document.version') FROM changes "
                    "WHERE entity='config' AND key='st-meilinyicun' AND scope='st-meilinyicun'"),
              2);
    EXPECT_EQ(count("SELECT count(*) FROM changes WHERE entity='config' AND "
                    "json_type(data, '$.envelope.signature') = 'text'"),
              2);
}

TEST_F(ConfigPush, RefusesWhatStationsWouldRefuseAndChangesNothing) {
    push(adminDoc());  // version 1

    json invalid = adminDoc();
    invalid["idle_timeout_seconds"] = 5;
    invalid["idle_countdown_second"] = 20;
    std::string err = refused(invalid);
    EXPECT_NE(err.find("nothing was pushed (2 problems)"), std::string::npos) << err;
    EXPECT_NE(err.find("idle_timeout_seconds"), std::string::npos) << err;
    EXPECT_NE(err.find("did you mean \"idle_countdown_seconds\""), std::string::npos) << err;

    json old = adminDoc();
    old["version"] = 1;
    err = refused(old);
    EXPECT_NE(err.find("version 1 is not above the last pushed version 1"), std::string::npos) << err;

    json expired = adminDoc();
    expired["expires_at"] = "2020-01-01T00:00:00+08:00";
    EXPECT_NE(refused(expired).find("has passed"), std::string::npos);

    json noExpiry = adminDoc();
    noExpiry.erase("expires_at");
    EXPECT_NE(refused(noExpiry).find("expires_at"), std::string::npos);

    json forStation = adminDoc();
    forStation["scope"] = kChangcheng.id;
    EXPECT_NE(refused(forStation).find("add --station st-changcheng"), std::string::npos);
    EXPECT_NE(refused(forStation, kMeilin.id).find("pushed to station st-meilinyicun"),
              std::string::npos);
    EXPECT_NE(refused(adminDoc(), "st-nowhere").find("there is no station st-nowhere"),
              std::string::npos);
    json named = adminDoc();
    named["station_name"] = "长城长者服务站";
    EXPECT_NE(refused(named).find("station_name: a district-wide document"), std::string::npos);

    json stationSubsidy = adminDoc();
    stationSubsidy["subsidy"] = config::builtinDefaultsDocument()["subsidy"];
    stationSubsidy["subsidy"]["tiers"][0]["amount_cents"] = 2000;
    EXPECT_NE(refused(stationSubsidy, kMeilin.id).find("subsidy, calendar: the meal rules are the district's"),
              std::string::npos);
    json stationCalendar = adminDoc();
    stationCalendar["calendar"] = {{"holidays", {"2026-12-24"}}, {"working_weekends", json::array()}};
    EXPECT_NE(refused(stationCalendar, kMeilin.id).find("the meal rules are the district's"), std::string::npos);

    json signedEnvelope = {{"document", adminDoc()}, {"signature", "x"}, {"key_id", "y"}};
    EXPECT_NE(refused(signedEnvelope).find("signed envelope"), std::string::npos);
    EXPECT_NE(refusal(server, {"config", "push", writeDoc(files, "bad.json", "x")}).find("JSON object"),
              std::string::npos);

    // Nothing of it was stored or published.
    EXPECT_EQ(count("SELECT count(*) FROM config_docs"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM changes WHERE entity='config'"), 1);
    EXPECT_EQ(count("SELECT count(*) FROM meal_rules"), 0) << "still the built-in rules";
    EXPECT_NE(push(adminDoc()).find("version 2"), std::string::npos);
}

TEST_F(ConfigPush, ADistrictSubsidyBecomesTheServersRules) {
    json doc = adminDoc();
    doc["subsidy"] = config::builtinDefaultsDocument()["subsidy"];
    doc["subsidy"]["tiers"][2]["amount_cents"] = 600;
    doc["subsidy"]["daily_cap"] = 2;
    doc["subsidy"]["weekly_cap"] = 7;
    doc["calendar"] = {{"holidays", {"2026-12-25"}}, {"working_weekends", json::array()}};
    const std::string out = push(doc);
    EXPECT_NE(out.find("户籍70岁以上 600 cents; slots: lunch, working days only; at most 2 a day and 7 a week"),
              std::string::npos)
        << out;
    EXPECT_EQ(count("SELECT json_extract(sections, '$.subsidy.tiers[2].amount_cents') FROM meal_rules"), 600);
    EXPECT_EQ(count("SELECT json_array_length(sections, '$.calendar.holidays') FROM meal_rules"), 1);
    // A station's document without the rules gets the district's, so the
    // station shows what the server charges.
    EXPECT_NE(push(adminDoc(), kChangcheng.id).find("district's current meal rules were written"),
              std::string::npos);
    EXPECT_EQ(count("SELECT json_extract(data, '$.envelope.document.subsidy.tiers[2].amount_cents') "
                    "FROM changes WHERE entity='config' AND key='st-changcheng'"),
              600);
    EXPECT_EQ(count("SELECT json_extract(data, '$.envelope.document.calendar.holidays[0]') = '2026-12-25' "
                    "FROM changes WHERE entity='config' AND key='st-changcheng'"),
              1);
}
