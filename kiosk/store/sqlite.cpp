#include "store/sqlite.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <sqlite3.h>

#include <cstdio>
#include <string>

namespace store {
namespace {

[[noreturn]] void fail(sqlite3* db, int rc, const std::string& context) {
    std::string msg = context + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
    int extended = db ? sqlite3_extended_errcode(db) : rc;
    throw DbError(msg, rc & 0xff, extended);
}

}  // namespace

// ---------------------------------------------------------------- Statement

Statement::Statement(sqlite3* db, std::string_view sql) : db_(db), stmt_(nullptr) {
    int rc = sqlite3_prepare_v2(db, sql.data(), static_cast<int>(sql.size()), &stmt_, nullptr);
    if (rc != SQLITE_OK) fail(db, rc, "prepare '" + std::string(sql.substr(0, 80)) + "'");
}

Statement::~Statement() { sqlite3_finalize(stmt_); }

Statement::Statement(Statement&& other) noexcept : db_(other.db_), stmt_(other.stmt_) {
    other.stmt_ = nullptr;
}

Statement& Statement::bind(int index, std::int64_t value) {
    int rc = sqlite3_bind_int64(stmt_, index, value);
    if (rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, double value) {
    int rc = sqlite3_bind_double(stmt_, index, value);
    if (rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::string_view value) {
    int rc = sqlite3_bind_text(stmt_, index, value.data(), static_cast<int>(value.size()),
                               SQLITE_TRANSIENT);
    if (rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, std::nullopt_t) {
    int rc = sqlite3_bind_null(stmt_, index);
    if (rc != SQLITE_OK) fail(db_, rc, "bind");
    return *this;
}

Statement& Statement::bind(int index, const std::optional<std::string>& value) {
    return value ? bind(index, std::string_view(*value)) : bind(index, std::nullopt);
}

Statement& Statement::bind(int index, const std::optional<std::int64_t>& value) {
    return value ? bind(index, *value) : bind(index, std::nullopt);
}

bool Statement::step() {
    int rc = sqlite3_step(stmt_);
    if (rc == SQLITE_ROW) return true;
    if (rc == SQLITE_DONE) return false;
    fail(db_, rc, "step");
}

void Statement::run() {
    while (step()) {
    }
}

void Statement::reset() {
    sqlite3_reset(stmt_);
    sqlite3_clear_bindings(stmt_);
}

bool Statement::isNull(int col) const { return sqlite3_column_type(stmt_, col) == SQLITE_NULL; }
std::int64_t Statement::getInt(int col) const { return sqlite3_column_int64(stmt_, col); }
double Statement::getDouble(int col) const { return sqlite3_column_double(stmt_, col); }

std::string Statement::getText(int col) const {
    const auto* p = sqlite3_column_text(stmt_, col);
    if (!p) return {};
    return std::string(reinterpret_cast<const char*>(p),
                       static_cast<size_t>(sqlite3_column_bytes(stmt_, col)));
}

std::optional<std::string> Statement::getOptText(int col) const {
    if (isNull(col)) return std::nullopt;
    return getText(col);
}

std::optional<std::int64_t> Statement::getOptInt(int col) const {
    if (isNull(col)) return std::nullopt;
    return getInt(col);
}

// ---------------------------------------------------------------- Database

namespace {

// A database holds tokens and personal data: readable by its owner only
// (DESIGN principle 7). A new file is made 0600 before SQLite opens it, so it
// is never world-readable even for a moment; SQLite gives the -wal and -shm
// files the main file's mode. Files of an older install are tightened.
void makePrivate(const std::string& path) {
    if (path.empty() || path == ":memory:" || path.rfind("file:", 0) == 0) return;
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0600);
    if (fd >= 0) {
        ::close(fd);
        return;
    }
    for (const char* suffix : {"", "-wal", "-shm", "-journal"}) ::chmod((path + suffix).c_str(), 0600);
}

}  // namespace

Database::Database(const std::string& path, Durability durability) : path_(path) {
    makePrivate(path);
    int rc = sqlite3_open_v2(path.c_str(), &db_,
                             SQLITE_OPEN_READWRITE | SQLITE_OPEN_CREATE | SQLITE_OPEN_NOMUTEX,
                             nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open database " + path + ": " +
                          (db_ ? sqlite3_errmsg(db_) : sqlite3_errstr(rc));
        sqlite3_close(db_);
        db_ = nullptr;
        throw DbError(msg, rc, rc);
    }
    sqlite3_extended_result_codes(db_, 1);
    sqlite3_busy_timeout(db_, 5000);
    try {
        // Reading the schema first makes a corrupted or non-SQLite file fail here,
        // with a clear message, rather than on the first action.
        exec("PRAGMA journal_mode=WAL");
        exec(durability == Durability::Full ? "PRAGMA synchronous=FULL"
                                            : "PRAGMA synchronous=NORMAL");
        exec("PRAGMA foreign_keys=ON");
        exec("SELECT count(*) FROM sqlite_master");
    } catch (...) {
        sqlite3_close(db_);
        db_ = nullptr;
        throw;
    }
}

Database::~Database() { sqlite3_close_v2(db_); }

void Database::exec(std::string_view sql) {
    std::string s(sql);
    char* err = nullptr;
    int rc = sqlite3_exec(db_, s.c_str(), nullptr, nullptr, &err);
    if (rc != SQLITE_OK) {
        std::string msg = err ? err : sqlite3_errstr(rc);
        sqlite3_free(err);
        throw DbError("exec: " + msg, rc & 0xff, sqlite3_extended_errcode(db_));
    }
}

std::optional<std::int64_t> Database::queryInt(std::string_view sql) {
    auto st = prepare(sql);
    if (!st.step() || st.isNull(0)) return std::nullopt;
    return st.getInt(0);
}

std::int64_t Database::lastInsertRowid() const { return sqlite3_last_insert_rowid(db_); }
int Database::changes() const { return sqlite3_changes(db_); }

int Database::userVersion() { return static_cast<int>(queryInt("PRAGMA user_version").value_or(0)); }

void Database::setUserVersion(int v) { exec("PRAGMA user_version=" + std::to_string(v)); }

// ---------------------------------------------------------------- Transaction

Transaction::Transaction(Database& db) : db_(db) { db_.exec("BEGIN IMMEDIATE"); }

Transaction::~Transaction() {
    if (done_) return;
    try {
        db_.exec("ROLLBACK");
    } catch (...) {
        // A destructor never throws; SQLite has already rolled back on most errors.
    }
}

void Transaction::commit() {
    db_.exec("COMMIT");
    done_ = true;
}

int Database::peekUserVersion(const std::string& path) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open database " + path + ": " +
                          (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        throw DbError(msg, rc, rc);
    }
    sqlite3_stmt* st = nullptr;
    rc = sqlite3_prepare_v2(db, "PRAGMA user_version", -1, &st, nullptr);
    int version = 0;
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc == SQLITE_ROW) version = sqlite3_column_int(st, 0);
    std::string msg = rc == SQLITE_ROW ? "" : "cannot read database " + path + ": " + sqlite3_errmsg(db);
    int extended = sqlite3_extended_errcode(db);
    sqlite3_finalize(st);
    sqlite3_close(db);
    if (rc != SQLITE_ROW) throw DbError(msg, rc & 0xff, extended);
    return version;
}

std::string Database::integrityCheck(const std::string& path) {
    sqlite3* db = nullptr;
    int rc = sqlite3_open_v2(path.c_str(), &db, SQLITE_OPEN_READONLY, nullptr);
    if (rc != SQLITE_OK) {
        std::string msg = "cannot open " + path + ": " + (db ? sqlite3_errmsg(db) : sqlite3_errstr(rc));
        sqlite3_close(db);
        return msg;
    }
    sqlite3_stmt* st = nullptr;
    std::string result;
    rc = sqlite3_prepare_v2(db, "PRAGMA integrity_check(1)", -1, &st, nullptr);
    if (rc == SQLITE_OK) rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        result = reinterpret_cast<const char*>(sqlite3_column_text(st, 0));
    else
        result = std::string("cannot check ") + path + ": " + sqlite3_errmsg(db);
    sqlite3_finalize(st);
    sqlite3_close(db);
    return result;
}

// ---------------------------------------------------------------- migrate

namespace {

void refuseNewer(const std::string& path, int current, int latest) {
    if (current <= latest) return;
    throw SchemaTooNew("the database " + path + " is at schema version " +
                       std::to_string(current) + " but this program knows only up to " +
                       std::to_string(latest) +
                       ". It was written by a newer version; install that version "
                       "(the data was not changed).");
}

}  // namespace

void checkNotNewer(const std::string& path, const std::vector<Migration>& migrations) {
    FILE* f = std::fopen(path.c_str(), "rb");
    if (!f) return;  // no file yet: nothing to protect
    std::fclose(f);
    refuseNewer(path, Database::peekUserVersion(path),
                migrations.empty() ? 0 : migrations.back().version);
}

void migrate(Database& db, const std::vector<Migration>& migrations) {
    const int latest = migrations.empty() ? 0 : migrations.back().version;
    const int current = db.userVersion();
    refuseNewer(db.path(), current, latest);
    for (const auto& m : migrations) {
        if (m.version <= current) continue;
        Transaction tx(db);
        db.exec(m.sql);
        db.setUserVersion(m.version);
        tx.commit();
    }
}

}  // namespace store
