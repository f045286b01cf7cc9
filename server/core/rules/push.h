// push.h — applying a station's pushed ops exactly once (PROTOCOL.md "Push ops").
//
// The whole request runs in one write transaction: each op's effects, its
// stored answer and the station's new last_applied_seq commit together or not
// at all. Walking the ops in the order sent:
//   seq <= last_applied   the stored answer again (a different uuid under a
//                         stored seq is answered `seq_conflict`, nothing applied)
//   seq == last + 1       applied or rejected, answer stored, last = seq
//   seq >  last + 1       a gap: this and every later op `not_applied` (reason `gap`)
// A uuid seen before under another seq is `duplicate_uuid`. A rejected op is
// still answered and committed: it is final. An unexpected error rolls the
// whole request back and the client sends it again.
#pragma once

#include "core/clock.h"
#include "protocol.h"
#include "storage.h"

namespace district {

class PushService {
public:
    PushService(Storage& storage, const core::Clock& clock) : storage_(storage), clock_(clock) {}

    // station: the authenticated station (the request's station_id is checked
    // against it by the caller).
    proto::PushResponse push(const std::string& stationId, const std::vector<proto::Op>& ops);

private:
    Storage& storage_;
    const core::Clock& clock_;
};

}  // namespace district
