// cmd_alerts.cpp — `alerts` (open alerts from the stations: help calls, the
// 紧急 button, blocked cards, repeated wrong staff PINs) and `alerts ack ID`;
// the console's 求助提醒 page reads and closes the same ones
// (admin/station_day.h).
#include <pwd.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>

#include "admin/station_day.h"
#include "cli/common.h"
#include "config/member_hash.h"

namespace district::cli {

void addAlerts(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("alerts", "Alerts from the stations: list the open ones, or ack one");
    auto all = std::make_shared<bool>(false);
    cmd->add_flag("--all", *all, "Also the 50 newest acknowledged ones");
    auto* ack = cmd->add_subcommand("ack", "Close an alert once someone dealt with it");
    auto id = std::make_shared<std::string>();
    ack->add_option("ID", *id, "Alert id (see alerts)")->required();
    ack->callback([&ctx, id] {
        auto storage = openData(ctx);
        const passwd* pw = getpwuid(geteuid());
        const std::string by = "cli:" + std::string(pw && pw->pw_name ? pw->pw_name : std::to_string(geteuid()));
        ackAlert(*storage, *id, by, std::chrono::system_clock::now());
        auditCli(*storage, "alert.ack", *id, "alert acknowledged");
        std::printf("alert %s acknowledged\n", id->c_str());
    });
    cmd->callback([&ctx, all, ack] {
        if (ack->parsed()) return;
        auto storage = openData(ctx);
        std::vector<HelpCallRow> rows;
        std::vector<std::string> names;
        storage->read([&](Tx& tx) {
            rows = tx.helpCalls(!*all, *all ? 50 : 1000);
            for (const auto& a : rows) {
                const auto m = a.member_id.empty() ? std::nullopt : tx.member(a.member_id);
                names.push_back(m ? config::maskName(m->name) + " (" + m->id + ")" : "");
            }
        });
        std::size_t open = 0;
        for (std::size_t i = 0; i < rows.size(); ++i) {
            const auto& a = rows[i];
            open += a.acked_at.empty();
            std::printf("%s  %s  %-10s %s %s  screen %s%s%s%s%s\n", a.id.c_str(), a.at.c_str(),
                        alertKindWords(a.kind), a.station_id.c_str(), a.station_name.c_str(),
                        a.screen.empty() ? "-" : a.screen.c_str(),
                        names[i].empty() ? "" : ("  elder " + names[i]).c_str(),
                        a.detail.empty() ? "" : ("  " + a.detail).c_str(),
                        a.acked_at.empty() ? "" : "  acknowledged by ",
                        a.acked_at.empty() ? "" : (a.acked_by + " at " + a.acked_at).c_str());
        }
        std::printf("%zu open\n", open);
    });
}

}  // namespace district::cli
