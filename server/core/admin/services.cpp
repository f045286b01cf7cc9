#include "admin/services.h"

#include "errors.h"

namespace district {

Service rejectService(Storage& storage, const std::string& serviceId, core::TimePoint) {
    Service out;
    storage.write([&](WriteTx& tx) {
        auto s = tx.service(serviceId);
        if (!s) throw AdminError("no service with id " + serviceId);
        if (s->status != "pending")
            throw AdminError("service " + serviceId + " is already " + s->status);
        s->status = "rejected";
        tx.putService(*s);
        out = *s;
    });
    return out;
}

}  // namespace district
