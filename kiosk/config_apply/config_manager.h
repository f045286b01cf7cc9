// config_manager.h — the configuration a kiosk runs, and how a pushed one is
// taken on (DESIGN principle 6, config/README.md "The station's decision").
//
// The sync worker only collects pulled documents in table config_inbox. The
// ConfigManager judges them with config::decide (signature by the district key
// from the enrollment, a version above the running one, not expired, meant for
// this station, valid) and either makes one the running configuration or
// records why not. A bad document never changes what runs.
//
// Threads. The manager uses the Database connection it is given, so
// poll()/processInbox() run on that connection's thread: the UI thread, whose
// connection the domain already uses. One poll costs one indexed SELECT on an
// empty table; a document costs an Ed25519 check (~0.1 ms) and one small
// transaction. current(), generation(), lastRejection(), syncInterval() and
// wake() may be called from any thread.
//
// How the UI uses it (once a frame, or every few frames):
//
//     configs.poll();
//     if (configs.generation() != appliedGeneration) {
//         appliedGeneration = configs.generation();
//         auto cfg = configs.current();               // shared, immutable
//         // idle timer <- cfg->idleTimeoutSeconds / idleCountdownSeconds,
//         // home choices <- cfg->flows, banner <- cfg->announcement, ...
//         syncWorker.setInterval(configs.syncInterval());
//     }
//
// generation() starts at 1, so that check also applies the configuration
// loaded at start. poll() looks at the inbox at most every Options::pollEvery
// (2 s); wake() (e.g. when the sync worker finished a cycle that pulled
// something) makes the next poll() look at once.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>
#include <memory>
#include <mutex>
#include <optional>
#include <string>

#include "config/station_config.h"
#include "core/clock.h"
#include "store/sqlite.h"

namespace cfgapply {

// A document the station refused, as recorded in config_rejections.
struct ConfigRejection {
    std::string code;     // config::toString(RejectCode): "bad_signature", "rollback", ...
    std::string message;  // plain words for the admin
    std::optional<std::int64_t> version;  // as the delivery claimed it (not trusted)
    std::string at;       // when it was refused, ISO-8601 +08:00
    // "<code>: <message>": what the station status reports as config_rejection.
    std::string text() const { return code + ": " + message; }
};

// What one processInbox() did.
struct InboxOutcome {
    int accepted = 0;  // became the running configuration (the last one runs)
    int rejected = 0;  // refused and recorded in config_rejections
    int dropped = 0;   // same version as the running one: already applied, not a fault
    bool changed() const { return accepted > 0; }
};

struct ConfigManagerOptions {
    std::chrono::milliseconds pollEvery{2000};  // poll() looks at the inbox at most this often
};

class ConfigManager {
public:
    // Loads the configuration accepted earlier (table config) and checks it
    // again with config::restoreAccepted; runs config::builtinDefaults() when
    // there is none, when the kiosk is not enrolled, or when the stored one no
    // longer checks out (then it is removed and the refusal recorded, so the
    // status says version 0 and why). Throws store::DbError if the database
    // cannot be read.
    ConfigManager(store::Database& db, const core::Clock& clock, ConfigManagerOptions opts = {});
    ConfigManager(const ConfigManager&) = delete;
    ConfigManager& operator=(const ConfigManager&) = delete;

    // ---- on the database's thread (the UI thread)

    // processInbox() if pollEvery has passed since the last look or wake() was
    // called, and the inbox is not empty. True when the running configuration
    // changed. Never throws: a database error is kept in lastError() and the
    // next poll tries again.
    bool poll();

    // Judges every document in config_inbox, lowest version first, each in one
    // transaction with its outcome: Accept stores it as the running config;
    // a refusal is recorded (at, claimed version, "<code>: <message>");
    // same_version is dropped silently. The document leaves the inbox in the
    // same transaction either way. Does nothing before enrollment (no key to
    // check with). Throws store::DbError; what was committed before stays.
    InboxOutcome processInbox();

    // ---- any thread

    // The configuration to run now. Immutable: a newer one is a new object.
    std::shared_ptr<const config::StationConfig> current() const;
    // 1 for the configuration loaded at start, +1 for every document accepted.
    std::uint64_t generation() const { return generation_.load(); }
    // The refusal the status reports: the newest one no accepted document has
    // superseded (config_tables.h); nullopt when there is none.
    std::optional<ConfigRejection> lastRejection() const;
    // The sync worker's interval as the running configuration asks.
    std::chrono::seconds syncInterval() const;
    // Makes the next poll() look at the inbox at once.
    void wake() { wake_.store(true); }
    // The last database error of poll(), "" after a poll that worked.
    std::string lastError() const;

private:
    void restore();
    void publish(config::StationConfig cfg);
    void refreshRejection();

    store::Database& db_;
    const core::Clock& clock_;
    const ConfigManagerOptions opts_;
    std::optional<std::int64_t> lastLookMs_;  // database thread only

    mutable std::mutex mu_;  // guards current_, rejection_, lastError_
    std::shared_ptr<const config::StationConfig> current_;
    std::optional<ConfigRejection> rejection_;
    std::string lastError_;
    std::atomic<std::uint64_t> generation_{0};
    std::atomic<bool> wake_{false};
};

// Splits a stored reason "<code>: <message>" (a reason without ": " is all message).
ConfigRejection parseRejection(const std::string& reason);

}  // namespace cfgapply
