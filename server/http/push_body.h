// push_body.h — the body of POST /api/v1/ops to the ops to walk: the server's
// whole parse and check of a push (PROTOCOL.md "Push ops"), without HTTP, so
// the fuzzer (fuzz/push_body) runs exactly what the server runs.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <variant>

#include "protocol.h"

namespace district {

struct PushBodyError {
    int status = 400;
    std::string code;     // bad_json, bad_request, wrong_station, too_many_ops
    std::string message;
};

// JSON nested at most proto::kMaxJsonDepth deep, of the PushRequest shape,
// from `stationId`, at most `maxOps` ops, each with seq >= 1, a uuid of 1-64
// and a kind of 1-40 characters and created_at of at most 40. The payloads
// are moved out of the parsed DOM, never copied. Never throws (but
// std::bad_alloc).
std::variant<proto::PushRequest, PushBodyError> decodePushBody(std::string_view body, const std::string& stationId,
                                                               std::size_t maxOps);

}  // namespace district
