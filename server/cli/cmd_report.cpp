// cmd_report.cpp — `report checkins|meals|timebank` to CSV (admin/reports.h).
#include <cstdio>

#include "admin/reports.h"
#include "cli/common.h"
#include "pki/pki.h"

namespace district::cli {

void addReport(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("report", "CSV reports for the district office");
    struct Args {
        std::string kind, from, to, out;
    };
    auto a = std::make_shared<Args>();
    cmd->add_option("KIND", a->kind, "checkins, meals or timebank")
        ->required()
        ->check(CLI::IsMember({"checkins", "meals", "timebank"}));
    cmd->add_option("--from", a->from, "First day YYYY-MM-DD")->required();
    cmd->add_option("--to", a->to, "Last day YYYY-MM-DD (inclusive)")->required();
    cmd->add_option("--out", a->out, "CSV file to write")->required();
    cmd->callback([&ctx, a] {
        auto storage = openData(ctx);
        const std::string csv = reportCsv(*storage, a->kind, a->from, a->to);
        writeFile(a->out, csv, 0600);
        std::size_t rows = 0;
        for (char c : csv) rows += c == '\n';
        std::printf("%s report %s..%s: %zu rows written to %s\n", a->kind.c_str(), a->from.c_str(),
                    a->to.c_str(), rows ? rows - 1 : 0, a->out.c_str());
    });
}

}  // namespace district::cli
