// cmd_migrate.cpp — `migrate --from DATA_DIR --to postgresql://…`: moves a
// SQLite district into PostgreSQL (admin/migrate.h) and prints the row counts.
#include <cstdio>
#include <filesystem>

#include "admin/migrate.h"
#include "cli/common.h"
#include "errors.h"
#include "open_storage.h"
#include "pki/pki.h"

namespace district::cli {

void addMigrate(CLI::App& app, Context&) {
    auto* cmd = app.add_subcommand(
        "migrate", "Copy a SQLite district (DATA_DIR/district.db) into an empty PostgreSQL database");
    auto from = std::make_shared<std::string>();
    auto to = std::make_shared<std::string>();
    cmd->add_option("--from", *from, "The data dir of the SQLite district (its keys stay there)")->required();
    cmd->add_option("--to", *to, "postgresql://USER@HOST/DB, created empty by the technician")->required();
    cmd->callback([from, to] {
        if (!usesPostgres(*to)) throw AdminError("--to must be a postgresql:// URL");
        const std::string db = (std::filesystem::path(*from) / "district.db").string();
        if (!std::filesystem::exists(db)) throw AdminError(db + " does not exist");
        StorageOptions options;
        options.member_key = readMemberKey(*from);
        const MigrateResult r = migrateToPostgres(db, *to, options);
        std::printf("%-24s %10s %10s\n", "table", "sqlite", "postgresql");
        std::int64_t total = 0;
        for (const auto& t : r.tables) {
            std::printf("%-24s %10lld %10lld\n", t.table.c_str(), static_cast<long long>(t.source),
                        static_cast<long long>(t.target));
            total += t.target;
        }
        std::printf("copied %lld rows of %zu tables to %s in %.1f s; every count matches\n",
                    static_cast<long long>(total), r.tables.size(), redactDatabase(*to).c_str(), r.seconds);
        std::printf("serve with: district-server --data-dir %s --database %s serve\n", from->c_str(),
                    redactDatabase(*to).c_str());
    });
}

}  // namespace district::cli
