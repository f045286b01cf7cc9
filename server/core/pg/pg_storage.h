// pg_storage.h — Storage on a PostgreSQL database, shared by several
// district-server processes (docs/DEPLOY.md).
//
// How the rules keep their guarantees across processes:
//   - write() runs at SERIALIZABLE: a rule's read-then-write (seats left,
//     a balance above its floor, the station's last applied seq) commits only
//     if no concurrent transaction changed what it read. PostgreSQL aborts
//     the loser with a serialization failure (40001) or a deadlock (40P01);
//     write() rolls it back and runs fn again, up to kWriteAttempts times with
//     a growing random pause, then throws TransientStorageError (the API
//     answers 503 and the station pushes again later).
//   - Writers take the district's write lock (a session advisory lock, before
//     BEGIN) and so queue instead of racing: with 4 processes and 1,000
//     stations, racing serializable pushes aborted each other until some ran
//     out of attempts (117 answered 503 in bench_server_throughput); queued,
//     none did. Reads (change pages, the bulk of the traffic) never wait.
//     The serializable checks stay, for any writer that does not queue.
//   - Unique keys back what must never double: ops (station, seq), bookings
//     (one active per member and slot), config and keyset versions.
//   - Change revisions are drawn under an advisory lock held to commit
//     (pg_write.cpp), so they grow in commit order.
// So fn may run more than once: it must start from scratch each time (the
// push walker clears its results first), and do nothing outside the database.
//
// Each thread takes a connection from a pool (made on demand, kept after use).
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage.h"

namespace district {

struct PgSession;

class PgStorage final : public Storage {
public:
    static constexpr int kWriteAttempts = 40;

    // Connects (a libpq URL or "key=value" string), brings the schema up to
    // date and writes the default subsidy rules on first use.
    PgStorage(const std::string& url, StorageOptions options = {});
    ~PgStorage() override;
    PgStorage(const PgStorage&) = delete;
    PgStorage& operator=(const PgStorage&) = delete;

    void read(const std::function<void(Tx&)>& fn) override;
    void write(const std::function<void(WriteTx&)>& fn) override;

    const std::string& url() const { return url_; }
    // Transactions run again after a serialization failure or deadlock, since start.
    std::int64_t retries() const;

private:
    std::unique_ptr<PgSession> acquire();
    void release(std::unique_ptr<PgSession> s);

    std::string url_;
    StorageOptions options_;
    mutable std::mutex mutex_;
    std::vector<std::unique_ptr<PgSession>> pool_;
    std::int64_t retries_ = 0;
};

// True for "postgresql://…" / "postgres://…" URLs.
bool isPostgresUrl(const std::string& s);

}  // namespace district
