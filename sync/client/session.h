// session.h — internal: what the steps of one sync cycle share.
#pragma once

#include <atomic>
#include <chrono>
#include <optional>
#include <stdexcept>
#include <string>

#include "http.h"
#include "protocol.h"
#include "sync_client.h"

namespace syncc {

// Ends a cycle with a plain message (caught in syncOnce, never crosses it).
class CycleError : public std::runtime_error {
public:
    explicit CycleError(const std::string& what,
                        std::optional<std::chrono::seconds> retryAfter = std::nullopt)
        : std::runtime_error(what), retryAfter(retryAfter) {}
    std::optional<std::chrono::seconds> retryAfter;
};

struct Session {
    HttpClient http;
    std::string baseUrl;  // server_url + kApiPrefix
    proto::EnrollmentBundle enrollment;
    const SyncOptions& opts;
    const core::Clock& clock;
    const std::atomic<bool>* cancel = nullptr;

    std::int64_t bytesUp = 0, bytesDown = 0;  // on the wire, this cycle

    HttpResponse get(const std::string& path);  // path after kApiPrefix, e.g. "/changes?..."
    HttpResponse post(const std::string& path, const std::string& json);
    void log(const std::string& line) const;
    void checkCancelled() const;
    // Throws CycleError for a transport error or a non-2xx answer; `what` names
    // the step ("push", "pull", "status").
    void expectOk(const HttpResponse& r, const char* what) const;
};

// Steps of a cycle (push.cpp, sync_once.cpp).
// `refillFrom`: send every op from that seq on again, answered ones too (the
// district was restored from a backup and lost them); otherwise pending ops.
void pushOps(Session& s, store::Database& db, SyncReport& rep,
             std::optional<std::int64_t> refillFrom = std::nullopt);
// Returns the district's last applied seq for this station, when it said.
std::optional<std::int64_t> pullChanges(Session& s, store::Database& db, SyncReport& rep);
void postStatus(Session& s, store::Database& db, const std::string& lastSync);

// syncOnce with a cancel flag (the worker's stop flag).
SyncReport runCycle(store::Database& db, const core::Clock& clock, const SyncOptions& opts,
                    const std::atomic<bool>* cancel);

}  // namespace syncc
