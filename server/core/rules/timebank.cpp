#include "rules/timebank.h"

#include <openssl/sha.h>

#include <cstdio>

#include "errors.h"

namespace district {

bool transferWithinFloor(WriteTx& tx, const Transfer& t) {
    const auto from = tx.account(t.from_account);
    if (!from) throw std::logic_error("time-bank account " + t.from_account + " does not exist");
    if (from->floor_minutes && from->minutes - t.minutes < *from->floor_minutes) return false;
    tx.addTransfer(t);
    return true;
}

void ensureMemberAccount(WriteTx& tx, const std::string& memberId) {
    tx.ensureAccount(Account{memberId, true, 0, 0});
}

std::string voucherFor(const std::string& redemptionId) {
    unsigned char md[SHA256_DIGEST_LENGTH];
    SHA256(reinterpret_cast<const unsigned char*>(redemptionId.data()), redemptionId.size(), md);
    unsigned long long n = 0;
    for (int i = 0; i < 8; ++i) n = (n << 8) | md[i];
    char buf[16];
    std::snprintf(buf, sizeof buf, "TB%08llu", n % 100000000ULL);
    return buf;
}

Transfer approveService(Storage& storage, const std::string& serviceId, core::TimePoint now) {
    Transfer t;
    storage.write([&](WriteTx& tx) {
        auto s = tx.service(serviceId);
        if (!s) throw AdminError("no service with id " + serviceId);
        if (s->status != "pending")
            throw AdminError("service " + serviceId + " is already " + s->status);
        const auto item = tx.catalogItem(s->item_id);
        ensureMemberAccount(tx, s->volunteer_id);
        t = Transfer{"tr-svc-" + serviceId, kIssuanceAccount, s->volunteer_id, s->minutes,
                     core::isoLocal(now), "service",
                     "志愿服务：" + (item ? item->name : s->item_id), serviceId};
        tx.addTransfer(t);  // issuance has no floor
        s->status = "approved";
        s->transfer_id = t.id;
        tx.putService(*s);
    });
    return t;
}

Transfer reverseTransfer(Storage& storage, const std::string& transferId, core::TimePoint now) {
    Transfer r;
    storage.write([&](WriteTx& tx) {
        const auto t = tx.transfer(transferId);
        if (!t) throw AdminError("no transfer with id " + transferId);
        if (t->kind == "reversal")
            throw AdminError("transfer " + transferId +
                             " is itself a reversal; record the right transfer instead");
        if (auto done = tx.reversalOf(transferId))
            throw AdminError("transfer " + transferId + " was already reversed by " + *done);
        r = Transfer{"tr-rev-" + transferId, t->to_account, t->from_account, t->minutes,
                     core::isoLocal(now), "reversal", "冲正：" + t->what, transferId};
        if (!transferWithinFloor(tx, r))
            throw AdminError("reversing " + transferId + " would take account " + t->to_account +
                             " below its floor (the minutes were already spent)");
    });
    return r;
}

}  // namespace district
