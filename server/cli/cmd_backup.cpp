// cmd_backup.cpp — `backup FILE` (online, consistent) and `restore FILE`
// (server stopped): admin/backup.h.
#include <cstdio>

#include "admin/backup.h"
#include "cli/common.h"
#include "errors.h"
#include "pki/pki.h"

namespace district::cli {

void addBackup(CLI::App& app, Context& ctx) {
    auto* backup = app.add_subcommand("backup", "Copy district.db to FILE while serving (consistent, checked, 0600)");
    auto out = std::make_shared<std::string>();
    backup->add_option("FILE", *out, "Where the copy goes (must not exist)")->required();
    backup->callback([&ctx, out] {
        if (ctx.postgres())
            throw AdminError("backup copies the SQLite district.db; on PostgreSQL use pg_dump or a base "
                             "backup (docs/DEPLOY.md \"Backups\")");
        openData(ctx);  // the keys are there, the schema is current
        const BackupResult r = backupDatabase(ctx.data_dir, *out);
        std::printf("backed up district.db to %s (%.1f MB in %.2f s); keep tls/ and keys/ safe too\n",
                    r.path.c_str(), double(r.bytes) / 1e6, r.seconds);
    });

    auto* restore = app.add_subcommand("restore", "Put a backup back as district.db (stop the server first)");
    auto in = std::make_shared<std::string>();
    restore->add_option("FILE", *in, "A file made by `backup`")->required();
    restore->callback([&ctx, in] {
        if (ctx.postgres())
            throw AdminError("restore puts back a SQLite district.db; on PostgreSQL use pg_restore "
                             "(docs/DEPLOY.md \"Backups\")");
        requirePki(ctx.data_dir);
        const RestoreResult r = restoreDatabase(ctx.data_dir, *in);
        std::printf("restored district.db from %s%s\nstart the server: stations send again the ops it lost\n",
                    in->c_str(), r.kept.empty() ? "" : ("; the replaced database is kept as " + r.kept).c_str());
    });
}

}  // namespace district::cli
