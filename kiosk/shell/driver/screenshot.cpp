#include "shell/driver/screenshot.h"

#include <filesystem>
#include <system_error>

#include <stb_image_write.h>

namespace shell {

std::string writePng(const std::string& path, const std::vector<std::uint8_t>& rgb, int width, int height) {
    if (width <= 0 || height <= 0 || rgb.size() < std::size_t(width) * std::size_t(height) * 3)
        return "no image to write";
    std::filesystem::path p(path);
    if (p.has_parent_path()) {
        std::error_code ec;
        std::filesystem::create_directories(p.parent_path(), ec);
        if (ec) return "cannot create " + p.parent_path().string() + ": " + ec.message();
    }
    if (!stbi_write_png(path.c_str(), width, height, 3, rgb.data(), width * 3))
        return "cannot write " + path;
    return "";
}

}  // namespace shell
