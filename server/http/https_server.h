// https_server.h — runs the sync API over HTTPS until SIGTERM or SIGINT.
#pragma once

#include <string>

#include "http/api.h"
#include "http/hardened_server.h"

namespace district {

struct ServeOptions {
    std::string host = "127.0.0.1";
    int port = 8443;  // 0: any free port
    HttpLimits http;  // workers, queues, body size, per-client, deadline
    ApiOptions api;
};

// Loads DATA_DIR/tls/server.pem and server.key, binds, prints
// "listening on https://HOST:PORT" to stdout (flushed), serves, and returns 0
// after a clean stop on SIGTERM / SIGINT. Throws std::runtime_error when the
// certificate cannot be loaded or the address cannot be bound.
int runHttpsServer(const std::string& dataDir, Storage& storage, const ServeOptions& options);

// "HOST:PORT" or "[v6]:PORT" into host and port; throws std::invalid_argument.
void parseListen(const std::string& s, std::string& host, int& port);

}  // namespace district
