// config_push.h — admins configure stations over sync (DESIGN principle 6,
// config/README.md): `config push`, `config list`, `config status`.
//
// The server is where a document gets its version and its signature: the
// admin writes plain JSON, the server checks it with the same validator the
// stations run, numbers it from the one district-wide sequence, signs it with
// the district key and publishes it as the `config` change (PROTOCOL.md).
#pragma once

#include <optional>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "core/clock.h"
#include "storage.h"

namespace district {

struct ConfigPush {
    std::string document_text;  // the admin's JSON document (version may be left out)
    std::string station_id;     // empty: the whole district
    bool dry_run = false;       // every check, nothing signed or stored (the console's preview)
};

struct ConfigPushed {
    std::int64_t version = 0;
    std::string scope;       // "district" or the station id
    std::string expires_at;  // as written in the document
    std::string key_id;      // the key that signed it
    bool subsidy_filled = false;  // the district's meal rules (subsidy, calendar) were written into it
    // A one-line summary of the district's meal rules when they changed with it.
    std::optional<std::string> meal_rules_changed;
    std::string document_json;  // the document as signed (version, scope, meal rules filled in)
};

// Checks, numbers, signs and stores a document in one transaction, or throws
// AdminError (nothing changed) when:
//   - the text is not a JSON object, or is an already signed envelope;
//   - its `scope` is not the target ("district", or the --station id), or the
//     station does not exist; or a district-wide one names a station_name;
//   - its `version` is not above every version pushed so far (left out: the
//     next one is assigned);
//   - config::validateConfig finds problems (all are listed), or it has
//     already expired (every station would refuse it);
//   - a station's document carries a `subsidy` or `calendar` other than the
//     district's.
// Meal subsidies are decided by the server for the whole district, so the
// kiosk's figures and the server's must come from one source: a district
// document's `subsidy` and `calendar` become the server's meal rules
// (Tx::subsidyRules) in the same transaction, and a document without them
// gets the district's current ones written in before it is signed.
ConfigPushed pushConfig(Storage& storage, const std::string& signingKeyPem, const ConfigPush& req,
                        core::TimePoint now);

// What a station runs and what is meant for it (`config status`, the console).
struct ConfigStationState {
    Station station;
    std::optional<std::int64_t> running;  // from its last status; nullopt before the first
    std::int64_t newest = 0;              // newest version meant for it (0: none pushed)
    std::string reported_at;              // when that status came
    std::string rejection;                // "<code>: <message>" of its last refusal, or ""
};
std::vector<ConfigStationState> configStatus(Storage& storage);

// The document that runs now for a target (station id, or "" for the whole
// district), without its signature: a station's is the version it reports
// running (the newest meant for it before its first report); the district's
// is the newest district-wide document. nullopt: nothing pushed (the built-in
// defaults run).
std::optional<nlohmann::json> documentRunning(Storage& storage, const std::string& stationId);

// `config list`: every document pushed, oldest first (version, scope, when, expiry).
std::string configListText(Storage& storage);

// `config status`: per station the version it runs, the newest version meant
// for it, and the last refusal it reported ("<code>: <message>").
std::string configStatusText(Storage& storage);

}  // namespace district
