// district-server — the district's sync server and admin CLI (server/README.md).
#include <pwd.h>
#include <unistd.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <sstream>

#include "admin/audit.h"
#include "admin/keys.h"
#include "cli/common.h"
#include "errors.h"
#include "pki/pki.h"
#include "store/sqlite.h"

namespace district::cli {

std::unique_ptr<SqliteStorage> openStorage(const Context& ctx) {
    StorageOptions options;
    options.member_key = readMemberKey(ctx.data_dir);
    return std::make_unique<SqliteStorage>((std::filesystem::path(ctx.data_dir) / "district.db").string(),
                                           options);
}

std::unique_ptr<SqliteStorage> openData(const Context& ctx) {
    requirePki(ctx.data_dir);
    // district.db holds every elder's data: the folder is its owner's only.
    std::filesystem::permissions(ctx.data_dir, std::filesystem::perms::owner_all,
                                 std::filesystem::perm_options::replace);
    return openStorage(ctx);
}

std::unique_ptr<SqliteStorage> initData(const Context& ctx) {
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
    app.add_option("--data-dir", ctx.data_dir, "Data directory (database, keys, certificates)")
        ->required();
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
