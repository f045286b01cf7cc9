// cmd_serve.cpp — `serve`: the HTTPS sync API.
#include "cli/common.h"
#include "http/https_server.h"

namespace district::cli {

void addServe(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("serve", "Serve the sync API over HTTPS until SIGTERM/SIGINT");
    auto listen = std::make_shared<std::string>("127.0.0.1:8443");
    auto opts = std::make_shared<ServeOptions>();
    cmd->add_option("--listen", *listen, "HOST:PORT to listen on; port 0 picks a free port")
        ->capture_default_str();
    cmd->add_option("--threads", opts->threads, "Worker threads")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    cmd->add_option("--max-backlog", opts->max_backlog,
                    "Connections allowed to wait for a worker; beyond it 503 + Retry-After")
        ->check(CLI::Range(1, 100000))
        ->capture_default_str();
    cmd->add_option("--max-op-age-days", opts->api.push.max_op_age_days,
                    "Ops created longer ago than this when they arrive are rejected stale_op")
        ->check(CLI::Range(1, 365))
        ->capture_default_str();
    cmd->callback([&ctx, listen, opts] {
        parseListen(*listen, opts->host, opts->port);
        auto storage = openData(ctx);
        const int rc = runHttpsServer(ctx.data_dir, *storage, *opts);
        if (rc != 0) throw std::runtime_error("the server stopped with an error");
    });
}

}  // namespace district::cli
