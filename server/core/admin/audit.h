// audit.h — the audit log of admin actions: who, what, when, from where, and
// how it ended. Append-only (the table refuses updates and deletes). The
// console writes a line for every action and every refusal; the command line
// writes one for every command that changes something (admin "cli:<user>",
// client "local").
#pragma once

#include <string>
#include <vector>

#include "core/clock.h"
#include "storage.h"

namespace district {

// Appends the entry (`at` filled in from `now` when empty; detail cut at 2000
// bytes). Throws like any write: an action whose line could not be written
// must not look recorded, so the caller reports the failure.
void recordAudit(Storage& storage, AuditEntry e, core::TimePoint now);

// id,at,admin,client,action,target,outcome,detail (RFC 4180).
std::string auditCsv(const std::vector<AuditEntry>& entries);

}  // namespace district
