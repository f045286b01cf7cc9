// common.h — what every command of district-server shares: the data dir and
// its storage, and the registration functions of the command files.
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "storage.h"

namespace district::cli {

struct Context {
    std::string data_dir;
    // --database: empty for SQLite in DATA_DIR/district.db, or a
    // postgresql:// URL shared by several servers (open_storage.h).
    std::string database;
    bool postgres() const;
};

// Opens the district's database (DATA_DIR/district.db or --database), migrating it. Throws MissingKeys (exit 2) when
// a key or certificate is missing: only `init` and `demo` create them.
std::unique_ptr<Storage> openData(const Context& ctx);
// `init` and `demo`: creates the data dir (0700), the keys and certificates
// that are missing and the first keyset, then opens the database.
std::unique_ptr<Storage> initData(const Context& ctx);
std::string readInput(const std::string& path);  // "-" reads stdin
// One line in the audit log for a command that changed something: admin
// "cli:<user>", client "local".
void auditCli(Storage& storage, const std::string& action, const std::string& target,
              const std::string& detail);

void addInit(CLI::App& app, Context& ctx);
void addKeys(CLI::App& app, Context& ctx);   // keys list / rotate / retire
void addBackup(CLI::App& app, Context& ctx); // backup / restore
void addServe(CLI::App& app, Context& ctx);
void addDemo(CLI::App& app, Context& ctx);
void addStation(CLI::App& app, Context& ctx);
void addData(CLI::App& app, Context& ctx);  // member, canteen, menu, activity, catalog
void addTimebank(CLI::App& app, Context& ctx);
void addReport(CLI::App& app, Context& ctx);
void addConfig(CLI::App& app, Context& ctx);  // config push / list / status
void addAdmin(CLI::App& app, Context& ctx);   // admin add / list / disable (the console's accounts)
void addAlerts(CLI::App& app, Context& ctx);   // alerts / alerts ack ID
void addMigrate(CLI::App& app, Context& ctx); // migrate --from DATA_DIR --to postgresql://…

}  // namespace district::cli
