// apply_page.h — internal: check a pulled page, then apply it in one transaction.
//
// decodePage() reads the whole page before anything is written, so a malformed
// page (bad JSON, a missing field, a wrong type, revisions out of order) is
// refused as a whole and the database does not change.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <vector>

#include "entities.h"
#include "store/sqlite.h"

namespace syncc {

struct DecodedPage {
    std::vector<Row> rows;                // known entities, in revision order
    std::map<std::string, int> unknown;   // entity this build does not know -> count
    int ignored = 0;
    std::int64_t nextCursor = 0;
    bool more = false;
    std::optional<std::int64_t> lastApplied;  // the district's, for this station
};

// Throws PageError naming what is wrong.
DecodedPage decodePage(const std::string& body, std::int64_t since);

// Writes all rows and the new cursor in one transaction; throws store::DbError
// (nothing written) if SQLite refuses any of it.
void applyPage(store::Database& db, const DecodedPage& page, const std::string& nowIso);

}  // namespace syncc
