#include "sqlite/sqlite_storage.h"

#include "sqlite/schema.h"
#include "sqlite/sqlite_tx.h"

namespace district {

struct SqliteConn {
    SqliteConn(const std::string& path, const StorageOptions& options) : db(path), tx(db, options) {}
    store::Database db;
    SqliteTx tx;
};

store::Statement& StatementCache::get(std::string_view sql) {
    auto it = cache_.find(std::string(sql));
    if (it != cache_.end()) return *it->second;
    auto st = std::make_unique<store::Statement>(db_.prepare(sql));
    auto& ref = *st;
    cache_.emplace(std::string(sql), std::move(st));
    return ref;
}

SqliteStorage::SqliteStorage(const std::string& path, StorageOptions options)
    : path_(path), options_(std::move(options)) {
    writer_ = openConn();
    store::migrate(writer_->db, districtMigrations());
    write([this](WriteTx& tx) {
        auto& t = static_cast<SqliteTx&>(tx);
        // Migration 7 changed what a member row says (户籍, categories, care
        // level, an address on file): republish the rows still in the old
        // shape so that every station pulls them again. Once, at the first start.
        if (!options_.member_key.empty() && t.db().queryInt("SELECT 1 FROM changes WHERE entity = 'member' AND "
                            "json_extract(data, '$.hukou') IS NULL LIMIT 1")) {
            std::vector<std::string> ids;
            auto s = t.db().prepare("SELECT id FROM members ORDER BY id");
            while (s.step()) ids.push_back(s.getText(0));
            for (const auto& id : ids) tx.putMember(*tx.member(id));
        }
        for (const char* id : {kIssuanceAccount, kRedemptionAccount})
            tx.ensureAccount(Account{id, false, 0, std::nullopt});
    });
}

SqliteStorage::~SqliteStorage() = default;

std::unique_ptr<SqliteConn> SqliteStorage::openConn() {
    return std::make_unique<SqliteConn>(path_, options_);
}

void SqliteStorage::write(const std::function<void(WriteTx&)>& fn) {
    std::lock_guard<std::mutex> lock(writeMutex_);
    store::Transaction tx(writer_->db);
    fn(writer_->tx);
    tx.commit();
}

void SqliteStorage::read(const std::function<void(Tx&)>& fn) {
    std::unique_ptr<SqliteConn> conn;
    {
        std::lock_guard<std::mutex> lock(poolMutex_);
        if (!readers_.empty()) {
            conn = std::move(readers_.back());
            readers_.pop_back();
        }
    }
    if (!conn) conn = openConn();
    // A deferred transaction: all reads of fn see one snapshot.
    conn->db.exec("BEGIN");
    try {
        fn(conn->tx);
        conn->db.exec("COMMIT");
    } catch (...) {
        try {
            conn->db.exec("ROLLBACK");
        } catch (...) {
            conn.reset();  // a connection in an unknown state is not pooled again
        }
        if (conn) {
            std::lock_guard<std::mutex> lock(poolMutex_);
            readers_.push_back(std::move(conn));
        }
        throw;
    }
    std::lock_guard<std::mutex> lock(poolMutex_);
    readers_.push_back(std::move(conn));
}

}  // namespace district
