// cmd_config.cpp — `config push`, `config list`, `config status`: the
// configuration admins push to stations over sync (admin/config_push.h).
#include <chrono>
#include <cstdio>

#include "admin/config_push.h"
#include "cli/common.h"
#include "pki/pki.h"

namespace district::cli {

void addConfig(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("config", "Station configuration, pushed to stations over sync");
    cmd->require_subcommand(1);

    auto* push = cmd->add_subcommand(
        "push", "Check, number, sign and publish a configuration document (config/README.md)");
    auto file = std::make_shared<std::string>();
    auto station = std::make_shared<std::string>();
    push->add_option("FILE", *file, "The JSON document (version and scope may be left out); - for stdin")
        ->required();
    push->add_option("--station", *station, "Push to this station only (default: the whole district)");
    push->callback([&ctx, file, station] {
        const std::string text = readInput(*file);
        auto storage = openData(ctx);
        const std::string key = readFile(pkiPaths(ctx.data_dir).config_key);
        const ConfigPushed out = pushConfig(*storage, key, {text, *station},
                                            std::chrono::system_clock::now());
        auditCli(*storage, "config.push", out.scope,
                 "version " + std::to_string(out.version) + ", expires " + out.expires_at);
        std::printf("pushed configuration version %lld to %s (expires %s, signed with %s)\n",
                    static_cast<long long>(out.version),
                    out.scope == "district" ? "the whole district" : ("station " + out.scope).c_str(),
                    out.expires_at.c_str(), out.key_id.c_str());
        if (out.subsidy_filled)
            std::printf("subsidy, calendar: the district's current meal rules were written into the document\n");
        if (out.meal_rules_changed)
            std::printf("meal rules of the district are now: %s\n", out.meal_rules_changed->c_str());
    });

    auto* list = cmd->add_subcommand("list", "Documents pushed so far: version, scope, time, expiry");
    list->callback([&ctx] {
        auto storage = openData(ctx);
        std::fputs(configListText(*storage).c_str(), stdout);
    });

    auto* status = cmd->add_subcommand(
        "status", "Per station: the config version it runs, the newest for it, its last refusal");
    status->callback([&ctx] {
        auto storage = openData(ctx);
        std::fputs(configStatusText(*storage).c_str(), stdout);
    });
}

}  // namespace district::cli
