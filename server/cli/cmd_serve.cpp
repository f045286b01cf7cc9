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
    HttpLimits& l = opts->http;
    cmd->add_option("--threads", l.threads, "Worker threads")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    cmd->add_option("--max-backlog", l.max_backlog,
                    "Connections allowed to wait for a worker; beyond it 503 + Retry-After")
        ->check(CLI::Range(1, 512))
        ->capture_default_str();
    cmd->add_option("--max-shed", l.max_shed,
                    "Connections allowed to wait for their 503; beyond it closed at once")
        ->check(CLI::Range(0, 256))
        ->capture_default_str();
    cmd->add_option("--max-per-client", l.guard.max_per_client,
                    "Connections one client address may hold at once; more are closed at once")
        ->check(CLI::Range(1, 256))
        ->capture_default_str();
    auto deadline = std::make_shared<double>(l.guard.request_deadline.count() / 1000.0);
    cmd->add_option("--request-deadline", *deadline,
                    "Seconds a request may take in all (TLS handshake, headers, body, handling)")
        ->check(CLI::Range(1.0, 600.0))
        ->capture_default_str();
    cmd->add_option("--max-body", l.max_body_bytes, "Bytes a request body may have; beyond it 413")
        ->check(CLI::Range(std::size_t{1024}, std::size_t{1} << 30))
        ->capture_default_str();
    cmd->add_option("--max-header-bytes", l.guard.max_header_bytes,
                    "Bytes a request line and headers may take; beyond it the connection is closed")
        ->check(CLI::Range(std::size_t{4096}, std::size_t{1} << 20))
        ->capture_default_str();
    cmd->add_option("--max-op-age-days", opts->api.push.max_op_age_days,
                    "Ops created longer ago than this when they arrive are rejected stale_op")
        ->check(CLI::Range(1, 365))
        ->capture_default_str();
    cmd->callback([&ctx, listen, opts, deadline] {
        parseListen(*listen, opts->host, opts->port);
        opts->http.guard.request_deadline =
            std::chrono::milliseconds(static_cast<long long>(*deadline * 1000));
        checkLimits(opts->http);
        auto storage = openData(ctx);
        const int rc = runHttpsServer(ctx.data_dir, *storage, *opts);
        if (rc != 0) throw std::runtime_error("the server stopped with an error");
    });
}

}  // namespace district::cli
