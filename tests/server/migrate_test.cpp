// migrate_test.cpp — `district-server migrate --from DATA_DIR --to
// postgresql://…` (issue 10): a SQLite district moves whole, counts checked,
// and the server then serves it from PostgreSQL. Runs in the "pg." run only.
#include <gtest/gtest.h>

#include <cstdlib>

#include "fixture.h"
#include "pg/pg_storage.h"
#include "pki/pki.h"
#include "server_process.h"

namespace district::test {
namespace {

TEST(Migrate, SqliteDistrictMovesWholeAndServesFromPostgres) {
    ASSERT_TRUE(testsupport::postgresRun()) << "runs in the pg. run, on the private PostgreSQL cluster";
    testsupport::TestDatabase database;
    const std::string url = database.url();
    unsetenv("DISTRICT_DATABASE");  // the source district is SQLite
    TempDir dir;
    auto [rc, out] = runCli({"--data-dir", dir.path, "demo", "--members", "390", "--seed", "5"});
    ASSERT_EQ(rc, 0) << out;
    std::vector<std::string> before;
    {
        SqliteStorage sqlite(dir.path + "/district.db", StorageOptions{readMemberKey(dir.path)});
        sqlite.read([&](Tx& tx) {
            for (const char* q : {"SELECT count(*) FROM members", "SELECT count(*) FROM changes",
                                  "SELECT max(rev) FROM changes", "SELECT sum(minutes) FROM accounts",
                                  "SELECT count(*) FROM keysets"})
                before.push_back(queryTexts(tx, q).at(0));
        });
    }

    std::tie(rc, out) = runCli({"migrate", "--from", dir.path, "--to", url});
    ASSERT_EQ(rc, 0) << out;
    EXPECT_NE(out.find("every count matches"), std::string::npos) << out;
    EXPECT_NE(out.find("members"), std::string::npos) << out;

    std::vector<std::string> after;
    PgStorage pg(url, StorageOptions{readMemberKey(dir.path)});
    pg.read([&](Tx& tx) {
        for (const char* q : {"SELECT count(*) FROM members", "SELECT count(*) FROM changes",
                              "SELECT max(rev) FROM changes", "SELECT sum(minutes) FROM accounts",
                              "SELECT count(*) FROM keysets"})
            after.push_back(queryTexts(tx, q).at(0));
    });
    EXPECT_EQ(after, before);
    // New changes continue above the copied revisions.
    pg.write([](WriteTx& tx) { tx.putCatalogItem({"ci-new", "理发", "service", 30}); });
    pg.read([&](Tx& tx) {
        EXPECT_GT(std::stoll(queryTexts(tx, "SELECT rev FROM changes WHERE key = 'ci-new'").at(0)),
                  std::stoll(before[2]));
    });

    // Into a database that holds a district already: refused, nothing changed.
    std::tie(rc, out) = runCli({"migrate", "--from", dir.path, "--to", url});
    EXPECT_EQ(rc, 1) << "the refusal is on stderr: " << out;
    pg.read([&](Tx& tx) { EXPECT_EQ(queryTexts(tx, "SELECT count(*) FROM members").at(0), before[0]); });

    // The server serves the moved district from PostgreSQL.
    std::tie(rc, out) = runCli({"--data-dir", dir.path, "--database", url, "station", "list"});
    ASSERT_EQ(rc, 0) << out;
    EXPECT_NE(out.find("st-changcheng"), std::string::npos) << out;
}

}  // namespace
}  // namespace district::test
