#include "admin/migrate.h"

#include <chrono>

#include "errors.h"
#include "pg/pg_storage.h"
#include "pg/pg_tx.h"
#include "sqlite/sqlite_storage.h"
#include "sqlite/sqlite_tx.h"

namespace district {
namespace {

// BIGSERIAL columns whose sequence must continue after the copied rows.
struct Serial {
    const char* table;
    const char* column;
};
constexpr Serial kSerials[] = {{"station_status_history", "n"}, {"signups", "n"},
                               {"attendances", "n"},           {"audit_log", "id"},
                               {"changes", "rev"},
                               {"members", "n"},                {"care_visits", "n"}};

std::vector<std::string> sqliteColumns(store::Database& db, const std::string& table) {
    auto s = db.prepare("SELECT name FROM pragma_table_info(?) ORDER BY cid");
    s.bind(1, table);
    std::vector<std::string> out;
    while (s.step()) out.push_back(s.getText(0));
    if (out.empty()) throw AdminError("the SQLite database has no table " + table);
    return out;
}

std::int64_t pgCount(PgConn& conn, const std::string& table) {
    PgQuery q(conn, "SELECT count(*) FROM " + table);
    q.step();
    return q.getInt(0);
}

}  // namespace

const std::vector<std::string>& districtTables() {
    static const std::vector<std::string> tables = {
        "stations", "station_status", "station_status_history", "ops", "members", "canteens",
        "meal_slots", "activities", "catalog_items", "meal_rules", "quotas", "bookings",
        "signups", "attendances", "checkins", "help_calls", "help_call_acks", "accounts",
        "transfers", "movements", "redemptions", "services", "changes", "config_docs", "keysets",
        "admins", "audit_log", "blocked_cards", "care_visits"};
    return tables;
}

std::vector<TableCount> countRows(Storage& storage) {
    std::vector<TableCount> out;
    storage.read([&](Tx& tx) {
        out.clear();
        for (const auto& t : districtTables()) {
            std::int64_t n = 0;
            if (auto* s = dynamic_cast<SqliteTx*>(&tx)) {
                n = s->db().queryInt("SELECT count(*) FROM " + t).value_or(0);
            } else {
                n = pgCount(static_cast<PgTx&>(tx).conn(), t);
            }
            out.push_back({t, n, n});
        }
    });
    return out;
}

MigrateResult migrateToPostgres(const std::string& sqlitePath, const std::string& pgUrl,
                                const StorageOptions& options) {
    const auto start = std::chrono::steady_clock::now();
    SqliteStorage source(sqlitePath, options);  // brings it to the newest schema
    PgStorage target(pgUrl, options);           // creates the schema when it is new

    MigrateResult result;
    // One read snapshot of the source, one transaction on the target.
    source.read([&](Tx& stx) {
        auto& sdb = static_cast<SqliteTx&>(stx).db();
        PgConn conn(pgUrl);
        conn.exec("BEGIN ISOLATION LEVEL SERIALIZABLE");
        try {
            for (const char* t : {"stations", "members", "ops", "transfers", "config_docs"})
                if (pgCount(conn, t) > 0)
                    throw AdminError(std::string("the PostgreSQL database holds a district already (") + t +
                                     " has rows): migrate copies into an empty database only");
            // What PgStorage wrote on first use (the system accounts) is
            // replaced by the source's rows.
            conn.exec("DELETE FROM changes; DELETE FROM meal_rules; DELETE FROM accounts");
            result.tables.clear();
            for (const auto& table : districtTables()) {
                const auto cols = sqliteColumns(sdb, table);
                std::string names, marks;
                for (std::size_t i = 0; i < cols.size(); ++i) {
                    names += (i ? ", " : "") + cols[i];
                    marks += (i ? ", ?" : "?");
                }
                const std::string insert = "INSERT INTO " + table + " (" + names + ") VALUES (" + marks + ")";
                auto rows = sdb.prepare("SELECT " + names + " FROM " + table);
                std::int64_t copied = 0;
                while (rows.step()) {
                    PgQuery ins(conn, insert);
                    for (std::size_t i = 0; i < cols.size(); ++i) {
                        const int c = static_cast<int>(i);
                        if (rows.isNull(c)) ins.bind(c + 1, std::nullopt);
                        else ins.bind(c + 1, rows.getText(c));
                    }
                    ins.run();
                    ++copied;
                }
                const std::int64_t inSource = sdb.queryInt("SELECT count(*) FROM " + table).value_or(0);
                const std::int64_t inTarget = pgCount(conn, table);
                result.tables.push_back({table, inSource, inTarget});
                if (inSource != inTarget || copied != inSource)
                    throw AdminError("row counts differ for " + table + ": " + std::to_string(inSource) +
                                     " in SQLite, " + std::to_string(inTarget) +
                                     " in PostgreSQL; nothing was committed");
            }
            for (const auto& s : kSerials)
                conn.exec(std::string("SELECT setval(pg_get_serial_sequence('") + s.table + "', '" +
                          s.column + "'), coalesce((SELECT max(" + s.column + ") FROM " + s.table +
                          "), 0) + 1, false)");
            conn.exec("COMMIT");
        } catch (...) {
            try {
                conn.exec("ROLLBACK");
            } catch (...) {
            }
            throw;
        }
    });
    result.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    return result;
}

}  // namespace district
