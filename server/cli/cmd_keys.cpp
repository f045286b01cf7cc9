// cmd_keys.cpp — `init` (a new district's keys, certificates and database),
// `keys list|rotate|retire` (admin/keys.h) and `member qr` (an elder's signed
// QR code).
#include <chrono>
#include <cstdio>

#include "admin/keys.h"
#include "cli/common.h"
#include "core/clock.h"

namespace district::cli {

void addInit(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand(
        "init", "Create a new district's CA, server certificate, signing key, member key and database "
                "(only what is missing; never replaces a file)");
    cmd->callback([&ctx] {
        auto storage = initData(ctx);
        std::printf("district data in %s is ready; start it with `serve`\n", ctx.data_dir.c_str());
    });
}

void addKeys(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("keys", "The district's signing keys: list, rotate, retire");
    cmd->require_subcommand(1);

    cmd->add_subcommand("list", "Signing keys, the published keyset, and the keyset each station reports")
        ->callback([&ctx] {
            auto storage = openData(ctx);
            std::fputs(keysText(*storage, ctx.data_dir).c_str(), stdout);
        });

    cmd->add_subcommand("rotate", "Bring in a new signing key; stations keep trusting the old one until it is retired")
        ->callback([&ctx] {
            auto storage = openData(ctx);
            const Rotated r = rotateSigningKey(*storage, ctx.data_dir, std::chrono::system_clock::now());
            std::printf("signing key is now %s (was %s); keyset version %lld published\n", r.new_key_id.c_str(),
                        r.old_key_id.c_str(), static_cast<long long>(r.keyset_version));
            for (auto v : r.republished)
                std::printf("configuration published again as version %lld, signed with the new key\n",
                            static_cast<long long>(v));
            for (const auto& w : r.warnings) std::printf("warning: %s\n", w.c_str());
            std::printf("retire %s with `keys retire %s` once `keys list` shows every station on keyset %lld\n",
                        r.old_key_id.c_str(), r.old_key_id.c_str(), static_cast<long long>(r.keyset_version));
        });

    auto* retire = cmd->add_subcommand("retire", "Stop trusting an earlier signing key and delete it");
    auto keyId = std::make_shared<std::string>();
    auto force = std::make_shared<bool>(false);
    retire->add_option("KEY_ID", *keyId, "e.g. ed25519:0123456789abcdef (see `keys list`)")->required();
    retire->add_flag("--force", *force, "Even if a station has not reported the newest keyset yet");
    retire->callback([&ctx, keyId, force] {
        auto storage = openData(ctx);
        const Retired r = retireKey(*storage, ctx.data_dir, *keyId, *force, std::chrono::system_clock::now());
        std::printf("retired %s; keyset version %lld published\n", r.key_id.c_str(),
                    static_cast<long long>(r.keyset_version));
    });
}

}  // namespace district::cli
