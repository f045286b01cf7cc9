// sqlite.h — the one SQLite wrapper of the project (kiosk store and district server).
//
// Index
//   DbError      error carrying SQLite's primary and extended codes
//   Statement    prepared statement: bind by position (1-based), step, read columns
//   Database     connection: open with pragmas, exec, prepare, user_version
//   Transaction  RAII: BEGIN IMMEDIATE in the constructor, ROLLBACK in the
//                destructor unless commit() was called; the destructor never throws
//   Migration    versioned schema steps run by migrate(); a database newer than
//                the code is refused, never reset
//
// Thread use: one Database per thread. The kiosk's UI thread and its sync worker
// each open their own connection to the same file (WAL lets them read while the
// other writes; writers wait on busy_timeout).
#pragma once

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

struct sqlite3;
struct sqlite3_stmt;

namespace store {

class DbError : public std::runtime_error {
public:
    DbError(const std::string& what, int code, int extended)
        : std::runtime_error(what), code_(code), extended_(extended) {}
    int code() const noexcept { return code_; }
    int extended() const noexcept { return extended_; }

private:
    int code_;
    int extended_;
};

// Raised by migrate() when the file was written by a newer build: the kiosk must
// stop with this message instead of touching data it does not understand.
class SchemaTooNew : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

class Statement {
public:
    Statement(sqlite3* db, std::string_view sql);
    ~Statement();
    Statement(Statement&& other) noexcept;
    Statement& operator=(Statement&&) = delete;
    Statement(const Statement&) = delete;
    Statement& operator=(const Statement&) = delete;

    Statement& bind(int index, std::int64_t value);
    Statement& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    Statement& bind(int index, double value);
    Statement& bind(int index, std::string_view value);
    Statement& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    Statement& bind(int index, std::nullopt_t);
    Statement& bind(int index, const std::optional<std::string>& value);
    Statement& bind(int index, const std::optional<std::int64_t>& value);

    // Binds all arguments from position 1 on.
    template <typename... Args>
    Statement& bindAll(const Args&... args) {
        int i = 1;
        (bind(i++, args), ...);
        return *this;
    }

    // Returns true while a row is available; false when done.
    bool step();
    // Runs a statement that returns no rows (or ignores them).
    void run();
    void reset();

    bool isNull(int col) const;
    std::int64_t getInt(int col) const;
    double getDouble(int col) const;
    std::string getText(int col) const;
    std::optional<std::string> getOptText(int col) const;
    std::optional<std::int64_t> getOptInt(int col) const;

private:
    sqlite3* db_;
    sqlite3_stmt* stmt_;
};

class Database {
public:
    enum class Durability { Full, Normal };

    // Opens (creating if needed) with WAL, foreign keys, busy_timeout and
    // synchronous=FULL by default: a committed action survives a power cut.
    explicit Database(const std::string& path, Durability durability = Durability::Full);
    ~Database();
    Database(const Database&) = delete;

    // Reads a file's schema version read-only, without the pragmas the
    // constructor sets (switching to WAL rewrites the header): a file from a
    // newer build or a corrupt one is judged before anything touches it.
    static int peekUserVersion(const std::string& path);
    // PRAGMA integrity_check on a file opened read-only: "ok", or the first
    // problem (or why it cannot be opened) in words. Never throws.
    static std::string integrityCheck(const std::string& path);
    Database& operator=(const Database&) = delete;

    void exec(std::string_view sql);
    Statement prepare(std::string_view sql) { return Statement(db_, sql); }

    // Convenience: one-shot statement returning the first column of the first row.
    std::optional<std::int64_t> queryInt(std::string_view sql);
    template <typename... Args>
    std::optional<std::int64_t> queryInt(std::string_view sql, const Args&... args) {
        auto st = prepare(sql);
        st.bindAll(args...);
        if (!st.step() || st.isNull(0)) return std::nullopt;
        return st.getInt(0);
    }
    template <typename... Args>
    std::optional<std::string> queryText(std::string_view sql, const Args&... args) {
        auto st = prepare(sql);
        st.bindAll(args...);
        if (!st.step() || st.isNull(0)) return std::nullopt;
        return st.getText(0);
    }
    template <typename... Args>
    void run(std::string_view sql, const Args&... args) {
        auto st = prepare(sql);
        st.bindAll(args...);
        st.run();
    }

    std::int64_t lastInsertRowid() const;
    int changes() const;
    int userVersion();
    void setUserVersion(int v);
    const std::string& path() const { return path_; }
    sqlite3* handle() const { return db_; }

private:
    sqlite3* db_ = nullptr;
    std::string path_;
};

class Transaction {
public:
    // IMMEDIATE takes the write lock up front, so a transaction never fails
    // half-way with SQLITE_BUSY on its first write.
    explicit Transaction(Database& db);
    ~Transaction();
    Transaction(const Transaction&) = delete;
    Transaction& operator=(const Transaction&) = delete;
    void commit();

private:
    Database& db_;
    bool done_ = false;
};

struct Migration {
    int version;          // 1, 2, 3 ... strictly increasing
    const char* sql;      // run inside one transaction with the version bump
};

// Brings the schema up to the last migration. Throws SchemaTooNew when the file
// is at a higher version than `migrations` knows. Opening a Database already
// set WAL mode: callers that must leave such a file byte-for-byte untouched
// check it first with checkNotNewer().
void migrate(Database& db, const std::vector<Migration>& migrations);
// Throws SchemaTooNew (or DbError for a file that is not a database) when the
// file at `path` exists and is not something `migrations` can open. Read-only.
void checkNotNewer(const std::string& path, const std::vector<Migration>& migrations);

}  // namespace store
