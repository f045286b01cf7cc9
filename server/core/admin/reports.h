// reports.h — CSV reports for the district office (dates inclusive, Shenzhen time).
//   checkins  station_id,station_name,day,checkins
//   meals     date,canteen_id,slot,booked,picked_up,cancelled,subsidy_cents,pay_cents
//             (money over meals not cancelled)
//   timebank  day,kind,transfers,minutes (kind: service, redemption, reversal, opening)
//   staff     station_id,staff_id,day,kind,ops: ops applied that staff made for
//             elders (staff_id in the payload), by the day they were made
// The care list is careReportCsv (admin/station_day.h): it takes days, not dates.
#pragma once

#include <string>

#include "storage.h"

namespace district {

// Throws AdminError on an unknown kind or bad dates.
std::string reportCsv(Storage& storage, const std::string& kind, const std::string& from,
                      const std::string& to);

}  // namespace district
