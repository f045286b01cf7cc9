// Configuration over sync, end to end with no mocks: the admin pushes with the
// real `district-server config push`, the real server serves it over TLS, the
// real sync client pulls it into config_inbox, ConfigManager applies it, and
// the station's status reaches `district-server config status`.
#include <gtest/gtest.h>

#include <thread>

#include "cli_helpers.h"
#include "config/keyset.h"
#include "config/signing.h"
#include "config/station_config.h"
#include "config_apply/config_manager.h"
#include "store/sqlite.h"
#include "sync_fixture.h"
#include "test_docs.h"

using namespace cfgtest;
using namespace std::chrono_literals;
using nlohmann::json;
using synctest::kChangcheng;
using synctest::kMeilin;
using testsupport::DistrictServer;

namespace {

// A kiosk: its database enrolled with the server's bundle, and its ConfigManager.
struct Station {
    explicit Station(const std::string& bundle) : kiosk(bundle), configs(kiosk.db(), clock) {}

    // A sync cycle (push, pull, status), then what the UI thread does between frames.
    cfgapply::InboxOutcome syncAndApply() {
        sync();
        return configs.processInbox();
    }
    void sync() {
        const auto rep = kiosk.sync();
        EXPECT_TRUE(rep.ok) << rep.error;
    }

    core::SystemClock clock;
    synctest::Kiosk kiosk;
    cfgapply::ConfigManager configs;
};

json adminDoc(int idleSeconds) {
    json d = document(1, "district", idleSeconds);
    d.erase("version");
    d.erase("scope");
    return d;
}

class ConfigOverSync : public ::testing::Test {
protected:
    std::string push(const json& doc, const std::string& station = "") {
        std::vector<std::string> args = {"config", "push", writeDoc(files, "doc.json", doc)};
        if (!station.empty()) args.insert(args.end(), {"--station", station});
        return server.cli(args);
    }
    // Someone with write access to district.db (not the admin's CLI) changes
    // what stations pull: a new revision of the district's `config` row.
    void rewriteDistrictRow(const std::string& newData) {
        store::Database db(server.dataDir() + "/district.db");
        db.run("INSERT OR REPLACE INTO changes (entity, key, scope, deleted, data) "
               "VALUES ('config', 'district', '', 0, " + newData + ")");
    }

    DistrictServer server{synctest::smallDistrict({kChangcheng, kMeilin})};
    testsupport::TempDir files{"elder-cfgdocs"};
};

}  // namespace

TEST_F(ConfigOverSync, APushedConfigIsAppliedAndReported) {
    json doc = adminDoc(120);
    doc["subsidy"] = config::builtinDefaultsDocument()["subsidy"];
    doc["subsidy"]["tiers"][2]["amount_cents"] = 800;  // 户籍 70-99
    const std::string out = push(doc);
    ASSERT_NE(out.find("version 1 to the whole district"), std::string::npos) << out;

    Station st(server.bundle(kChangcheng.id));
    EXPECT_EQ(st.configs.current()->version, 0);
    const auto outcome = st.syncAndApply();
    EXPECT_EQ(outcome.accepted, 1);
    EXPECT_EQ(outcome.rejected, 0);
    const auto cfg = st.configs.current();
    EXPECT_EQ(cfg->version, 1);
    EXPECT_EQ(cfg->idleTimeoutSeconds, 120);
    EXPECT_FALSE(cfg->flows.meals);
    EXPECT_TRUE(cfg->flows.activities);
    EXPECT_EQ(cfg->announcement, "本周五上午九点健康讲座 (v1)");
    EXPECT_EQ(st.configs.syncInterval(), 30s);
    EXPECT_EQ(st.configs.generation(), 2u);
    // The kiosk prices by the rules of the document it runs, the server by the same.
    EXPECT_EQ(cfg->subsidy.tier("age70")->amountCents, 800);
    EXPECT_EQ(server.count("SELECT json_extract(sections, '$.subsidy.tiers[2].amount_cents') FROM meal_rules"),
              800);

    st.sync();  // the status now carries the running version
    const std::string status = server.cli({"config", "status"});
    const auto mine = row(status, kChangcheng.id);
    ASSERT_GE(mine.size(), 6u) << status;
    EXPECT_EQ(mine[2], "1");  // running
    EXPECT_EQ(mine[3], "1");  // newest for it
    EXPECT_EQ(rejectionOf(status, kChangcheng.id), "-");
    const auto other = row(status, kMeilin.id);
    ASSERT_GE(other.size(), 4u) << status;
    EXPECT_EQ(other[2], "-");  // never reported
    EXPECT_EQ(row(server.cli({"station", "list"}), kChangcheng.id).at(4), "1");
}

