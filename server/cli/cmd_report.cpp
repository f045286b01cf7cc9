// cmd_report.cpp — `report checkins|meals|timebank|deliveries|staff|subsidy`
// to CSV (admin/reports.h) and `report care --days N` (admin/station_day.h).
#include <chrono>
#include <cstdio>

#include "admin/reports.h"
#include "admin/station_day.h"
#include "cli/common.h"
#include "errors.h"
#include "pki/pki.h"

namespace district::cli {

void addReport(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("report", "CSV reports for the district office (UTF-8 with a BOM)");
    struct Args {
        std::string kind, from, to, month, out;
        int days = 3;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("KIND", a->kind,
                    "checkins, meals, timebank, deliveries, staff (what staff did for elders), "
                    "subsidy (the month's settlement) or care (关爱名单)")
        ->required()
        ->check(CLI::IsMember({"checkins", "meals", "timebank", "deliveries", "staff", "subsidy", "care"}));
    cmd->add_option("--from", a->from, "First day YYYY-MM-DD (not for care)");
    cmd->add_option("--to", a->to, "Last day YYYY-MM-DD, inclusive (not for care)");
    cmd->add_option("--month", a->month, "A whole month YYYY-MM instead of --from/--to (subsidy needs it)");
    cmd->add_option("--days", a->days,
                    "care: elders on the care rule not seen or reached for this many days (default 3)");
    cmd->add_option("--out", a->out, "CSV file to write")->required();
    cmd->callback([&ctx, a] {
        std::string from = a->from, to = a->to;
        if (!a->month.empty()) {
            if (!from.empty() || !to.empty()) throw AdminError("give --month or --from/--to, not both");
            std::tie(from, to) = monthRange(a->month);
        } else if (a->kind == "care") {
            if (!from.empty() || !to.empty()) throw AdminError("report care takes --days, not dates");
        } else if (a->kind == "subsidy") {
            throw AdminError("report subsidy settles a whole month: give --month YYYY-MM");
        } else if (from.empty() || to.empty()) {
            throw AdminError("give --from and --to (or --month)");
        }
        auto storage = openData(ctx);
        const bool care = a->kind == "care";
        const std::string csv = care                    ? careReportCsv(*storage, a->days, std::chrono::system_clock::now())
                                : a->kind == "subsidy" ? subsidyReportCsv(*storage, a->month)
                                                       : reportCsv(*storage, a->kind, from, to);
        writeFile(a->out, csv, 0600);
        std::size_t rows = 0;
        for (char c : csv) rows += c == '\n';
        if (care) {
            // The file holds names, phones and addresses: the audit says who took it.
            auditCli(*storage, "report.care", a->out, std::to_string(rows ? rows - 1 : 0) + " elders");
            std::printf("care report (not seen for %d days): %zu elders written to %s\n", a->days,
                        rows ? rows - 1 : 0, a->out.c_str());
        } else {
            std::printf("%s report %s..%s: %zu rows written to %s\n", a->kind.c_str(), from.c_str(), to.c_str(),
                        rows ? rows - 1 : 0, a->out.c_str());
        }
    });
}

}  // namespace district::cli
