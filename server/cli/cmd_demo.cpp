// cmd_demo.cpp — `demo`: a realistic Futian district (admin/demo.h).
#include <chrono>
#include <cstdio>
#include <filesystem>

#include "admin/demo.h"
#include "core/clock.h"
#include "cli/common.h"
#include "pki/pki.h"

namespace district::cli {

void addDemo(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("demo", "Fill a fresh data dir with a demo Futian district");
    auto opt = std::make_shared<DemoOptions>();
    cmd->add_option("--members", opt->members, "Members in the district (default 2,000 a station)");
    cmd->add_option("--seed", opt->seed, "Random seed; the same seed gives the same district")
        ->capture_default_str();
    cmd->add_option("--today", opt->today, "First day of menus and activities (default: today)");
    cmd->callback([&ctx, opt] {
        if (opt->today.empty()) opt->today = core::dateLocal(std::chrono::system_clock::now());
        auto storage = initData(ctx);
        const auto t0 = std::chrono::steady_clock::now();
        const DemoSummary s = generateDemo(*storage, *opt);
        const double secs =
            std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
        const std::string file = (std::filesystem::path(ctx.data_dir) / "demo-members.txt").string();
        writeFile(file, demoMembersText(s), 0600);
        std::printf("demo district from %s (seed %llu) in %.2f s:\n", opt->today.c_str(),
                    static_cast<unsigned long long>(opt->seed), secs);
        std::printf("  %d stations, %d canteens, %lld members\n", s.stations, s.canteens,
                    static_cast<long long>(s.members));
        std::printf("  %d meal slots, %d activities, %d catalog items, %lld time-bank transfers\n",
                    s.slots, s.activities, s.catalog_items, static_cast<long long>(s.transfers));
        std::printf("known members (also in %s):\n", file.c_str());
        for (const auto& k : s.known)
            std::printf("  %-16s %s card %s phone %s %s born %s %s, %lld min\n",
                        k.station_id.c_str(), k.member_id.c_str(), k.card_no.c_str(),
                        k.phone.c_str(), k.name.c_str(), k.birth_date.c_str(),
                        k.profile.c_str(), static_cast<long long>(k.balance_minutes));
        std::printf("pending services to approve: %zu (e.g. %s)\n", s.pending_services.size(),
                    s.pending_services.empty() ? "-" : s.pending_services.front().c_str());
    });
}

}  // namespace district::cli
