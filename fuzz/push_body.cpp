// fuzz_push_body — the body of POST /api/v1/ops, from the bytes to the op
// handlers: decodePushBody (exactly the server's parse and checks), then the
// push walker and each op's payload readers (server/core/rules) against a
// real SQLite district: a small demo in a scratch directory.
//
// Inputs of an even length have their seqs renumbered to follow the
// station's last applied one, so their ops reach the handlers instead of
// stopping at a gap; odd ones keep theirs (gaps, repeats, conflicts).
#include <cstdint>
#include <cstdio>
#include <memory>

#include "admin/demo.h"
#include "fuzz_support.h"
#include "http/push_body.h"
#include "rules/push.h"
#include "sqlite/sqlite_storage.h"

namespace {

constexpr const char* kStation = "st-changcheng";

// The server's clock stands still at 08:00 on the demo's first day, before
// the day's cut-offs, so the seeds' bookings stay bookable in every run.
struct District {
    std::string dir = fuzzsupport::scratchDir("fuzz-push");
    // Member rows are published hashed with the district's member key (any
    // 64 hex digits will do here).
    district::SqliteStorage storage{dir + "/district.db",
                                    district::StorageOptions{std::string(64, '7')}};
    core::ManualClock clock{core::parseIso("2026-12-01T08:00:00+08:00")};
    district::PushService push{storage, clock};

    District() {
        district::DemoOptions o;
        o.members = 390;
        o.seed = 1;
        o.today = "2026-12-01";
        district::generateDemo(storage, o);
    }
};

District& theDistrict() {
    static District d;
    return d;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    District& d = theDistrict();
    auto decoded = district::decodePushBody(std::string_view(reinterpret_cast<const char*>(data), size),
                                            kStation, 1000);
    auto* req = std::get_if<proto::PushRequest>(&decoded);
    if (!req) return 0;
    if (size % 2 == 0) {
        std::int64_t last = 0;
        d.storage.read([&](district::Tx& tx) { last = tx.station(kStation)->last_applied_seq; });
        for (auto& op : req->ops) op.seq = ++last;
    }
    try {
        d.push.push(kStation, req->ops);
    } catch (const std::exception& e) {
        // A failing op is rejected alone (op_failed); only a transient storage
        // error may escape, and there is none here. FUZZ_LENIENT=1 lets
        // exceptions pass (the server would answer 500).
        if (!fuzzsupport::lenient()) {
            std::fprintf(stderr, "push threw: %s\n", e.what());
            std::abort();
        }
    }
    return 0;
}
