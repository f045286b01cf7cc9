// pg_conn.h — a thin owner of one libpq connection (private to pg/).
//
// Index
//   PgError     a failed command, with its SQLSTATE ("40001" …)
//   PgConn      one PGconn: exec(), prepared statements cached by SQL text
//   PgQuery     one statement: bind by position (1-based), step through rows,
//               read columns as text or integers — the shape of
//               store::Statement, so the SQL of sqlite/ ports line by line
//
// SQL is written with SQLite's placeholders (`?` in order, or `?N`); they are
// rewritten to PostgreSQL's `$N` once, when the statement is prepared.
// Results come back in text format: a PostgreSQL boolean reads as 1 or 0.
#pragma once

#include <cstdint>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

struct pg_conn;
struct pg_result;

namespace district {

class PgError : public std::runtime_error {
public:
    PgError(const std::string& what, std::string sqlstate)
        : std::runtime_error(what), sqlstate_(std::move(sqlstate)) {}
    const std::string& sqlstate() const { return sqlstate_; }
    // Serialization failure or deadlock: the transaction may be run again.
    bool retryable() const { return sqlstate_ == "40001" || sqlstate_ == "40P01"; }
    // The connection or the server failed (class 08, 53, 57P0x): nothing is
    // wrong with the request; a later attempt on a new connection may work.
    bool connectionLost() const;

private:
    std::string sqlstate_;
};

// `?` / `?N` placeholders to `$N` (quoted strings are left alone).
std::string pgPlaceholders(std::string_view sql);

class PgConn {
public:
    explicit PgConn(const std::string& url);
    ~PgConn();
    PgConn(const PgConn&) = delete;
    PgConn& operator=(const PgConn&) = delete;

    // Runs SQL without parameters (several statements allowed).
    void exec(const std::string& sql);
    // The name of the prepared statement for `sql`, preparing it on first use.
    const std::string& prepared(std::string_view sql);
    bool ok() const;
    pg_conn* raw() { return conn_; }

private:
    pg_conn* conn_ = nullptr;
    std::unordered_map<std::string, std::string> prepared_;
};

// Throws PgError for a result that is not a success (and frees it).
void pgCheck(pg_result* r, pg_conn* conn, std::string_view what);

class PgQuery {
public:
    PgQuery(PgConn& conn, std::string_view sql) : conn_(conn), sql_(sql) {}
    ~PgQuery();
    PgQuery(const PgQuery&) = delete;
    PgQuery& operator=(const PgQuery&) = delete;

    PgQuery& bind(int index, std::int64_t value);
    PgQuery& bind(int index, int value) { return bind(index, static_cast<std::int64_t>(value)); }
    PgQuery& bind(int index, std::string_view value);
    PgQuery& bind(int index, const char* value) { return bind(index, std::string_view(value)); }
    PgQuery& bind(int index, const std::string& value) { return bind(index, std::string_view(value)); }
    PgQuery& bind(int index, std::nullopt_t);
    PgQuery& bind(int index, const std::optional<std::int64_t>& value);
    PgQuery& bind(int index, const std::optional<std::string>& value);
    template <typename... Args>
    PgQuery& bindAll(const Args&... args) {
        int i = 1;
        (bind(i++, args), ...);
        return *this;
    }

    // Runs the statement on the first call; true while there is a row.
    bool step();
    void run();              // runs it, ignoring rows
    int affected() const;    // rows changed by run()

    std::int64_t getInt(int col) const;
    std::string getText(int col) const;
    std::optional<std::int64_t> getOptInt(int col) const;
    bool isNull(int col) const;

    PgQuery* operator->() { return this; }
    PgQuery& operator*() { return *this; }

private:
    void execute();

    PgConn& conn_;
    std::string sql_;
    std::vector<std::optional<std::string>> params_;
    pg_result* res_ = nullptr;
    int row_ = -1;
    int rows_ = 0;
};

}  // namespace district
