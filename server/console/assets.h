// assets.h — the console's stylesheet and script, compiled into the binary
// (embed_assets.cmake writes assets_data.cpp from server/console/assets/).
#pragma once

#include <string_view>

namespace district::console {

struct Asset {
    std::string_view body;
    std::string_view content_type;
};

// The asset named like its file ("console.css"); empty body when unknown.
Asset asset(std::string_view name);

}  // namespace district::console
