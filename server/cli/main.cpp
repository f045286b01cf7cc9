// district-server — the district's sync server and admin CLI (server/README.md).
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>
#include <string_view>

#include "admin/audit.h"
#include "admin/keys.h"
#include "cli/common.h"
#include "errors.h"
#include "open_storage.h"
#include "pki/pki.h"
#include "store/sqlite.h"

namespace district::cli {

bool Context::postgres() const { return usesPostgres(database); }

std::unique_ptr<Storage> openStorage(const Context& ctx) {
    StorageOptions options;
    options.member_key = readMemberKey(ctx.data_dir);
    return district::openStorage(ctx.database, ctx.data_dir, options);
}

std::unique_ptr<Storage> openData(const Context& ctx) {
    requirePki(ctx.data_dir);
    // district.db holds every elder's data: the folder is its owner's only.
    std::filesystem::permissions(ctx.data_dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace);
    return openStorage(ctx);
}

std::unique_ptr<Storage> initData(const Context& ctx) {
    const auto made = initPki(ctx.data_dir);
    for (const auto& m : made) std::fprintf(stderr, "created %s\n", m.c_str());
    auto storage = openStorage(ctx);
    for (const auto& m : initDistrict(*storage, ctx.data_dir, std::chrono::system_clock::now()))
        if (std::find(made.begin(), made.end(), m) == made.end()) std::fprintf(stderr, "created %s\n", m.c_str());
    return storage;
}

std::string readInput(const std::string& path) {
    if (path != "-") return readFile(path);
    std::ostringstream ss;
    ss << std::cin.rdbuf();
    return ss.str();
}

void auditCli(Storage& storage, const std::string& action, const std::string& target,
              const std::string& detail) {
    const passwd* pw = getpwuid(geteuid());
    const std::string user = pw && pw->pw_name ? pw->pw_name : std::to_string(geteuid());
    recordAudit(storage, AuditEntry{0, "", "cli:" + user, "local", action, target, "ok", detail},
                std::chrono::system_clock::now());
}

}  // namespace district::cli

int main(int argc, char** argv) {
    using namespace district;
    CLI::App app{"district-server: the Futian district's sync server and admin tool"};
    cli::Context ctx;
    auto* dataDir = app.add_option("--data-dir", ctx.data_dir, "Data directory (database, keys, certificates)");
    // Every command needs it but `migrate`, which names its own (--from).
    bool migrating = false;
    for (int i = 1; i < argc; ++i) migrating = migrating || std::string_view(argv[i]) == "migrate";
    if (!migrating) dataDir->required();
    app.add_option("--database", ctx.database,
                   "postgresql://USER@HOST/DB: the district's database on PostgreSQL, shared by "
                   "several servers (default: SQLite in DATA_DIR/district.db)")
        ->envname("DISTRICT_DATABASE");
    app.set_config("--config", "", "A file of these options (TOML or INI: data-dir = \"…\", database = \"…\")");
    app.require_subcommand(1);
    app.fallthrough();  // --data-dir may also follow the command
    cli::addInit(app, ctx);
    cli::addKeys(app, ctx);
    cli::addBackup(app, ctx);
    cli::addServe(app, ctx);
    cli::addDemo(app, ctx);
    cli::addStation(app, ctx);
    cli::addData(app, ctx);
    cli::addTimebank(app, ctx);
    cli::addReport(app, ctx);
    cli::addConfig(app, ctx);
    cli::addAdmin(app, ctx);
    cli::addAlerts(app, ctx);
    cli::addMigrate(app, ctx);
    try {
        app.parse(argc, argv);
    } catch (const CLI::ParseError& e) {
        return app.exit(e);
    } catch (const AdminError& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    } catch (const MissingKeys& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 2;
    } catch (const store::SchemaTooNew& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "error: %s\n", e.what());
        return 1;
    }
    return 0;
}
