#include "pg/pg_storage.h"

#include <chrono>
#include <random>
#include <thread>

#include "pg/pg_schema.h"
#include "pg/pg_tx.h"

namespace district {

struct PgSession {
    PgSession(const std::string& url, const StorageOptions& options) : conn(url), tx(conn, options) {}
    PgConn conn;
    PgTx tx;
};

bool isPostgresUrl(const std::string& s) {
    return s.rfind("postgresql://", 0) == 0 || s.rfind("postgres://", 0) == 0;
}

PgStorage::PgStorage(const std::string& url, StorageOptions options)
    : url_(url), options_(std::move(options)) {
    {
        auto s = acquire();
        pgMigrate(s->conn);
        release(std::move(s));
    }
    write([this](WriteTx& tx) {
        auto& t = static_cast<PgTx&>(tx);
        // Migration 2 changed what a member row says: republish the rows still
        // in the old shape (sqlite_storage.cpp does the same).
        std::vector<std::string> ids;
        if (!options_.member_key.empty()) {
            PgQuery old(t.conn(), "SELECT 1 FROM changes WHERE entity = 'member' AND "
                                  "data NOT LIKE '%\"hukou\"%' LIMIT 1");
            if (old.step()) {
                PgQuery all(t.conn(), "SELECT id FROM members ORDER BY id");
                while (all.step()) ids.push_back(all.getText(0));
            }
        }
        for (const auto& id : ids) tx.putMember(*tx.member(id));
        for (const char* id : {kIssuanceAccount, kRedemptionAccount})
            tx.ensureAccount(Account{id, false, 0, std::nullopt});
    });
}

PgStorage::~PgStorage() = default;

std::unique_ptr<PgSession> PgStorage::acquire() {
    {
        std::lock_guard<std::mutex> lock(mutex_);
        if (!pool_.empty()) {
            auto s = std::move(pool_.back());
            pool_.pop_back();
            return s;
        }
    }
    return std::make_unique<PgSession>(url_, options_);
}

void PgStorage::release(std::unique_ptr<PgSession> s) {
    if (!s || !s->conn.ok()) return;
    std::lock_guard<std::mutex> lock(mutex_);
    pool_.push_back(std::move(s));
}

std::int64_t PgStorage::retries() const {
    std::lock_guard<std::mutex> lock(mutex_);
    return retries_;
}

namespace {

// Rolls back whatever is open; a connection that cannot is dropped.
void rollback(std::unique_ptr<PgSession>& s) {
    try {
        s->conn.exec("ROLLBACK");
    } catch (...) {
        s.reset();
    }
}

void pauseBeforeRetry(int attempt) {
    thread_local std::minstd_rand rng{std::random_device{}()};
    const int cap = std::min(2 + attempt * 3, 50);  // ms
    std::this_thread::sleep_for(std::chrono::microseconds(
        std::uniform_int_distribution<int>(500, cap * 1000)(rng)));
}

}  // namespace

namespace {

// The district's write lock, a session-level advisory lock taken *before*
// BEGIN so the transaction's snapshot is taken after it is held (a lock taken
// inside a serializable transaction comes after its snapshot, and racing
// writers would still abort each other). Released after COMMIT or ROLLBACK;
// a connection that dies releases it too.
constexpr std::int64_t kWriteLockKey = 0x6469737472696303;  // beside pg_tx.h's keys

void lockWrites(PgSession& s) {
    s.conn.exec("SELECT pg_advisory_lock(" + std::to_string(kWriteLockKey) + ")");
}

void unlockWrites(std::unique_ptr<PgSession>& s) {
    if (!s) return;
    try {
        s->conn.exec("SELECT pg_advisory_unlock(" + std::to_string(kWriteLockKey) + ")");
    } catch (...) {
        s.reset();  // closing the session frees the lock
    }
}

}  // namespace

void PgStorage::write(const std::function<void(WriteTx&)>& fn) {
    std::string last;
    for (int attempt = 1; attempt <= kWriteAttempts; ++attempt) {
        auto s = acquire();
        bool committing = false;
        try {
            lockWrites(*s);
            s->conn.exec("BEGIN ISOLATION LEVEL SERIALIZABLE");
            s->tx.begin();
            fn(s->tx);
            committing = true;
            s->conn.exec("COMMIT");
            unlockWrites(s);
            release(std::move(s));
            return;
        } catch (const PgError& e) {
            last = e.what();
            if (e.connectionLost()) {
                // A COMMIT whose answer was lost may have committed: running fn
                // again could do it twice, so the caller decides.
                if (committing) throw TransientStorageError(last);
                s.reset();
            } else {
                rollback(s);
                unlockWrites(s);
                release(std::move(s));
                if (!e.retryable()) throw;
            }
        } catch (const TransientStorageError& e) {
            last = e.what();
            rollback(s);
            unlockWrites(s);
            release(std::move(s));
        } catch (...) {
            rollback(s);
            unlockWrites(s);
            release(std::move(s));
            throw;
        }
        {
            std::lock_guard<std::mutex> lock(mutex_);
            ++retries_;
        }
        pauseBeforeRetry(attempt);
    }
    throw TransientStorageError("the database stayed busy after " + std::to_string(kWriteAttempts) +
                                " attempts: " + last);
}

void PgStorage::read(const std::function<void(Tx&)>& fn) {
    auto s = acquire();
    try {
        // One snapshot for all reads of fn, like SQLite's deferred transaction.
        s->conn.exec("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY");
        fn(s->tx);
        s->conn.exec("COMMIT");
    } catch (const PgError& e) {
        rollback(s);
        release(std::move(s));
        if (e.connectionLost()) throw TransientStorageError(e.what());
        throw;
    } catch (...) {
        rollback(s);
        release(std::move(s));
        throw;
    }
    release(std::move(s));
}

}  // namespace district
