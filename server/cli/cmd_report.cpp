// cmd_report.cpp — `report checkins|meals|timebank|staff` to CSV
// (admin/reports.h) and `report care --days N` (admin/station_day.h).
#include <chrono>
#include <cstdio>

#include "admin/reports.h"
#include "admin/station_day.h"
#include "errors.h"
#include "cli/common.h"
#include "pki/pki.h"

namespace district::cli {

void addReport(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("report", "CSV reports for the district office");
    struct Args {
        std::string kind, from, to, out;
        int days = 3;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("KIND", a->kind,
                    "checkins, meals, timebank, staff (what staff did for elders) or care (关爱名单)")
        ->required()
        ->check(CLI::IsMember({"checkins", "meals", "timebank", "staff", "care"}));
    cmd->add_option("--from", a->from, "First day YYYY-MM-DD (not for care)");
    cmd->add_option("--to", a->to, "Last day YYYY-MM-DD, inclusive (not for care)");
    cmd->add_option("--days", a->days,
                    "care: elders on the care rule not seen or reached for this many days (default 3)");
    cmd->add_option("--out", a->out, "CSV file to write")->required();
    cmd->callback([&ctx, a] {
        auto storage = openData(ctx);
        const bool care = a->kind == "care";
        if (!care && (a->from.empty() || a->to.empty()))
            throw AdminError("report " + a->kind + " needs --from and --to");
        const std::string csv = care ? careReportCsv(*storage, a->days, std::chrono::system_clock::now())
                                     : reportCsv(*storage, a->kind, a->from, a->to);
        writeFile(a->out, csv, 0600);
        std::size_t rows = 0;
        for (char c : csv) rows += c == '\n';
        if (care) {
            // The file holds names, phones and addresses: the audit says who took it.
            auditCli(*storage, "report.care", a->out, std::to_string(rows ? rows - 1 : 0) + " elders");
            std::printf("care report (not seen for %d days): %zu elders written to %s\n", a->days,
                        rows ? rows - 1 : 0, a->out.c_str());
        } else {
            std::printf("%s report %s..%s: %zu rows written to %s\n", a->kind.c_str(), a->from.c_str(),
                        a->to.c_str(), rows ? rows - 1 : 0, a->out.c_str());
        }
    });
}

}  // namespace district::cli
