// validate.h — the rules a pushed configuration document must pass. The same
// rules are written for admins in config/schema.json (JSON Schema 2020-12);
// tests/config/cases.json holds documents that both must judge alike.
#pragma once

#include <nlohmann/json.hpp>

#include <string>
#include <vector>

namespace config {

// Every problem found, one message each, as "<path>: <what is wrong>", e.g.
// "opening_hours.mon.close: must be after open (08:30), got \"08:00\"" or
// "staff_pins[1].staff_id: \"s-01\" is used twice". Paths use dots for object
// members and [i] for array items. An empty result means the document is valid.
// Checks the document alone, not the envelope, the signature or the version
// running on a station (that is decide()).
std::vector<std::string> validateConfig(const nlohmann::json& document);

}  // namespace config
