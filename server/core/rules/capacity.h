// capacity.h — seats and quotas (DESIGN.md principle 4, PROTOCOL.md
// "Capacity and quotas").
//
// Invariants, for every meal slot and activity:
//   held(station) <= quota(station)    for every station
//   sum of quotas  <= capacity
// so the seats held never exceed the capacity, whatever order ops arrive in.
// A station books offline only within its quota. Online, a booking beyond the
// quota takes an unallocated seat, which joins the station's quota in the same
// transaction (and the quota change goes out to the station); when no seat is
// unallocated, the booking is `full`. A cancellation lowers `held`, so the
// seat stays in the station's quota for its next booking: the kiosk, which
// counted the cancel locally, may already have promised it offline.
#pragma once

#include <string>

#include "core/clock.h"
#include "storage.h"

namespace district {

// Takes one seat on the target for a new booking or signup of `stationId`.
// Returns false when neither the station's quota nor unallocated seats have one.
bool takeSeat(WriteTx& tx, SeatKind kind, const std::string& targetId,
              const std::string& stationId);

// Tops up quotas on each pull: for each upcoming target of the station (its
// canteens' slots before cutoff, its own and district-wide activities before
// they start) whose free quota is below `lowWater`, grant up to `grant` more
// unallocated seats. A few at a time, so one station never hoards a slot.
struct TopUpPolicy {
    std::int64_t low_water = 2;
    std::int64_t grant = 5;
};

// Checks on a read snapshot first and takes the write lock only when a quota
// needs to grow, so the usual pull costs no write. Returns the quotas changed.
int topUpQuotas(Storage& storage, const std::string& stationId, core::TimePoint now,
                const TopUpPolicy& policy = {});

}  // namespace district
