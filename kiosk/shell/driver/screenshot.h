// screenshot.h — PNG files from the back buffer (stb_image_write, libstb).
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace shell {

// Writes RGB rows (top first) as PNG, creating missing parent directories.
// Returns "" on success, else what went wrong.
std::string writePng(const std::string& path, const std::vector<std::uint8_t>& rgb, int width, int height);

}  // namespace shell
