// ConfigManager on a real kiosk database (every migration) with real Ed25519
// keys: what runs at start, what is accepted, what is refused and recorded,
// and that a refused document never changes the running configuration.
#include <gtest/gtest.h>

#include <atomic>
#include <thread>

#include "config/signing.h"
#include "config_apply/config_manager.h"
#include "config_apply/config_tables.h"
#include "store/kiosk_db.h"
#include "temp_dir.h"
#include "test_docs.h"

using cfgapply::ConfigManager;
using cfgtest::document;
using nlohmann::json;

namespace {

const config::KeyPair& districtKey() {
    static const config::KeyPair k = config::generateKeyPair();
    return k;
}

std::string signedText(const json& doc, const config::KeyPair& key = districtKey()) {
    return config::signConfig(doc, key.privatePem).dump();
}

class ConfigManagerTest : public ::testing::Test {
protected:
    void enroll(const std::string& stationId = "st-a") {
        db->run("INSERT INTO enrollment (id, station_id, station_name, token, server_url, ca_pem, "
                "config_public_key_pem, enrolled_at) VALUES (1, ?, 'A站', 't', "
                "'https://127.0.0.1:1', 'ca', ?, ?)",
                stationId, districtKey().publicPem, core::isoLocal(clock.now()));
    }
    // What the sync client does with a pulled `config` change.
    void deliver(const std::string& text, std::int64_t claimedVersion,
                 const std::string& id = "district") {
        db->run("INSERT OR REPLACE INTO config_inbox (id, version, document, received_at) "
                "VALUES (?, ?, ?, ?)",
                id, claimedVersion, text, core::isoLocal(clock.now()));
    }
    std::int64_t count(const std::string& sql) { return db->queryInt(sql).value_or(-1); }
    // What the station's status would post (sync_once.cpp runs the same SQL).
    std::string statusRejection() {
        return db->queryText(cfgapply::kStandingRejectionSql).value_or("");
    }
    std::unique_ptr<ConfigManager> runningV3() {
        enroll();
        auto cm = std::make_unique<ConfigManager>(*db, clock);
        deliver(signedText(document(3)), 3);
        EXPECT_EQ(cm->processInbox().accepted, 1);
        EXPECT_EQ(cm->current()->version, 3);
        return cm;
    }

    testsupport::TempDir dir{"elder-cfgapply"};
    std::unique_ptr<store::Database> db = store::openKioskDb(dir.path());
    core::ManualClock clock{core::parseIso("2026-11-23T10:00:00+08:00")};
};

}  // namespace

TEST_F(ConfigManagerTest, StartsOnTheBuiltInDefaults) {
    ConfigManager cm(*db, clock);
    EXPECT_EQ(cm.current()->version, 0);
    EXPECT_EQ(cm.current()->idleTimeoutSeconds, 60);
    EXPECT_EQ(cm.generation(), 1u);
    EXPECT_FALSE(cm.lastRejection());
    EXPECT_EQ(cm.syncInterval(), std::chrono::seconds(60));
    EXPECT_FALSE(cm.poll());
}

TEST_F(ConfigManagerTest, AcceptsASignedNewerDocument) {
    enroll();
    ConfigManager cm(*db, clock);
    deliver(signedText(document(3)), 3);
    EXPECT_TRUE(cm.poll());
    const auto cfg = cm.current();
    EXPECT_EQ(cfg->version, 3);
    EXPECT_EQ(cfg->idleTimeoutSeconds, 90);
    EXPECT_FALSE(cfg->flows.meals);
    EXPECT_TRUE(cfg->flows.checkin);
    EXPECT_EQ(cfg->announcement, "本周五上午九点健康讲座 (v3)");
    EXPECT_EQ(cm.syncInterval(), std::chrono::seconds(30));
    EXPECT_EQ(cm.generation(), 2u);
    EXPECT_EQ(count("SELECT count(*) FROM config_inbox"), 0);
    EXPECT_EQ(count("SELECT version FROM config WHERE id='current'"), 3);
    EXPECT_EQ(count("SELECT count(*) FROM config_rejections"), 0);
    EXPECT_FALSE(cm.lastRejection());
    EXPECT_EQ(statusRejection(), "");
}

TEST_F(ConfigManagerTest, RestoresTheAcceptedDocumentAfterARestart) {
    runningV3().reset();
    ConfigManager again(*db, clock);
    EXPECT_EQ(again.current()->version, 3);
    EXPECT_EQ(again.current()->idleTimeoutSeconds, 90);
    EXPECT_EQ(again.generation(), 1u);
}