TEST_F(ConfigOverSync, AStationsDocumentReachesOnlyThatStation) {
    push(adminDoc(90));                  // version 1, district
    push(adminDoc(200), kMeilin.id);     // version 2, 梅林一村 only

    Station changcheng(server.bundle(kChangcheng.id));
    changcheng.sync();
    EXPECT_EQ(changcheng.kiosk.count("SELECT count(*) FROM config_inbox"), 1);
    EXPECT_EQ(changcheng.kiosk.text("SELECT id FROM config_inbox"), "district");
    EXPECT_EQ(changcheng.configs.processInbox().accepted, 1);
    EXPECT_EQ(changcheng.configs.current()->version, 1);
    EXPECT_EQ(changcheng.configs.current()->idleTimeoutSeconds, 90);

    Station meilin(server.bundle(kMeilin.id));
    const auto outcome = meilin.syncAndApply();
    EXPECT_EQ(outcome.accepted, 2);  // v1 then its own v2
    EXPECT_EQ(outcome.rejected, 0);
    EXPECT_EQ(meilin.configs.current()->version, 2);
    EXPECT_EQ(meilin.configs.current()->idleTimeoutSeconds, 200);
    EXPECT_EQ(meilin.configs.current()->scope, kMeilin.id);

    const std::string status = server.cli({"config", "status"});
    EXPECT_EQ(row(status, kChangcheng.id).at(3), "1");
    EXPECT_EQ(row(status, kMeilin.id).at(3), "2");
}

TEST_F(ConfigOverSync, ATamperedDocumentIsRefusedAndTheRefusalReachesTheAdmin) {
    push(adminDoc(90));
    Station st(server.bundle(kChangcheng.id));
    ASSERT_EQ(st.syncAndApply().accepted, 1);

    // A higher version with a longer idle time, under the old signature.
    rewriteDistrictRow(
        "(SELECT json_set(data, '$.version', 2, '$.envelope.document.version', 2, "
        "'$.envelope.document.idle_timeout_seconds', 600) FROM changes "
        "WHERE entity='config' AND key='district')");
    const auto outcome = st.syncAndApply();
    EXPECT_EQ(outcome.rejected, 1);
    EXPECT_EQ(outcome.accepted, 0);
    EXPECT_EQ(st.configs.current()->version, 1);
    EXPECT_EQ(st.configs.current()->idleTimeoutSeconds, 90);
    const auto rej = st.configs.lastRejection();
    ASSERT_TRUE(rej);
    EXPECT_EQ(rej->code, "bad_signature");

    st.sync();  // the next status reports it
    std::string status = server.cli({"config", "status"});
    EXPECT_EQ(row(status, kChangcheng.id).at(2), "1") << status;
    EXPECT_EQ(rejectionOf(status, kChangcheng.id), rej->text()) << status;
    EXPECT_EQ(row(server.cli({"station", "list"}), kChangcheng.id).at(4), "1!");

    // The admin pushes a genuine next version: taken, and the refusal is settled.
    EXPECT_NE(push(adminDoc(100)).find("version 2"), std::string::npos);
    EXPECT_EQ(st.syncAndApply().accepted, 1);
    EXPECT_EQ(st.configs.current()->idleTimeoutSeconds, 100);
    EXPECT_FALSE(st.configs.lastRejection());
    st.sync();
    status = server.cli({"config", "status"});
    EXPECT_EQ(row(status, kChangcheng.id).at(2), "2");
    EXPECT_EQ(rejectionOf(status, kChangcheng.id), "-");
}

TEST_F(ConfigOverSync, TheVersionNeverGoesDown) {
    push(adminDoc(100));  // v1
    push(adminDoc(110));  // v2
    Station st(server.bundle(kChangcheng.id));
    ASSERT_EQ(st.syncAndApply().accepted, 1);  // the change table holds the newest only
    EXPECT_EQ(st.configs.current()->version, 2);

    // A refusal in the same second as the accept before it, of a version not
    // above, counts as settled (config_tables.h): replay in a later second.
    const std::string appliedAt = st.kiosk.text("SELECT applied_at FROM config");
    while (core::isoLocal(std::chrono::system_clock::now()) == appliedAt)
        std::this_thread::sleep_for(20ms);
    // Replay the genuine, signed v1 as the district's newest row.
    rewriteDistrictRow(
        "(SELECT json_object('version', version, 'envelope', json(envelope)) FROM config_docs "
        "WHERE version = 1)");
    EXPECT_EQ(st.syncAndApply().rejected, 1);
    EXPECT_EQ(st.configs.current()->version, 2);
    EXPECT_EQ(st.configs.current()->idleTimeoutSeconds, 110);
    ASSERT_TRUE(st.configs.lastRejection());
    EXPECT_EQ(st.configs.lastRejection()->code, "rollback");
    EXPECT_EQ(cfgapply::ConfigManager(st.kiosk.db(), st.clock).current()->version, 2);

    st.sync();
    const std::string status = server.cli({"config", "status"});
    EXPECT_EQ(row(status, kChangcheng.id).at(2), "2");
    EXPECT_EQ(rejectionOf(status, kChangcheng.id).rfind("rollback: version 1 is older", 0), 0u)
        << status;
    // Nor can the admin push a version that is not above.
    json again = adminDoc(120);
    again["version"] = 2;
    EXPECT_NE(refusal(server, {"config", "push", writeDoc(files, "v2.json", again)})
                  .find("not above the last pushed version 2"),
              std::string::npos);
}

