// cmd_timebank.cpp — `timebank pending | approve | reject | reverse`
// (rules/timebank.h, admin/services.h).
#include <chrono>
#include <cstdio>

#include "admin/services.h"
#include "cli/common.h"
#include "rules/timebank.h"

namespace district::cli {

void addTimebank(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("timebank", "Approve services and correct the time-bank ledger");
    cmd->require_subcommand(1);

    auto* pending = cmd->add_subcommand("pending", "List services waiting for approval");
    pending->callback([&ctx] {
        auto storage = openData(ctx);
        std::vector<Service> list;
        storage->read([&](Tx& tx) { list = tx.pendingServices(); });
        for (const auto& s : list)
            std::printf("%s  %s  volunteer %s -> %s  %s  %lld min  at %s\n", s.id.c_str(),
                        s.station_id.c_str(), s.volunteer_id.c_str(), s.recipient_id.c_str(),
                        s.item_id.c_str(), static_cast<long long>(s.minutes), s.created_at.c_str());
        std::printf("%zu pending\n", list.size());
    });

    auto* approve = cmd->add_subcommand("approve", "Approve a pending service: its minutes go to the volunteer");
    auto serviceId = std::make_shared<std::string>();
    approve->add_option("SERVICE_ID", *serviceId, "Service id (see timebank pending)")->required();
    approve->callback([&ctx, serviceId] {
        auto storage = openData(ctx);
        const Transfer t = approveService(*storage, *serviceId, std::chrono::system_clock::now());
        auditCli(*storage, "timebank.approve", *serviceId, std::to_string(t.minutes) + " min to " + t.to_account);
        std::printf("approved %s: %lld minutes to %s (transfer %s)\n", serviceId->c_str(),
                    static_cast<long long>(t.minutes), t.to_account.c_str(), t.id.c_str());
    });

    auto* reject = cmd->add_subcommand("reject", "Reject a pending service: no minutes are banked");
    auto rejectId = std::make_shared<std::string>();
    reject->add_option("SERVICE_ID", *rejectId, "Service id (see timebank pending)")->required();
    reject->callback([&ctx, rejectId] {
        auto storage = openData(ctx);
        const Service s = rejectService(*storage, *rejectId, std::chrono::system_clock::now());
        auditCli(*storage, "timebank.reject", *rejectId, std::to_string(s.minutes) + " min not banked");
        std::printf("rejected %s: %lld minutes of %s are not banked\n", rejectId->c_str(),
                    static_cast<long long>(s.minutes), s.volunteer_id.c_str());
    });

    auto* reverse = cmd->add_subcommand("reverse", "Correct a transfer with an opposite transfer");
    auto transferId = std::make_shared<std::string>();
    reverse->add_option("TRANSFER_ID", *transferId, "Transfer id, e.g. tr-svc-SERVICE_ID")->required();
    reverse->callback([&ctx, transferId] {
        auto storage = openData(ctx);
        const Transfer t = reverseTransfer(*storage, *transferId, std::chrono::system_clock::now());
        auditCli(*storage, "timebank.reverse", *transferId, std::to_string(t.minutes) + " min back (" + t.id + ")");
        std::printf("reversed %s: %lld minutes back from %s to %s (transfer %s)\n",
                    transferId->c_str(), static_cast<long long>(t.minutes), t.from_account.c_str(),
                    t.to_account.c_str(), t.id.c_str());
    });
}

}  // namespace district::cli
