// fuzz_changes_page — what the district answers a kiosk, as its sync client
// takes it: a pulled page of changes through decodePage (bounded parse,
// shape, revisions, last_applied_seq, each entity's fields: trusted keys
// too), then applyPage into a real kiosk database in a scratch directory. A
// page is refused whole (PageError) or SQLite refuses it (DbError, nothing
// written); anything else escaping is a finding. The same bytes as the
// station hello (GET /station) and as a push answer, parsed the way
// sync_once.cpp and push.cpp do: a std::exception is their refusal.
#include <cstdint>
#include <memory>

#include "apply_page.h"
#include "bounded_json.h"
#include "fuzz_support.h"
#include "protocol.h"
#include "store/kiosk_db.h"

namespace {

store::Database& kioskDb() {
    static const std::string dir = fuzzsupport::scratchDir("fuzz-page");
    static std::unique_ptr<store::Database> db = store::openKioskDb(dir);
    return *db;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    store::Database& db = kioskDb();
    const std::string body(reinterpret_cast<const char*>(data), size);
    try {
        const syncc::DecodedPage page = syncc::decodePage(body, 0);
        syncc::applyPage(db, page, "2026-11-23T10:00:00+08:00");
    } catch (const syncc::PageError&) {
    } catch (const store::DbError&) {
    }
    try {
        proto::parseBounded(body).get<proto::StationHello>();
    } catch (const std::exception&) {
    }
    try {
        proto::parseBounded(body).get<proto::PushResponse>();
    } catch (const std::exception&) {
    }
    return 0;
}