// Issue 11 ("Keys"): `keys rotate` brings in a new signing key without a
// station refusing anything. The station trusts a set of keys; the set grows
// through a keyset signed by the key it already trusts, the live document is
// published again under the new key, and the old key is retired only once
// every station reports the new set.
TEST_F(ConfigOverSync, ASigningKeyIsRotatedAndRetiredWithoutARefusal) {
    push(adminDoc(120));
    Station cc(server.bundle(kChangcheng.id));
    Station ml(server.bundle(kMeilin.id));
    ASSERT_EQ(cc.syncAndApply().accepted, 1);
    ASSERT_EQ(ml.syncAndApply().accepted, 1);
    const std::string oldKeyText = server.cli({"keys", "list"});
    const std::string oldKey = oldKeyText.substr(oldKeyText.find("ed25519:"), 24);

    const std::string rotated = server.cli({"keys", "rotate"});
    EXPECT_NE(rotated.find("keyset version 2"), std::string::npos) << rotated;
    EXPECT_NE(rotated.find("published again as version 2"), std::string::npos) << rotated;
    // A station that has not synced yet holds the old set: retiring now is refused.
    EXPECT_THROW(server.cli({"keys", "retire", oldKey}), std::exception);

    cc.syncAndApply();
    ml.syncAndApply();
    for (Station* st : {&cc, &ml}) {
        EXPECT_EQ(st->configs.current()->version, 2) << "the document signed by the new key";
        EXPECT_EQ(st->kiosk.count("SELECT version FROM trusted_keys"), 2);
        EXPECT_EQ(st->kiosk.count("SELECT count(*) FROM config_rejections"), 0);
    }
    const std::string retired = server.cli({"keys", "retire", oldKey});
    EXPECT_NE(retired.find("keyset version 3"), std::string::npos) << retired;

    // After the retirement: a new document (signed by the new key only) is
    // taken, the old key is no longer trusted, and a restart keeps running.
    push(adminDoc(300));
    cc.syncAndApply();
    EXPECT_EQ(cc.configs.current()->version, 3);
    EXPECT_EQ(cc.configs.current()->idleTimeoutSeconds, 300);
    EXPECT_EQ(cc.kiosk.count("SELECT version FROM trusted_keys"), 3);
    EXPECT_EQ(nlohmann::json::parse(cc.kiosk.text("SELECT keys FROM trusted_keys")).size(), 1u)
        << "the retired key is no longer trusted";
    cfgapply::ConfigManager restarted(cc.kiosk.db(), cc.clock);
    EXPECT_EQ(restarted.current()->version, 3);
    EXPECT_EQ(cc.kiosk.count("SELECT count(*) FROM config_rejections"), 0);
}

// A keyset that no trusted key signed is refused and reported; nothing changes.
TEST_F(ConfigOverSync, AForgedKeysetIsRefused) {
    Station cc(server.bundle(kChangcheng.id));
    cc.sync();
    const auto intruder = config::generateKeyPair();
    const json forged = config::signKeySet({9, {intruder.publicPem}}, {intruder.privatePem});
    {
        store::Database db(server.dataDir() + "/district.db");
        db.run("INSERT OR REPLACE INTO changes (entity, key, scope, deleted, data) "
               "VALUES ('trusted_keys', 'district', '', 0, ?)",
               json{{"version", 9}, {"envelope", forged}}.dump());
    }
    cc.sync();
    EXPECT_EQ(cc.kiosk.count("SELECT version FROM trusted_keys"), 1);
    EXPECT_NE(cc.kiosk.text("SELECT reason FROM config_rejections ORDER BY id DESC LIMIT 1").find("keyset_bad_signature"),
              std::string::npos);
}
