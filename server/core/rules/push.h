// push.h — applying a station's pushed ops exactly once (PROTOCOL.md "Push ops").
//
// The whole request runs in one write transaction: each op's effects, its
// stored answer and the station's new last_applied_seq commit together or not
// at all. Walking the ops in the order sent:
//   seq <= last_applied   the stored answer again. A different uuid under a
//                         stored seq is a kiosk that reuses numbers (a new op
//                         log): `not_applied` / `seq_conflict`, and no op after
//                         it in this request is applied, so the kiosk can
//                         renumber them above last_applied in the same order
//   seq == last + 1       applied or rejected in its own savepoint, answer
//                         stored, last = seq
//   seq >  last + 1       a gap: this and every later op `not_applied` (reason `gap`)
// A uuid seen before under another seq is `duplicate_uuid`. An op created
// before the station's previous op (beyond a minute of clock slack) or more
// than max_op_age_days before the server received it is `stale_op`. An op
// whose handler fails for any reason but a transient storage error is
// rejected `op_failed`, its own writes undone, and the push goes on; a
// transient storage error rolls the whole request back (500) and the client
// sends it again.
#pragma once

#include <chrono>

#include "core/clock.h"
#include "protocol.h"
#include "storage.h"

namespace district {

struct PushOptions {
    // Ops created longer ago than this, when they arrive, are `stale_op`: a
    // cut-off cannot be beaten by backdating, and a kiosk offline for longer
    // is told so (server config: `serve --max-op-age-days`).
    int max_op_age_days = 7;
    // A kiosk clock stepped back by NTP may write an op a little before the
    // one it wrote last; within this slack it is judged at the earlier op's
    // time instead of being refused.
    std::chrono::seconds clock_slack{60};
};

class PushService {
public:
    PushService(Storage& storage, const core::Clock& clock, PushOptions options = {})
        : storage_(storage), clock_(clock), options_(options) {}

    // station: the authenticated station (the request's station_id is checked
    // against it by the caller).
    proto::PushResponse push(const std::string& stationId, const std::vector<proto::Op>& ops);

private:
    Storage& storage_;
    const core::Clock& clock_;
    PushOptions options_;
};

}  // namespace district
