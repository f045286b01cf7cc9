// api.h — the sync API of sync/PROTOCOL.md on a HardenedHttpsServer:
//   POST /api/v1/ops      push ops (rules/push.h)
//   GET  /api/v1/changes  pull a page of changes (tops up quotas first)
//   POST /api/v1/status   station status (shown by `station list`)
//   GET  /api/v1/station  who the token is, and its last applied op (enrollment)
// Every request needs `Authorization: Bearer <token>`, checked before its body
// is read (401 otherwise). Bad input is a 4xx with {"error","message"} and
// changes nothing; an overloaded server answers 503 with Retry-After.
#pragma once

#include <cstddef>

#include "core/clock.h"
#include "http/hardened_server.h"
#include "rules/capacity.h"
#include "rules/push.h"
#include "storage.h"

namespace district {

// Body size, connections and time are the server's (HttpLimits).
struct ApiOptions {
    std::size_t max_ops_per_push = 1000;  // 1000 ops are about 400 KB
    TopUpPolicy top_up;
    PushOptions push;
};

class Api {
public:
    Api(Storage& storage, const core::Clock& clock, ApiOptions options = {});
    // Registers the routes, authentication (the server's admit hook), the
    // error and exception handlers and the log.
    void mount(HardenedHttpsServer& server);

private:
    void pushOps(const httplib::Request& req, httplib::Response& res, const Station& st);
    void changes(const httplib::Request& req, httplib::Response& res, const Station& st);
    void status(const httplib::Request& req, httplib::Response& res, const Station& st);
    void station(const httplib::Request& req, httplib::Response& res, const Station& st);

    Storage& storage_;
    const core::Clock& clock_;
    ApiOptions options_;
    PushService push_;
};

}  // namespace district
