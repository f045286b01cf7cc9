// cmd_serve.cpp — `serve`: the HTTPS sync API, and the admin console on its
// own port (server/console) in the same process.
#include <pthread.h>
#include <signal.h>

#include "admin/backup.h"
#include "cli/common.h"
#include "errors.h"
#include "console/console_server.h"
#include "http/https_server.h"
#include "http/request_log.h"

namespace district::cli {

void addServe(CLI::App& app, Context& ctx) {
    auto* cmd = app.add_subcommand("serve", "Serve the sync API and the admin console over HTTPS until SIGTERM/SIGINT");
    auto listen = std::make_shared<std::string>("127.0.0.1:8443");
    auto adminListen = std::make_shared<std::string>("127.0.0.1:8444");
    auto adminIdle = std::make_shared<int>(15 * 60);
    auto publicUrl = std::make_shared<std::string>();
    auto opts = std::make_shared<ServeOptions>();
    cmd->add_option("--listen", *listen, "HOST:PORT to listen on; port 0 picks a free port")
        ->capture_default_str();
    cmd->add_option("--admin-listen", *adminListen,
                    "HOST:PORT of the admin console (port 0 picks a free port; off: no console)")
        ->capture_default_str();
    cmd->add_option("--admin-idle", *adminIdle, "Seconds without a request before a console session ends")
        ->check(CLI::Range(1, 24 * 3600))
        ->capture_default_str();
    cmd->add_option("--public-url", *publicUrl,
                    "The API's URL as stations reach it, offered for bundles re-issued in the console "
                    "(default https://HOST:PORT of --listen)");
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
    cmd->callback([&ctx, listen, adminListen, adminIdle, publicUrl, opts, deadline] {
        parseListen(*listen, opts->host, opts->port);
        opts->http.guard.request_deadline =
            std::chrono::milliseconds(static_cast<long long>(*deadline * 1000));
        checkLimits(opts->http);
        auto storage = openData(ctx);
        // Held until the process ends: `restore` refuses while it is. On
        // PostgreSQL several servers share the data dir's keys on purpose.
        if (!ctx.postgres() && lockDataDir(ctx.data_dir) < 0)
            throw AdminError("another server is serving " + ctx.data_dir + " (DATA_DIR/serve.lock is held)");

        // Block the stop signals before the console's threads start, so they
        // inherit the mask and only runHttpsServer's stopper receives them.
        sigset_t stopSignals;
        sigemptyset(&stopSignals);
        sigaddset(&stopSignals, SIGTERM);
        sigaddset(&stopSignals, SIGINT);
        pthread_sigmask(SIG_BLOCK, &stopSignals, nullptr);

        std::unique_ptr<console::ConsoleServer> consoleServer;
        if (*adminListen != "off") {
            console::ConsoleServerOptions co;
            parseListen(*adminListen, co.host, co.port);
            co.console.session_idle = std::chrono::seconds(*adminIdle);
            const std::string apiHost = opts->host.find(':') != std::string::npos ? "[" + opts->host + "]" : opts->host;
            co.console.api_url = !publicUrl->empty() ? *publicUrl
                                 : opts->port == 0 ? ""  // not known before the API binds
                                                   : "https://" + apiHost + ":" + std::to_string(opts->port);
            consoleServer = std::make_unique<console::ConsoleServer>(ctx.data_dir, *storage, co);
            consoleServer->bind();
            consoleServer->start();
            // On the log (stderr): stdout's one line stays "listening on ...".
            logLine("console on " + consoleServer->url());
        }
        const int rc = runHttpsServer(ctx.data_dir, *storage, *opts);
        consoleServer.reset();  // stops it after the API has stopped
        if (rc != 0) throw std::runtime_error("the server stopped with an error");
    });
}

}  // namespace district::cli