TEST_F(ConfigManagerTest, RefusesBadDocumentsAndKeepsRunningTheLastGoodOne) {
    const config::KeyPair otherKey = config::generateKeyPair();
    json tampered = config::signConfig(document(4), districtKey().privatePem);
    tampered["document"]["idle_timeout_seconds"] = 600;  // changed after signing
    json expired = document(4);
    expired["expires_at"] = "2026-11-01T00:00:00+08:00";
    json invalid = document(4);
    invalid["idle_timeout_seconds"] = 5;
    json noKeyId = config::signConfig(document(4), districtKey().privatePem);
    noKeyId.erase("key_id");
    struct Case {
        const char* name;
        std::string text;
        const char* code;
    } cases[] = {
        {"tampered", tampered.dump(), "bad_signature"},
        {"another key", signedText(document(4), otherKey), "bad_signature"},
        {"older", signedText(document(2)), "rollback"},
        {"expired", signedText(expired), "expired"},
        {"not JSON", "{\"document\": ", "malformed"},
        {"not an envelope", noKeyId.dump(), "malformed"},
        {"another station", signedText(document(4, "st-b")), "wrong_scope"},
        {"breaks the rules", signedText(invalid), "invalid"},
    };
    for (const auto& c : cases) {
        SCOPED_TRACE(c.name);
        db->exec("DELETE FROM config; DELETE FROM config_rejections; DELETE FROM enrollment;");
        auto cm = runningV3();
        const auto before = cm->current();
        const auto generation = cm->generation();
        clock.advanceMs(1000);  // a later sync than the one that brought v3
        deliver(c.text, 4);
        const auto out = cm->processInbox();
        EXPECT_EQ(out.rejected, 1);
        EXPECT_EQ(out.accepted, 0);
        EXPECT_EQ(cm->current(), before);  // the very same configuration object
        EXPECT_EQ(cm->generation(), generation);
        EXPECT_EQ(count("SELECT version FROM config"), 3);
        EXPECT_EQ(count("SELECT count(*) FROM config_inbox"), 0);
        EXPECT_EQ(count("SELECT count(*) FROM config_rejections"), 1);
        EXPECT_EQ(count("SELECT version FROM config_rejections"), 4);
        const auto rej = cm->lastRejection();
        ASSERT_TRUE(rej);
        EXPECT_EQ(rej->code, c.code);
        EXPECT_FALSE(rej->message.empty());
        EXPECT_EQ(rej->version, 4);
        EXPECT_EQ(rej->at, core::isoLocal(clock.now()));
        EXPECT_EQ(statusRejection(), rej->text());
        EXPECT_EQ(rej->text().rfind(std::string(c.code) + ": ", 0), 0u);
        // Still the last good one after a restart.
        EXPECT_EQ(ConfigManager(*db, clock).current()->version, 3);
    }
}

TEST_F(ConfigManagerTest, TheSameVersionAgainIsDroppedNotReported) {
    auto cm = runningV3();
    deliver(signedText(document(3)), 3);
    const auto out = cm->processInbox();
    EXPECT_EQ(out.dropped, 1);
    EXPECT_EQ(out.rejected, 0);
    EXPECT_EQ(count("SELECT count(*) FROM config_rejections"), 0);
    EXPECT_EQ(count("SELECT count(*) FROM config_inbox"), 0);
    EXPECT_FALSE(cm->lastRejection());
    EXPECT_EQ(cm->generation(), 2u);
}

TEST_F(ConfigManagerTest, WorksThroughTheInboxInVersionOrder) {
    enroll("st-a");
    ConfigManager cm(*db, clock);
    // A fresh station pulls the district's v8 and its own older v5 together.
    deliver(signedText(document(8, "district", 80)), 8, "district");
    deliver(signedText(document(5, "st-a", 50)), 5, "st-a");
    const auto out = cm.processInbox();
    EXPECT_EQ(out.accepted, 2);
    EXPECT_EQ(out.rejected, 0);
    EXPECT_EQ(cm.current()->version, 8);
    EXPECT_EQ(cm.current()->idleTimeoutSeconds, 80);
    EXPECT_EQ(cm.generation(), 3u);
    EXPECT_FALSE(cm.lastRejection());
}

TEST_F(ConfigManagerTest, ARefusalStandsUntilANewerDocumentIsAccepted) {
    auto cm = runningV3();
    json tampered = config::signConfig(document(4), districtKey().privatePem);
    tampered["document"]["announcement"] = "假通知";
    deliver(tampered.dump(), 4);
    cm->processInbox();
    ASSERT_TRUE(cm->lastRejection());
    EXPECT_EQ(cm->lastRejection()->code, "bad_signature");

    // The same second, one pass: v5 accepted, then a bad v6: v6's refusal stands.
    deliver(signedText(document(5)), 5, "district");
    json badV6 = document(6);
    badV6["idle_timeout_seconds"] = 1;
    deliver(signedText(badV6), 6, "st-a");
    auto out = cm->processInbox();
    EXPECT_EQ(out.accepted, 1);
    EXPECT_EQ(out.rejected, 1);
    EXPECT_EQ(cm->current()->version, 5);
    ASSERT_TRUE(cm->lastRejection());
    EXPECT_EQ(cm->lastRejection()->code, "invalid");
    EXPECT_EQ(statusRejection(), cm->lastRejection()->text());

    // A refused v6 then an accepted v7 in the same pass: nothing stands.
    json expired = document(6);
    expired["expires_at"] = "2026-01-01T00:00:00+08:00";
    deliver(signedText(expired), 6, "st-a");
    deliver(signedText(document(7)), 7, "district");
    out = cm->processInbox();
    EXPECT_EQ(out.accepted, 1);
    EXPECT_EQ(out.rejected, 1);
    EXPECT_FALSE(cm->lastRejection());
    EXPECT_EQ(statusRejection(), "");

    // A replayed old document later on is refused and reported, though older.
    clock.advanceMs(5000);
    deliver(signedText(document(5)), 5);
    cm->processInbox();
    ASSERT_TRUE(cm->lastRejection());
    EXPECT_EQ(cm->lastRejection()->code, "rollback");
    EXPECT_EQ(cm->current()->version, 7);
    EXPECT_EQ(statusRejection(), cm->lastRejection()->text());
}

