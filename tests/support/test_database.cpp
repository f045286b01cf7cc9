#include "test_database.h"

#include <libpq-fe.h>
#include <unistd.h>

#include <atomic>
#include <cstdlib>
#include <stdexcept>

namespace testsupport {
namespace {

void adminExec(const std::string& sql) {
    PGconn* c = PQconnectdb(clusterUrl("postgres").c_str());
    if (PQstatus(c) != CONNECTION_OK) {
        std::string msg = PQerrorMessage(c);
        PQfinish(c);
        throw std::runtime_error("the test cluster (DISTRICT_TEST_PG) does not answer: " + msg);
    }
    PGresult* r = PQexec(c, sql.c_str());
    const bool ok = PQresultStatus(r) == PGRES_COMMAND_OK;
    std::string msg = ok ? "" : PQresultErrorMessage(r);
    PQclear(r);
    PQfinish(c);
    if (!ok) throw std::runtime_error(sql + ": " + msg);
}

}  // namespace

bool postgresRun() {
    const char* v = std::getenv("DISTRICT_TEST_PG");
    return v && *v;
}

std::string clusterUrl(const std::string& dbName) {
    const char* dir = std::getenv("DISTRICT_TEST_PG");
    if (!dir || !*dir) throw std::logic_error("DISTRICT_TEST_PG is not set: not the PostgreSQL run");
    return "postgresql://district@/" + dbName + "?host=" + dir;
}

TestDatabase::TestDatabase() {
    if (!postgresRun()) {
        unsetenv("DISTRICT_DATABASE");
        return;
    }
    static std::atomic<int> counter{0};
    name_ = "t_" + std::to_string(getpid()) + "_" + std::to_string(++counter);
    adminExec("CREATE DATABASE " + name_);
    url_ = clusterUrl(name_);
    setenv("DISTRICT_DATABASE", url_.c_str(), 1);
}

TestDatabase::~TestDatabase() {
    if (name_.empty()) return;
    unsetenv("DISTRICT_DATABASE");
    try {
        adminExec("DROP DATABASE IF EXISTS " + name_ + " WITH (FORCE)");
    } catch (...) {
        // The cluster goes at the end of the run anyway.
    }
}

}  // namespace testsupport
