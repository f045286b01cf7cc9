#include "rules/capacity.h"

#include <algorithm>

namespace district {
namespace {

std::int64_t grantFor(const SeatState& s, const TopUpPolicy& p) {
    const std::int64_t free = s.station_quota - s.station_held;
    if (free >= p.low_water) return 0;
    return std::min(p.grant, s.capacity - s.allocated);
}

}  // namespace

bool takeSeat(WriteTx& tx, SeatKind kind, const std::string& targetId,
              const std::string& stationId) {
    const SeatState s = tx.seatState(kind, targetId, stationId);
    if (s.station_held < s.station_quota) return true;
    if (s.allocated >= s.capacity) return false;
    tx.putQuota(Quota{kind, targetId, stationId, s.station_quota + 1});
    return true;
}

int topUpQuotas(Storage& storage, const std::string& stationId, core::TimePoint now,
                const TopUpPolicy& policy) {
    const std::string nowIso = core::isoLocal(now);
    bool needed = false;
    storage.read([&](Tx& tx) {
        for (const auto& s : tx.upcomingSeats(stationId, nowIso))
            if (grantFor(s, policy) > 0) {
                needed = true;
                return;
            }
    });
    if (!needed) return 0;
    int changed = 0;
    // Decided again under the write lock: another station may have taken the
    // unallocated seats since the snapshot above.
    storage.write([&](WriteTx& tx) {
        for (const auto& s : tx.upcomingSeats(stationId, nowIso)) {
            const std::int64_t g = grantFor(s, policy);
            if (g <= 0) continue;
            tx.putQuota(Quota{s.kind, s.target_id, stationId, s.station_quota + g});
            ++changed;
        }
    });
    return changed;
}

}  // namespace district
