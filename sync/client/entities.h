// entities.h — internal: how a pulled change becomes a row (PROTOCOL.md "Pull").
//
// One table row per entity: which local table it lands in, which data fields
// it carries (name = column), which fields form the change key. decodeChange()
// checks a change against its row of the table and turns it into bound values,
// so apply_page.cpp never sees unchecked network input.
#pragma once

#include <cstdint>
#include <stdexcept>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "protocol.h"

namespace syncc {

enum class FieldType {
    Text,
    Int,       // JSON integer
    Bool,      // JSON true/false, stored 0/1
    Strings,   // JSON array of strings, stored as JSON text
    Document,  // any JSON; a string is stored as is, anything else as JSON text
};

struct FieldSpec {
    const char* name;                  // data field (and column, unless `column` is set)
    FieldType type;
    bool required;                     // must be present and not null
    const char* sqlDefault = nullptr;  // optional field absent/null -> this SQL literal (else NULL)
    const char* column = nullptr;      // local column when it is not named like the field
    const char* columnName() const { return column ? column : name; }
};

struct EntitySpec {
    const char* entity;                 // as in PROTOCOL.md
    const char* table;                  // local table
    std::vector<FieldSpec> fields;
    std::vector<const char*> key;       // fields that, joined by ':', make the change key
    bool localState = false;            // kiosk-made rows: pulled copy is 'synced'
    bool receivedAt = false;            // stamp received_at (config_inbox)
    const char* releaseUnique = nullptr;  // unique column another row may have to give up
    bool signedKeySet = false;          // verified and applied by applyPage itself
};

const std::vector<EntitySpec>& entitySpecs();
const EntitySpec* findEntity(std::string_view entity);  // nullptr: not known to this build

// A malformed page: the message names the change and the field.
class PageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

using Value = std::variant<std::monostate, std::int64_t, std::string>;

struct Row {
    const EntitySpec* spec = nullptr;
    std::string key;
    bool deleted = false;
    std::vector<Value> values;  // one per spec->fields, in order (empty when deleted)
};

// Throws PageError when the change does not fit its entity.
Row decodeChange(const EntitySpec& spec, const proto::Change& change);

}  // namespace syncc
