// api.cpp — routes, authentication and error mapping of the sync API.
//
// Index
//   helpers        JSON errors, bearer token, JSON string escaping
//   Api::mount     hooks (authentication before the body, refusals, the log),
//                  errors, exceptions
//   pushOps        POST /api/v1/ops (the body: push_body.h)
//   changes        GET  /api/v1/changes (page written as a string: the rows'
//                  data is stored serialized, so it is never parsed again)
//   status         POST /api/v1/status
#include "http/api.h"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "bounded_json.h"
#include "http/push_body.h"
#include "http/request_log.h"
#include "pki/token.h"

namespace district {
namespace {

using nlohmann::json;

// The station the current request authenticated as (set by the admit hook,
// read by the route on the same worker thread).
thread_local std::optional<Station> tStation;

void sendError(httplib::Response& res, int status, const std::string& code,
               const std::string& message) {
    res.status = status;
    res.set_content(json(proto::ErrorBody{code, message}).dump(), "application/json");
    requestNote().detail = "error=" + code;
}

std::optional<std::string> bearerToken(const httplib::Request& req) {
    const std::string h = req.get_header_value("Authorization");
    const std::string prefix = "Bearer ";
    if (h.size() <= prefix.size() || h.size() > 300 || h.compare(0, prefix.size(), prefix) != 0)
        return std::nullopt;
    return h.substr(prefix.size());
}

void appendJsonString(std::string& out, const std::string& s) {
    out.push_back('"');
    for (unsigned char c : s) {
        if (c == '"' || c == '\\') {
            out.push_back('\\');
            out.push_back(static_cast<char>(c));
        } else if (c < 0x20) {
            char buf[8];
            std::snprintf(buf, sizeof buf, "\\u%04x", c);
            out += buf;
        } else {
            out.push_back(static_cast<char>(c));
        }
    }
    out.push_back('"');
}

std::optional<std::int64_t> parseInt(const std::string& s) {
    std::int64_t v = 0;
    auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || p != s.data() + s.size()) return std::nullopt;
    return v;
}

const char* statusText(int status) {
    switch (status) {
        case 400: return "bad_request";
        case 401: return "unauthorized";
        case 403: return "forbidden";
        case 404: return "not_found";
        case 405: return "method_not_allowed";
        case 408: return "request_timeout";
        case 411: return "length_required";
        case 413: return "payload_too_large";
        case 414: return "uri_too_long";
        case 415: return "unsupported_encoding";
        case 503: return "overloaded";
        default: return status >= 500 ? "internal" : "error";
    }
}

}  // namespace

Api::Api(Storage& storage, const core::Clock& clock, ApiOptions options)
    : storage_(storage), clock_(clock), options_(options), push_(storage, clock, options.push) {}

void Api::mount(HardenedHttpsServer& server) {
    RequestHooks hooks;
    hooks.begin = [](const httplib::Request&) {
        beginRequest();
        tStation.reset();
    };
    hooks.admit = [this](const httplib::Request& req) -> std::optional<Refusal> {
        const auto token = bearerToken(req);
        std::optional<Station> st;
        if (token) {
            const std::string hash = sha256Hex(*token);
            storage_.read([&](Tx& tx) { st = tx.stationByTokenHash(hash); });
        }
        if (!st) return Refusal{401, "unauthorized", "a valid station token is required"};
        requestNote().station_id = st->id;
        tStation = std::move(st);
        return std::nullopt;
    };
    hooks.refuse = [](httplib::Response& res, const Refusal& r) {
        if (r.status == 401) res.set_header("WWW-Authenticate", "Bearer");
        sendError(res, r.status, r.code, r.message);
    };
    hooks.log = [](const httplib::Request& req, const httplib::Response& res) {
        const auto& note = requestNote();
        char ms[32];
        std::snprintf(ms, sizeof ms, "%.1fms", requestMillis());
        logLine(req.method + " " + req.path + " " + std::to_string(res.status) + " " + ms +
                (note.station_id.empty() ? "" : " station=" + note.station_id) +
                (note.detail.empty() ? "" : " " + note.detail));
        // An answer httplib gave before any hook ran (a malformed request
        // line) must not log the last request's station.
        beginRequest();
        tStation.reset();
    };
    server.setHooks(std::move(hooks));

    // Wraps a route with the station the admit hook authenticated.
    auto authed = [](Api* api, void (Api::*fn)(const httplib::Request&, httplib::Response&, const Station&)) {
        return [api, fn](const httplib::Request& req, httplib::Response& res) {
            if (!tStation) return sendError(res, 401, "unauthorized", "a valid station token is required");
            (api->*fn)(req, res, *tStation);
        };
    };
    const std::string prefix = proto::kApiPrefix;
    server.Post(prefix + "/ops", authed(this, &Api::pushOps));
    server.Get(prefix + "/changes", authed(this, &Api::changes));
    server.Post(prefix + "/status", authed(this, &Api::status));
    server.Get(prefix + "/station", authed(this, &Api::station));

    server.set_error_handler([](const httplib::Request&, httplib::Response& res) {
        if (res.body.empty()) sendError(res, res.status, statusText(res.status), "see sync/PROTOCOL.md");
    });
    server.set_exception_handler(
        [retryAfter = server.limits().retry_after_seconds](const httplib::Request&, httplib::Response& res,
                                                            std::exception_ptr ep) {
            std::string what = "unknown";
            try {
                std::rethrow_exception(ep);
            } catch (const TransientStorageError& e) {
                // Busy, not broken (a serialization failure that kept coming
                // back, a lost database connection): nothing was changed.
                res.set_header("Retry-After", std::to_string(retryAfter));
                sendError(res, 503, "overloaded", "the database is busy; retry after the given seconds");
                requestNote().detail += std::string(" ") + std::string(e.what()).substr(0, 200);
                return;
            } catch (const std::exception& e) {
                what = e.what();
            } catch (...) {
            }
            sendError(res, 500, "internal", "the server failed; nothing was changed, try again");
            requestNote().detail += " " + what.substr(0, 200);
        });
}

