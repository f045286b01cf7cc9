// test_database.h — which database the storage and server tests run on.
//
// ctest runs those tests twice: as they are (SQLite in a temp dir), and with
// the prefix "pg." and DISTRICT_TEST_PG set to the private cluster that the
// "pg" fixture started (tests/support/pg_cluster.sh). In that run each
// TestDatabase is a fresh, empty PostgreSQL database, dropped afterwards, and
// its URL is exported as DISTRICT_DATABASE so district-server processes the
// test spawns use it too.
#pragma once

#include <string>

namespace testsupport {

// True in the PostgreSQL run.
bool postgresRun();

class TestDatabase {
public:
    TestDatabase();   // a new database in the PostgreSQL run; nothing otherwise
    ~TestDatabase();  // drops it
    TestDatabase(const TestDatabase&) = delete;
    TestDatabase& operator=(const TestDatabase&) = delete;

    // The postgresql:// URL, or "" for SQLite in the data dir.
    const std::string& url() const { return url_; }

private:
    std::string name_;
    std::string url_;
};

// "postgresql://district@/NAME?host=DIR" on the cluster of DISTRICT_TEST_PG.
std::string clusterUrl(const std::string& dbName);

}  // namespace testsupport
