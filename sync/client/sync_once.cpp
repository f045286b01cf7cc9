// sync_once.cpp — one sync cycle: push, pull, status (PROTOCOL.md).
//
// Index
//   Session      logging, cancel, HTTP answer checks
//   pullChanges  change pages until more=false
//   postStatus   what the station runs and how it is doing
//   runCycle     the cycle; turns every failure into SyncReport::error
#include <algorithm>
#include <cstdio>
#include <filesystem>

#include "apply_page.h"
#include "backoff.h"
#include "bounded_json.h"
#include "enroll.h"
#include "session.h"
#include "store/oplog.h"
#include "store/trusted_keys.h"

#ifndef ELDER_APP_VERSION
#error "ELDER_APP_VERSION must be defined by CMake"
#endif

namespace syncc {

// ------------------------------------------------------------- Session

HttpResponse Session::get(const std::string& path) {
    auto r = http.get(baseUrl + path);
    bytesUp += r.bytesUp;
    bytesDown += r.bytesDown;
    return r;
}

HttpResponse Session::post(const std::string& path, const std::string& json) {
    auto r = http.postJson(baseUrl + path, json);
    bytesUp += r.bytesUp;
    bytesDown += r.bytesDown;
    return r;
}

void Session::log(const std::string& line) const {
    if (opts.log)
        opts.log(line);
    else
        std::fprintf(stderr, "%s\n", line.c_str());
}

void Session::checkCancelled() const {
    if (cancel && cancel->load()) throw CycleError("sync was stopped");
}

void Session::expectOk(const HttpResponse& r, const char* what) const {
    if (!r.error.empty()) throw CycleError(std::string(what) + ": " + r.error);
    if (r.ok()) return;
    std::optional<std::chrono::seconds> wait;
    if (r.retryAfter) wait = parseRetryAfter(*r.retryAfter, clock.now(), opts.retryAfterMax);
    if (r.status == 401)
        throw CycleError(std::string(what) +
                         ": the district does not accept this station's token (HTTP 401); "
                         "enroll the kiosk again with a new bundle");
    std::string detail;
    try {
        const auto body = proto::parseBounded(r.body).get<proto::ErrorBody>();
        detail = body.error + (body.message.empty() ? "" : ": " + body.message);
    } catch (const std::exception&) {
        detail = "no error description";
    }
    if (detail.size() > 200) detail = detail.substr(0, 200) + "...";
    std::string msg = std::string(what) + ": the district server answered HTTP " +
                      std::to_string(r.status) + " (" + detail + ")";
    if (r.status == 429 || r.status == 503)
        msg = std::string(what) + ": the district server is busy (HTTP " +
              std::to_string(r.status) + ")" +
              (wait ? ", it asks to wait " + std::to_string(wait->count()) + " s" : "");
    throw CycleError(msg, wait);
}

// ------------------------------------------------------------- pullChanges

std::optional<std::int64_t> pullChanges(Session& s, store::Database& db, SyncReport& rep) {
    std::optional<std::int64_t> lastApplied;
    std::int64_t cursor = db.queryInt("SELECT cursor FROM sync_state WHERE id=1").value_or(0);
    const int limit = std::clamp(s.opts.pageLimit, 1, proto::kMaxPageLimit);
    for (;;) {
        s.checkCancelled();
        const auto resp = s.get("/changes?since=" + std::to_string(cursor) +
                                "&limit=" + std::to_string(limit));
        s.expectOk(resp, "pull");
        DecodedPage page;
        try {
            page = decodePage(resp.body, cursor);
        } catch (const PageError& e) {
            throw CycleError(std::string("pull: a page from the district was refused, nothing of "
                                         "it was applied (") + e.what() + ")");
        }
        for (const auto& [entity, n] : page.unknown)
            s.log("sync: ignored " + std::to_string(n) + " change(s) of entity '" + entity +
                  "' unknown to this version");
        applyPage(db, page, core::isoLocal(s.clock.now()));
        if (page.lastApplied) lastApplied = page.lastApplied;
        rep.pulled += static_cast<int>(page.rows.size());
        rep.ignored += page.ignored;
        cursor = page.nextCursor;
        rep.cursor = cursor;
        if (!page.more) break;
    }
    return lastApplied;
}

// ------------------------------------------------------------- postStatus

void postStatus(Session& s, store::Database& db, const std::string& lastSync) {
    proto::StationStatus st;
    st.app_version = ELDER_APP_VERSION;
    // As kiosk/config_apply keeps them: table config holds the one running
    // document (none: the built-in defaults, version 0), config_rejections every
    // refusal as "<code>: <message>". The refusal reported is the newest one no
    // accepted document has superseded: the same SQL as ConfigManager's
    // lastRejection() (kStandingRejectionSql in config_apply/config_tables.h).
    st.config_version = db.queryInt("SELECT coalesce(max(version), 0) FROM config").value_or(0);
    st.config_rejection = db.queryText(
        "SELECT r.reason, r.version, r.at FROM config_rejections r WHERE NOT EXISTS (SELECT 1 "
        "FROM config c WHERE c.applied_at > r.at OR (c.applied_at = r.at AND c.version >= "
        "coalesce(r.version, 0))) ORDER BY r.id DESC LIMIT 1");
    st.oplog_depth = store::OpLog(db).depth();
    st.last_sync = lastSync;
    std::error_code ec;
    const auto space = std::filesystem::space(std::filesystem::path(db.path()).parent_path(), ec);
    st.free_disk_bytes = ec ? 0 : static_cast<std::int64_t>(space.available);
    st.help_calls = db.queryInt("SELECT count(*) FROM help_calls WHERE handled=0").value_or(0);
    st.keyset_version = store::trustedKeys(db).version;
    // As kiosk/domain/staff_login.h keeps them.
    const std::string now = core::isoLocal(s.clock.now());
    st.pin_failures_24h = db.queryInt("SELECT count(*) FROM staff_pin_attempts WHERE ok=0 AND at > ?",
                                      core::isoLocal(s.clock.now() - std::chrono::hours(24)))
                              .value_or(0);
    st.pin_locked = db.queryInt("SELECT 1 FROM staff_pin_lock WHERE id=1 AND locked_until > ?", now).has_value();
    s.expectOk(s.post("/status", nlohmann::json(st).dump()), "status");
}

// ------------------------------------------------------------- runCycle

SyncReport runCycle(store::Database& db, const core::Clock& clock, const SyncOptions& opts,
                    const std::atomic<bool>* cancel) {
    const auto started = std::chrono::steady_clock::now();
    SyncReport rep;
    std::optional<Session> session;
    auto elapsed = [&] {
        return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count();
    };
    try {
        const auto enrollment = loadEnrollment(db);
        if (!enrollment)
            throw CycleError("this kiosk is not enrolled yet (enroll it with a bundle from the "
                             "district)");
        rep.cursor = db.queryInt("SELECT cursor FROM sync_state WHERE id=1").value_or(0);
        HttpOptions http{enrollment->ca_pem,   enrollment->token,  opts.connectTimeout,
                         opts.lowSpeedLimitBytes, opts.lowSpeedTime, opts.requestTimeout,
                         cancel};
        Session& s = session.emplace(Session{HttpClient(std::move(http)),
                                             enrollment->server_url + proto::kApiPrefix,
                                             *enrollment, opts, clock, cancel});
        db.run("UPDATE sync_state SET last_attempt_at=? WHERE id=1", core::isoLocal(clock.now()));
        pushOps(s, db, rep);
        const auto districtLast = pullChanges(s, db, rep);
        // A district restored from a backup has forgotten ops it once
        // answered: they go again, from where it stands, and are applied once.
        const auto answered = db.queryInt("SELECT max(seq) FROM op_log WHERE state<>'pending'");
        if (districtLast && answered && *districtLast < *answered) {
            s.log("sync: the district has this station's ops only up to " + std::to_string(*districtLast) +
                  " (restored from a backup?); sending the rest again");
            pushOps(s, db, rep, *districtLast + 1);
            pullChanges(s, db, rep);
        }
        const std::string done = core::isoLocal(clock.now());
        postStatus(s, db, done);
        db.run("UPDATE sync_state SET last_sync_at=?, last_error=NULL WHERE id=1", done);
        rep.ok = true;
    } catch (const CycleError& e) {
        rep.error = e.what();
        rep.retryAfter = e.retryAfter;
    } catch (const store::DbError& e) {
        rep.error = std::string("the kiosk's database: ") + e.what();
    } catch (const std::exception& e) {
        rep.error = e.what();
    }
    if (!rep.ok) {
        try {
            db.run("UPDATE sync_state SET last_error=? WHERE id=1", rep.error);
        } catch (const std::exception&) {
            // The database itself is what failed; the report still carries the error.
        }
    }
    if (session) {
        rep.bytesSent = session->bytesUp;
        rep.bytesReceived = session->bytesDown;
    }
    rep.seconds = elapsed();
    return rep;
}

std::optional<std::int64_t> learnLastApplied(store::Database& db, const core::Clock& clock,
                                             std::string& error, const SyncOptions& opts) {
    try {
        const auto enrollment = loadEnrollment(db);
        if (!enrollment) throw CycleError("this kiosk is not enrolled");
        HttpOptions http{enrollment->ca_pem,      enrollment->token, opts.connectTimeout,
                         opts.lowSpeedLimitBytes, opts.lowSpeedTime, opts.requestTimeout,
                         nullptr};
        Session s{HttpClient(std::move(http)), enrollment->server_url + proto::kApiPrefix,
                  *enrollment, opts, clock, nullptr};
        const auto resp = s.get("/station");
        s.expectOk(resp, "station");
        proto::StationHello hello;
        try {
            proto::parseBounded(resp.body).get_to(hello);
        } catch (const std::exception& e) {
            throw CycleError(std::string("station: the district's answer was refused (") + e.what() + ")");
        }
        if (hello.station_id != enrollment->station_id)
            throw CycleError("station: the district says this token is station '" + hello.station_id +
                             "', the bundle says '" + enrollment->station_id + "'");
        store::Transaction tx(db);
        store::raiseOpSeqFloor(db, hello.last_applied_seq);
        tx.commit();
        return hello.last_applied_seq;
    } catch (const std::exception& e) {
        error = e.what();
        return std::nullopt;
    }
}

SyncReport syncOnce(store::Database& db, const core::Clock& clock, const SyncOptions& opts) {
    return runCycle(db, clock, opts, nullptr);
}

}  // namespace syncc
