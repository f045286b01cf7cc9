#include "config_apply/config_manager.h"

#include <variant>

#include "config/decide.h"
#include "config_apply/config_tables.h"

namespace cfgapply {
namespace {

// The district server refuses a status whose config_rejection is longer than
// 1000 bytes (and with it the whole status); a refusal listing dozens of
// problems is cut here, on a UTF-8 character boundary.
constexpr std::size_t kMaxReasonBytes = 1000;

std::string clipped(std::string s) {
    if (s.size() <= kMaxReasonBytes) return s;
    std::size_t end = kMaxReasonBytes - 3;  // room for "..."
    while (end > 0 && (static_cast<unsigned char>(s[end]) & 0xC0) == 0x80) --end;
    s.resize(end);
    return s + "...";
}

std::string reasonOf(const config::Reject& r) { return std::string(r.reasonCode()) + ": " + r.message; }

}  // namespace

ConfigRejection parseRejection(const std::string& reason) {
    ConfigRejection r;
    const auto colon = reason.find(": ");
    if (colon == std::string::npos) {
        r.message = reason;
    } else {
        r.code = reason.substr(0, colon);
        r.message = reason.substr(colon + 2);
    }
    return r;
}

ConfigManager::ConfigManager(store::Database& db, const core::Clock& clock, ConfigManagerOptions opts)
    : db_(db), clock_(clock), opts_(opts) {
    restore();
    refreshRejection();
}

void ConfigManager::restore() {
    const auto stored = loadRunning(db_);
    const auto trust = loadTrust(db_);
    if (!stored || !trust) {
        // Without an enrollment there is no key to check a stored document with.
        publish(config::builtinDefaults());
        return;
    }
    config::ConfigDecision d = [&]() -> config::ConfigDecision {
        try {
            return config::restoreAccepted(nlohmann::json::parse(stored->envelope),
                                           trust->keys, trust->stationId);
        } catch (const nlohmann::json::parse_error&) {
            return config::Reject{config::RejectCode::Malformed, "the stored text is not JSON"};
        }
    }();
    if (auto* ok = std::get_if<config::Accept>(&d)) {
        publish(std::move(ok->config));
        return;
    }
    // Storage damaged or edited, or the station was re-enrolled elsewhere: run
    // the defaults and say so, rather than keep a document nobody can vouch for.
    const auto& rej = std::get<config::Reject>(d);
    store::Transaction tx(db_);
    removeRunning(db_);
    recordRejection(db_, core::isoLocal(clock_.now()), stored->version,
                    clipped(std::string(rej.reasonCode()) + ": the stored configuration (version " +
                            std::to_string(stored->version) + ") no longer checks out: " +
                            rej.message));
    tx.commit();
    publish(config::builtinDefaults());
}

void ConfigManager::publish(config::StationConfig cfg) {
    auto next = std::make_shared<const config::StationConfig>(std::move(cfg));
    {
        std::lock_guard lk(mu_);
        current_ = std::move(next);
    }
    // After the swap: whoever sees the new generation finds the new config.
    generation_.fetch_add(1);
}

void ConfigManager::refreshRejection() {
    std::optional<ConfigRejection> r;
    auto st = db_.prepare(kStandingRejectionSql);
    if (st.step()) {
        r = parseRejection(st.getText(0));
        r->version = st.getOptInt(1);
        r->at = st.getText(2);
    }
    std::lock_guard lk(mu_);
    rejection_ = std::move(r);
}

InboxOutcome ConfigManager::processInbox() {
    InboxOutcome out;
    const auto trust = loadTrust(db_);
    if (!trust) return out;
    // Bounded: the sync worker may add documents while this runs; they wait
    // for the next poll rather than keep the UI thread here.
    for (int n = 0; n < 100; ++n) {
        store::Transaction tx(db_);  // IMMEDIATE: the worker cannot replace the row under us
        const auto item = firstInInbox(db_);
        if (!item) break;
        const auto now = clock_.now();
        const std::int64_t running = current()->version;
        config::ConfigDecision d =
            config::decideText(item->envelope, trust->keys, running, trust->stationId, now);
        dropFromInbox(db_, item->id);
        if (auto* ok = std::get_if<config::Accept>(&d)) {
            storeRunning(db_, ok->config.version, item->envelope, core::isoLocal(now));
            tx.commit();
            publish(std::move(ok->config));
            ++out.accepted;
            continue;
        }
        const auto& rej = std::get<config::Reject>(d);
        if (rej.code == config::RejectCode::SameVersion) {
            ++out.dropped;  // already running: a repeated delivery, not a fault
        } else {
            recordRejection(db_, core::isoLocal(now), item->version, clipped(reasonOf(rej)));
            ++out.rejected;
        }
        tx.commit();
    }
    if (out.accepted || out.rejected) refreshRejection();
    return out;
}

bool ConfigManager::poll() {
    const std::int64_t nowMs = clock_.monotonicMs();
    const bool woken = wake_.exchange(false);
    if (!woken && lastLookMs_ && nowMs - *lastLookMs_ < opts_.pollEvery.count()) return false;
    lastLookMs_ = nowMs;
    try {
        const bool changed = !inboxEmpty(db_) && processInbox().changed();
        std::lock_guard lk(mu_);
        lastError_.clear();
        return changed;
    } catch (const std::exception& e) {
        std::lock_guard lk(mu_);
        lastError_ = e.what();
        return false;
    }
}

std::shared_ptr<const config::StationConfig> ConfigManager::current() const {
    std::lock_guard lk(mu_);
    return current_;
}

std::optional<ConfigRejection> ConfigManager::lastRejection() const {
    std::lock_guard lk(mu_);
    return rejection_;
}

std::chrono::seconds ConfigManager::syncInterval() const {
    return std::chrono::seconds(current()->syncIntervalSeconds);
}

std::string ConfigManager::lastError() const {
    std::lock_guard lk(mu_);
    return lastError_;
}

}  // namespace cfgapply
