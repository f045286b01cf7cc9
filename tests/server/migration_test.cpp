// Migration 7 (meals by Shenzhen's rules) on a district database written by
// the build before it, on SQLite and on PostgreSQL: members keep their rows
// and become 户籍 without categories, their change rows are republished in
// the new shape, bookings keep their money, and the old four-number rules are
// gone.
#include "fixture.h"
#include "pg/pg_conn.h"
#include "pg/pg_schema.h"
#include "pg/pg_storage.h"
#include "sqlite/schema.h"

namespace district::test {
namespace {

// What both backends must show of the old district after migration 7.
void expectMigrated(Storage& storage) {
    storage.read([&](Tx& tx) {
        const auto m = tx.member("m-1");
        ASSERT_TRUE(m);
        EXPECT_EQ(m->name, "张三明");
        EXPECT_TRUE(m->hukou);
        EXPECT_TRUE(m->categories.empty());
        const auto b = tx.booking("b-1");
        ASSERT_TRUE(b);
        EXPECT_EQ(b->subsidy_cents, 1500);
        EXPECT_EQ(b->pay_cents, 300);
        EXPECT_TRUE(b->delivery);
        EXPECT_EQ(b->rule, "legacy") << "a subsidy paid by the old rules says so";
        EXPECT_EQ(b->delivery_status, "");
        EXPECT_EQ(tx.subsidyRules().sections_json, "") << "the built-in (city standard) rules";
        std::string data;
        bool oldRules = false;
        tx.changesSince("st-a", 0, 1000, [&](const ChangeRow& r) {
            if (r.entity == "member") data = r.data_json;
            oldRules = oldRules || r.entity == "subsidy_rules";
        });
        EXPECT_NE(data.find("\"hukou\":true"), std::string::npos) << data;
        EXPECT_EQ(data.find("delivery_eligible"), std::string::npos) << data;
        EXPECT_FALSE(oldRules);
    });
}

TEST(Migration7, AnOldDistrictOpensWithNothingLost) {
    TempDir dir;
    const std::string path = dir.path + "/district.db";
    {
        store::Database db(path);
        std::vector<store::Migration> upTo6(districtMigrations().begin(), districtMigrations().begin() + 6);
        store::migrate(db, upTo6);
        db.exec("INSERT INTO members VALUES ('m-1', '8801000001', '13800000001', '张三明', '1948-08-08', "
                "'priority', 1)");
        db.exec("INSERT INTO changes (entity, key, scope, deleted, data) VALUES ('member', 'm-1', '', 0, "
                "'{\"id\":\"m-1\",\"category\":\"priority\",\"delivery_eligible\":true}')");
        db.exec("INSERT INTO bookings VALUES ('b-1', 'm-1', 'slot-1', 'st-a', 'picked_up', 1500, 300, 1, "
                "'2026-11-20', '2026-11-19T10:00:00+08:00')");
        db.exec("INSERT INTO subsidy_rules VALUES ('district', 1500, 500, 1, 5)");
        db.exec("INSERT INTO changes (entity, key, scope, deleted, data) VALUES ('subsidy_rules', "
                "'district', '', 0, '{}')");
    }
    SqliteStorage storage(path, StorageOptions{kTestMemberKey});
    expectMigrated(storage);
}

// The same on PostgreSQL, from a database of the build that brought it (its
// schema version then read 1, the tables of SQLite's version 6). In the
// "pg." run only, like the other Migrate tests.
TEST(Migrate, AnOldPostgresDistrictOpensWithNothingLostAtSchema7) {
    ASSERT_TRUE(testsupport::postgresRun()) << "runs in the pg. run, on the private PostgreSQL cluster";
    testsupport::TestDatabase database;
    {
        PgConn conn(database.url());
        pgMigrate(conn, 6);
        conn.exec("UPDATE schema_version SET version = 1");
        conn.exec("INSERT INTO members VALUES ('m-1', '8801000001', '13800000001', '张三明', '1948-08-08', "
                  "'priority', 1)");
        conn.exec("INSERT INTO changes (entity, key, scope, deleted, data) VALUES ('member', 'm-1', '', 0, "
                  "'{\"id\":\"m-1\",\"category\":\"priority\",\"delivery_eligible\":true}')");
        conn.exec("INSERT INTO bookings VALUES ('b-1', 'm-1', 'slot-1', 'st-a', 'picked_up', 1500, 300, 1, "
                  "'2026-11-20', '2026-11-19T10:00:00+08:00')");
        conn.exec("INSERT INTO subsidy_rules VALUES ('district', 1500, 500, 1, 5)");
        conn.exec("INSERT INTO changes (entity, key, scope, deleted, data) VALUES ('subsidy_rules', "
                  "'district', '', 0, '{}')");
    }
    PgStorage storage(database.url(), StorageOptions{kTestMemberKey});
    expectMigrated(storage);
    PgConn conn(database.url());
    PgQuery v(conn, "SELECT version FROM schema_version");
    ASSERT_TRUE(v.step());
    EXPECT_EQ(v.getInt(0), pgSchemaVersion()) << "migrated to the newest";
    EXPECT_EQ(pgSchemaVersion(), 8) << "SQLite's numbering: issue 8's 7, issue 9's 8";
}

}  // namespace
}  // namespace district::test
