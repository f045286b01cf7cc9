#include "admin/audit.h"

#include "admin/csv.h"

namespace district {

void recordAudit(Storage& storage, AuditEntry e, core::TimePoint now) {
    if (e.at.empty()) e.at = core::isoLocal(now);
    if (e.detail.size() > 2000) {
        std::size_t n = 2000;  // on a UTF-8 character boundary
        while (n > 0 && (static_cast<unsigned char>(e.detail[n]) & 0xC0) == 0x80) --n;
        e.detail.resize(n);
    }
    storage.write([&](WriteTx& tx) { tx.addAudit(e); });
}

std::string auditCsv(const std::vector<AuditEntry>& entries) {
    std::string out = csvLine({"id", "at", "admin", "client", "action", "target", "outcome", "detail"});
    for (const auto& e : entries)
        out += csvLine({std::to_string(e.id), e.at, e.admin, e.client, e.action, e.target,
                        e.outcome, e.detail});
    return out;
}

}  // namespace district