void Api::pushOps(const httplib::Request& req, httplib::Response& res, const Station& st) {
    auto decoded = decodePushBody(req.body, st.id, options_.max_ops_per_push);
    if (const auto* e = std::get_if<PushBodyError>(&decoded)) return sendError(res, e->status, e->code, e->message);
    const proto::PushRequest& push = std::get<proto::PushRequest>(decoded);
    const proto::PushResponse out = push_.push(st.id, push.ops);
    int applied = 0, rejected = 0, notApplied = 0;
    for (const auto& r : out.results)
        (r.status == proto::OpStatus::Applied    ? applied
         : r.status == proto::OpStatus::Rejected ? rejected
                                                 : notApplied)++;
    requestNote().detail = "ops=" + std::to_string(push.ops.size()) + " applied=" +
                           std::to_string(applied) + " rejected=" + std::to_string(rejected) +
                           " not_applied=" + std::to_string(notApplied) +
                           " last_applied_seq=" + std::to_string(out.last_applied_seq);
    res.set_content(json(out).dump(), "application/json");
}

void Api::changes(const httplib::Request& req, httplib::Response& res, const Station& st) {
    std::int64_t since = 0, limit = proto::kMaxPageLimit;
    if (req.has_param("since")) {
        auto v = parseInt(req.get_param_value("since"));
        if (!v || *v < 0) return sendError(res, 400, "bad_request", "since must be an integer >= 0");
        since = *v;
    }
    if (req.has_param("limit")) {
        auto v = parseInt(req.get_param_value("limit"));
        if (!v || *v < 1) return sendError(res, 400, "bad_request", "limit must be an integer >= 1");
        limit = std::min<std::int64_t>(*v, proto::kMaxPageLimit);
    }
    const int granted = topUpQuotas(storage_, st.id, clock_.now(), options_.top_up);

    std::string body;
    body.reserve(static_cast<std::size_t>(limit) * 200 + 64);
    body += "{\"changes\":[";
    std::int64_t count = 0, cursor = since;
    bool more = false;
    storage_.read([&](Tx& tx) {
        // One row more than asked tells whether there is more.
        tx.changesSince(st.id, since, static_cast<int>(limit + 1), [&](const ChangeRow& r) {
            if (count == limit) {
                more = true;
                return;
            }
            if (count++) body.push_back(',');
            body += "{\"rev\":" + std::to_string(r.rev) + ",\"entity\":";
            appendJsonString(body, r.entity);
            body += ",\"key\":";
            appendJsonString(body, r.key);
            body += r.deleted ? ",\"deleted\":true,\"data\":" : ",\"deleted\":false,\"data\":";
            body += r.data_json;
            body.push_back('}');
            cursor = r.rev;
        });
    });
    body += "],\"next_cursor\":" + std::to_string(cursor) + ",\"more\":" + (more ? "true" : "false") +
            ",\"last_applied_seq\":" + std::to_string(st.last_applied_seq) + "}";
    requestNote().detail = "since=" + std::to_string(since) + " rows=" + std::to_string(count) +
                           (granted ? " quotas_topped_up=" + std::to_string(granted) : "");
    res.set_content(std::move(body), "application/json");
}

void Api::status(const httplib::Request& req, httplib::Response& res, const Station& st) {
    proto::StationStatus s;
    try {
        s = proto::parseBounded(req.body).get<proto::StationStatus>();
    } catch (const std::exception& e) {
        if (proto::isBadJson(e))
            return sendError(res, 400, "bad_json", std::string("the body is not acceptable JSON: ") + e.what());
        return sendError(res, 400, "bad_request", std::string("not a station status: ") + e.what());
    }
    if (s.app_version.size() > 64 || s.last_sync.size() > 64 ||
        (s.config_rejection && s.config_rejection->size() > 1000))
        return sendError(res, 400, "bad_request", "a status field is too long");
    const std::string receivedAt = core::isoLocal(clock_.now());
    storage_.write([&](WriteTx& tx) { tx.saveStatus(st.id, json(s).dump(), receivedAt); });
    res.set_content(R"({"ok":true})", "application/json");
}

}  // namespace district

namespace district {

void Api::station(const httplib::Request&, httplib::Response& res, const Station& st) {
    proto::StationHello hello{st.id, st.name, st.last_applied_seq};
    res.set_content(json(hello).dump(), "application/json");
}

}  // namespace district
