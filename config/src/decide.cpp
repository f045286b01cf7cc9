#include "config/decide.h"

#include "bounded_json.h"

#include "config/signing.h"
#include "config/validate.h"
#include "rules.h"

namespace config {
namespace {

using json = nlohmann::json;

Reject reject(RejectCode code, std::string message) { return Reject{code, std::move(message)}; }

std::string joined(const std::vector<std::string>& errors) {
    std::string out = errors.size() == 1 ? "1 problem: " : std::to_string(errors.size()) + " problems: ";
    for (std::size_t i = 0; i < errors.size(); ++i) out += (i ? "; " : "") + errors[i];
    return out;
}

// Steps 1 and 2: nothing else may be read from an envelope that fails them.
// Keys: one PEM, or a station's trusted set (keyset.h).
template <typename Keys>
std::optional<Reject> checkSignature(const json& envelope, const Keys& keys) {
    VerifyResult v = verifyEnvelope(envelope, keys);
    switch (v.status) {
        case VerifyStatus::Ok: return std::nullopt;
        case VerifyStatus::Malformed: return reject(RejectCode::Malformed, v.message);
        case VerifyStatus::BadSignature: return reject(RejectCode::BadSignature, v.message);
        case VerifyStatus::BadPublicKey:
            return reject(RejectCode::BadSignature, "cannot check any signature: " + v.message +
                                                        " (re-enroll the station)");
    }
    return reject(RejectCode::BadSignature, v.message);
}

std::optional<Reject> checkScope(const json& doc, const std::string& stationId) {
    auto it = doc.find("scope");
    if (it == doc.end() || !it->is_string()) return std::nullopt;  // reported by validation
    const auto& scope = it->get_ref<const std::string&>();
    if (scope == "district" || scope == stationId) return std::nullopt;
    return reject(RejectCode::WrongScope, "the document is for station " + scope + ", this is station " + stationId);
}

ConfigDecision acceptIfValid(const json& doc) {
    if (auto errors = validateConfig(doc); !errors.empty()) return reject(RejectCode::Invalid, joined(errors));
    return Accept{parseConfig(doc)};
}

}  // namespace

std::string_view toString(RejectCode code) {
    switch (code) {
        case RejectCode::Malformed: return "malformed";
        case RejectCode::BadSignature: return "bad_signature";
        case RejectCode::Rollback: return "rollback";
        case RejectCode::SameVersion: return "same_version";
        case RejectCode::Expired: return "expired";
        case RejectCode::WrongScope: return "wrong_scope";
        case RejectCode::Invalid: return "invalid";
    }
    return "invalid";
}

namespace {

template <typename Keys>
ConfigDecision decideWith(const json& envelope, const Keys& keys, std::int64_t runningVersion,
                          const std::string& stationId, core::TimePoint now) {
    if (auto r = checkSignature(envelope, keys)) return *r;
    const json& doc = envelope.at("document");

    auto version = doc.contains("version") ? detail::asInteger(doc.at("version")) : std::nullopt;
    if (!version || *version < 1) return reject(RejectCode::Invalid, joined(validateConfig(doc)));
    if (*version < runningVersion)
        return reject(RejectCode::Rollback, "version " + std::to_string(*version) + " is older than the running version " +
                                                std::to_string(runningVersion) + "; a station never goes back");
    if (*version == runningVersion)
        return reject(RejectCode::SameVersion, "version " + std::to_string(*version) + " is already running");

    if (auto it = doc.find("expires_at"); it != doc.end() && it->is_string()) {
        auto expires = detail::parseIsoStrict(it->get_ref<const std::string&>());
        if (expires && *expires <= now)
            return reject(RejectCode::Expired, "the document expired at " + core::isoLocal(*expires) +
                                                   " (now " + core::isoLocal(now) + ")");
    }
    if (auto r = checkScope(doc, stationId)) return *r;
    return acceptIfValid(doc);
}

template <typename Keys>
ConfigDecision decideTextWith(std::string_view envelopeText, const Keys& keys, std::int64_t runningVersion,
                              const std::string& stationId, core::TimePoint now) {
    json envelope;
    try {
        envelope = proto::parseBounded(envelopeText);
    } catch (const proto::JsonTooDeep& e) {
        return reject(RejectCode::Malformed, std::string("the envelope is not acceptable: ") + e.what());
    } catch (const proto::BadJson&) {
        return reject(RejectCode::Malformed, "the envelope is not valid JSON");
    }
    return decideWith(envelope, keys, runningVersion, stationId, now);
}

template <typename Keys>
ConfigDecision restoreWith(const json& envelope, const Keys& keys, const std::string& stationId) {
    if (auto r = checkSignature(envelope, keys)) return *r;
    const json& doc = envelope.at("document");
    if (auto r = checkScope(doc, stationId)) return *r;
    return acceptIfValid(doc);
}

}  // namespace

ConfigDecision decide(const json& envelope, const std::string& publicKeyPem, std::int64_t runningVersion,
                      const std::string& stationId, core::TimePoint now) {
    return decideWith(envelope, publicKeyPem, runningVersion, stationId, now);
}
ConfigDecision decide(const json& envelope, const std::vector<std::string>& trustedPems,
                      std::int64_t runningVersion, const std::string& stationId, core::TimePoint now) {
    return decideWith(envelope, trustedPems, runningVersion, stationId, now);
}
ConfigDecision decideText(std::string_view envelopeText, const std::string& publicKeyPem, std::int64_t runningVersion,
                          const std::string& stationId, core::TimePoint now) {
    return decideTextWith(envelopeText, publicKeyPem, runningVersion, stationId, now);
}
ConfigDecision decideText(std::string_view envelopeText, const std::vector<std::string>& trustedPems,
                          std::int64_t runningVersion, const std::string& stationId, core::TimePoint now) {
    return decideTextWith(envelopeText, trustedPems, runningVersion, stationId, now);
}
ConfigDecision restoreAccepted(const json& envelope, const std::string& publicKeyPem, const std::string& stationId) {
    return restoreWith(envelope, publicKeyPem, stationId);
}
ConfigDecision restoreAccepted(const json& envelope, const std::vector<std::string>& trustedPems,
                               const std::string& stationId) {
    return restoreWith(envelope, trustedPems, stationId);
}

}  // namespace config
