#include "pg/pg_conn.h"

#include <libpq-fe.h>

#include <cstdlib>

namespace district {

bool PgError::connectionLost() const {
    return sqlstate_.empty() || sqlstate_.rfind("08", 0) == 0 || sqlstate_.rfind("53", 0) == 0 ||
           sqlstate_.rfind("57P0", 0) == 0;
}

std::string pgPlaceholders(std::string_view sql) {
    std::string out;
    out.reserve(sql.size() + 16);
    int next = 0;
    bool quoted = false;
    for (std::size_t i = 0; i < sql.size(); ++i) {
        const char c = sql[i];
        if (c == '\'') quoted = !quoted;
        if (c != '?' || quoted) {
            out.push_back(c);
            continue;
        }
        std::size_t j = i + 1;
        while (j < sql.size() && sql[j] >= '0' && sql[j] <= '9') ++j;
        if (j > i + 1) {
            out += "$" + std::string(sql.substr(i + 1, j - i - 1));
            i = j - 1;
        } else {
            out += "$" + std::to_string(++next);
        }
    }
    return out;
}

void pgCheck(PGresult* r, PGconn* conn, std::string_view what) {
    const auto st = r ? PQresultStatus(r) : PGRES_FATAL_ERROR;
    if (st == PGRES_COMMAND_OK || st == PGRES_TUPLES_OK) return;
    std::string state;
    std::string msg;
    if (r) {
        if (const char* s = PQresultErrorField(r, PG_DIAG_SQLSTATE)) state = s;
        msg = PQresultErrorMessage(r);
        PQclear(r);
    }
    if (msg.empty()) msg = PQerrorMessage(conn);
    while (!msg.empty() && (msg.back() == '\n' || msg.back() == ' ')) msg.pop_back();
    throw PgError(std::string(what) + ": " + msg, state);
}

PgConn::PgConn(const std::string& url) {
    conn_ = PQconnectdb(url.c_str());
    if (PQstatus(conn_) != CONNECTION_OK) {
        std::string msg = PQerrorMessage(conn_);
        while (!msg.empty() && msg.back() == '\n') msg.pop_back();
        PQfinish(conn_);
        conn_ = nullptr;
        throw PgError("cannot connect to PostgreSQL: " + msg, "08001");
    }
    // Notices (e.g. "relation already exists, skipping") are not for the log.
    PQsetNoticeProcessor(conn_, [](void*, const char*) {}, nullptr);
}

PgConn::~PgConn() {
    if (conn_) PQfinish(conn_);
}

bool PgConn::ok() const { return conn_ && PQstatus(conn_) == CONNECTION_OK; }

void PgConn::exec(const std::string& sql) {
    pgCheck(PQexec(conn_, sql.c_str()), conn_, sql.substr(0, 60));
    // PQexec returns the last result only; a failure earlier aborts the rest.
}

const std::string& PgConn::prepared(std::string_view sql) {
    auto it = prepared_.find(std::string(sql));
    if (it != prepared_.end()) return it->second;
    std::string name = "s" + std::to_string(prepared_.size() + 1);
    const std::string text = pgPlaceholders(sql);
    PGresult* r = PQprepare(conn_, name.c_str(), text.c_str(), 0, nullptr);
    pgCheck(r, conn_, "prepare " + text.substr(0, 80));
    PQclear(r);
    return prepared_.emplace(std::string(sql), std::move(name)).first->second;
}

PgQuery::~PgQuery() {
    if (res_) PQclear(res_);
}

PgQuery& PgQuery::bind(int index, std::int64_t value) {
    return bind(index, std::optional<std::string>(std::to_string(value)));
}
PgQuery& PgQuery::bind(int index, std::string_view value) {
    return bind(index, std::optional<std::string>(std::string(value)));
}
PgQuery& PgQuery::bind(int index, std::nullopt_t) {
    return bind(index, std::optional<std::string>());
}
PgQuery& PgQuery::bind(int index, const std::optional<std::int64_t>& value) {
    return bind(index, value ? std::optional<std::string>(std::to_string(*value)) : std::nullopt);
}
PgQuery& PgQuery::bind(int index, const std::optional<std::string>& value) {
    if (index < 1) throw std::logic_error("PgQuery::bind: positions start at 1");
    if (params_.size() < static_cast<std::size_t>(index)) params_.resize(index);
    params_[index - 1] = value;
    return *this;
}

void PgQuery::execute() {
    const std::string& name = conn_.prepared(sql_);
    std::vector<const char*> values;
    values.reserve(params_.size());
    for (const auto& p : params_) values.push_back(p ? p->c_str() : nullptr);
    PGresult* r = PQexecPrepared(conn_.raw(), name.c_str(), static_cast<int>(values.size()),
                                 values.data(), nullptr, nullptr, 0);
    pgCheck(r, conn_.raw(), sql_.substr(0, 80));
    res_ = r;
    rows_ = PQntuples(r);
    row_ = -1;
}

bool PgQuery::step() {
    if (!res_) execute();
    return ++row_ < rows_;
}

void PgQuery::run() {
    if (!res_) execute();
}

int PgQuery::affected() const {
    if (!res_) return 0;
    const char* n = PQcmdTuples(res_);
    return n && *n ? std::atoi(n) : 0;
}

bool PgQuery::isNull(int col) const { return PQgetisnull(res_, row_, col) != 0; }

std::string PgQuery::getText(int col) const {
    if (isNull(col)) return {};
    return std::string(PQgetvalue(res_, row_, col), PQgetlength(res_, row_, col));
}

std::int64_t PgQuery::getInt(int col) const {
    if (isNull(col)) return 0;
    const char* v = PQgetvalue(res_, row_, col);
    if (v[0] == 't' && v[1] == 0) return 1;  // boolean
    if (v[0] == 'f' && v[1] == 0) return 0;
    return std::strtoll(v, nullptr, 10);
}

std::optional<std::int64_t> PgQuery::getOptInt(int col) const {
    if (isNull(col)) return std::nullopt;
    return getInt(col);
}

}  // namespace district
