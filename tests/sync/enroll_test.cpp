// Enrollment: a bundle is checked whole; a bad one changes nothing.
#include <gtest/gtest.h>

#include <fstream>

#include "pki.h"
#include "store/kiosk_db.h"
#include "store/oplog.h"
#include "sync_client.h"
#include "temp_dir.h"

using nlohmann::json;

namespace {

class Enroll : public ::testing::Test {
protected:
    testsupport::TempDir dir;
    std::unique_ptr<store::Database> db = store::openKioskDb(dir.path());
    core::ManualClock clock{core::parseIso("2026-11-23T09:00:00+08:00")};

    json bundle(const std::string& station = "st-a") {
        return {{"station_id", station},
                {"station_name", "长城长者服务站"},
                {"token", std::string(48, 'a')},
                {"server_url", "https://127.0.0.1:8443/"},
                {"ca_pem", testsupport::makeCaCertPem()},
                {"config_public_key_pem", testsupport::makeEd25519PublicKeyPem()},
                {"member_key", std::string(64, 'a')}};
    }
    std::string write(const json& b, const std::string& name = "bundle.json") {
        std::ofstream(dir / name) << b.dump();
        return dir / name;
    }
    std::string refusal(const json& b) {
        try {
            syncc::enrollFromFile(*db, write(b), clock);
        } catch (const std::runtime_error& e) {
            return e.what();
        }
        return "";
    }
    std::int64_t enrolled() { return db->queryInt("SELECT count(*) FROM enrollment").value(); }
};

}  // namespace

TEST_F(Enroll, StoresAValidBundle) {
    syncc::enrollFromFile(*db, write(bundle()), clock);
    EXPECT_EQ(db->queryText("SELECT station_id FROM enrollment").value(), "st-a");
    // The trailing slash is dropped so request URLs join cleanly.
    EXPECT_EQ(db->queryText("SELECT server_url FROM enrollment").value(), "https://127.0.0.1:8443");
    EXPECT_EQ(db->queryText("SELECT enrolled_at FROM enrollment").value(),
              "2026-11-23T09:00:00+08:00");
}

TEST_F(Enroll, RefusesBadBundlesAndChangesNothing) {
    auto b = bundle();
    b.erase("token");
    EXPECT_NE(refusal(b).find("token"), std::string::npos);
    b = bundle();
    b["server_url"] = "http://127.0.0.1:8443";
    EXPECT_NE(refusal(b).find("https://"), std::string::npos);
    b = bundle();
    b["server_url"] = "not a url";
    EXPECT_NE(refusal(b), "");
    b = bundle();
    b["ca_pem"] = "-----BEGIN CERTIFICATE-----\nAAAA\n-----END CERTIFICATE-----\n";
    EXPECT_NE(refusal(b).find("ca_pem"), std::string::npos);
    b = bundle();
    b["config_public_key_pem"] = testsupport::makeEcPublicKeyPem();
    EXPECT_NE(refusal(b).find("Ed25519"), std::string::npos);
    b = bundle();
    b["token"] = "abc\r\nX-Evil: 1";
    EXPECT_NE(refusal(b).find("token"), std::string::npos);
    b = bundle();
    b["station_id"] = 7;
    EXPECT_NE(refusal(b), "");
    b = bundle();
    b.erase("member_key");
    EXPECT_NE(refusal(b).find("member_key"), std::string::npos);
    b = bundle();
    b["member_key"] = "not-hex";
    EXPECT_NE(refusal(b).find("member_key"), std::string::npos);
    b = bundle();
    b["trusted_keys"] = json::array({testsupport::makeEcPublicKeyPem()});
    EXPECT_NE(refusal(b).find("trusted_keys"), std::string::npos);
    EXPECT_EQ(enrolled(), 0);

    std::ofstream(dir / "junk.json") << "{ not json";
    EXPECT_THROW(syncc::enrollFromFile(*db, dir / "junk.json", clock), std::runtime_error);
    EXPECT_THROW(syncc::enrollFromFile(*db, dir / "missing.json", clock), std::runtime_error);
    EXPECT_EQ(enrolled(), 0);
}

TEST_F(Enroll, SameStationAgainKeepsOpsAndCursor) {
    syncc::enrollFromFile(*db, write(bundle()), clock);
    db->run("UPDATE sync_state SET cursor=77");
    {
        store::Transaction tx(*db);
        store::OpLog(*db).append("u-1", "help_call", {{"at", "x"}, {"screen", "home"}}, "x", {});
        tx.commit();
    }
    auto b = bundle();
    b["token"] = std::string(48, 'b');
    syncc::enrollFromFile(*db, write(b), clock);
    EXPECT_EQ(db->queryText("SELECT token FROM enrollment").value(), std::string(48, 'b'));
    EXPECT_EQ(db->queryInt("SELECT cursor FROM sync_state").value(), 77);
}

TEST_F(Enroll, AnotherStationOnlyWithAnEmptyOpLog) {
    syncc::enrollFromFile(*db, write(bundle("st-a")), clock);
    db->run("UPDATE sync_state SET cursor=77");
    syncc::enrollFromFile(*db, write(bundle("st-b")), clock);
    EXPECT_EQ(db->queryInt("SELECT cursor FROM sync_state").value(), 0);  // pull all again
    {
        store::Transaction tx(*db);
        store::OpLog(*db).append("u-1", "help_call", {{"at", "x"}, {"screen", "home"}}, "x", {});
        tx.commit();
    }
    const auto err = refusal(bundle("st-c"));
    EXPECT_NE(err.find("holds 1 ops"), std::string::npos) << err;
    EXPECT_EQ(db->queryText("SELECT station_id FROM enrollment").value(), "st-b");
}
