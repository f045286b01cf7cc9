// fuzz_changes_page — a pulled page of changes as the kiosk's sync client
// takes it: decodePage (bounded parse, shape, revisions, each entity's
// fields), then applyPage into a real kiosk database in a scratch
// directory. A page is refused whole (PageError) or SQLite refuses it
// (DbError, nothing written); anything else escaping is a finding.
#include <cstdint>
#include <memory>

#include "apply_page.h"
#include "fuzz_support.h"
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
    return 0;
}
