// fuzz_config_document — signed documents as a station decides on them:
//   1. the bytes as a received config envelope: decideText (bounded parse,
//      shape, signature); as a keyset envelope: decideKeySet; as a scanned
//      QR code: verifyElderQr;
//   2. the bytes as a config document, signed with a key of this process:
//      decide and restoreAccepted with that key (every rule of the validator
//      and the parser of StationConfig run on it), and validateConfig.
// These promise never to throw; anything escaping is a finding.
#include <cstdint>

#include "bounded_json.h"
#include "config/decide.h"
#include "config/elder_qr.h"
#include "config/keyset.h"
#include "config/signing.h"
#include "config/validate.h"

namespace {

const config::KeyPair& keys() {
    static const config::KeyPair k = config::generateKeyPair();
    return k;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view text(reinterpret_cast<const char*>(data), size);
    const core::TimePoint now = core::parseIso("2026-11-23T10:00:00+08:00");
    const std::string station = "st-changcheng";
    config::decideText(text, keys().publicPem, 0, station, now);
    config::verifyElderQr(std::string(text), {keys().publicPem});

    nlohmann::json doc;
    try {
        doc = proto::parseBounded(text);
    } catch (const std::exception&) {
        return 0;
    }
    config::decideKeySet(doc, config::KeySet{1, {keys().publicPem}});
    if (!doc.is_object()) return 0;
    config::validateConfig(doc);
    nlohmann::json envelope;
    try {
        envelope = config::signConfig(doc, keys().privatePem);
    } catch (const nlohmann::json::type_error&) {
        return 0;  // not valid UTF-8: cannot be signed (the server refuses to push it)
    }
    config::decide(envelope, keys().publicPem, 0, station, now);
    config::decide(envelope, keys().publicPem, 5, station, now);
    config::restoreAccepted(envelope, keys().publicPem, station);
    return 0;
}
