// reports.h — CSV reports for the district office (dates inclusive, Shenzhen
// time). Every report is UTF-8 with a byte-order mark, so that a spreadsheet
// program shows the Chinese; money in yuan with two decimals.
//
//   checkins    station_id,station_name,day,checkins
//   meals       per canteen and day: 人次 (meals not cancelled) and 人 (distinct
//               elders) beside them, lunch and dinner, picked up, delivered,
//               cancelled, subsidy, paid
//   timebank    day,kind,transfers,minutes (kind: service, redemption, reversal, opening)
//   deliveries  every delivery booked (not cancelled): delivered, failed or not
//               yet marked, where, the fee and its subsidy; names masked
//   staff       station_id,staff_id,day,kind,ops: ops applied that staff made for
//               elders (staff_id in the payload), by the day they were made
//   subsidy     the month's settlement (subsidyReportCsv): one row per elder and
//               station whose canteen served them, totals per station and district
// The care list is careReportCsv (admin/station_day.h): it takes days, not dates.
//
// What counts (server/README.md "Reports"): a meal is a booking not cancelled
// (booked or picked up); its subsidy and self-paid part are those the district
// booked it with (`meal_book`'s answer). A delivery counts once marked
// delivered (`meal_delivery`): its fee, the district's delivery subsidy, and
// what the elder paid of the fee. A failed or unmarked delivery appears in
// `deliveries` and adds nothing to the money.
#pragma once

#include <string>

#include "storage.h"

namespace district {

// Throws AdminError on an unknown kind or bad dates.
std::string reportCsv(Storage& storage, const std::string& kind, const std::string& from,
                      const std::string& to);

// The subsidy settlement of one month ("YYYY-MM"). Columns:
//   站点, 长者编号, 姓名 (masked), 户籍, 类别, 补贴规则, 餐数, 补贴餐数, 餐费(元),
//   餐补(元), 餐费自付(元), 送达次数, 送餐费(元), 送餐补贴(元), 送餐费自付(元),
//   补贴合计(元), 自付合计(元)
// After each station's elders a 小计 row; at the end the district's 合计
// (姓名 holds the number of elders: "12人"). Throws AdminError on a bad month.
std::string subsidyReportCsv(Storage& storage, const std::string& month);

// First and last day of "YYYY-MM"; throws AdminError otherwise.
std::pair<std::string, std::string> monthRange(const std::string& month);

}  // namespace district
