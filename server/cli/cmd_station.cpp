// cmd_station.cpp — `station add` (enrollment bundle) and `station list`.
#include <cstdio>

#include "admin/stations.h"
#include "cli/common.h"
#include "pki/pki.h"

namespace district::cli {

void addStation(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("station", "Enroll stations and see their status");
    cmd->require_subcommand(1);

    auto* add = cmd->add_subcommand("add", "Create a station (or reuse it by name) with a new token");
    auto req = std::make_shared<StationAdd>();
    auto bundle = std::make_shared<std::string>();
    add->add_option("NAME", req->name, "Station name, e.g. 长城长者服务站")->required();
    add->add_option("--id", req->id, "Station id (default: st- and a hash of the name)");
    add->add_option("--community", req->community, "Community (default: the name without 长者服务站)");
    add->add_option("--bundle", *bundle, "Where to write the enrollment bundle (JSON)")->required();
    add->add_option("--url", req->server_url, "Server URL written into the bundle")
        ->capture_default_str();
    add->callback([&ctx, req, bundle] {
        auto storage = openData(ctx);
        const StationAdded out = addStation(*storage, ctx.data_dir, *req);
        auditCli(*storage, "station.add", out.station.id,
                 std::string(out.created ? "created" : "new token; the old one no longer works") +
                     ", url " + req->server_url);
        // The bundle holds the token: readable by its owner only.
        writeFile(*bundle, nlohmann::json(out.bundle).dump(2) + "\n", 0600);
        std::printf("%s station %s (%s); enrollment bundle written to %s\n",
                    out.created ? "created" : "new token for", out.station.id.c_str(),
                    out.station.name.c_str(), bundle->c_str());
    });

    auto* list = cmd->add_subcommand("list", "Stations with their last reported status");
    list->callback([&ctx] {
        auto storage = openData(ctx);
        std::fputs(stationListText(*storage).c_str(), stdout);
    });
}

}  // namespace district::cli
