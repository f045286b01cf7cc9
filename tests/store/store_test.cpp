// Store: the SQLite wrapper, migrations and the transaction helper, on real files.
#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>

#include "store/kiosk_db.h"
#include "store/schema.h"
#include "store/sqlite.h"

namespace fs = std::filesystem;

namespace {

struct TempDir {
    fs::path path;
    TempDir() {
        path = fs::temp_directory_path() / ("store-test-" + std::to_string(::getpid()) + "-" +
                                            std::to_string(counter()++));
        fs::create_directories(path);
    }
    ~TempDir() { fs::remove_all(path); }
    static int& counter() {
        static int n = 0;
        return n;
    }
};

}  // namespace

TEST(Store, OpensWithWalAndFullSync) {
    TempDir dir;
    auto db = store::openKioskDb(dir.path.string());
    EXPECT_EQ(db->queryText("PRAGMA journal_mode"), "wal");
    EXPECT_EQ(db->queryInt("PRAGMA synchronous"), 2);  // FULL
    EXPECT_EQ(db->userVersion(), store::kioskMigrations().back().version);
}

TEST(Store, MigrationsRunOnceAndInOrder) {
    TempDir dir;
    store::Database db((dir.path / "m.db").string());
    std::vector<store::Migration> ms = {{1, "CREATE TABLE a(x INTEGER)"},
                                        {2, "INSERT INTO a VALUES (42)"}};
    store::migrate(db, ms);
    store::migrate(db, ms);  // a second run must not insert again
    EXPECT_EQ(db.queryInt("SELECT count(*) FROM a"), 1);
    EXPECT_EQ(db.userVersion(), 2);
}

TEST(Store, FailedMigrationLeavesOldVersion) {
    TempDir dir;
    store::Database db((dir.path / "m.db").string());
    store::migrate(db, {{1, "CREATE TABLE a(x INTEGER)"}});
    std::vector<store::Migration> ms = {{1, "CREATE TABLE a(x INTEGER)"},
                                        {2, "CREATE TABLE b(y); INSERT INTO nowhere VALUES (1)"}};
    EXPECT_THROW(store::migrate(db, ms), store::DbError);
    EXPECT_EQ(db.userVersion(), 1);
    EXPECT_FALSE(db.queryInt("SELECT 1 FROM sqlite_master WHERE name='b'"));
}

TEST(Store, DatabaseNewerThanCodeIsRefusedAndUntouched) {
    TempDir dir;
    {
        auto db = store::openKioskDb(dir.path.string());
        db->run("INSERT INTO stations(id, name) VALUES ('s1', 'x')");
        db->setUserVersion(999);
    }
    try {
        store::openKioskDb(dir.path.string());
        FAIL() << "a database from a newer build must be refused";
    } catch (const store::SchemaTooNew& e) {
        EXPECT_NE(std::string(e.what()).find("999"), std::string::npos);
    }
    store::Database raw(store::kioskDbPath(dir.path.string()));
    EXPECT_EQ(raw.userVersion(), 999);
    EXPECT_EQ(raw.queryInt("SELECT count(*) FROM stations"), 1);
}

TEST(Store, NewerRollbackJournalFileIsNotSwitchedToWal) {
    TempDir dir;
    auto file = store::kioskDbPath(dir.path.string());
    {
        store::Database db(file);
        db.exec("PRAGMA journal_mode=DELETE");
        db.exec("CREATE TABLE future(x)");
        db.setUserVersion(50);
    }
    std::ifstream before(file, std::ios::binary);
    std::string bytesBefore((std::istreambuf_iterator<char>(before)), {});
    EXPECT_THROW(store::openKioskDb(dir.path.string()), store::SchemaTooNew);
    std::ifstream after(file, std::ios::binary);
    std::string bytesAfter((std::istreambuf_iterator<char>(after)), {});
    EXPECT_EQ(bytesBefore, bytesAfter);
    EXPECT_FALSE(fs::exists(file + "-wal"));
}

TEST(Store, CorruptFileGivesClearErrorAndIsNotReset) {
    TempDir dir;
    auto file = fs::path(store::kioskDbPath(dir.path.string()));
    {
        std::ofstream out(file, std::ios::binary);
        out << std::string(8192, 'x');
    }
    EXPECT_THROW(store::openKioskDb(dir.path.string()), store::DbError);
    EXPECT_EQ(fs::file_size(file), 8192u);
}

TEST(Store, TransactionRollsBackUnlessCommitted) {
    TempDir dir;
    auto db = store::openKioskDb(dir.path.string());
    {
        store::Transaction tx(*db);
        db->run("INSERT INTO stations(id, name) VALUES (?, ?)", "s1", "长城");
    }
    EXPECT_EQ(db->queryInt("SELECT count(*) FROM stations"), 0);
    {
        store::Transaction tx(*db);
        db->run("INSERT INTO stations(id, name) VALUES (?, ?)", "s1", "长城");
        tx.commit();
    }
    EXPECT_EQ(db->queryText("SELECT name FROM stations WHERE id='s1'"), "长城");
}

TEST(Store, TransactionRollsBackOnException) {
    TempDir dir;
    auto db = store::openKioskDb(dir.path.string());
    try {
        store::Transaction tx(*db);
        db->run("INSERT INTO stations(id, name) VALUES ('s1', 'a')");
        db->run("INSERT INTO stations(id, name) VALUES ('s1', 'b')");  // primary key clash
        tx.commit();
    } catch (const store::DbError& e) {
        EXPECT_EQ(e.code(), 19);  // SQLITE_CONSTRAINT
        EXPECT_EQ(e.extended(), 1555);  // SQLITE_CONSTRAINT_PRIMARYKEY
    }
    EXPECT_EQ(db->queryInt("SELECT count(*) FROM stations"), 0);
}

TEST(Store, CommittedWorkIsVisibleToAnotherConnection) {
    TempDir dir;
    auto writer = store::openKioskDb(dir.path.string());
    auto reader = store::openKioskDb(dir.path.string());
    {
        store::Transaction tx(*writer);
        writer->run("INSERT INTO stations(id, name) VALUES ('s1', 'a')");
        EXPECT_EQ(reader->queryInt("SELECT count(*) FROM stations"), 0);  // not yet committed
        tx.commit();
    }
    EXPECT_EQ(reader->queryInt("SELECT count(*) FROM stations"), 1);
}
