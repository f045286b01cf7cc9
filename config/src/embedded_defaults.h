// embedded_defaults.h — config/defaults.json compiled into the library, so a
// kiosk has a complete configuration before its first sync, whatever files are
// (or are not) installed next to the binary.
#pragma once

#include <string_view>

namespace config::detail {

extern const std::string_view kDefaultsJson;

}  // namespace config::detail
