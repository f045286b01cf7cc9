#include "http/push_body.h"

#include "bounded_json.h"

namespace district {

std::variant<proto::PushRequest, PushBodyError> decodePushBody(std::string_view body, const std::string& stationId,
                                                               std::size_t maxOps) {
    proto::PushRequest push;
    try {
        push = proto::pushRequestFrom(proto::parseBounded(body));
    } catch (const std::bad_alloc&) {
        throw;
    } catch (const std::exception& e) {
        if (proto::isBadJson(e))
            return PushBodyError{400, "bad_json", std::string("the body is not acceptable JSON: ") + e.what()};
        return PushBodyError{400, "bad_request", std::string("not a push request: ") + e.what()};
    }
    if (push.station_id != stationId)
        return PushBodyError{403, "wrong_station", "station_id does not match the token"};
    if (push.ops.size() > maxOps)
        return PushBodyError{400, "too_many_ops", "at most " + std::to_string(maxOps) + " ops a request"};
    for (const auto& op : push.ops) {
        if (op.seq < 1 || op.uuid.empty() || op.uuid.size() > 64 || op.kind.empty() || op.kind.size() > 40 ||
            op.created_at.size() > 40)
            return PushBodyError{400, "bad_request",
                                 "op seq " + std::to_string(op.seq) +
                                     ": seq >= 1, uuid of 1-64 and kind of 1-40 characters required"};
    }
    return push;
}

}  // namespace district
