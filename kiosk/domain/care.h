// care.h — 关爱名单: elders on the care rule (living alone, care level 2 or
// more, or in the 特困 / 低保 category) who have not been seen (check-in, meal
// pickup or delivery, activity) or reached by a 巡访 for N days (config
// care_days, default 3). Staff see this station's own elders first (with the
// phone and address the district sends only to their home station), then
// elders of the rule who come here but belong elsewhere. A visit or call that
// reaches the elder takes them off the list until N more days pass; one that
// does not stays on the list, marked, so nobody forgets an elder who cannot
// be reached.
#pragma once

#include <string>
#include <vector>

#include "domain/context.h"
#include "domain/members.h"

namespace domain {

bool onCareRule(const Member& m);

struct CareEntry {
    Member member;
    bool own = false;           // this station looks after the elder
    std::string phone;          // own elders only (care_contact), else ""
    std::string address;
    std::string last_contact;   // the latest of seen / reached, ISO; "" never
    int days_unseen = -1;       // whole days since last_contact; -1 never
    std::string last_attempt_at;       // the newest 巡访 from here, any outcome
    std::string last_attempt_outcome;  // reached / not_reached / ""
    std::string last_attempt_note;
};

// Own elders first, each group the longest unseen first; at most `limit`.
// `days` <= 0: the configuration's care_days.
std::vector<CareEntry> careList(const Context& ctx, int days = 0, int limit = 200);

enum class VisitOutcome { Reached, NotReached };
inline const char* toString(VisitOutcome o) { return o == VisitOutcome::Reached ? "reached" : "not_reached"; }

// Records a 巡访 (ctx.staffId made it): an op for the district and a local
// row. False for an unknown member or a note over 200 bytes.
bool recordVisit(const Context& ctx, const std::string& memberId, VisitOutcome outcome,
                 const std::string& note);

}  // namespace domain