TEST_F(ConfigManagerTest, ADamagedStoredConfigFallsBackToTheDefaultsAndSaysSo) {
    runningV3().reset();
    db->run("UPDATE config SET document = replace(document, '健康讲座', '免费领取')");
    clock.advanceMs(1000);
    ConfigManager cm(*db, clock);
    EXPECT_EQ(cm.current()->version, 0);
    EXPECT_EQ(cm.current()->idleTimeoutSeconds, 60);
    EXPECT_EQ(count("SELECT count(*) FROM config"), 0);  // the status says version 0
    const auto rej = cm.lastRejection();
    ASSERT_TRUE(rej);
    EXPECT_EQ(rej->code, "bad_signature");
    EXPECT_NE(rej->message.find("stored configuration (version 3)"), std::string::npos)
        << rej->message;
    EXPECT_EQ(statusRejection(), rej->text());
    // The district's next push is taken as usual.
    deliver(signedText(document(4)), 4);
    EXPECT_EQ(cm.processInbox().accepted, 1);
    EXPECT_FALSE(cm.lastRejection());
}

TEST_F(ConfigManagerTest, BeforeEnrollmentTheInboxWaits) {
    ConfigManager cm(*db, clock);
    deliver(signedText(document(3)), 3);
    const auto out = cm.processInbox();
    EXPECT_EQ(out.accepted + out.rejected + out.dropped, 0);
    EXPECT_EQ(count("SELECT count(*) FROM config_inbox"), 1);
    enroll();
    EXPECT_EQ(cm.processInbox().accepted, 1);
}

TEST_F(ConfigManagerTest, PollLooksAtMostEveryPollEveryUnlessWoken) {
    enroll();
    ConfigManager cm(*db, clock);  // pollEvery 2 s
    EXPECT_FALSE(cm.poll());       // first look: empty
    deliver(signedText(document(3)), 3);
    clock.advanceMs(500);
    EXPECT_FALSE(cm.poll());  // too soon: not looked at
    EXPECT_EQ(cm.current()->version, 0);
    cm.wake();  // e.g. the sync worker pulled something
    EXPECT_TRUE(cm.poll());
    EXPECT_EQ(cm.current()->version, 3);
    deliver(signedText(document(4)), 4);
    clock.advanceMs(1999);
    EXPECT_FALSE(cm.poll());
    clock.advanceMs(1);
    EXPECT_TRUE(cm.poll());
    EXPECT_EQ(cm.current()->version, 4);
    EXPECT_EQ(cm.lastError(), "");
}

TEST_F(ConfigManagerTest, ALongRefusalIsClippedForTheStatus) {
    auto cm = runningV3();
    json doc = document(4);
    doc["staff_pins"] = json::array();
    for (int i = 0; i < 50; ++i)
        doc["staff_pins"].push_back(
            {{"staff_id", "s-" + std::to_string(i)}, {"name", "员工"}, {"hash", "plain-1234"}});
    deliver(signedText(doc), 4);
    EXPECT_EQ(cm->processInbox().rejected, 1);
    const std::string reason = db->queryText("SELECT reason FROM config_rejections").value();
    EXPECT_LE(reason.size(), 1000u);  // the server refuses a longer config_rejection
    EXPECT_EQ(reason.substr(reason.size() - 3), "...");
    EXPECT_EQ(reason.rfind("invalid: ", 0), 0u) << reason.substr(0, 80);
    EXPECT_NE(reason.find(" problems: staff_pins[0].hash"), std::string::npos) << reason.substr(0, 80);
}

TEST_F(ConfigManagerTest, OtherThreadsReadWhileTheUiThreadApplies) {
    enroll();
    ConfigManager cm(*db, clock);
    std::atomic<bool> done{false};
    std::atomic<bool> wentBack{false};
    std::thread reader([&] {
        std::uint64_t lastGen = 0;
        std::int64_t lastVersion = 0;
        while (!done) {
            const auto gen = cm.generation();
            const auto version = cm.current()->version;  // at least as new as `gen`
            if (gen < lastGen || version < lastVersion) wentBack = true;
            lastGen = gen;
            lastVersion = version;
        }
    });
    for (int v = 1; v <= 30; ++v) {
        deliver(signedText(document(v)), v);
        cm.processInbox();
    }
    done = true;
    reader.join();
    EXPECT_FALSE(wentBack);
    EXPECT_EQ(cm.current()->version, 30);
    EXPECT_EQ(cm.generation(), 31u);
}
