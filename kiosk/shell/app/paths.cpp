#include "shell/app/paths.h"

#include <cstdlib>
#include <stdexcept>

namespace shell {

std::string defaultDataDir() {
    const char* xdg = std::getenv("XDG_DATA_HOME");
    if (xdg && xdg[0] == '/') return std::string(xdg) + "/elder-kiosk";
    const char* home = std::getenv("HOME");
    if (home && home[0] == '/') return std::string(home) + "/.local/share/elder-kiosk";
    throw std::runtime_error("no data directory: set --data-dir, XDG_DATA_HOME or HOME");
}

}  // namespace shell
