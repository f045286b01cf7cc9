// cmd_report.cpp — `report checkins|meals|timebank|deliveries|subsidy` to CSV
// (admin/reports.h).
#include <cstdio>

#include "admin/reports.h"
#include "cli/common.h"
#include "errors.h"
#include "pki/pki.h"

namespace district::cli {

void addReport(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("report", "CSV reports for the district office (UTF-8 with a BOM)");
    struct Args {
        std::string kind, from, to, month, out;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("KIND", a->kind, "checkins, meals, timebank, deliveries or subsidy (the month's settlement)")
        ->required()
        ->check(CLI::IsMember({"checkins", "meals", "timebank", "deliveries", "subsidy"}));
    cmd->add_option("--from", a->from, "First day YYYY-MM-DD");
    cmd->add_option("--to", a->to, "Last day YYYY-MM-DD (inclusive)");
    cmd->add_option("--month", a->month, "A whole month YYYY-MM instead of --from/--to (subsidy needs it)");
    cmd->add_option("--out", a->out, "CSV file to write")->required();
    cmd->callback([&ctx, a] {
        std::string from = a->from, to = a->to;
        if (!a->month.empty()) {
            if (!from.empty() || !to.empty()) throw AdminError("give --month or --from/--to, not both");
            std::tie(from, to) = monthRange(a->month);
        } else if (a->kind == "subsidy") {
            throw AdminError("report subsidy settles a whole month: give --month YYYY-MM");
        } else if (from.empty() || to.empty()) {
            throw AdminError("give --from and --to (or --month)");
        }
        auto storage = openData(ctx);
        const std::string csv = a->kind == "subsidy" ? subsidyReportCsv(*storage, a->month)
                                                     : reportCsv(*storage, a->kind, from, to);
        writeFile(a->out, csv, 0600);
        std::size_t rows = 0;
        for (char c : csv) rows += c == '\n';
        std::printf("%s report %s..%s: %zu rows written to %s\n", a->kind.c_str(), from.c_str(), to.c_str(),
                    rows ? rows - 1 : 0, a->out.c_str());
    });
}

}  // namespace district::cli
