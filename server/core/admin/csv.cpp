#include "admin/csv.h"

#include "errors.h"

namespace district {

std::vector<CsvRow> parseCsv(const std::string& text) {
    std::vector<CsvRow> rows;
    std::size_t i = text.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
    int line = 1;
    CsvRow row{line, {}};
    std::string field;
    bool inQuotes = false, fieldStarted = false;
    auto endRow = [&] {
        if (fieldStarted || !row.fields.empty()) {
            row.fields.push_back(field);
            bool blank = row.fields.size() == 1 && row.fields[0].empty();
            if (!blank) rows.push_back(row);
        }
        field.clear();
        row = CsvRow{line, {}};
        fieldStarted = false;
    };
    for (; i < text.size(); ++i) {
        const char c = text[i];
        if (inQuotes) {
            if (c == '"') {
                if (i + 1 < text.size() && text[i + 1] == '"') {
                    field.push_back('"');
                    ++i;
                } else {
                    inQuotes = false;
                }
            } else {
                if (c == '\n') ++line;
                field.push_back(c);
            }
            continue;
        }
        if (c == '"' && field.empty()) {
            inQuotes = true;
            fieldStarted = true;
        } else if (c == ',') {
            row.fields.push_back(field);
            field.clear();
            fieldStarted = true;
        } else if (c == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
            continue;
        } else if (c == '\n') {
            ++line;
            endRow();
        } else {
            field.push_back(c);
            fieldStarted = true;
        }
    }
    if (inQuotes) throw AdminError("line " + std::to_string(row.line) + ": unterminated quote");
    endRow();
    return rows;
}

std::string csvField(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) {
        if (c == '"') out.push_back('"');
        out.push_back(c);
    }
    out.push_back('"');
    return out;
}

std::string csvLine(const std::vector<std::string>& fields) {
    std::string out;
    for (std::size_t i = 0; i < fields.size(); ++i) {
        if (i) out.push_back(',');
        out += csvField(fields[i]);
    }
    out.push_back('\n');
    return out;
}

}  // namespace district
