// decide.h — whether a station accepts a pushed configuration (DESIGN principle 6).
//
// decide() checks, in this order, and stops at the first failure:
//   1. malformed      the envelope is not {"document": {...}, "signature", "key_id"}
//                     (or, for decideText, not JSON at all)
//   2. bad_signature  not signed by the district key over this exact document
//                     (also: the station's own public key is unusable)
//   -- nothing in the document is trusted before this point --
//   3. invalid        the version is missing, not a whole number or below 1 (it
//                     cannot be ordered, so the remaining checks cannot run)
//   4. rollback       version < running version: never go back
//      same_version   version == running version: already applied; not a fault,
//                     so a station does not report it as a config rejection
//   5. expired        expires_at <= now
//   6. wrong_scope    scope is neither "district" nor this station's id
//   7. invalid        any other rule of validateConfig() (all problems, joined)
// Old and replayed documents are therefore named for what they are (rollback,
// same_version) before any complaint about their content.
#pragma once

#include "config/station_config.h"
#include "core/clock.h"

#include <nlohmann/json.hpp>

#include <cstdint>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

namespace config {

enum class RejectCode { Malformed, BadSignature, Rollback, SameVersion, Expired, WrongScope, Invalid };

// The wire names: "malformed", "bad_signature", "rollback", "same_version",
// "expired", "wrong_scope", "invalid".
std::string_view toString(RejectCode code);

struct Accept {
    StationConfig config;
};

struct Reject {
    RejectCode code = RejectCode::Malformed;
    std::string message;  // plain words for admins and the status report
    std::string_view reasonCode() const { return toString(code); }
};

using ConfigDecision = std::variant<Accept, Reject>;

inline bool isAccepted(const ConfigDecision& d) { return std::holds_alternative<Accept>(d); }

// The decision for a newly pulled envelope. `runningVersion` is the version the
// station runs now (0 for the built-in defaults). Never throws (except bad_alloc).
ConfigDecision decide(const nlohmann::json& envelope, const std::string& publicKeyPem,
                      std::int64_t runningVersion, const std::string& stationId, core::TimePoint now);
// Same, signed by any key of the station's trusted set (keyset.h).
ConfigDecision decide(const nlohmann::json& envelope, const std::vector<std::string>& trustedPems,
                      std::int64_t runningVersion, const std::string& stationId, core::TimePoint now);

// Same, for the envelope as text (as received or stored); text that is not JSON
// is `malformed`. (A separate name: a std::string converts to nlohmann::json too,
// so an overload of decide() would be ambiguous.)
ConfigDecision decideText(std::string_view envelopeText, const std::string& publicKeyPem,
                      std::int64_t runningVersion, const std::string& stationId, core::TimePoint now);
ConfigDecision decideText(std::string_view envelopeText, const std::vector<std::string>& trustedPems,
                          std::int64_t runningVersion, const std::string& stationId, core::TimePoint now);

// For a kiosk starting up with the envelope it accepted earlier: checks the
// signature, the scope and the rules again (storage can be damaged or edited),
// but not the version or the expiry. expires_at bounds when a document may be
// accepted, not how long it may run: a station offline for weeks keeps its last
// good configuration rather than fall back to the defaults.
ConfigDecision restoreAccepted(const nlohmann::json& envelope, const std::string& publicKeyPem,
                               const std::string& stationId);
ConfigDecision restoreAccepted(const nlohmann::json& envelope, const std::vector<std::string>& trustedPems,
                               const std::string& stationId);

}  // namespace config
