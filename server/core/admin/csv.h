// csv.h — RFC 4180 CSV: quoted fields may hold commas, quotes ("") and line
// breaks. Used by the importers and the reports.
#pragma once

#include <string>
#include <vector>

namespace district {

struct CsvRow {
    int line = 0;  // 1-based line where the row starts, for error messages
    std::vector<std::string> fields;
};

// Throws AdminError on an unterminated quote. A UTF-8 BOM is skipped; blank
// lines are ignored; CRLF and LF both end a row.
std::vector<CsvRow> parseCsv(const std::string& text);

std::string csvField(const std::string& s);  // quoted when it needs to be
std::string csvLine(const std::vector<std::string>& fields);  // with "\n"

}  // namespace district
