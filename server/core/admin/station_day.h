// station_day.h — what the district does about a station's working day
// (issue 9): enrolments waiting for an admin, alerts from the stations, and
// the care list (关爱名单). Shared by the CLI and the console.
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "storage.h"

namespace district {

// `member approve`: a pending enrolment becomes an active member (and gets
// the subsidies of its category). Throws AdminError when there is no such
// member or it is not pending.
Member approveMember(Storage& storage, const std::string& memberId);
// `member reject`: the enrolment is refused; stations stop knowing the elder
// (the member row says `rejected`). Same errors.
Member rejectMember(Storage& storage, const std::string& memberId);

// `alerts ack ID` and the console: closes an open alert. Throws AdminError
// when there is no such alert or it was acknowledged already.
void ackAlert(Storage& storage, const std::string& alertId, const std::string& by,
              core::TimePoint now);
// "求助" / "紧急" / "挂失卡" / "PIN 多次错误" for a kind.
const char* alertKindWords(const std::string& kind);

// The care report (`report care --days N`): elders on the care rule not seen
// or reached for `days` days before `now`, as CSV:
//   member_id,name,phone,address,home_station_id,home_station,living_alone,
//   care_level,categories,last_seen,last_visit,days_unseen,last_attempt_at,
//   last_attempt_outcome,last_attempt_note
// days_unseen is empty for an elder never seen. Throws AdminError for days
// outside 1..365.
std::string careReportCsv(Storage& storage, int days, core::TimePoint now);
// The rows behind it (at most `limit`), for the console.
std::vector<CareRow> careList(Storage& storage, int days, core::TimePoint now, int limit);

}  // namespace district
