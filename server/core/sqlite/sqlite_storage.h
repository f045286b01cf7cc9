// sqlite_storage.h — Storage on one SQLite file (WAL, synchronous=FULL).
//
// One writer connection behind a mutex (SQLite has one writer anyway; the
// mutex makes the server's writers queue in-process instead of spinning on
// busy_timeout), and a pool of reader connections so change pages are served
// in parallel with pushes. Admin commands run in other processes against the
// same file; BEGIN IMMEDIATE and busy_timeout serialize them with the server.
#pragma once

#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "storage.h"

namespace district {

class SqliteTx;
struct SqliteConn;

class SqliteStorage final : public Storage {
public:
    // Opens or creates the database and brings its schema up to date; writes
    // the default subsidy rules on first use. Member rows are published with
    // hashes keyed by `options.member_key` (putMember throws without one).
    explicit SqliteStorage(const std::string& path, StorageOptions options = {});
    ~SqliteStorage() override;
    SqliteStorage(const SqliteStorage&) = delete;
    SqliteStorage& operator=(const SqliteStorage&) = delete;

    void read(const std::function<void(Tx&)>& fn) override;
    void write(const std::function<void(WriteTx&)>& fn) override;

    const std::string& path() const { return path_; }

private:
    std::unique_ptr<SqliteConn> openConn();

    std::string path_;
    StorageOptions options_;
    std::mutex writeMutex_;
    std::unique_ptr<SqliteConn> writer_;
    std::mutex poolMutex_;
    std::vector<std::unique_ptr<SqliteConn>> readers_;
};

}  // namespace district
