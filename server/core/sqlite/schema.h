// schema.h — migrations of the district database (DATA_DIR/district.db).
#pragma once

#include <vector>

#include "store/sqlite.h"

namespace district {

const std::vector<store::Migration>& districtMigrations();

}  // namespace district
